// A simulated Hearth toy in a room, step by step: gets its token (registering first when given the
// household key), joins, keeps a live microphone (silence between utterances, in real time, as a
// real toy sends), says utterances, types input, and records what the agent sends: each of its
// audio tracks (voice, media) with per-frame levels, and every data message. The toy simulator CLI
// and the e2e tests drive conversations with it.
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from '@livekit/rtc-node';
import {
  AGENT_IDENTITY,
  INPUT_TOPIC,
  MEDIA_TRACK_NAME,
  VOICE_TRACK_NAME,
  type AgentMessage,
  type ToyInput,
} from '../../agent/protocol.ts';
import { resample } from '../../../src/core/audio/resampler.ts';
import { floatToInt16, interleavedToMono, rmsOf } from '../../agent/resampler.ts';
import type { MonoPcm } from '../../agent/wav.ts';
import { spokenAudio } from './spoken-audio.ts';

export const TOY_MIC_RATE = 48000;
const MIC_FRAME = TOY_MIC_RATE / 100; // 10 ms
/** A received frame louder than this counts as sound (PCM full scale = 1). */
export const AUDIBLE_RMS = 0.01;

export class ToySimulatorError extends Error {}

export type ToyMessage = AgentMessage & { topic: string | undefined; atMs: number };

export interface ToyConnectOptions {
  /** The Hearth server, e.g. http://127.0.0.1:8787. */
  server: string;
  /** Registers a new device with this key when no credential is given. */
  householdKey?: string;
  /** With `credential`: the device id. When registering: the new device's name. */
  device?: string;
  credential?: string;
  /**
   * When registering: the child's age the parent states; with it the simulator accepts Hearth's
   * consent words for the parent (printed). Without it the server refuses the registration.
   */
  childAge?: number;
  /** Give up waiting for the agent to join after this long. */
  timeoutMs?: number;
  print?: (line: string) => void;
}

/** One of the agent's tracks as heard by the toy: the samples and when each frame arrived. */
export class TrackRecording {
  readonly chunks: Float32Array[] = [];
  readonly levels: { atMs: number; rms: number }[] = [];

  add(samples: Float32Array): void {
    this.chunks.push(samples);
    this.levels.push({ atMs: Date.now(), rms: rmsOf(samples) });
  }

  /** Frames louder than AUDIBLE_RMS, optionally only those after `sinceMs` (and before `untilMs`). */
  audibleFrames(sinceMs = 0, untilMs = Infinity): number {
    return this.levels.filter((f) => f.rms > AUDIBLE_RMS && f.atMs >= sinceMs && f.atMs < untilMs).length;
  }

  firstAudibleAt(sinceMs = 0): number | null {
    return this.levels.find((f) => f.rms > AUDIBLE_RMS && f.atMs >= sinceMs)?.atMs ?? null;
  }

  lastAudibleAt(): number | null {
    return this.levels.findLast((f) => f.rms > AUDIBLE_RMS)?.atMs ?? null;
  }

  /** Milliseconds of audible audio (48 kHz) among the frames that arrived in [sinceMs, untilMs). */
  audibleMs(sinceMs = 0, untilMs = Infinity): number {
    let samples = 0;
    this.levels.forEach((f, i) => {
      if (f.rms > AUDIBLE_RMS && f.atMs >= sinceMs && f.atMs < untilMs) samples += this.chunks[i]?.length ?? 0;
    });
    return (samples * 1000) / TOY_MIC_RATE;
  }

  /** RMS over the frames that arrived in [sinceMs, untilMs). */
  rmsBetween(sinceMs: number, untilMs: number): number {
    const frames = this.levels.filter((f) => f.atMs >= sinceMs && f.atMs < untilMs);
    if (frames.length === 0) return 0;
    return Math.sqrt(frames.reduce((sum, f) => sum + f.rms * f.rms, 0) / frames.length);
  }

  /** Everything received since `sinceMs` as one buffer (48 kHz mono). */
  pcm(sinceMs = 0): MonoPcm {
    const parts = this.chunks.filter((_, i) => (this.levels[i]?.atMs ?? 0) >= sinceMs);
    const samples = new Float32Array(parts.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of parts) {
      samples.set(c, offset);
      offset += c.length;
    }
    return { sampleRate: TOY_MIC_RATE, samples };
  }
}

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

/** Reads the server's consent words, prints them, and accepts them for a child of `childAge`. */
export async function acceptConsent(
  server: string,
  childAge: number,
  print: (line: string) => void,
): Promise<{ childAge: number; accepted: true; textVersion: string }> {
  const res = await fetch(`${server.replace(/\/$/, '')}/api/toys/consent`);
  if (!res.ok) throw new ToySimulatorError(`/api/toys/consent answered HTTP ${res.status}`);
  const words = (await res.json()) as { version: string; points: string[] };
  print(`accepting for a child of ${childAge} what Hearth keeps (version ${words.version}):`);
  for (const point of words.points) print(`  - ${point}`);
  return { childAge, accepted: true, textVersion: words.version };
}

