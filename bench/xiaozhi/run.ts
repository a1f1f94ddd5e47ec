// npm run bench:xiaozhi [-- --turns 6 --max-toys 8 --max-v2v-ms 3000]
// Stock xiaozhi toys (the firmware's protocol, as the simulator speaks it) against the real Hearth
// server with the models present here (Silero VAD, the contract Whisper pack, stories260K on
// node-llama-cpp, the classic voice):
//  1. one toy per transport, turns interleaved (WebSocket, MQTT + UDP through the embedded broker,
//     and a LiveKit toy through the embedded room server, all to the same server and agent): the
//     toy's utterance end (its last uplink frame) → the first audible reply frame it decodes, and
//     the stages it can see (the transcript: `stt` / the final user transcript; the reply's start:
//     `tts start` / the agent's 'speaking' state), medians and p90, and the ratios to WebSocket.
//     The LiveKit toy's extra time is what bridging a stock toy into its room would add at least
//     (the bridge was not built: README "One agent path");
//  2. concurrent toys on WebSocket (1, 2, 4, 6, 8, ...) all speaking at once, until the median
//     voice-to-voice passes --max-v2v-ms or a reply times out.
// Prints one JSON object and writes bench/results/xiaozhi.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispose } from '@livekit/rtc-node';
import type { MonoPcm } from '../../server/agent/wav.ts';
import { ToyClient, utteranceAudio, waitUntil } from '../../server/toys/simulator/livekit-toy.ts';
import { MqttUdpLink } from '../../server/toys/simulator/mqtt-udp-link.ts';
import { checkVersion, utterance, XiaozhiToy } from '../../server/toys/simulator/xiaozhi-toy.ts';
import { PROJECT_ROOT } from '../../tests/helpers/server.ts';
import { startToyServer } from '../../tests/integration/agent/toy-server.ts';
import { api, connectToy, otaUrlOf, pairToy } from '../../tests/integration/xiaozhi/xiaozhi-harness.ts';
import { percentile, summary } from '../stats.ts';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '6' },
    'max-toys': { type: 'string', default: '8' },
    'max-v2v-ms': { type: 'string', default: '3000' },
  },
});
const TURNS = Number(values.turns);
const MAX_TOYS = Number(values['max-toys']);
const MAX_V2V_MS = Number(values['max-v2v-ms']);
const UTTERANCE = 'Tell me a story.';
const REPLY_TIMEOUT_MS = 120_000;
const loadAverage = () => os.loadavg().map((x) => Number(x.toFixed(2)));
const stats = (xs: (number | null)[]) => {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length ? { ...summary(v, 0), p95: Math.round(percentile(v, 95)) } : null;
};

interface Turn {
  sttAfterSpeechMs: number | null;
  ttsStartAfterSpeechMs: number | null;
  firstAudioAfterSpeechMs: number | null;
}

/** One spoken turn: says the utterance in real-time frames, waits for the reply's end, then reads the times. */
async function turn(toy: XiaozhiToy, speech: Float32Array): Promise<Turn> {
  const said = await toy.say(speech);
  await toy.waitForMessage(
    'the reply to end',
    (m) => m.type === 'tts' && m.state === 'stop',
    REPLY_TIMEOUT_MS,
    said.startedAt,
  );
  const after = (t: number | null | undefined) => (t === null || t === undefined ? null : t - said.endedAt);
  return {
    sttAfterSpeechMs: after(toy.received('stt', said.startedAt)[0]?.atMs),
    ttsStartAfterSpeechMs: after(toy.received('tts', said.startedAt).find((m) => m.message.state === 'start')?.atMs),
    firstAudioAfterSpeechMs: after(toy.heard.firstAudibleAt(said.startedAt)),
  };
}

