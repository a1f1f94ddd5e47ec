import {
  LeaveRequest,
  LeaveRequest_Action,
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  ParticipantPermission,
  RequestResponse,
  RequestResponse_Reason,
  SessionDescription,
  SignalTarget,
  TrackInfo,
  TrackPublishedResponse,
  TrackSource,
  TrackType,
  TrackUnpublishedResponse,
  TrickleRequest,
  type AddTrackRequest,
  type DisconnectReason,
  type UpdateSubscription,
} from '@livekit/protocol';
import type { IceBinding } from './peer-connection-factory.ts';
import { silentLog, type RoomLog } from './room-log.ts';
import { PublishedTrack } from './published-track.ts';
import { PublisherSession, type IncomingTrack } from './publisher-session.ts';
import type { SignalConnection, SignalMessage, SignalRequestMessage } from './signal-connection.ts';
import { newSid } from './sids.ts';
import { SubscriberSession } from './subscriber-session.ts';
import type { JoinGrant } from './token-auth.ts';

/** What a participant tells its room; the room decides who else hears about it. */
export interface ParticipantHost {
  trackPublished(p: Participant, track: PublishedTrack): void;
  trackUnpublished(p: Participant, track: PublishedTrack): void;
  infoChanged(p: Participant): void;
  subscriptionChanged(p: Participant, update: UpdateSubscription): void;
  data(p: Participant, bytes: Buffer, reliable: boolean): void;
  leave(p: Participant, reason: DisconnectReason): void;
  signalLost(p: Participant): void;
}

/**
 * One client in a room: its signalling connection (replaceable on resume), the two peer
 * connections, and the tracks it publishes. Permissions from the token are enforced here.
 */
export class Participant {
  readonly sid = newSid('PA_');
  readonly joinedAtMs = Date.now();
  readonly publisher: PublisherSession;
  readonly subscriber: SubscriberSession;
  readonly tracks = new Map<string, PublishedTrack>();
  /** Tracks announced with AddTrackRequest whose media has not arrived yet, by cid. */
  private readonly pending = new Map<string, TrackInfo>();
  /** Explicit (un)subscriptions, for clients that join with auto_subscribe=0. */
  readonly subscriptionChoices = new Map<string, boolean>();
  state = ParticipantInfo_State.JOINED;
  /** Data packets this participant sent without the grant to publish data (dropped, never routed). */
  refusedDataPackets = 0;
  /** Track publications refused (no grant to publish, or not audio). */
  refusedTracks = 0;
  private version = 1;
  private signal: SignalConnection | null = null;

  constructor(
    readonly grant: JoinGrant,
    readonly autoSubscribe: boolean,
    binding: IceBinding,
    private readonly host: ParticipantHost,
    private readonly log: RoomLog = silentLog,
  ) {
    this.publisher = new PublisherSession(binding, {
      onTrack: (t) => this.mediaArrived(t),
      onSendingTracks: (cids) => this.unpublishMissing(cids),
      onData: (bytes, reliable) => host.data(this, bytes, reliable),
      onCandidate: (candidateInit) =>
        this.send({ case: 'trickle', value: new TrickleRequest({ candidateInit, target: SignalTarget.PUBLISHER }) }),
    });
    this.subscriber = new SubscriberSession(binding, {
      onOffer: (sdp, id) => {
        this.log.debug({ participant: this.sid, id }, 'room server: subscriber offer');
        this.send({ case: 'offer', value: new SessionDescription({ type: 'offer', sdp, id }) });
      },
      onCandidate: (candidateInit) =>
        this.send({ case: 'trickle', value: new TrickleRequest({ candidateInit, target: SignalTarget.SUBSCRIBER }) }),
      onError: (err, during) => log.warn({ err, participant: this.sid, during }, 'room server: negotiation failed'),
    });
  }

  get identity(): string {
    return this.grant.identity;
  }

  get hasSignal(): boolean {
    return this.signal?.isOpen ?? false;
  }

  /** Keep-alive pings answered on the current signalling connection. */
  get signalPingsAnswered(): number {
    return this.signal?.pingsAnswered ?? 0;
  }

  wantsTrack(trackSid: string): boolean {
    if (!this.grant.canSubscribe) return false;
    return this.subscriptionChoices.get(trackSid) ?? this.autoSubscribe;
  }

  /** Attaches a (new) signalling connection: on join, and again on resume. */
  attachSignal(signal: SignalConnection): void {
    const previous = this.signal;
    this.signal = signal;
    if (previous && previous !== signal) previous.terminate();
    signal.onRequest((msg) => {
      this.handle(msg).catch((err: unknown) =>
        this.log.warn({ err, participant: this.sid, request: msg.case }, 'room server: signal request failed'),
      );
    });
    signal.onClose(() => {
      if (this.signal === signal) {
        this.signal = null;
        if (this.state !== ParticipantInfo_State.DISCONNECTED) this.host.signalLost(this);
      }
    });
  }

  /** Drops the signalling connection as a network failure would (tests and the bench use it). */
  dropSignalForTest(): void {
    this.signal?.terminate();
  }

  send(message: SignalMessage): void {
    this.signal?.send(message);
  }

  /** Sends a DataPacket, preferring the client's own publisher channel (see PublisherSession). */
  sendData(bytes: Uint8Array, reliable: boolean): void {
    if (!this.publisher.send(bytes, reliable)) this.subscriber.send(bytes, reliable);
  }