/** What the toy says: a WAV file as is, or text spoken with the classic flite voice. */
export function utteranceAudio(say: string): Promise<MonoPcm> {
  return spokenAudio(say);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs)
      throw new ToySimulatorError(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(20);
  }
}

export class ToyClient {
  readonly voice = new TrackRecording();
  readonly media = new TrackRecording();
  readonly messages: ToyMessage[] = [];
  /** Connection timings in ms: token request, room join, agent's voice track heard (from connect()). */
  readonly setup = { tokenMs: 0, joinMs: 0, agentReadyMs: 0 };
  private readonly room = new Room();
  private readonly mic = new AudioSource(TOY_MIC_RATE, 1, 100);
  private readonly readers: ReadableStreamDefaultReader<AudioFrame>[] = [];
  /** Utterance frames waiting to be sent; the mic loop sends silence when empty. */
  private readonly speech: Int16Array[] = [];
  /** Resolves say(): called with when the utterance's last sample leaves the microphone queue. */
  private speechDone: ((endsAt: number) => void) | null = null;
  private micLoop: Promise<void> | null = null;
  private live = true;
  private agentVoiceSeen = false;
  /** When the agent's voice track was last subscribed (Date.now() ms): a new agent after a failover. */
  agentVoiceSubscribedAt: number | null = null;

  private constructor(
    readonly deviceId: string,
    readonly credential: string,
    readonly roomName: string,
    private readonly print: (line: string) => void,
  ) {}

  /** Registers (with the household key) or uses the credential, fetches the token, joins, and waits for the agent. */
  static async connect(opts: ToyConnectOptions): Promise<ToyClient> {
    const print = opts.print ?? ((line: string) => console.log(line));
    const server = opts.server.replace(/\/$/, '');
    const t0 = Date.now();
    let deviceId = opts.device;
    let credential = opts.credential;
    if (!credential) {
      if (!opts.householdKey)
        throw new ToySimulatorError('give --credential (with --device <id>) or --household-key to register a device');
      const consent = opts.childAge === undefined ? undefined : await acceptConsent(server, opts.childAge, print);
      const reg = await postJson<{ id: string; credential: string }>(`${server}/api/devices`, opts.householdKey, {
        name: opts.device ?? 'Toy simulator',
        ...(consent ? { consent } : {}),
      });
      deviceId = reg.id;
      credential = reg.credential;
      print(`registered device ${deviceId} (credential: ${credential})`);
    }
    if (!deviceId) throw new ToySimulatorError('--device <id> is needed with --credential');
    // Joining the room brings the agent (dispatched by the embedded room server).
    const tokenStart = Date.now();
    const grant = await postJson<TokenResponse>(
      `${server}/api/devices/${encodeURIComponent(deviceId)}/token`,
      credential,
      {},
    );
    const toy = new ToyClient(deviceId, credential, grant.room, print);
    toy.setup.tokenMs = Date.now() - tokenStart;
    try {
      await toy.join(grant, opts.timeoutMs ?? 120_000);
    } catch (error) {
      await toy.disconnect();
      throw error;
    }
    toy.setup.agentReadyMs = Date.now() - t0;
    print(`agent is in the room (${toy.setup.agentReadyMs} ms after start)`);
    return toy;
  }

