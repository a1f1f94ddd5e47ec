// Benchmark of the embedded LiveKit-compatible room server with real @livekit/rtc-node clients.
// Prints one JSON object. Timings are for comparison on one machine, medians over repeats.
//   npx tsx bench/room-server/run.ts [--max-rooms 8] [--window-s 8]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  dispose,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type RemoteTrack,
} from '@livekit/rtc-node';
import { TokenMinter } from '../../server/livekit/token-minter.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MAX_ROOMS = arg('max-rooms', 8);
const WINDOW_S = arg('window-s', 8);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : null);
const p90 = (xs: number[]) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]! : null;
const round = (x: number | null, d = 1) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

const apiKey = `BK${crypto.randomBytes(4).toString('hex')}`;
const apiSecret = crypto.randomBytes(32).toString('base64url');
const minter = new TokenMinter(apiKey, apiSecret);

// --- the server process ---
const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'server-process.ts')], {
  env: { ...process.env, BENCH_LK_KEY: apiKey, BENCH_LK_SECRET: apiSecret },
  stdio: ['pipe', 'pipe', 'inherit'],
});
// Never leave the server process behind, whatever ends this one.
process.on('exit', () => child.kill());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1));
const lines = readline.createInterface({ input: child.stdout! });
const waiters: ((line: string) => void)[] = [];
lines.on('line', (l) => waiters.shift()?.(l));
const nextLine = () => new Promise<string>((r) => waiters.push(r));
const url = (await nextLine()).replace('READY ', '');
const serverCpuMs = async () => {
  child.stdin!.write('cpu\n');
  const u = JSON.parse((await nextLine()).replace('CPU ', '')) as { user: number; system: number };
  return (u.user + u.system) / 1000;
};

// --- clients ---
const SILENCE = new Int16Array(480);
function tone(i: number, hz = 440, amp = 0.3): Int16Array {
  const out = new Int16Array(480);
  for (let k = 0; k < 480; k++) out[k] = Math.round(Math.sin((2 * Math.PI * hz * (i * 480 + k)) / 48000) * amp * 32767);
  return out;
}
function rms(d: Int16Array): number {
  let s = 0;
  for (const v of d) s += (v / 32768) ** 2;
  return Math.sqrt(s / d.length);
}

interface Client {
  room: Room;
  source: AudioSource | null;
  running: boolean;
  onFrame: ((level: number, atMs: number) => void) | null;
  data: { text: string; atMs: number }[];
}
const clients: Client[] = [];

async function join(identity: string, roomName: string): Promise<{ client: Client; joinMs: number }> {
  const client: Client = { room: new Room(), source: null, running: false, onFrame: null, data: [] };
  clients.push(client);
  client.room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
    if (track.kind !== TrackKind.KIND_AUDIO) return;
    const reader = new AudioStream(track, 48000, 1).getReader();
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done || !value) return;
        client.onFrame?.(rms(value.data), performance.now());
      }
    })();
  });
  client.room.on(RoomEvent.DataReceived, (payload) =>
    client.data.push({ text: new TextDecoder().decode(payload), atMs: performance.now() }),
  );
  const token = (await minter.mint({ identity, room: roomName, ttlSeconds: 3600 })).token;
  const t0 = performance.now();
  await client.room.connect(url, token, { autoSubscribe: true, dynacast: false });
  return { client, joinMs: performance.now() - t0 };
}

/** Publishes audio in real time: `frame(i)` decides each 10 ms frame; `onSent` sees when each was handed over. */
async function publish(
  client: Client,
  frame: (i: number) => Int16Array,
  onSent?: (i: number, atMs: number) => void,
): Promise<void> {
  client.source = new AudioSource(48000, 1, 20);
  const track = LocalAudioTrack.createAudioTrack('mic', client.source);
  await client.room.localParticipant!.publishTrack(
    track,
    new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
  );
  client.running = true;
  void (async () => {
    const start = performance.now();
    for (let i = 0; client.running; i++) {
      // Real-time pacing from a fixed origin, so a slow tick does not shift everything after it.
      const due = start + i * 10;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      onSent?.(i, performance.now());
      await client.source?.captureFrame(new AudioFrame(frame(i), 48000, 1, 480)).catch(() => {});
    }
  })();
}

async function inboundLoss(client: Client): Promise<{ received: number; lost: number }> {
  const stats = await client.room.getRtcStats();
  let received = 0;
  let lost = 0;
  for (const s of stats.subscriberStats) {
    const st = (
      s as unknown as {
        stats: {
          case?: string;
          value?: { received?: { packetsReceived?: bigint; packetsLost?: bigint }; stream?: { kind?: string } };
        };
      }
    ).stats;
    if (st.case !== 'inboundRtp') continue;
    received += Number(st.value?.received?.packetsReceived ?? 0n);
    lost += Number(st.value?.received?.packetsLost ?? 0n);
  }
  return { received, lost };
}

async function leaveAll(list: Client[]): Promise<void> {
  for (const c of list) {
    c.running = false;
    await c.room.disconnect().catch(() => {});
    await c.source?.close().catch(() => {});
  }
}

const result: Record<string, unknown> = {
  bench: 'room-server',
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
  clients: '@livekit/rtc-node 1.1.0 in the bench process; server in its own process (werift 0.24.4)',
};

