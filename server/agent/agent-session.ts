// One toy conversation: the agent joins the device's room with rtc-node, listens to the toy's
// microphone (48 kHz → 16 kHz into VoiceSession), speaks through RoomAudioOutput, and sends
// transcripts, state and metrics to the room as reliable JSON data messages.
import { AudioStream, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource, LocalAudioTrack, type AudioFrame, type RemoteParticipant, type RemoteTrack } from '@livekit/rtc-node';
import type { ChatModel, SpeechToText, TextToSpeech, Vad } from '../../src/core/engines.ts';
import type { Persona } from '../../src/core/prompt.ts';
import type { MediaAudience } from '../../src/core/media/types.ts';
import { VoiceSession, type VoiceSessionOptions } from '../../src/core/voice-session.ts';
import { AgentTextBatcher } from './agent-text-batcher.ts';
import { RoomAudioOutput } from './room-audio-output.ts';
import { interleavedToMono, StreamResampler } from './resampler.ts';
import { INPUT_TOPIC, METRICS_TOPIC, parseToyInput, STATE_TOPIC, TRANSCRIPT_TOPIC, VOICE_TRACK_NAME, type AgentMessage } from './protocol.ts';
import { AgentMedia, speechStyleOf, withMediaTools } from './media/agent-media.ts';
import type { AgentMediaLibrary } from './media/media-library.ts';

const VAD_RATE = 16000;

export interface AgentEngines {
  createVad: () => Vad;
  stt: SpeechToText;
  llm: ChatModel;
  tts: TextToSpeech;
}

export interface AgentSessionOptions {
  url: string;
  token: string;
  room: string;
  /** The toy's participant identity: only its microphone is listened to. */
  deviceIdentity: string;
  engines: AgentEngines;
  persona: Persona;
  /** The device's profile at work (server/agent/toy-context.ts): persona, memory, tools, guard, volume. */
  conversation?: AgentConversation;
  /** The home media library: with it the toy gets songs and stories (server/agent/media/). */
  media?: AgentMediaLibrary;
  /** Leave when the device has not joined (or left and not come back) for this long. */
  absentTimeoutMs?: number;
  log: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}


export interface AgentConversation {
  sessionOptions(): Pick<VoiceSessionOptions, 'persona' | 'memories' | 'tools' | 'guard'>;
  /** The persona right now (a parent may change it between turns). */
  persona?(): Persona;
  /** Who songs and stories are for, read at every search. */
  mediaAudience?(): MediaAudience;
  attach(session: VoiceSession, applyVolume: (volume: number) => void): () => void;
}

export class AgentSession {
  readonly room = new Room();
  private readonly output = new RoomAudioOutput();
  private readonly session: VoiceSession;
  private readonly vad: Vad;
  private readers: ReadableStreamDefaultReader<AudioFrame>[] = [];
  private absentTimer: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;
  private readonly closedCallbacks: (() => void)[] = [];
  private readonly agentText = new AgentTextBatcher((turnId, text) => this.send(TRANSCRIPT_TOPIC, { type: 'transcript', role: 'agent', turnId, text, final: false }));
  private readonly detachConversation: (() => void) | undefined;
  private readonly media: AgentMedia | null;

  constructor(private readonly opts: AgentSessionOptions) {
    const { engines } = opts;
    this.vad = engines.createVad();
    const conversation = opts.conversation?.sessionOptions();
    const persona = conversation?.persona ?? opts.persona;
    const conversationRef = opts.conversation;
    this.media = opts.media
      ? new AgentMedia({
          library: opts.media,
          voice: engines.tts,
          // Read when a story starts, so a persona changed by a parent reads it in its own voice.
          voiceOptions: () => speechStyleOf(conversationRef?.persona?.() ?? persona),
          ...(conversationRef?.mediaAudience ? { audience: () => conversationRef.mediaAudience?.() ?? {} } : {}),
        })
      : null;
    this.session = new VoiceSession({
      vad: this.vad, stt: engines.stt, llm: engines.llm, tts: engines.tts, output: this.output, persona: opts.persona, ...conversation,
      ...(this.media ? { tools: withMediaTools(conversation?.tools, this.media.tools), toolServices: this.media.services } : {}),
    });
    this.media?.follow(this.session, (message) => this.send(STATE_TOPIC, message));
    this.detachConversation = opts.conversation?.attach(this.session, (volume) => {
      this.output.setVolume(volume);
      this.media?.player.setOutputLevel(volume);
    });
    this.session.on('state', ({ state }) => this.send(STATE_TOPIC, { type: 'state', state }));
    this.session.on('userTranscript', ({ turnId, text, final }) => this.send(TRANSCRIPT_TOPIC, { type: 'transcript', role: 'user', turnId, text, final }));
    this.session.on('agentText', ({ turnId, text }) => this.agentText.update(turnId, text));
    this.session.on('turnEnd', ({ turnId }) => {
      this.agentText.flush();
      const last = this.session.history.at(-1);
      if (last?.role === 'assistant') this.send(TRANSCRIPT_TOPIC, { type: 'transcript', role: 'agent', turnId, text: last.content, final: true });
    });
    this.session.on('metrics', (m) => this.send(METRICS_TOPIC, { type: 'metrics', metrics: { ...m } }));
    this.session.on('interrupted', ({ turnId, reason }) => this.send(STATE_TOPIC, { type: 'interrupted', turnId, reason }));
    this.session.on('error', ({ stage, error }) => {
      opts.log('warn', 'voice session error', { room: opts.room, stage, error: error.message });
      this.send(STATE_TOPIC, { type: 'error', stage, message: error.message });
    });
  }

