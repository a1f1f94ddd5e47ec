// A simulated stock xiaozhi-esp32 toy, written from the firmware's sources (main/ota.cc,
// main/application.cc, main/protocols/*): the OTA check with Device-Id/Client-Id and system info,
// activation polling, hello (10 s for the server's answer), `listen` start/stop/detect in
// auto/manual/realtime mode, a live 16 kHz microphone sent as real-time 60 ms Opus frames, `abort`,
// the server's audio played only between `tts start` and `tts stop`, and MCP tools of its own
// (speaker volume). In realtime mode its speaker can leak back into its microphone (a single-mic
// toy), stamped with protocol-v2 timestamps the way firmware built for server-side AEC does.
// The link to the server is a seam (XiaozhiLink): WebSocket here, MQTT+UDP in E's module.
import crypto from 'node:crypto';
import { rmsOf, StreamResampler } from '../../agent/resampler.ts';
import type { MonoPcm } from '../../agent/wav.ts';
import { spokenAudio } from './spoken-audio.ts';
import { FRAME_MS, OpusDecoder, OpusEncoder, UPLINK_RATE, type OpusRate } from '../xiaozhi/opus-codec.ts';

export const MIC_RATE = UPLINK_RATE;
const MIC_FRAME = (MIC_RATE * FRAME_MS) / 1000;
/** A frame louder than this counts as sound. */
export const AUDIBLE_RMS = 0.01;

export class XiaozhiToyError extends Error {
  override name = 'XiaozhiToyError';
}

/** What carries the toy's messages: the seam between the firmware's logic and its transport. */
export interface XiaozhiLink {
  readonly transport: 'websocket' | 'udp';
  sendJson(message: Record<string, unknown>): void;
  sendOpus(packet: Uint8Array, timestampMs: number): void;
  onJson(listener: (message: Record<string, unknown>) => void): void;
  onOpus(listener: (packet: Uint8Array, timestampMs: number) => void): void;
  onClose(listener: (reason: string) => void): void;
  close(): void;
}

export interface OtaAnswer {
  server_time?: { timestamp: number; timezone_offset: number };
  firmware?: { version: string; url?: string };
  activation?: { code: string; message: string; challenge: string; timeout_ms: number };
  websocket?: { url: string; token: string; version?: number };
  mqtt?: Record<string, unknown>;
}

export interface ToyIdentity {
  mac: string;
  clientId: string;
  board: string;
  firmwareVersion: string;
}

export function newToyIdentity(board = 'hearth-sim'): ToyIdentity {
  const mac = ['02', ...Array.from(crypto.randomBytes(5), (b) => b.toString(16).padStart(2, '0'))].join(':');
  return { mac, clientId: crypto.randomUUID(), board, firmwareVersion: '1.9.0' };
}

function otaHeaders(toy: ToyIdentity): Record<string, string> {
  return {
    'Activation-Version': '1',
    'Device-Id': toy.mac,
    'Client-Id': toy.clientId,
    'User-Agent': `${toy.board}/${toy.firmwareVersion}`,
    'Accept-Language': 'en-US',
    'Content-Type': 'application/json',
  };
}

