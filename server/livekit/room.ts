import {
  DisconnectReason,
  JoinResponse,
  ParticipantInfo_State,
  ParticipantUpdate,
  Room as RoomInfo,
  ServerInfo,
  ServerInfo_Edition,
  TrackSubscribed,
  type UpdateSubscription,
} from '@livekit/protocol';
import { routeDataPacket } from './data-router.ts';
import type { Participant, ParticipantHost } from './participant.ts';
import type { PublishedTrack } from './published-track.ts';
import { silentLog, type RoomLog } from './room-log.ts';
import { newSid } from './sids.ts';

export interface RoomTiming {
  pingIntervalS: number;
  pingTimeoutS: number;
  /** How long a participant whose signalling dropped is kept for a resume. */
  departureTimeoutMs: number;
}

export const SERVER_VERSION = '1.9.0';
export const PROTOCOL_VERSION = 16;

/**
 * One room: who is in it, and who hears whom. Every cross-participant effect (subscriptions,
 * participant updates, data routing, departures) happens here so participants stay independent.
 */
export class Room implements ParticipantHost {
  readonly sid = newSid('RM_');
  readonly createdAtMs = Date.now();
  readonly participants = new Map<string, Participant>();
  private readonly departureTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    readonly name: string,
    private readonly timing: RoomTiming,
    private readonly onEmpty: (room: Room) => void,
    private readonly log: RoomLog = silentLog,
    private readonly onLeft: (room: Room, p: Participant) => void = () => {},
    private readonly onPublished: (room: Room, p: Participant) => void = () => {},
  ) {}

  byIdentity(identity: string): Participant | undefined {
    for (const p of this.participants.values()) if (p.identity === identity) return p;
    return undefined;
  }

  /** Adds a participant whose signalling is attached: join response first, then everything else. */
  join(p: Participant): void {
    const others = [...this.participants.values()].filter((o) => !o.grant.hidden);
    this.participants.set(p.sid, p);
    p.send({
      case: 'join',
      value: new JoinResponse({
        room: this.info(),
        participant: p.info(),
        otherParticipants: others.map((o) => o.info()),
        serverVersion: SERVER_VERSION,
        iceServers: [],
        subscriberPrimary: true,
        pingInterval: this.timing.pingIntervalS,
        pingTimeout: this.timing.pingTimeoutS,
        serverInfo: new ServerInfo({
          edition: ServerInfo_Edition.Standard,
          version: SERVER_VERSION,
          protocol: PROTOCOL_VERSION,
          nodeId: 'hearth-embedded',
          region: 'home',
        }),
      }),
    });
    p.state = ParticipantInfo_State.ACTIVE;
    p.bumpVersion();
    this.broadcast(p);
    for (const other of others) for (const track of other.tracks.values()) this.maybeSubscribe(p, other, track);
    // The subscriber connection is offered right away (subscriberPrimary): it carries our data channels.
    p.subscriber.negotiate();
  }

  async remove(p: Participant, reason: DisconnectReason, tellClient: boolean): Promise<void> {
    if (!this.participants.delete(p.sid)) return;
    this.clearDepartureTimer(p);
    for (const track of p.tracks.values()) this.dropSubscribers(track);
    for (const other of this.participants.values()) {
      for (const track of other.tracks.values()) this.unsubscribe(p, track, false);
    }
    // Told before anything else happens: a rejoin with the same identity must reach the others
    // after the old session's departure, or they would drop the new one with the old.
    p.markDisconnected();
    this.broadcast(p);
    this.onLeft(this, p);
    if (this.participants.size === 0) this.onEmpty(this);
    await p.close(tellClient ? { reason } : undefined);
  }

  async close(reason: DisconnectReason): Promise<void> {
    await Promise.all([...this.participants.values()].map((p) => this.remove(p, reason, true)));
  }

  // ParticipantHost

  trackPublished(p: Participant, track: PublishedTrack): void {
    this.log.debug({ room: this.name, participant: p.sid, track: track.sid }, 'room server: track published');
    this.broadcast(p);
    for (const other of this.participants.values()) {
      if (other !== p && this.maybeSubscribe(other, p, track)) other.subscriber.negotiate();
    }
    this.onPublished(this, p);
  }

  trackUnpublished(p: Participant, track: PublishedTrack): void {
    this.dropSubscribers(track);
    this.broadcast(p);
  }

  infoChanged(p: Participant): void {
    this.broadcast(p);
  }

  subscriptionChanged(p: Participant, update: UpdateSubscription): void {
    const sids = new Set([...update.trackSids, ...update.participantTracks.flatMap((pt) => pt.trackSids)]);
    for (const sid of sids) p.subscriptionChoices.set(sid, update.subscribe);
    let changed = false;
    for (const other of this.participants.values()) {
      if (other === p) continue;
      for (const track of other.tracks.values()) {
        if (!sids.has(track.sid)) continue;
        changed =
          (update.subscribe ? this.maybeSubscribe(p, other, track) : this.unsubscribe(p, track, false)) || changed;
      }
    }
    if (changed) p.subscriber.negotiate();
  }

  data(p: Participant, bytes: Buffer, reliable: boolean): void {
    if (!p.grant.canPublishData) {
      p.refusedDataPackets += 1;
      return;
    }
    const routed = routeDataPacket(p, bytes);
    if (!routed) return;
    for (const other of this.participants.values()) {
      if (other === p) continue;
      if (routed.destinations.size > 0 && !routed.destinations.has(other.identity)) continue;
      other.sendData(routed.bytes, reliable);
    }
  }

  leave(p: Participant, _reason: DisconnectReason): void {
    void this.remove(p, DisconnectReason.CLIENT_INITIATED, false);
  }

  signalLost(p: Participant): void {
    // Keep the session (and its media) for a while: the client will try to resume.
    this.clearDepartureTimer(p);
    const timer = setTimeout(
      () => void this.remove(p, DisconnectReason.SIGNAL_CLOSE, false),
      this.timing.departureTimeoutMs,
    );
    timer.unref();
    this.departureTimers.set(p.sid, timer);
  }

  private info(): RoomInfo {
    return new RoomInfo({
      sid: this.sid,
      name: this.name,
      creationTime: BigInt(Math.floor(this.createdAtMs / 1000)),
      creationTimeMs: BigInt(this.createdAtMs),
      numParticipants: this.participants.size,
      departureTimeout: Math.round(this.timing.departureTimeoutMs / 1000),
    });
  }

  /** Tells everyone else about `p` (hidden participants stay hidden). */
  private broadcast(p: Participant): void {
    if (p.grant.hidden) return;
    const update = new ParticipantUpdate({ participants: [p.info()] });
    for (const other of this.participants.values())
      if (other.identity !== p.identity) other.send({ case: 'update', value: update });
  }

  /** Subscribes `subscriber` to `track` if it wants it; true when a sender was added. */
  private maybeSubscribe(subscriber: Participant, publisher: Participant, track: PublishedTrack): boolean {
    if (!subscriber.wantsTrack(track.sid) || track.forwarder.hasSubscriber(subscriber.sid)) return false;
    this.log.debug(
      { room: this.name, subscriber: subscriber.sid, publisher: publisher.sid, track: track.sid },
      'room server: subscribe',
    );
    const sender = subscriber.subscriber.addTrack(publisher.sid, track.sid);
    track.forwarder.addSubscriber(subscriber.sid, sender);
    publisher.send({ case: 'trackSubscribed', value: new TrackSubscribed({ trackSid: track.sid }) });
    return true;
  }

  private unsubscribe(subscriber: Participant, track: PublishedTrack, negotiate: boolean): boolean {
    const sender = track.forwarder.removeSubscriber(subscriber.sid);
    if (!sender) return false;
    this.log.debug({ room: this.name, subscriber: subscriber.sid, track: track.sid }, 'room server: unsubscribe');
    subscriber.subscriber.removeTrack(sender);
    if (negotiate) subscriber.subscriber.negotiate();
    return true;
  }

  private dropSubscribers(track: PublishedTrack): void {
    for (const other of this.participants.values()) this.unsubscribe(other, track, true);
  }

  private clearDepartureTimer(p: Participant): void {
    clearTimeout(this.departureTimers.get(p.sid));
    this.departureTimers.delete(p.sid);
  }
}
