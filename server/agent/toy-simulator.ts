// Toy simulator: behaves like a Hearth toy. Registers (household key) or uses its device credential,
// fetches its LiveKit token, joins its room, says a WAV (or text spoken with the classic flite voice)
// into its microphone in real time followed by silence, records the agent's spoken reply to a WAV,
// and prints the transcript data messages and per-stage timings. `runToySimulator` is the e2e driver.
//
//   npm run toy -- --server http://127.0.0.1:8787 --household-key <k> --device <name-or-id> --say "Tell me a story." --out reply.wav
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { AudioFrame, AudioSource, AudioStream, dispose, LocalAudioTrack, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource, type RemoteParticipant, type RemoteTrack } from '@livekit/rtc-node';
import { Command } from 'commander';
import { loadClassicVoice } from '../engines/tts-classic.ts';
import { AGENT_IDENTITY, type AgentMessage } from './protocol.ts';
import { floatToInt16, interleavedToMono, rmsOf, StreamResampler } from './resampler.ts';
import { readWavFile, writeWavFile, type MonoPcm } from './wav.ts';

const MIC_RATE = 48000;
const FRAME_SAMPLES = MIC_RATE / 100; // 10 ms
/** A reply frame louder than this counts as speech (PCM full scale = 1). */
const AUDIBLE_RMS = 0.01;

export interface ToySimulatorOptions {
  /** The Hearth server, e.g. http://127.0.0.1:8787. */
  server: string;
  /** Registers a new device with this key when no credential is given. */
  householdKey?: string;
  /** With `credential`: the device id. When registering: the new device's name. */
  device?: string;
  credential?: string;
  /** A .wav file path, or text to speak with the classic voice. */
  say: string;
  /** Where to write the agent's reply (48 kHz mono WAV). */
  out?: string;
  leadSilenceMs?: number;
  /** After the reply stops, wait this long for more before leaving. */
  replyQuietMs?: number;
  /** Give up waiting for the agent / its reply after this long. */
  timeoutMs?: number;
  print?: (line: string) => void;
  /** Release rtc-node's native handle at the end (the CLI does; a test process does it once in afterAll). */
  disposeRtc?: boolean;
}

export interface ToyTimings {
  tokenMs: number;
  joinMs: number;
  agentReadyMs: number;
  /** Utterance end (last speech sample sent) → the agent's user transcript arrived. */
  transcriptAfterSpeechMs: number | null;
  /** Utterance end → first agent text message. */
  firstAgentTextAfterSpeechMs: number | null;
  /** Utterance end → first audible reply frame heard by the toy (voice-to-voice as the toy hears it). */
  firstReplyAudioAfterSpeechMs: number | null;
  replyAudioMs: number;
  /** The agent's own per-turn metrics message (stt, llm, tts, voice-to-voice). */
  agentMetrics: Record<string, unknown> | null;
}

export interface ToySimulatorResult {
  deviceId: string;
  credential: string;
  room: string;
  messages: (AgentMessage & { topic: string | undefined })[];
  userTranscript: string | null;
  agentReply: string | null;
  reply: MonoPcm;
  replyRms: number;
  audibleReplyFrames: number;
  timings: ToyTimings;
}

export class ToySimulatorError extends Error {}

interface TokenResponse {
  url: string;
  token: string;
  room: string;
  identity: string;
}