// 1. Join time: a participant joining a room that already has one.
{
  const host = await join('host', 'bench-join');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const { client, joinMs } = await join(`joiner-${i}`, 'bench-join');
    times.push(joinMs);
    await leaveAll([client]);
  }
  await leaveAll([host.client]);
  result.joinMs = { median: round(median(times)), p90: round(p90(times)), runs: times.length };
}

// 2. Mouth-to-ear audio latency: silence with a 100 ms tone burst every 700 ms; the time from
//    handing the burst's first frame to the publisher's SDK until the listener decodes it.
{
  const speaker = (await join('speaker', 'bench-latency')).client;
  const listener = (await join('listener', 'bench-latency')).client;
  const burstSentAt: number[] = [];
  const heardAt: number[] = [];
  let loud = false;
  listener.onFrame = (level, at) => {
    if (!loud && level > 0.05) heardAt.push(at);
    loud = level > 0.05;
  };
  const PERIOD = 70;
  await publish(
    speaker,
    (i) => (i % PERIOD < 10 && i >= PERIOD ? tone(i) : SILENCE),
    (i, at) => {
      if (i % PERIOD === 0 && i >= PERIOD) burstSentAt.push(at);
    },
  );
  await sleep(PERIOD * 10 * 12);
  const latencies: number[] = [];
  for (const sent of burstSentAt) {
    const heard = heardAt.find((h) => h > sent && h - sent < PERIOD * 10);
    if (heard !== undefined) latencies.push(heard - sent);
  }
  result.audioLatencyMs = {
    median: round(median(latencies)),
    p90: round(p90(latencies)),
    bursts: latencies.length,
    note: "includes the SDKs' Opus encode, jitter buffer and decode, both on this machine",
  };

  // 3. Data latency, reliable, both clients in this process (same clock).
  const dataLat: number[] = [];
  for (let i = 0; i < 40; i++) {
    const text = `d${i}`;
    const t0 = performance.now();
    await speaker.room.localParticipant!.publishData(new TextEncoder().encode(text), { reliable: true });
    const start = Date.now();
    while (!listener.data.some((d) => d.text === text) && Date.now() - start < 3000) await sleep(1);
    const got = listener.data.find((d) => d.text === text);
    if (got) dataLat.push(got.atMs - t0);
    await sleep(20);
  }
  result.dataLatencyMs = {
    median: round(median(dataLat)),
    p90: round(p90(dataLat)),
    messages: dataLat.length,
    note: 'polled at 1 ms',
  };
  await leaveAll([speaker, listener]);
}

// 4. Load: N rooms x 2 participants, both publishing (2N forwarded streams). Server CPU and
//    packet loss at the receivers over a window, growing N until loss passes 1%.
{
  const steps: Record<string, unknown>[] = [];
  let sustained = 0;
  const cpuPerStream: number[] = [];
  for (let n = 1; n <= MAX_ROOMS; n = n < 2 ? n + 1 : n + 2) {
    const roomClients: Client[] = [];
    for (let r = 0; r < n; r++) {
      for (const who of ['a', 'b']) {
        const { client } = await join(`${who}-${r}`, `bench-load-${n}-${r}`);
        roomClients.push(client);
        await publish(client, (i) => tone(i, who === 'a' ? 440 : 660));
      }
    }
    await sleep(3000);
    const before = await Promise.all(roomClients.map(inboundLoss));
    const cpu0 = await serverCpuMs();
    const t0 = performance.now();
    await sleep(WINDOW_S * 1000);
    const cpu1 = await serverCpuMs();
    const wall = performance.now() - t0;
    const after = await Promise.all(roomClients.map(inboundLoss));
    let received = 0;
    let lost = 0;
    after.forEach((a, i) => {
      received += a.received - before[i]!.received;
      lost += a.lost - before[i]!.lost;
    });
    const expected = 2 * n * WINDOW_S * 50; // 20 ms Opus packets
    const lossPct = received + lost > 0 ? (100 * lost) / (received + lost) : 100;
    const shortfallPct = Math.max(0, (100 * (expected - received)) / expected);
    const serverCpuPct = (100 * (cpu1 - cpu0)) / wall;
    steps.push({
      rooms: n,
      streams: 2 * n,
      serverCpuPct: round(serverCpuPct),
      packetLossPct: round(lossPct, 2),
      receivedVsExpectedShortfallPct: round(shortfallPct, 2),
      loadavg1: round(os.loadavg()[0] ?? 0, 2),
    });
    await leaveAll(roomClients);
    await sleep(1000);
    if (lossPct > 1 || shortfallPct > 1) break;
    sustained = n;
    cpuPerStream.push(serverCpuPct / (2 * n));
  }
  result.load = {
    steps,
    roomsSustainedWithoutLossOver1Pct: sustained,
    serverCpuPctPerForwardedStream: round(median(cpuPerStream), 2),
    note: 'clients run on the same machine and use most of the CPU: the limit found is for server + clients together',
  };
}

child.stdin!.write('quit\n');
await new Promise((r) => child.once('exit', r));
await dispose();
console.log(JSON.stringify(result, null, 2));
process.exit(0);
