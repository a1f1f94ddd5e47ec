// One stock xiaozhi toy connected to Hearth, over whatever XiaozhiChannel carries it: the firmware's
// session protocol (hello, listen start/stop/detect in auto/manual/realtime mode, abort, mcp,
// goodbye), its Opus audio both ways, and the companion behind it: the same ToyConversation a
// LiveKit toy gets (persona, voice, memory, guard, limits, songs and stories, history, usage),
// handed the device's audio directly rather than through a LiveKit room (see xiaozhi-sessions.ts
// for why). The firmware's messages follow main/application.cc and docs/websocket.md.
import crypto from 'node:crypto';
import type { VoiceSessionState } from '../../../src/core/session-types.ts';
import type { AgentEngines } from '../../agent/agent-session.ts';
import type { AgentMediaLibrary } from '../../agent/media/media-library.ts';
import type { AgentMessage } from '../../agent/protocol.ts';
import { StreamResampler } from '../../agent/resampler.ts';
import type { ToyContext } from '../../agent/toy-context.ts';
import { ToyConversation } from '../../agent/toy-conversation.ts';
import type { XiaozhiChannel } from './channel.ts';
import { DeviceMcp } from './device-mcp.ts';
import { XiaozhiDownlink } from './downlink.ts';
import { EchoGate } from './echo-gate.ts';
import type { LiveListener, WatchableSession } from './live-watchers.ts';
import { DOWNLINK_RATE, FRAME_MS, OpusDecodeError, OpusDecoder, type OpusRate } from './opus-codec.ts';

const VAD_RATE = 16000;
const OPUS_RATES: readonly number[] = [8000, 12000, 16000, 24000, 48000];
const FRAME_DURATIONS: readonly number[] = [10, 20, 40, 60, 80, 100, 120];
/** Undecodable packets in a row before the toy is told its audio is unusable. */
const MAX_BAD_PACKETS = 50;
const REPLYING: readonly VoiceSessionState[] = ['transcribing', 'thinking', 'speaking'];