/** The same turn by a LiveKit toy: its reply has ended when the agent is listening again and the toy hears quiet. */
async function liveKitTurn(toy: ToyClient, speech: MonoPcm): Promise<Turn> {
  const said = await toy.say(speech);
  await waitUntil('the reply', () => toy.voice.firstAudibleAt(said.endedAt) !== null, REPLY_TIMEOUT_MS);
  const firstAudio = toy.voice.firstAudibleAt(said.endedAt)!;
  await toy.waitForMessage(
    'the agent to listen again',
    (m) => m.type === 'state' && m.state === 'listening',
    REPLY_TIMEOUT_MS,
    firstAudio,
  );
  await toy.waitForQuiet(toy.voice, firstAudio, 600, REPLY_TIMEOUT_MS);
  const userFinal = toy.transcripts('user', said.startedAt).find((m) => m.final);
  const speaking = toy.messages.find((m) => m.atMs >= said.startedAt && m.type === 'state' && m.state === 'speaking');
  const after = (t: number | undefined) => (t === undefined ? null : t - said.endedAt);
  return {
    sttAfterSpeechMs: after(userFinal?.atMs),
    ttsStartAfterSpeechMs: after(speaking?.atMs),
    firstAudioAfterSpeechMs: firstAudio - said.endedAt,
  };
}

/** A paired toy switched to MQTT: its next OTA check gets the broker, and it talks over MQTT + UDP. */
async function mqttToy(serverUrl: string, key: string, name: string): Promise<XiaozhiToy> {
  const paired = await pairToy(serverUrl, key, { name });
  const switched = await api(serverUrl, key, 'PATCH', `/api/devices/${encodeURIComponent(paired.device.id)}`, {
    transport: 'xiaozhi-mqtt',
  });
  if (switched.status !== 200) throw new Error(`switching to MQTT: HTTP ${switched.status}`);
  const { answer } = await checkVersion(otaUrlOf(serverUrl), paired.identity);
  if (!answer.mqtt) throw new Error('the OTA answer after switching has no mqtt block');
  const toy = new XiaozhiToy(await MqttUdpLink.connect(answer.mqtt), { mode: 'auto' });
  await toy.hello();
  await toy.waitForMessage('the companion to be ready', (m) => m.type === 'llm' && m.emotion === 'happy', 240_000);
  toy.startListening();
  return toy;
}