/** The firmware's OTA check (Ota::CheckVersion): POST with the system info. */
export async function checkVersion(otaUrl: string, toy: ToyIdentity): Promise<{ status: number; answer: OtaAnswer }> {
  const body = {
    version: 2,
    language: 'en-US',
    mac_address: toy.mac,
    uuid: toy.clientId,
    application: { name: 'xiaozhi', version: toy.firmwareVersion, idf_version: 'v5.4' },
    board: { type: toy.board, name: toy.board },
  };
  const res = await fetch(otaUrl, { method: 'POST', headers: otaHeaders(toy), body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, answer: (text ? JSON.parse(text) : {}) as OtaAnswer };
}

/** The firmware's activation poll (Ota::Activate): 202 keep polling, 200 activated. No serial number: the body is "{}". */
export async function activate(otaUrl: string, toy: ToyIdentity): Promise<number> {
  const url = otaUrl.endsWith('/') ? `${otaUrl}activate` : `${otaUrl}/activate`;
  const res = await fetch(url, { method: 'POST', headers: otaHeaders(toy), body: '{}' });
  await res.text();
  return res.status;
}

/** What the toy says: a WAV, or text spoken with the classic flite voice, at the mic rate. */
export async function utterance(say: string): Promise<Float32Array> {
  const pcm = await spokenAudio(say);
  return new StreamResampler(pcm.sampleRate, MIC_RATE).push(pcm.samples);
}

export interface ReceivedMessage {
  message: Record<string, unknown>;
  atMs: number;
}

/** The server's audio as the toy heard it: decoded frames with their arrival time and level. */
export class HeardAudio {
  readonly frames: { atMs: number; rms: number; pcm: Float32Array }[] = [];
  sampleRate = 24000;

  audibleFrames(sinceMs = 0, untilMs = Infinity): number {
    return this.frames.filter((f) => f.rms > AUDIBLE_RMS && f.atMs >= sinceMs && f.atMs < untilMs).length;
  }

  firstAudibleAt(sinceMs = 0): number | null {
    return this.frames.find((f) => f.rms > AUDIBLE_RMS && f.atMs >= sinceMs)?.atMs ?? null;
  }

  pcm(sinceMs = 0): MonoPcm {
    const parts = this.frames.filter((f) => f.atMs >= sinceMs).map((f) => f.pcm);
    const samples = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      samples.set(p, offset);
      offset += p.length;
    }
    return { sampleRate: this.sampleRate, samples };
  }
}

export interface XiaozhiToyOptions {
  mode?: 'auto' | 'manual' | 'realtime';
  /** Say `features.aec` in the hello and stamp uplink frames with what is playing (protocol v2). */
  serverAec?: boolean;
  /** How much of its own speaker reaches its microphone (0: none; a single-mic toy: 0.3 or so). */
  echoGain?: number;
  /** The toy offers MCP tools (speaker volume). */
  mcp?: boolean;
  print?: (line: string) => void;
}

type DeviceState = 'connecting' | 'idle' | 'listening' | 'speaking' | 'closed';

export class XiaozhiToy {
  readonly messages: ReceivedMessage[] = [];
  readonly heard = new HeardAudio();
  sessionId: string | null = null;
  state: DeviceState = 'connecting';
  closeReason: string | null = null;
  /** The speaker volume the server set through MCP (null: never). */
  speakerVolume: number | null = null;
  private readonly mode: 'auto' | 'manual' | 'realtime';
  private readonly encoder = new OpusEncoder(MIC_RATE, FRAME_MS);
  private decoder: OpusDecoder | null = null;
  /** Set by close(): the codecs are freed and nothing arriving later is handled. */
  private released = false;
  private toMic: StreamResampler | null = null;
  private readonly speech: Float32Array[] = [];
  private speechDone: ((endedAt: number) => void) | null = null;
  /** What the speaker is about to play: downlink frames queued in real time (the firmware's decode queue). */
  private readonly playout: { timestampMs: number; pcm16k: Float32Array }[] = [];
  private micTimer: NodeJS.Timeout | null = null;
  private micStartedAt = 0;
  private micFrames = 0;
  private helloWaiter: ((message: Record<string, unknown>) => void) | null = null;
  private readonly waiters = new Set<() => void>();
  private readonly print: (line: string) => void;

  constructor(
    readonly link: XiaozhiLink,
    private readonly options: XiaozhiToyOptions = {},
  ) {
    this.mode = options.mode ?? 'auto';
    this.print = options.print ?? (() => undefined);
    link.onJson((message) => this.onJson(message));
    link.onOpus((packet, ts) => this.onOpus(packet, ts));
    link.onClose((reason) => {
      this.closeReason = reason;
      this.state = 'closed';
      this.stopMic();
      this.notify();
    });
  }