  info(): ParticipantInfo {
    return new ParticipantInfo({
      sid: this.sid,
      identity: this.grant.identity,
      name: this.grant.name,
      state: this.state,
      tracks: [...this.tracks.values()].map((t) => t.info),
      metadata: this.grant.metadata,
      attributes: this.grant.attributes,
      joinedAt: BigInt(Math.floor(this.joinedAtMs / 1000)),
      joinedAtMs: BigInt(this.joinedAtMs),
      version: this.version,
      permission: new ParticipantPermission({
        canSubscribe: this.grant.canSubscribe,
        canPublish: this.grant.canPublish,
        canPublishData: this.grant.canPublishData,
        canPublishSources: this.grant.canPublish ? [TrackSource.MICROPHONE] : [],
        hidden: this.grant.hidden,
      }),
      isPublisher: this.tracks.size > 0,
      kind: this.grant.agent ? ParticipantInfo_Kind.AGENT : ParticipantInfo_Kind.STANDARD,
    });
  }

  /** Clients drop updates whose version is not newer than what they hold. */
  bumpVersion(): void {
    this.version++;
  }

  markDisconnected(): void {
    if (this.state === ParticipantInfo_State.DISCONNECTED) return;
    this.state = ParticipantInfo_State.DISCONNECTED;
    this.bumpVersion();
  }

  /** Ends the session: optionally tells the client why, then closes everything. */
  async close(leave?: { reason: DisconnectReason }): Promise<void> {
    this.markDisconnected();
    if (leave)
      this.send({
        case: 'leave',
        value: new LeaveRequest({ canReconnect: false, reason: leave.reason, action: LeaveRequest_Action.DISCONNECT }),
      });
    const signal = this.signal;
    this.signal = null;
    signal?.close();
    for (const track of this.tracks.values()) track.forwarder.stop();
    await Promise.all([this.publisher.close(), this.subscriber.close()]);
  }

  private async handle(msg: SignalRequestMessage): Promise<void> {
    switch (msg.case) {
      case 'offer': {
        const sdp = await this.publisher.answer(msg.value.sdp);
        this.send({ case: 'answer', value: new SessionDescription({ type: 'answer', sdp, id: msg.value.id }) });
        return;
      }
      case 'answer':
        this.log.debug({ participant: this.sid, id: msg.value.id }, 'room server: subscriber answer');
        await this.subscriber.handleAnswer(msg.value.sdp);
        return;
      case 'trickle':
        if (msg.value.target === SignalTarget.PUBLISHER) await this.publisher.addCandidate(msg.value.candidateInit);
        else await this.subscriber.addCandidate(msg.value.candidateInit);
        return;
      case 'addTrack':
        this.addTrack(msg.value);
        return;
      case 'mute':
        this.setMuted(msg.value.sid, msg.value.muted);
        return;
      case 'subscription':
        this.host.subscriptionChanged(this, msg.value);
        return;
      case 'leave':
        this.host.leave(this, msg.value.reason);
        return;
      default:
        // trackSetting, syncState, updateMetadata, simulate, ...: nothing to do for audio rooms.
        return;
    }
  }

  private addTrack(req: AddTrackRequest): void {
    const refuse = (message: string) => {
      this.refusedTracks += 1;
      this.send({
        case: 'requestResponse',
        value: new RequestResponse({
          reason: RequestResponse_Reason.NOT_ALLOWED,
          message,
          request: { case: 'addTrack', value: req },
        }),
      });
    };
    if (!this.grant.canPublish) return refuse('participant is not allowed to publish');
    // Audio rooms only: video is refused cleanly rather than half-forwarded.
    if (req.type !== TrackType.AUDIO) return refuse('this room server forwards audio only');
    if (this.pending.has(req.cid)) return;
    const info = new TrackInfo({
      sid: newSid('TR_'),
      type: TrackType.AUDIO,
      name: req.name,
      muted: req.muted,
      source: req.source === TrackSource.UNKNOWN ? TrackSource.MICROPHONE : req.source,
      mimeType: 'audio/opus',
      disableDtx: req.disableDtx,
      stereo: req.stereo,
      stream: req.stream,
      audioFeatures: req.audioFeatures,
    });
    this.pending.set(req.cid, info);
    this.send({ case: 'trackPublished', value: new TrackPublishedResponse({ cid: req.cid, track: info }) });
  }

  private mediaArrived({ cid, track }: IncomingTrack): void {
    const info = this.pending.get(cid);
    if (!info) return;
    this.pending.delete(cid);
    const published = new PublishedTrack(cid, info);
    published.forwarder.attach(track);
    this.tracks.set(info.sid, published);
    this.bumpVersion();
    this.host.trackPublished(this, published);
  }

  private unpublishMissing(sendingCids: Set<string>): void {
    for (const track of [...this.tracks.values()]) {
      if (sendingCids.has(track.cid)) continue;
      this.tracks.delete(track.sid);
      this.bumpVersion();
      this.host.trackUnpublished(this, track);
      track.forwarder.stop();
      this.send({ case: 'trackUnpublished', value: new TrackUnpublishedResponse({ trackSid: track.sid }) });
    }
  }

  private setMuted(trackSid: string, muted: boolean): void {
    const track = this.tracks.get(trackSid);
    if (!track || track.info.muted === muted) return;
    track.info.muted = muted;
    this.bumpVersion();
    this.host.infoChanged(this);
  }
}