export type ListenMode = 'auto' | 'manual' | 'realtime';
export type XiaozhiLog = (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;

export interface XiaozhiSessionDeps {
  /** The shared Node engines (loaded once, with the LiveKit agent's). */
  engines: () => Promise<AgentEngines>;
  /** The device's profile at work; throws for a device that is not registered. */
  toyContext: (deviceId: string, engines: AgentEngines) => ToyContext;
  media?: AgentMediaLibrary;
  log: XiaozhiLog;
  /** Hearth's version, for the MCP handshake. */
  version: string;
  /** The firmware waits 10 s for the server's hello; a device that does not say hello in this long is closed. */
  helloTimeoutMs?: number;
}

export interface XiaozhiSessionStats {
  framesIn: number;
  badFrames: number;
  framesOut: number;
  echoGated: number;
  echoPassed: number;
}

export class XiaozhiSession implements WatchableSession {
  readonly sessionId = crypto.randomUUID();
  private readonly logContext: Record<string, unknown>;
  private helloTimer: NodeJS.Timeout | null;
  private helloDone = false;
  private closed = false;
  private conversation: ToyConversation | null = null;
  private context: ToyContext | null = null;
  private readonly downlink: XiaozhiDownlink;
  private decoder: OpusDecoder | null = null;
  private toVad: StreamResampler | null = null;
  private readonly echo = new EchoGate();
  private mcp: DeviceMcp | null = null;
  private mode: ListenMode = 'auto';
  private listening = false;
  private serverAec = false;
  private ttsOpen = false;
  private earlyAudioDropped = false;
  private mediaShown: string | null = null;
  private badInARow = 0;
  /** Parents reading along live, and the call that ends the child's notice (null: nobody watching). */
  private readonly watchers = new Set<LiveListener>();
  private endParentNotice: (() => void) | null = null;
  private readonly closeListeners: ((reason: string) => void)[] = [];
  readonly stats: XiaozhiSessionStats = { framesIn: 0, badFrames: 0, framesOut: 0, echoGated: 0, echoPassed: 0 };

  constructor(
    readonly channel: XiaozhiChannel,
    readonly deviceId: string,
    private readonly deps: XiaozhiSessionDeps,
  ) {
    this.logContext = { toy: deviceId, transport: channel.transport, session: this.sessionId };
    this.downlink = new XiaozhiDownlink({
      send: (packet, timestampMs) => {
        this.stats.framesOut++;
        this.channel.sendOpus(packet, timestampMs);
      },
      onActive: () => this.openTts(),
      onIdle: () => this.maybeCloseTts(),
      onFrameSent: (timestampMs, pcm) =>
        this.echo.reference(timestampMs, pcm, performance.now() + this.downlink.playoutRemainingMs() - FRAME_MS),
    });
    this.helloTimer = setTimeout(
      () => this.close(`no hello within ${(deps.helloTimeoutMs ?? 10_000) / 1000} s`),
      deps.helloTimeoutMs ?? 10_000,
    );
    channel.onJson((message) => this.onJson(message));
    channel.onOpus((packet, timestampMs) => this.onOpus(packet, timestampMs));
    channel.onClose((reason) => void this.shutDown(reason, false));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get listenMode(): ListenMode {
    return this.mode;
  }

  onClosed(listener: (reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  /**
   * A parent starts reading along live: `listener` gets every message the companion sends about
   * this toy (transcripts, state) until the returned call. The child is told while anyone watches.
   */
  watch(listener: LiveListener): () => void {
    if (this.closed) return () => {};
    this.watchers.add(listener);
    this.updateParentNotice();
    return () => {
      if (this.watchers.delete(listener)) this.updateParentNotice();
    };
  }

  /** Ends the session from the server's side: the toy is told goodbye and the channel closes. */
  close(reason: string): void {
    if (this.closed) return;
    if (this.helloDone) this.safeSend({ type: 'goodbye', session_id: this.sessionId });
    void this.shutDown(reason, true);
  }

  // --- messages from the toy ---------------------------------------------------------------

  private onJson(message: Record<string, unknown>): void {
    if (this.closed) return;
    if (!this.helloDone) {
      this.onHello(message);
      return;
    }
    switch (message.type) {
      case 'listen':
        this.onListen(message);
        return;
      case 'abort':
        this.abort(typeof message.reason === 'string' ? message.reason : 'abort');
        return;
      case 'mcp':
        this.mcp?.receive(message.payload);
        return;
      case 'goodbye':
        void this.shutDown('the toy said goodbye', true);
        return;
      case 'hello':
        // A second hello on an open session: answer it again (the firmware only sends one per channel).
        this.sendHello();
        return;
      default:
        this.deps.log('info', 'xiaozhi toy sent a message Hearth does not handle', {
          ...this.logContext,
          type: String(message.type),
        });
    }
  }

  private onHello(message: Record<string, unknown>): void {
    const problem = helloProblem(message, this.channel.transport);
    if (problem) {
      this.close(`malformed hello: ${problem}`);
      return;
    }
    this.helloDone = true;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = null;
    const params = message.audio_params as { sample_rate?: number } | undefined;
    const uplinkRate = (params?.sample_rate ?? 16000) as OpusRate;
    this.decoder = new OpusDecoder(uplinkRate);
    this.toVad = new StreamResampler(uplinkRate, VAD_RATE);
    const features = (message.features ?? {}) as Record<string, unknown>;
    this.serverAec = features.aec === true;
    // Answer at once: the firmware gives up after 10 s, and the engines may still be loading.
    this.sendHello();
    this.deps.log('info', 'xiaozhi toy connected', {
      ...this.logContext,
      aec: this.serverAec,
      mcp: features.mcp === true,
    });
    if (features.mcp === true) this.startMcp();
    void this.startConversation();
  }

  private onListen(message: Record<string, unknown>): void {
    const state = message.state;
    if (message.mode === 'auto' || message.mode === 'manual' || message.mode === 'realtime') this.mode = message.mode;
    if (state === 'start') {
      this.listening = true;
    } else if (state === 'stop') {
      this.listening = false;
      // Push-to-talk released: the utterance ends now, as if the child had gone quiet.
      if (this.mode === 'manual') this.endUtterance();
    } else if (state === 'detect') {
      // The toy heard its wake word: whatever Hearth was saying stops, and it listens. Longer text
      // is a typed question (companion apps send it this way, as xinnan-tech's server reads it).
      this.abort('wake word');
      this.listening = true;
      const text = typeof message.text === 'string' ? message.text.trim().slice(0, 2000) : '';
      if (text.split(/\s+/).length > 3 && this.conversation && this.conversation.session.state !== 'idle')
        void this.conversation.session.sendText(text);
    }
  }

  private onOpus(packet: Uint8Array, timestampMs: number): void {
    if (this.closed || !this.helloDone || !this.decoder || !this.toVad) return;
    this.stats.framesIn++;
    let pcm: Float32Array;
    try {
      pcm = this.decoder.decode(packet);
      this.badInARow = 0;
    } catch (error) {
      this.stats.badFrames++;
      if (!(error instanceof OpusDecodeError)) throw error;
      if (this.badInARow++ === 0)
        this.deps.log('warn', 'xiaozhi toy sent audio that does not decode', {
          ...this.logContext,
          error: error.message,
        });
      if (this.badInARow >= MAX_BAD_PACKETS) this.close(`${MAX_BAD_PACKETS} Opus packets in a row did not decode`);
      return;
    }
    // The firmware only sends while listening; in realtime mode its mic stays open while it plays.
    if (!this.listening && this.mode !== 'realtime') return;
    let audio = this.toVad.push(pcm);
    // Only a toy that asked for server-side AEC (features.aec) hears its own speaker: the firmware
    // opens the mic while it plays (realtime) only with AEC on the device or on the server, and a
    // device-side canceller has already removed the echo. Gating such a clean mic against Hearth's
    // (loud) downlink would silence a child saying "stop" over a story.
    if (this.mode === 'realtime' && this.serverAec) {
      audio = this.echo.process(audio, timestampMs, performance.now());
      this.stats.echoGated = this.echo.gated;
      this.stats.echoPassed = this.echo.passed;
    }
    this.hear(audio);
  }

  private hear(audio: Float32Array): void {
    if (this.conversation) {
      void this.conversation.session.pushAudio(audio);
      return;
    }
    // Still loading (the first toy after a start waits for the engines). Buffered audio cannot be
    // replayed later: turn-taking times speech by the clock, so a burst would read as a blip. The
    // toy's face turns happy (llm emotion) once Hearth listens.
    if (!this.earlyAudioDropped)
      this.deps.log('info', 'xiaozhi toy audio before the companion was ready (dropped)', this.logContext);
    this.earlyAudioDropped = true;
  }

  private endUtterance(): void {
    // Enough silence for the endpointing delay: the same path as a child who stopped talking.
    if (this.conversation) void this.conversation.session.pushAudio(new Float32Array((VAD_RATE * 1200) / 1000));
  }

  private abort(reason: string): void {
    const conversation = this.conversation;
    if (!conversation) return;
    this.deps.log('info', 'xiaozhi toy interrupted Hearth', { ...this.logContext, reason });
    conversation.session.interrupt();
    conversation.media?.player.stop();
    this.downlink.voice.flush();
    this.downlink.media.clear();
    this.maybeCloseTts(true);
  }

  // --- the companion -----------------------------------------------------------------------

  private async startConversation(): Promise<void> {
    let engines: AgentEngines;
    try {
      engines = await this.deps.engines();
    } catch (error) {
      this.refuse('Hearth could not start the companion', error);
      return;
    }
    if (this.closed) return;
    let context: ToyContext;
    try {
      context = this.deps.toyContext(this.deviceId, engines);
    } catch (error) {
      this.refuse('this toy is not registered with Hearth', error);
      return;
    }
    this.context = context;
    const conversation = new ToyConversation({
      engines,
      persona: context.persona(),
      conversation: context,
      ...(this.deps.media ? { media: { library: this.deps.media, sink: this.downlink.media } } : {}),
      output: this.downlink.voice,
      send: (topic, message) => this.onAgentMessage(topic, message),
      log: this.deps.log,
      logContext: this.logContext,
    });
    this.conversation = conversation;
    conversation.session.on('agentSentence', ({ text }) => {
      this.openTts();
      this.safeSend({ type: 'tts', state: 'sentence_start', text, session_id: this.sessionId });
    });
    conversation.session.on('state', ({ state }) => {
      if (state === 'thinking')
        this.safeSend({ type: 'llm', text: '🤔', emotion: 'thinking', session_id: this.sessionId });
      if (!REPLYING.includes(state)) this.maybeCloseTts();
    });
    this.registerDeviceTools();
    conversation.start();
    this.safeSend({ type: 'llm', text: '😊', emotion: 'happy', session_id: this.sessionId });
    // A parent who opened the live transcript before the companion was ready.
    this.updateParentNotice();
  }

  /** The child hears (chime, words for their age) and sees (`alert`) that a grown-up reads along. */
  private updateParentNotice(): void {
    const watching = this.watchers.size > 0 && !this.closed;
    if (watching && !this.endParentNotice && this.conversation) {
      this.endParentNotice = this.conversation.parentWatching();
    } else if (!watching && this.endParentNotice) {
      const end = this.endParentNotice;
      this.endParentNotice = null;
      end();
    }
  }

  private onAgentMessage(topic: string, message: AgentMessage): void {
    for (const watcher of this.watchers) {
      try {
        watcher({ kind: 'agent', topic, message });
      } catch (error) {
        this.deps.log('warn', 'xiaozhi live transcript listener failed', { ...this.logContext, error: String(error) });
      }
    }
    if (message.type === 'monitoring') {
      // The firmware's alert: its status line, the words in its chat area, a face, and a short sound.
      this.safeSend({
        type: 'alert',
        status: message.watching ? 'A grown-up is listening' : 'Just us again',
        message: message.text,
        emotion: message.watching ? 'neutral' : 'happy',
      });
    } else if (message.type === 'transcript' && message.role === 'user' && message.final) {
      this.safeSend({ type: 'stt', text: message.text, session_id: this.sessionId });
    } else if (message.type === 'media' && message.status === 'playing' && message.title) {
      this.openTts();
      // Shown once per item (the player reports every duck and unduck too).
      if (message.itemId !== this.mediaShown)
        this.safeSend({ type: 'tts', state: 'sentence_start', text: message.title, session_id: this.sessionId });
      this.mediaShown = message.itemId;
    } else if (message.type === 'media' && message.status === 'idle') {
      this.mediaShown = null;
      this.maybeCloseTts();
    }
  }

  private startMcp(): void {
    const mcp = new DeviceMcp((payload) => this.safeSend({ session_id: this.sessionId, type: 'mcp', payload }));
    this.mcp = mcp;
    mcp.start(this.deps.version).then(
      (tools) => {
        this.deps.log('info', 'xiaozhi toy tools', { ...this.logContext, tools: tools.map((t) => t.name) });
        this.registerDeviceTools();
      },
      (error: unknown) => {
        if (!this.closed)
          this.deps.log('warn', 'xiaozhi toy MCP handshake failed', { ...this.logContext, error: String(error) });
      },
    );
  }

  /** The toy's own tools join the companion's once both are there. */
  private registerDeviceTools(): void {
    const volume = this.mcp?.volumeTool();
    const tools = this.context?.tools;
    if (volume && tools && !tools.get(volume.name)) tools.register(volume);
  }

  // --- what the toy is told ----------------------------------------------------------------

  private sendHello(): void {
    this.safeSend({
      type: 'hello',
      transport: this.channel.transport,
      session_id: this.sessionId,
      audio_params: { format: 'opus', sample_rate: DOWNLINK_RATE, channels: 1, frame_duration: FRAME_MS },
      ...this.channel.helloExtras(),
    });
  }

  private openTts(): void {
    if (this.ttsOpen || this.closed) return;
    this.ttsOpen = true;
    this.safeSend({ type: 'tts', state: 'start', session_id: this.sessionId });
  }

  /** `tts stop` once nothing more is coming: the reply is over and the downlink has played out. */
  private maybeCloseTts(force = false): void {
    if (!this.ttsOpen || this.closed) return;
    if (!force) {
      const state = this.conversation?.session.state;
      const mediaBusy =
        this.conversation?.media?.player.status === 'playing' || this.conversation?.media?.player.status === 'loading';
      if ((state && REPLYING.includes(state)) || this.downlink.isActive || mediaBusy) return;
    }
    this.ttsOpen = false;
    this.safeSend({ type: 'tts', state: 'stop', session_id: this.sessionId });
  }

  private refuse(what: string, error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    this.deps.log('warn', `xiaozhi toy refused: ${what}`, { ...this.logContext, error: detail });
    this.safeSend({ type: 'alert', status: 'Error', message: `${what}.`, emotion: 'sad' });
    this.close(what);
  }

  private safeSend(message: Record<string, unknown>): void {
    if (this.closed) return;
    try {
      this.channel.sendJson(message);
    } catch (error) {
      void this.shutDown(`send failed: ${String(error)}`, true);
    }
  }

  private async shutDown(reason: string, closeChannel: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.helloTimer) clearTimeout(this.helloTimer);
    this.helloTimer = null;
    this.deps.log('info', 'xiaozhi toy session ended', {
      ...this.logContext,
      reason,
      framesIn: this.stats.framesIn,
      framesOut: this.stats.framesOut,
      badFrames: this.stats.badFrames,
      echoGated: this.stats.echoGated,
      echoPassed: this.stats.echoPassed,
    });
    this.watchers.clear();
    this.endParentNotice = null;
    this.mcp?.close();
    this.downlink.close();
    if (closeChannel) this.channel.close(reason);
    await this.conversation?.close().catch(() => undefined);
    this.decoder?.release();
    for (const listener of this.closeListeners) listener(reason);
  }
}

/** What is wrong with the toy's hello, or null when it is one Hearth can serve. */
export function helloProblem(message: Record<string, unknown>, transport: XiaozhiChannel['transport']): string | null {
  if (message.type !== 'hello') return `the first message must be a hello, not ${JSON.stringify(message.type ?? null)}`;
  if (message.transport !== undefined && message.transport !== transport)
    return `transport ${JSON.stringify(message.transport)} on a ${transport} connection`;
  const params = message.audio_params;
  if (params === undefined) return null;
  if (typeof params !== 'object' || params === null) return 'audio_params is not an object';
  const { format, sample_rate: rate, channels, frame_duration: duration } = params as Record<string, unknown>;
  if (format !== undefined && format !== 'opus') return `audio format ${JSON.stringify(format)} (only opus)`;
  if (rate !== undefined && !OPUS_RATES.includes(rate as number))
    return `sample_rate ${JSON.stringify(rate)} is not an Opus rate`;
  if (channels !== undefined && channels !== 1) return `${JSON.stringify(channels)} channels (only mono)`;
  if (duration !== undefined && !FRAME_DURATIONS.includes(duration as number))
    return `frame_duration ${JSON.stringify(duration)}`;
  return null;
}