  /** Application::OpenAudioChannel: hello, then the server's hello within 10 s. */
  async hello(timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const answered = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new XiaozhiToyError(
              `no server hello within ${timeoutMs} ms${this.closeReason ? ` (closed: ${this.closeReason})` : ''}`,
            ),
          ),
        timeoutMs,
      );
      this.helloWaiter = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
    this.link.sendJson({
      type: 'hello',
      version: 1,
      features: { ...(this.options.serverAec ? { aec: true } : {}), ...(this.options.mcp ? { mcp: true } : {}) },
      transport: this.link.transport,
      audio_params: { format: 'opus', sample_rate: MIC_RATE, channels: 1, frame_duration: FRAME_MS },
    });
    const hello = await answered;
    const params = (hello.audio_params ?? {}) as { sample_rate?: number };
    const rate = (params.sample_rate ?? 24000) as OpusRate;
    this.decoder = new OpusDecoder(rate);
    this.heard.sampleRate = rate;
    this.toMic = new StreamResampler(rate, MIC_RATE);
    this.sessionId = typeof hello.session_id === 'string' ? hello.session_id : null;
    this.startMic();
    return hello;
  }

  /** Button press or wake word: start listening (Protocol::SendStartListening). */
  startListening(): void {
    this.state = 'listening';
    this.send({ type: 'listen', state: 'start', mode: this.mode });
  }

  /** Push-to-talk released (manual mode). */
  stopListening(): void {
    this.send({ type: 'listen', state: 'stop' });
  }

  wakeWord(text = 'hi hearth'): void {
    this.send({ type: 'listen', state: 'detect', text });
  }

  /** Application::AbortSpeaking. */
  abort(reason?: 'wake_word_detected'): void {
    this.send({ type: 'abort', ...(reason ? { reason } : {}) });
  }

  goodbye(): void {
    this.send({ type: 'goodbye' });
  }

  /** Speaks into the live microphone; resolves when the last sample has been sent. */
  async say(what: string | Float32Array): Promise<{ startedAt: number; endedAt: number }> {
    const pcm = typeof what === 'string' ? await utterance(what) : what;
    const startedAt = Date.now();
    const ended = new Promise<number>((resolve) => (this.speechDone = resolve));
    for (let i = 0; i < pcm.length; i += MIC_FRAME) this.speech.push(pcm.subarray(i, i + MIC_FRAME));
    return { startedAt, endedAt: await ended };
  }

  received(type: string, since = 0): ReceivedMessage[] {
    return this.messages.filter((m) => m.message.type === type && m.atMs >= since);
  }

  /** Resolves with the first message since `since` that `match` accepts. */
  async waitForMessage(
    what: string,
    match: (m: Record<string, unknown>) => boolean,
    timeoutMs: number,
    since = 0,
  ): Promise<ReceivedMessage> {
    let found: ReceivedMessage | undefined;
    await this.waitUntil(
      what,
      () => (found = this.messages.find((m) => m.atMs >= since && match(m.message))) !== undefined,
      timeoutMs,
    );
    return found!;
  }

  /** Waits for `check` to hold, re-checked on every message, audio frame and close. */
  waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new XiaozhiToyError(
            `timed out after ${timeoutMs} ms waiting for ${what}${this.closeReason ? ` (closed: ${this.closeReason})` : ''}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  close(): void {
    // Audio already on the wire may still arrive: in the closed state it is dropped, not decoded.
    this.state = 'closed';
    this.stopMic();
    this.link.close();
    this.encoder.release();
    this.decoder?.release();
    // A message already on the wire (tts start) must not bring a released decoder back into use.
    this.decoder = null;
    this.released = true;
  }

  private send(message: Record<string, unknown>): void {
    this.link.sendJson({ ...(this.sessionId ? { session_id: this.sessionId } : {}), ...message });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private onJson(message: Record<string, unknown>): void {
    if (this.released) return;
    const atMs = Date.now();
    this.messages.push({ message, atMs });
    const type = message.type;
    if (type === 'hello' && this.helloWaiter) {
      const waiter = this.helloWaiter;
      this.helloWaiter = null;
      waiter(message);
    } else if (type === 'tts') {
      if (message.state === 'start') {
        this.state = 'speaking';
        this.print(`tts start`);
      } else if (message.state === 'stop' && this.state === 'speaking') {
        this.print(`tts stop`);
        // The firmware goes back to listening (auto, realtime) or idle (manual).
        if (this.mode === 'manual') this.state = 'idle';
        else this.startListening();
      } else if (message.state === 'sentence_start') {
        this.print(`<< ${String(message.text)}`);
      }
    } else if (type === 'stt') {
      this.print(`>> ${String(message.text)}`);
    } else if (type === 'mcp') {
      this.onMcp(message.payload as Record<string, unknown> | undefined);
    } else if (type === 'goodbye') {
      this.state = 'idle';
    }
    this.notify();
  }

  private onOpus(packet: Uint8Array, timestampMs: number): void {
    // Application: audio is played only while speaking; anything else is dropped.
    if (this.released || this.state !== 'speaking' || !this.decoder || !this.toMic) return;
    const pcm = this.decoder.decode(packet);
    this.heard.frames.push({ atMs: Date.now(), rms: rmsOf(pcm), pcm });
    this.playout.push({ timestampMs, pcm16k: this.toMic.push(pcm) });
    this.notify();
  }

  /** The firmware's MCP server: initialize, tools/list, tools/call (speaker volume). */
  private onMcp(payload: Record<string, unknown> | undefined): void {
    if (!payload || typeof payload.id !== 'number') return;
    const reply = (result: unknown) => this.send({ type: 'mcp', payload: { jsonrpc: '2.0', id: payload.id, result } });
    const params = (payload.params ?? {}) as Record<string, unknown>;
    if (payload.method === 'initialize')
      reply({
        protocolVersion: '2024-11-05',
        capabilities: { tools: {} },
        serverInfo: { name: 'hearth-sim', version: '1.9.0' },
      });
    else if (payload.method === 'tools/list')
      reply({
        tools: [
          {
            name: 'self.get_device_status',
            description: 'Device status',
            inputSchema: { type: 'object', properties: {} },
          },
          {
            name: 'self.audio_speaker.set_volume',
            description: 'Set the speaker volume',
            inputSchema: {
              type: 'object',
              properties: { volume: { type: 'integer', minimum: 0, maximum: 100 } },
              required: ['volume'],
            },
          },
        ],
      });
    else if (payload.method === 'tools/call' && params.name === 'self.audio_speaker.set_volume') {
      const args = (params.arguments ?? {}) as { volume?: number };
      this.speakerVolume = typeof args.volume === 'number' ? args.volume : null;
      reply({ content: [{ type: 'text', text: 'true' }], isError: false });
    } else
      this.send({
        type: 'mcp',
        payload: { jsonrpc: '2.0', id: payload.id, error: { code: -32601, message: 'Method not found' } },
      });
  }

  // --- the microphone: one 60 ms Opus frame every 60 ms, in real time -----------------------

  private startMic(): void {
    this.micStartedAt = performance.now();
    this.micFrames = 0;
    this.micTimer = setInterval(() => this.micTick(), 10);
  }

  private stopMic(): void {
    if (this.micTimer) clearInterval(this.micTimer);
    this.micTimer = null;
  }

  private micTick(): void {
    const due = Math.floor((performance.now() - this.micStartedAt) / FRAME_MS);
    while (this.micFrames < due) {
      this.micFrames++;
      this.micFrame();
    }
  }

  private micFrame(): void {
    if (this.released) return;
    const frame = new Float32Array(MIC_FRAME);
    const spoken = this.speech.shift();
    if (spoken) frame.set(spoken);
    if (spoken && this.speech.length === 0) {
      const done = this.speechDone;
      this.speechDone = null;
      done?.(Date.now());
    }
    // The speaker plays one frame per mic frame; a single-mic toy hears it.
    const playing = this.state === 'speaking' ? this.playout.shift() : undefined;
    // Leaving the speaking state drops what was still queued (the firmware resets its decoder).
    if (this.state !== 'speaking') this.playout.length = 0;
    const echoGain = this.options.echoGain ?? 0;
    if (playing && echoGain > 0)
      for (let i = 0; i < frame.length; i++) frame[i] = (frame[i] ?? 0) + (playing.pcm16k[i] ?? 0) * echoGain;
    // What the firmware sends: listening in any mode; while speaking only in realtime mode.
    const micOpen = this.state === 'listening' || (this.state === 'speaking' && this.mode === 'realtime');
    if (!micOpen) return;
    const timestampMs = this.options.serverAec && playing ? playing.timestampMs : 0;
    this.link.sendOpus(this.encoder.encode(frame), timestampMs);
  }
}