  private async join(grant: TokenResponse, timeoutMs: number): Promise<void> {
    const { room } = this;
    room.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => {
      let msg: AgentMessage;
      try {
        msg = JSON.parse(new TextDecoder().decode(payload)) as AgentMessage;
      } catch {
        return;
      }
      this.messages.push({ ...msg, topic, atMs: Date.now() });
      if (msg.type === 'transcript' && (msg.role === 'user' || msg.final))
        this.print(`[${topic}] ${msg.role}${msg.final ? '' : ' (partial)'}: ${msg.text}`);
      else if (msg.type === 'error') this.print(`[${topic}] agent error in ${msg.stage}: ${msg.message}`);
      else if (msg.type === 'media' && msg.status !== 'loading')
        this.print(
          `[${topic}] media ${msg.status}${msg.title ? `: ${msg.title}` : ''}${msg.ducked ? ' (ducked)' : ''}${msg.error ? ` (problem: ${msg.error})` : ''}`,
        );
    });
    room.on(
      RoomEvent.TrackSubscribed,
      (track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) => {
        if (participant.identity !== AGENT_IDENTITY || track.kind !== TrackKind.KIND_AUDIO) return;
        const name = publication.name ?? track.name;
        const recording =
          name === MEDIA_TRACK_NAME ? this.media : name === VOICE_TRACK_NAME || !name ? this.voice : null;
        if (!recording) return;
        if (recording === this.voice) {
          this.agentVoiceSeen = true;
          this.agentVoiceSubscribedAt = Date.now();
        }
        const reader = new AudioStream(track, TOY_MIC_RATE, 1).getReader();
        this.readers.push(reader);
        void (async () => {
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) break;
              recording.add(interleavedToMono(value.data, value.channels));
            }
          } catch {
            // the stream ends with the track
          }
        })();
      },
    );
    const joinStart = Date.now();
    await room.connect(grant.url, grant.token, { autoSubscribe: true, dynacast: false });
    this.setup.joinMs = Date.now() - joinStart;
    this.print(`joined ${grant.room} as ${grant.identity} (${this.setup.joinMs} ms)`);
    const track = LocalAudioTrack.createAudioTrack('microphone', this.mic);
    await room.localParticipant!.publishTrack(
      track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    this.micLoop = this.runMic();
    await waitUntil('the agent to join the room', () => this.agentVoiceSeen, timeoutMs);
  }

  /** The live microphone: utterance frames when there are some, silence otherwise, in real time. */
  private async runMic(): Promise<void> {
    const silence = new Int16Array(MIC_FRAME);
    while (this.live) {
      const frame = this.speech.shift();
      await this.mic.captureFrame(new AudioFrame(frame ?? silence, TOY_MIC_RATE, 1, MIC_FRAME)).catch(() => undefined);
      if (frame && this.speech.length === 0 && this.speechDone) {
        // waitForPlayout() never settles while silence keeps coming: use what the queue still holds.
        const done = this.speechDone;
        this.speechDone = null;
        done(Date.now() + this.mic.queuedDuration);
      }
    }
  }

  /**
   * Says a WAV file or text (classic voice) into the microphone in real time. Resolves when the last
   * sample has been sent, with when speaking started and ended (Date.now() ms).
   */
  async say(what: string | MonoPcm): Promise<{ startedAt: number; endedAt: number; durationMs: number }> {
    const pcm = typeof what === 'string' ? await utteranceAudio(what) : what;
    const at48 = resample(pcm.samples, pcm.sampleRate, TOY_MIC_RATE);
    if (this.speechDone) throw new ToySimulatorError('the toy is already saying something');
    const done = new Promise<number>((resolve) => (this.speechDone = resolve));
    const startedAt = Date.now();
    for (let offset = 0; offset < at48.length; offset += MIC_FRAME) {
      const frame = new Float32Array(MIC_FRAME);
      frame.set(at48.subarray(offset, offset + MIC_FRAME));
      this.speech.push(floatToInt16(frame));
    }
    const endsAt = await done;
    await sleep(Math.max(0, endsAt - Date.now()));
    const endedAt = Date.now();
    this.print(`said ${(pcm.samples.length / pcm.sampleRate).toFixed(2)} s of audio`);
    return { startedAt, endedAt, durationMs: endedAt - startedAt };
  }

  /** Types words to the agent (the input topic), as a companion app or a toy's button would. */
  async type(text: string): Promise<void> {
    const input: ToyInput = { type: 'text', text };
    await this.room.localParticipant!.publishData(new TextEncoder().encode(JSON.stringify(input)), {
      reliable: true,
      topic: INPUT_TOPIC,
    });
  }

  /** Resolves with the first message (received at or after `sinceMs`) that matches. */
  async waitForMessage<T extends ToyMessage>(
    what: string,
    match: (m: ToyMessage) => m is T,
    timeoutMs: number,
    sinceMs?: number,
  ): Promise<T>;
  async waitForMessage(
    what: string,
    match: (m: ToyMessage) => boolean,
    timeoutMs: number,
    sinceMs?: number,
  ): Promise<ToyMessage>;
  async waitForMessage(
    what: string,
    match: (m: ToyMessage) => boolean,
    timeoutMs: number,
    sinceMs = 0,
  ): Promise<ToyMessage> {
    let found: ToyMessage | undefined;
    await waitUntil(
      what,
      () => (found = this.messages.find((m) => m.atMs >= sinceMs && match(m))) !== undefined,
      timeoutMs,
    );
    return found!;
  }

  /** Waits for audible audio on `recording` after `sinceMs`, then for `quietMs` without any. */
  async waitForQuiet(
    recording: TrackRecording,
    sinceMs: number,
    quietMs: number,
    timeoutMs: number,
    what = "the agent's spoken reply",
  ): Promise<void> {
    await waitUntil(
      what,
      () => {
        const last = recording.lastAudibleAt();
        return last !== null && last >= sinceMs && Date.now() - last > quietMs;
      },
      timeoutMs,
    );
  }

  transcripts(
    role: 'user' | 'agent',
    sinceMs = 0,
  ): (Extract<AgentMessage, { type: 'transcript' }> & { atMs: number })[] {
    return this.messages.filter(
      (m): m is Extract<AgentMessage, { type: 'transcript' }> & ToyMessage =>
        m.type === 'transcript' && m.role === role && m.atMs >= sinceMs,
    );
  }

  /** Leaves the room (the toy switched off); the agent sees the participant go. */
  async disconnect(): Promise<void> {
    this.live = false;
    this.speechDone?.(Date.now());
    this.speechDone = null;
    await this.micLoop?.catch(() => undefined);
    for (const r of this.readers) await r.cancel().catch(() => undefined);
    await this.room.disconnect().catch(() => undefined);
    await this.mic.close().catch(() => undefined);
  }
}
