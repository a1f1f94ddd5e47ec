// One toy conversation in a LiveKit room: the agent joins the device's room with rtc-node, listens to
// the toy's microphone (48 kHz → 16 kHz into the VoiceSession), speaks through RoomAudioOutput, plays
// songs and stories on its media track, and sends transcripts, state and metrics to the room as
// reliable JSON data messages. The conversation itself is ToyConversation, shared with the stock
// xiaozhi toys' transports (server/toys/xiaozhi/).
import {
  AudioStream,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  LocalAudioTrack,
  type AudioFrame,
  type RemoteParticipant,
  type RemoteTrack,
} from '@livekit/rtc-node';
import type { ChatModel, SpeechToText, TextToSpeech, TurnEndModel, Vad } from '../../src/core/engines.ts';
import type { Persona } from '../../src/core/prompt.ts';
import type { MediaAudience } from '../../src/core/media/types.ts';
import type { VoiceSession, VoiceSessionOptions } from '../../src/core/voice-session.ts';
import { RoomAudioOutput } from './room-audio-output.ts';
import { interleavedToMono, StreamResampler } from './resampler.ts';
import {
  INPUT_TOPIC,
  OBSERVER_IDENTITY_PREFIX,
  parseToyInput,
  STATE_TOPIC,
  VOICE_TRACK_NAME,
  type AgentMessage,
} from './protocol.ts';
import type { AgentMediaLibrary } from './media/media-library.ts';
import { RoomMediaTrack } from './media/media-track.ts';
import { ToyConversation } from './toy-conversation.ts';

const VAD_RATE = 16000;

export interface AgentEngines {
  createVad: () => Vad;
  stt: SpeechToText;
  llm: ChatModel;
  tts: TextToSpeech;
  /** The audio end-of-turn model, shared by every toy; absent when none is installed. */
  turnEnd?: TurnEndModel | null;
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
  sessionOptions(): Pick<VoiceSessionOptions, 'persona' | 'memories' | 'tools' | 'guard' | 'config'>;
  /** The persona right now (a parent may change it between turns). */
  persona?(): Persona;
  /** Who songs and stories are for, read at every search. */
  mediaAudience?(): MediaAudience;
  /** The child's age the parent gave at consent (null: not known), for words the child can follow. */
  childAge?(): number | null;
  attach(session: VoiceSession, applyVolume: (volume: number) => void): () => void;
  /** Resolves once the turns saved and learned from so far are done (so a close loses none). */
  settled?(): Promise<void>;
}

export class AgentSession {
  readonly room = new Room();
  private readonly output = new RoomAudioOutput();
  private readonly conversation: ToyConversation;
  private readonly mediaTrack: RoomMediaTrack | null;
  private readers: ReadableStreamDefaultReader<AudioFrame>[] = [];
  private absentTimer: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;
  private readonly closedCallbacks: (() => void)[] = [];
  /** Parents listening live (observer identities), each with the call that ends its notice. */
  private readonly observers = new Map<string, () => void>();

  constructor(private readonly opts: AgentSessionOptions) {
    this.mediaTrack = opts.media ? new RoomMediaTrack() : null;
    this.conversation = new ToyConversation({
      engines: opts.engines,
      persona: opts.persona,
      ...(opts.conversation ? { conversation: opts.conversation } : {}),
      ...(opts.media && this.mediaTrack ? { media: { library: opts.media, sink: this.mediaTrack } } : {}),
      output: this.output,
      send: (topic, message) => this.send(topic, message),
      log: opts.log,
      logContext: { room: opts.room },
    });
  }

  private get session(): VoiceSession {
    return this.conversation.session;
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
      this.observerJoined(p.identity);
    });
    room.on(RoomEvent.ParticipantDisconnected, (p) => {
      if (p.identity === this.opts.deviceIdentity) void this.close('device left');
      this.observers.get(p.identity)?.();
      this.observers.delete(p.identity);
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
    await room.localParticipant!.publishTrack(
      track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    if (this.mediaTrack)
      await room.localParticipant!.publishTrack(
        this.mediaTrack.track,
        new TrackPublishOptions({ source: TrackSource.SOURCE_UNKNOWN }),
      );
    this.conversation.start();
    // A parent who opened the live transcript before the agent came is told about now.
    for (const identity of room.remoteParticipants.keys()) this.observerJoined(identity);
    if (!room.remoteParticipants.has(this.opts.deviceIdentity)) this.armAbsent();
  }

  /** A parent's live transcript (a visible, listen-only observer) joined: the child is told. */
  private observerJoined(identity: string): void {
    if (!identity.startsWith(OBSERVER_IDENTITY_PREFIX) || this.observers.has(identity) || this.closing) return;
    this.observers.set(identity, this.conversation.parentWatching());
  }

  /** Leaves the room and releases everything; safe to call more than once. */
  close(reason = 'closed'): Promise<void> {
    this.closing ??= (async () => {
      this.opts.log('info', 'agent leaving room', { room: this.opts.room, reason });
      this.clearAbsent();
      await this.conversation.close();
      for (const r of this.readers) await r.cancel().catch(() => undefined);
      this.readers = [];
      await this.room.disconnect().catch(() => undefined);
      await this.output.close();
      for (const cb of this.closedCallbacks) cb();
    })();
    return this.closing;
  }

  private fail(stage: string, error: unknown): void {
    this.opts.log('error', 'agent session crashed', {
      room: this.opts.room,
      stage,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
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
    let announced = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || this.closing) break;
        if (!resampler || resampler.fromRate !== value.sampleRate)
          resampler = new StreamResampler(value.sampleRate, VAD_RATE);
        const mono = interleavedToMono(value.data, value.channels);
        // pushAudio never rejects and keeps order; awaiting it gives back-pressure.
        await this.session.pushAudio(resampler.push(mono));
        // The toy's audio reached a running conversation: tell it that from now on it is heard.
        if (!announced && this.session.state !== 'idle') {
          announced = true;
          this.send(STATE_TOPIC, { type: 'hearing-toy' });
        }
      }
    } finally {
      this.readers = this.readers.filter((r) => r !== reader);
    }
  }

  private send(topic: string, message: AgentMessage): void {
    if (this.closing) return;
    const lp = this.room.localParticipant;
    if (!lp) return;
    lp.publishData(new TextEncoder().encode(JSON.stringify(message)), { reliable: true, topic }).catch(
      (error: unknown) => {
        this.opts.log('warn', 'data message not sent', { room: this.opts.room, topic, error: String(error) });
      },
    );
  }
}