const toyServer = await startToyServer();
const loadBefore = loadAverage();
const toys: XiaozhiToy[] = [];
let liveKitToy: ToyClient | null = null;
try {
  const { url } = toyServer.server;
  const key = toyServer.householdKey;
  const speech = await utterance(UTTERANCE);
  const liveKitSpeech = await utteranceAudio(UTTERANCE);

  // --- 1. one toy per transport, interleaved ----------------------------------------------------
  const ws = await connectToy(await pairToy(url, key, { name: 'Bench WebSocket' }));
  toys.push(ws);
  const mqtt = await mqttToy(url, key, 'Bench MQTT');
  toys.push(mqtt);
  const liveKitDevice = await toyServer.registerToy('Bench LiveKit toy');
  liveKitToy = await ToyClient.connect({
    server: url,
    device: liveKitDevice.id,
    credential: liveKitDevice.credential,
    timeoutMs: 240_000,
    print: () => {},
  });
  const perTransport: Record<'websocket' | 'mqttUdp' | 'liveKit', Turn[]> = { websocket: [], mqttUdp: [], liveKit: [] };
  for (let i = 0; i < TURNS + 1; i++) {
    const a = await turn(ws, speech);
    const b = await turn(mqtt, speech);
    const c = await liveKitTurn(liveKitToy, liveKitSpeech);
    if (i === 0) continue; // warm-up
    perTransport.websocket.push(a);
    perTransport.mqttUdp.push(b);
    perTransport.liveKit.push(c);
    process.stderr.write(
      `turn ${i}/${TURNS}: ws ${JSON.stringify(a)} mqtt ${JSON.stringify(b)} livekit ${JSON.stringify(c)}\n`,
    );
  }
  await liveKitToy.disconnect();
  liveKitToy = null;
  const stagesOf = (turns: Turn[]) => ({
    sttAfterSpeechMs: stats(turns.map((t) => t.sttAfterSpeechMs)),
    ttsStartAfterSpeechMs: stats(turns.map((t) => t.ttsStartAfterSpeechMs)),
    firstAudioAfterSpeechMs: stats(turns.map((t) => t.firstAudioAfterSpeechMs)),
  });
  const single = {
    websocket: stagesOf(perTransport.websocket),
    mqttUdp: stagesOf(perTransport.mqttUdp),
    liveKit: stagesOf(perTransport.liveKit),
  };
  const wsMedian = single.websocket.firstAudioAfterSpeechMs?.median;
  const overWebSocket = (median: number | undefined) =>
    wsMedian && median ? Number((median / wsMedian).toFixed(3)) : null;

  // --- 2. concurrent toys on WebSocket ----------------------------------------------------------
  const ramp: { toys: number; firstAudioAfterSpeechMs: ReturnType<typeof stats>; timedOut: number }[] = [];
  const crowd: XiaozhiToy[] = [ws];
  for (let count = 1; count <= MAX_TOYS; count = count < 4 ? count * 2 : count + 2) {
    while (crowd.length < count) {
      const toy = await connectToy(await pairToy(url, key, { name: `Bench toy ${crowd.length + 1}` }));
      toys.push(toy);
      crowd.push(toy);
    }
    const results = await Promise.allSettled(crowd.map((toy) => turn(toy, speech)));
    const firsts = results.map((r) => (r.status === 'fulfilled' ? r.value.firstAudioAfterSpeechMs : null));
    const row = {
      toys: count,
      firstAudioAfterSpeechMs: stats(firsts),
      timedOut: results.filter((r) => r.status === 'rejected').length,
    };
    ramp.push(row);
    process.stderr.write(`${count} toys at once: ${JSON.stringify(row)}\n`);
    if (row.timedOut > 0 || (row.firstAudioAfterSpeechMs?.median ?? Infinity) > MAX_V2V_MS) break;
  }
  const within = ramp.filter((r) => r.timedOut === 0 && (r.firstAudioAfterSpeechMs?.median ?? Infinity) <= MAX_V2V_MS);

  const report = {
    bench: 'xiaozhi',
    utterance: UTTERANCE,
    models: 'Silero VAD, contract Whisper (tiny generated model), stories260K on node-llama-cpp, classic flite voice',
    definition:
      "voice-to-voice = the toy's last uplink Opus frame -> first audible downlink frame it decodes (the server's default adaptive end-of-turn silence included: shorter after a finished sentence)",
    turns: TURNS,
    singleToy: single,
    mqttUdpOverWebSocket: overWebSocket(single.mqttUdp.firstAudioAfterSpeechMs?.median),
    // The room hop a LiveKit toy pays (WebRTC, 48 kHz, jitter buffers): what a bridge into the room would add.
    liveKitOverWebSocket: overWebSocket(single.liveKit.firstAudioAfterSpeechMs?.median),
    concurrentWebSocketToys: ramp,
    concurrentToysWithin: { maxV2vMs: MAX_V2V_MS, toys: within.at(-1)?.toys ?? 0 },
    liveKitToy: 'ToyClient (@livekit/rtc-node) through the embedded room server to the same agent, 48 kHz mic',
    loadAverage: { before: loadBefore, after: loadAverage(), cpus: os.cpus().length },
    generatedAt: new Date().toISOString(),
  };
  const json = JSON.stringify(report, null, 2);
  const outFile = path.join(PROJECT_ROOT, 'bench', 'results', 'xiaozhi.json');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${json}\n`);
  process.stdout.write(`${json}\n`);
} finally {
  for (const toy of toys) {
    toy.goodbye();
    toy.close();
  }
  await liveKitToy?.disconnect().catch(() => undefined);
  await toyServer.stop();
  await dispose();
}