async function postJson<T>(url: string, bearer: string | undefined, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  if (!res.ok) throw new ToySimulatorError(`${new URL(url).pathname} refused: HTTP ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The microphone audio: a WAV file as is, or text spoken with the classic voice. */
async function microphoneAudio(say: string): Promise<MonoPcm> {
  if (/\.wav$/i.test(say) && fs.existsSync(say)) return readWavFile(say);
  const voice = await loadClassicVoice(null);
  try {
    const chunks: Float32Array[] = [];
    for await (const chunk of voice.synthesize(say, {})) chunks.push(chunk);
    const samples = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of chunks) {
      samples.set(c, offset);
      offset += c.length;
    }
    if (samples.length === 0) throw new ToySimulatorError(`the classic voice produced no audio for ${JSON.stringify(say)}`);
    return { sampleRate: voice.sampleRate, samples };
  } finally {
    await voice.dispose();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new ToySimulatorError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export async function runToySimulator(opts: ToySimulatorOptions): Promise<ToySimulatorResult> {
  const print = opts.print ?? ((line: string) => console.log(line));
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const server = opts.server.replace(/\/$/, '');
  const t0 = Date.now();

  // 1. Credential: given, or register a new device with the household key.
  let deviceId = opts.device;
  let credential = opts.credential;
  if (!credential) {
    if (!opts.householdKey) throw new ToySimulatorError('give --credential (with --device <id>) or --household-key to register a device');
    const reg = await postJson<{ id: string; credential: string }>(`${server}/api/devices`, opts.householdKey, { name: opts.device ?? 'Toy simulator' });
    deviceId = reg.id;
    credential = reg.credential;
    print(`registered device ${deviceId} (credential: ${credential})`);
  }
  if (!deviceId) throw new ToySimulatorError('--device <id> is needed with --credential');

  // 2. Token for the device's own room (this also brings the agent into the room).
  const tokenStart = Date.now();
  const grant = await postJson<TokenResponse>(`${server}/api/devices/${encodeURIComponent(deviceId)}/token`, credential, {});
  const tokenMs = Date.now() - tokenStart;

  const mic = await microphoneAudio(opts.say);
  const mic48 = new StreamResampler(mic.sampleRate, MIC_RATE).push(mic.samples);

  const room = new Room();
  const source = new AudioSource(MIC_RATE, 1, 100);
  const replyChunks: Float32Array[] = [];
  const frameLevels: { atMs: number; rms: number }[] = [];
  const messages: ToySimulatorResult['messages'] = [];
  const readers: ReadableStreamDefaultReader<AudioFrame>[] = [];
  let agentTrack = false;
  let speechEndAt: number | null = null;
  let transcriptAt: number | null = null;
  let firstAgentTextAt: number | null = null;
  let agentMetrics: Record<string, unknown> | null = null;
  let sending = true;

  room.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
    let msg: AgentMessage;
    try {
      msg = JSON.parse(new TextDecoder().decode(payload)) as AgentMessage;
    } catch {
      return;
    }
    messages.push({ ...msg, topic });
    if (msg.type === 'transcript') {
      if (msg.role === 'user' && msg.final && transcriptAt === null) transcriptAt = Date.now();
      if (msg.role === 'agent' && firstAgentTextAt === null) firstAgentTextAt = Date.now();
      if (msg.role === 'user' || msg.final) print(`[${topic}] ${msg.role}${msg.final ? '' : ' (partial)'}: ${msg.text}`);
    } else if (msg.type === 'metrics') {
      agentMetrics = msg.metrics;
    } else if (msg.type === 'error') {
      print(`[${topic}] agent error in ${msg.stage}: ${msg.message}`);
    }
  });
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, participant: RemoteParticipant) => {
    if (participant.identity !== AGENT_IDENTITY || track.kind !== TrackKind.KIND_AUDIO) return;
    agentTrack = true;
    const reader = new AudioStream(track, MIC_RATE, 1).getReader();
    readers.push(reader);
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const mono = interleavedToMono(value.data, value.channels);
          replyChunks.push(mono);
          frameLevels.push({ atMs: Date.now(), rms: rmsOf(mono) });
        }
      } catch {
        // the stream ends with the track
      }
    })();
  });

  try {
    // 3. Join and wait for the agent's voice track (it joins when our token is issued).
    const joinStart = Date.now();
    await room.connect(grant.url, grant.token, { autoSubscribe: true, dynacast: false });
    const joinMs = Date.now() - joinStart;
    print(`joined ${grant.room} as ${grant.identity} (${joinMs} ms)`);
    const track = LocalAudioTrack.createAudioTrack('microphone', source);
    await room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
    await waitUntil('the agent to join the room', () => agentTrack, timeoutMs);
    const agentReadyMs = Date.now() - t0;
    print(`agent is in the room (${agentReadyMs} ms after start)`);

    // 4. Microphone in real time: lead silence, the utterance, then silence until the reply is over.
    const silence = new Int16Array(FRAME_SAMPLES);
    const sendFrame = (samples: Int16Array) => source.captureFrame(new AudioFrame(samples, MIC_RATE, 1, samples.length));
    const leadFrames = Math.round((opts.leadSilenceMs ?? 1000) / 10);
    for (let i = 0; i < leadFrames; i++) await sendFrame(silence);
    replyChunks.length = 0;
    frameLevels.length = 0;
    for (let offset = 0; offset < mic48.length; offset += FRAME_SAMPLES) {
      const frame = new Float32Array(FRAME_SAMPLES);
      frame.set(mic48.subarray(offset, offset + FRAME_SAMPLES));
      await sendFrame(floatToInt16(frame));
    }
    await source.waitForPlayout();
    speechEndAt = Date.now();
    print(`said ${(mic.samples.length / mic.sampleRate).toFixed(2)} s of audio`);
    const silenceLoop = (async () => {
      while (sending) await sendFrame(silence).catch(() => undefined);
    })();

    // 5. Wait for the reply: some audible audio, then quiet for replyQuietMs (or the agent's final text + quiet).
    const quietMs = opts.replyQuietMs ?? 1500;
    const lastAudibleAt = () => frameLevels.filter((f) => f.rms > AUDIBLE_RMS).at(-1)?.atMs ?? null;
    try {
      await waitUntil(
        "the agent's spoken reply",
        () => {
          const last = lastAudibleAt();
          return last !== null && Date.now() - last > quietMs;
        },
        timeoutMs,
      );
    } finally {
      sending = false;
      await silenceLoop;
    }

    const samples = new Float32Array(replyChunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of replyChunks) {
      samples.set(c, offset);
      offset += c.length;
    }
    const reply: MonoPcm = { sampleRate: MIC_RATE, samples };
    if (opts.out) {
      writeWavFile(opts.out, reply);
      print(`reply written to ${opts.out}`);
    }
    const firstAudible = frameLevels.find((f) => f.rms > AUDIBLE_RMS)?.atMs ?? null;
    const after = (t: number | null) => (t === null || speechEndAt === null ? null : t - speechEndAt);
    const timings: ToyTimings = {
      tokenMs,
      joinMs,
      agentReadyMs,
      transcriptAfterSpeechMs: after(transcriptAt),
      firstAgentTextAfterSpeechMs: after(firstAgentTextAt),
      firstReplyAudioAfterSpeechMs: after(firstAudible),
      replyAudioMs: Math.round((samples.length / MIC_RATE) * 1000),
      agentMetrics,
    };
    print(`timings: ${JSON.stringify(timings)}`);
    const transcripts = messages.filter((m): m is Extract<AgentMessage, { type: 'transcript' }> & { topic: string | undefined } => m.type === 'transcript');
    return {
      deviceId,
      credential,
      room: grant.room,
      messages,
      userTranscript: transcripts.find((m) => m.role === 'user' && m.final)?.text ?? null,
      agentReply: transcripts.filter((m) => m.role === 'agent').at(-1)?.text ?? null,
      reply,
      replyRms: rmsOf(samples),
      audibleReplyFrames: frameLevels.filter((f) => f.rms > AUDIBLE_RMS).length,
      timings,
    };
  } finally {
    sending = false;
    for (const r of readers) await r.cancel().catch(() => undefined);
    await room.disconnect().catch(() => undefined);
    await source.close().catch(() => undefined);
    if (opts.disposeRtc) await dispose();
  }
}

async function cli(argv: string[]): Promise<void> {
  const program = new Command('toy')
    .description('Simulate a Hearth toy: say something to the agent and record its reply')
    .option('--server <url>', 'Hearth server', 'http://127.0.0.1:8787')
    .option('--household-key <key>', 'register a new device with this key (when no --credential)')
    .option('--device <id>', 'device id (with --credential) or the new device name')
    .option('--credential <secret>', "the device's credential")
    .requiredOption('--say <wav-or-text>', 'a .wav file, or text to speak with the classic voice')
    .option('--out <file>', 'write the reply audio here', 'reply.wav')
    .option('--timeout <s>', 'give up after this many seconds', '120');
  program.parse(argv, { from: 'user' });
  const o = program.opts<{ server: string; householdKey?: string; device?: string; credential?: string; say: string; out: string; timeout: string }>();
  const result = await runToySimulator({
    server: o.server,
    say: o.say,
    out: o.out,
    timeoutMs: Number(o.timeout) * 1000,
    disposeRtc: true,
    ...(o.householdKey ? { householdKey: o.householdKey } : {}),
    ...(o.device ? { device: o.device } : {}),
    ...(o.credential ? { credential: o.credential } : {}),
  });
  console.log(`you said: ${result.userTranscript ?? '(no transcript)'}\nagent: ${result.agentReply ?? '(no text)'}\nreply audio: ${result.timings.replyAudioMs} ms, RMS ${result.replyRms.toFixed(4)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli(process.argv.slice(2)).then(
    () => process.exit(0),
    async (error: unknown) => {
      console.error(`toy simulator: ${error instanceof Error ? error.message : String(error)}`);
      await dispose().catch(() => undefined);
      process.exit(1);
    },
  );
}