  get roomName(): string {
    return this.opts.room;
  }

  /** True once the session has begun leaving (it will not come back). */
  get isClosing(): boolean {
    return this.closing !== null;
  }

  onClosed(cb: () => void): void {
    this.closedCallbacks.push(cb);
  }

  async start(): Promise<void> {
    const { room } = this;
    room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, participant: RemoteParticipant) => {
      if (participant.identity !== this.opts.deviceIdentity || track.kind !== TrackKind.KIND_AUDIO) return;
      this.clearAbsent();
      void this.listen(track).catch((error: unknown) => this.fail('listen', error));
    });
    room.on(RoomEvent.ParticipantConnected, (p) => {
      if (p.identity === this.opts.deviceIdentity) this.clearAbsent();
    });
    room.on(RoomEvent.ParticipantDisconnected, (p) => {
      if (p.identity === this.opts.deviceIdentity) void this.close('device left');
    });
    room.on(RoomEvent.Disconnected, () => void this.close('disconnected from the room'));
    // Typed words from the toy (a companion app, a button mapped to "stop"): the session's text path.
    room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      if (topic !== INPUT_TOPIC || participant?.identity !== this.opts.deviceIdentity || this.closing) return;
      const input = parseToyInput(payload);
      if (input && this.session.state !== 'idle') void this.session.sendText(input.text);
    });

    await room.connect(this.opts.url, this.opts.token, { autoSubscribe: true, dynacast: false });
    const track = LocalAudioTrack.createAudioTrack(VOICE_TRACK_NAME, this.output.source);
    await room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
    if (this.media) await room.localParticipant!.publishTrack(this.media.track.track, new TrackPublishOptions({ source: TrackSource.SOURCE_UNKNOWN }));
    this.session.start();
    if (!room.remoteParticipants.has(this.opts.deviceIdentity)) this.armAbsent();
  }

  /** Leaves the room and releases everything; safe to call more than once. */
  close(reason = 'closed'): Promise<void> {
    this.closing ??= (async () => {
      this.opts.log('info', 'agent leaving room', { room: this.opts.room, reason });
      this.clearAbsent();
      this.agentText.cancel();
      this.detachConversation?.();
      try {
        this.session.stop();
      } catch (error) {
        this.opts.log('warn', 'voice session stop failed', { room: this.opts.room, error: String(error) });
      }
      for (const r of this.readers) await r.cancel().catch(() => undefined);
      this.readers = [];
      await this.room.disconnect().catch(() => undefined);
      await this.output.close();
      await this.media?.close();
      for (const cb of this.closedCallbacks) cb();
    })();
    return this.closing;
  }

  private fail(stage: string, error: unknown): void {
    this.opts.log('error', 'agent session crashed', { room: this.opts.room, stage, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    void this.close(`crash in ${stage}`);
  }

  private armAbsent(): void {
    this.clearAbsent();
    this.absentTimer = setTimeout(() => void this.close('device did not join'), this.opts.absentTimeoutMs ?? 60_000);
  }

  private clearAbsent(): void {
    if (this.absentTimer) clearTimeout(this.absentTimer);
    this.absentTimer = null;
  }

  private async listen(track: RemoteTrack): Promise<void> {
    // The track's native rate (48 kHz) then our own resampler to the VAD's 16 kHz.
    const reader = new AudioStream(track).getReader();
    this.readers.push(reader);
    let resampler: StreamResampler | null = null;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.closing) break;
        if (!resampler || resampler.fromRate !== value.sampleRate) resampler = new StreamResampler(value.sampleRate, VAD_RATE);
        const mono = interleavedToMono(value.data, value.channels);
        // pushAudio never rejects and keeps order; awaiting it gives back-pressure.
        await this.session.pushAudio(resampler.push(mono));
      }
    } finally {
      this.readers = this.readers.filter((r) => r !== reader);
    }
  }

  private send(topic: string, message: AgentMessage): void {
    if (this.closing) return;
    const lp = this.room.localParticipant;
    if (!lp) return;
    lp.publishData(new TextEncoder().encode(JSON.stringify(message)), { reliable: true, topic }).catch((error: unknown) => {
      this.opts.log('warn', 'data message not sent', { room: this.opts.room, topic, error: String(error) });
    });
  }
}
