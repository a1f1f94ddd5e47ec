// One toy's conversation, whatever carries its audio: the VoiceSession with the device's profile
// (persona, memory, tools, child-safe guard, volume), songs and stories, and the messages a toy is
// told (transcripts, state, metrics, media). AgentSession runs it in a LiveKit room; the stock
// xiaozhi toys (server/toys/xiaozhi/) run it over their own WebSocket or MQTT+UDP link. The
// transport gives an AudioOutput for the voice, a MediaSink for songs and stories, and `send`.
import type { AudioOutput } from '../../src/core/engines.ts';
import type { Persona } from '../../src/core/prompt.ts';
import { VoiceSession, type VoiceSessionOptions } from '../../src/core/voice-session.ts';
import { AgentTextBatcher } from './agent-text-batcher.ts';
import type { AgentConversation, AgentEngines } from './agent-session.ts';
import { AgentMedia, speechStyleOf, withMediaTools } from './media/agent-media.ts';
import type { AgentMediaLibrary } from './media/media-library.ts';
import type { MediaSink } from './media/room-media-player.ts';
import { MonitoringNotice } from './monitoring-notice.ts';
import { METRICS_TOPIC, STATE_TOPIC, TRANSCRIPT_TOPIC, type AgentMessage } from './protocol.ts';

export interface ToyConversationOptions {
  engines: AgentEngines;
  persona: Persona;
  conversation?: AgentConversation;
  /** The home media library, and where its audio goes (both, or no songs and stories). */
  media?: { library: AgentMediaLibrary; sink: MediaSink & { close(): Promise<void> } };
  /** The agent's voice; its volume follows the toy's profile. */
  output: AudioOutput & { setVolume(volume: number): void };
  /** A message for the toy (and whoever watches it), on one of the protocol's topics. */
  send: (topic: string, message: AgentMessage) => void;
  /** Extra VoiceSession settings (e.g. a transport's endpointing). */
  config?: VoiceSessionOptions['config'];
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
  /** Names the toy in log lines. */
  logContext: Record<string, unknown>;
}

export class ToyConversation {
  readonly session: VoiceSession;
  readonly media: AgentMedia | null;
  private readonly agentText: AgentTextBatcher;
  private readonly detachConversation: (() => void) | undefined;
  private readonly monitoring: MonitoringNotice;
  private closed = false;

  constructor(private readonly opts: ToyConversationOptions) {
    const { engines } = opts;
    const send = (topic: string, message: AgentMessage) => {
      if (!this.closed) opts.send(topic, message);
    };
    this.agentText = new AgentTextBatcher((turnId, text) =>
      send(TRANSCRIPT_TOPIC, { type: 'transcript', role: 'agent', turnId, text, final: false }),
    );
    const conversation = opts.conversation?.sessionOptions();
    const persona = conversation?.persona ?? opts.persona;
    const conversationRef = opts.conversation;
    this.media = opts.media
      ? new AgentMedia({
          library: opts.media.library,
          sink: opts.media.sink,
          voice: engines.tts,
          // Read when a story starts, so a persona changed by a parent reads it in its own voice.
          voiceOptions: () => speechStyleOf(conversationRef?.persona?.() ?? persona),
          ...(conversationRef?.mediaAudience ? { audience: () => conversationRef.mediaAudience?.() ?? {} } : {}),
        })
      : null;
    this.session = new VoiceSession({
      vad: engines.createVad(),
      stt: engines.stt,
      llm: engines.llm,
      tts: engines.tts,
      ...(engines.turnEnd ? { turnEnd: engines.turnEnd } : {}),
      output: opts.output,
      persona: opts.persona,
      ...conversation,
      ...(this.media
        ? { tools: withMediaTools(conversation?.tools, this.media.tools), toolServices: this.media.services }
        : {}),
      ...(opts.config ? { config: opts.config } : {}),
    });
    this.media?.follow(this.session, (message) => send(STATE_TOPIC, message));
    this.detachConversation = opts.conversation?.attach(this.session, (volume) => {
      opts.output.setVolume(volume);
      this.media?.player.setOutputLevel(volume);
    });
    this.monitoring = new MonitoringNotice({
      tts: engines.tts,
      output: opts.output,
      speech: () => speechStyleOf(conversationRef?.persona?.() ?? persona),
      childAge: () => conversationRef?.childAge?.() ?? null,
      state: () => this.session.state,
      onState: (listener) => this.session.on('state', ({ state }) => listener(state)),
      duck: (on) => this.media?.player.duck('notice', on),
      send: (message) => send(STATE_TOPIC, message),
      log: (level, msg, extra) => opts.log(level, msg, { ...opts.logContext, ...extra }),
    });
    this.session.on('state', ({ state }) => send(STATE_TOPIC, { type: 'state', state }));
    this.session.on('userTranscript', ({ turnId, text, final }) =>
      send(TRANSCRIPT_TOPIC, { type: 'transcript', role: 'user', turnId, text, final }),
    );
    this.session.on('agentText', ({ turnId, text }) => this.agentText.update(turnId, text));
    this.session.on('turnEnd', ({ turnId }) => {
      this.agentText.flush();
      const last = this.session.history.at(-1);
      if (last?.role === 'assistant')
        send(TRANSCRIPT_TOPIC, { type: 'transcript', role: 'agent', turnId, text: last.content, final: true });
    });
    // The session's clock is performance.now(): the same moments as epoch ms, for a toy on this machine to line up with its own.
    const epochMs = (t: number | null | undefined) =>
      typeof t === 'number' ? Math.round(performance.timeOrigin + t) : null;
    this.session.on('metrics', (m) =>
      send(METRICS_TOPIC, {
        type: 'metrics',
        metrics: { ...m, speechEndEpochMs: epochMs(m.speechEndAt), firstAudioEpochMs: epochMs(m.firstAudioAt) },
      }),
    );
    this.session.on('interrupted', ({ turnId, reason }) => send(STATE_TOPIC, { type: 'interrupted', turnId, reason }));
    this.session.on('error', ({ stage, error }) => {
      opts.log('warn', 'voice session error', { ...opts.logContext, stage, error: error.message });
      send(STATE_TOPIC, { type: 'error', stage, message: error.message });
    });
  }

  start(): void {
    this.session.start();
  }

  /**
   * The hook for a parent's live transcript (the LiveKit observer in AgentSession, xiaozhi's own):
   * call it when a parent starts listening live and call the function it returns when they stop.
   * Overlapping parents are counted: the child is told (chime, spoken words for their age, and a
   * `monitoring` state message) when the first starts, and gets a quiet chime and message when
   * the last stops.
   */
  parentWatching(): () => void {
    if (this.closed) return () => {};
    return this.monitoring.watch();
  }

  /** Stops the conversation and its media; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.agentText.cancel();
    this.monitoring.close();
    this.detachConversation?.();
    try {
      this.session.stop();
    } catch (error) {
      this.opts.log('warn', 'voice session stop failed', { ...this.opts.logContext, error: String(error) });
    }
    await this.media?.close();
    // The last turn's history and memories are written before the conversation counts as closed.
    await this.opts.conversation
      ?.settled?.()
      .catch((error: unknown) =>
        this.opts.log('warn', 'saving the last turn failed', { ...this.opts.logContext, error: String(error) }),
      );
  }
}
