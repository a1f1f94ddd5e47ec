import { DisconnectReason, LeaveRequest, LeaveRequest_Action, type ParticipantInfo } from '@livekit/protocol';
import { Participant } from './participant.ts';
import type { IceBinding } from './peer-connection-factory.ts';
import type { RoomLog } from './room-log.ts';
import { Room, type RoomTiming } from './room.ts';
import { SignalConnection, type SignalSocket } from './signal-connection.ts';
import type { JoinGrant } from './token-auth.ts';

export interface ConnectParams {
  autoSubscribe: boolean;
  /** Set when the client resumes a session after its signalling dropped. */
  resumeSid: string | null;
}

export interface RoomServerOptions {
  ice: IceBinding;
  log?: RoomLog;
  timing?: Partial<RoomTiming>;
}

export interface ParticipantJoined {
  room: string;
  identity: string;
  hidden: boolean;
  /** Tells a room apart from an earlier one of the same name. */
  roomSid: string;
  /** Agents the joiner's token asks for when it creates the room (LiveKit's RoomConfiguration.agents). */
  roomAgents: { agentName: string; metadata: string }[];
  /** Joined with an agent job's token. */
  agent: boolean;
  /** The participant as others see it (agent jobs for a participant carry it). */
  participant: ParticipantInfo;
}

/** A participant published a track (agent dispatch starts publisher jobs). */
export interface TrackPublished {
  room: string;
  roomSid: string;
  identity: string;
  agent: boolean;
  participant: ParticipantInfo;
}

export interface ParticipantLeft {
  room: string;
  identity: string;
  /** The room's last participant left: the room is closed. */
  roomClosed: boolean;
}

const DEFAULT_TIMING: RoomTiming = { pingIntervalS: 5, pingTimeoutS: 15, departureTimeoutMs: 20_000 };

/**
 * The embedded room server: rooms by name, and the join/resume decisions. Transport (WebSocket
 * upgrade, token checks) is done by the caller; this takes a verified grant and an open socket.
 */
export class RoomServer {
  private readonly rooms = new Map<string, Room>();
  private readonly timing: RoomTiming;
  private readonly joinListeners = new Set<(joined: ParticipantJoined) => void>();
  private readonly leaveListeners = new Set<(left: ParticipantLeft) => void>();
  private readonly publishListeners = new Set<(published: TrackPublished) => void>();
  private closed = false;

  constructor(private readonly options: RoomServerOptions) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
  }

  connect(socket: SignalSocket, grant: JoinGrant, params: ConnectParams): void {
    const signal = new SignalConnection(socket, this.timing.pingTimeoutS * 1000);
    if (this.closed) {
      signal.send({
        case: 'leave',
        value: new LeaveRequest({ reason: DisconnectReason.SERVER_SHUTDOWN, action: LeaveRequest_Action.DISCONNECT }),
      });
      signal.close();
      return;
    }
    if (params.resumeSid) {
      this.refuseResume(signal);
      return;
    }
    const room = this.roomFor(grant.room);
    // A second session with the same identity replaces the first (a client's full reconnect does this).
    const previous = room.byIdentity(grant.identity);
    if (previous) void room.remove(previous, DisconnectReason.DUPLICATE_IDENTITY, true);
    this.options.log?.debug(
      { room: grant.room, identity: grant.identity, replaces: previous?.sid },
      'room server: join',
    );
    const participant = new Participant(grant, params.autoSubscribe, this.options.ice, room, this.options.log);
    participant.attachSignal(signal);
    room.join(participant);
    this.tell(this.joinListeners, 'join', {
      room: grant.room,
      identity: grant.identity,
      hidden: grant.hidden,
      roomSid: room.sid,
      roomAgents: grant.roomAgents ?? [],
      agent: grant.agent ?? false,
      participant: participant.info(),
    });
  }

  /** Tells `listener` about every participant that joins a room (the toy agent follows its devices). */
  onParticipantJoined(listener: (joined: ParticipantJoined) => void): () => void {
    this.joinListeners.add(listener);
    return () => this.joinListeners.delete(listener);
  }

  /** Tells `listener` about every participant that leaves (agent dispatch ends jobs, closes rooms). */
  onParticipantLeft(listener: (left: ParticipantLeft) => void): () => void {
    this.leaveListeners.add(listener);
    return () => this.leaveListeners.delete(listener);
  }

  /** Tells `listener` about every track a participant publishes. */
  onTrackPublished(listener: (published: TrackPublished) => void): () => void {
    this.publishListeners.add(listener);
    return () => this.publishListeners.delete(listener);
  }

  /** Rooms and their participants' identities, for tests and the bench. */
  snapshot(): { room: string; participants: string[] }[] {
    return [...this.rooms.values()].map((r) => ({
      room: r.name,
      participants: [...r.participants.values()].map((p) => p.identity),
    }));
  }

  /** The live participant with this identity, if any (tests use it to simulate a network drop). */
  findParticipant(room: string, identity: string): Participant | undefined {
    return this.rooms.get(room)?.byIdentity(identity);
  }

  /** Removes at once everyone `check` no longer admits (a toy deleted, a credential replaced); returns how many. */
  async removeRefused(check: (grant: JoinGrant) => string | null): Promise<number> {
    const refused = [...this.rooms.values()].flatMap((room) =>
      [...room.participants.values()].filter((p) => check(p.grant) !== null).map((p) => ({ room, p })),
    );
    for (const { room, p } of refused)
      this.options.log?.warn(
        { room: room.name, identity: p.identity },
        'room server: removed, its credential was revoked',
      );
    await Promise.all(refused.map(({ room, p }) => room.remove(p, DisconnectReason.PARTICIPANT_REMOVED, true)));
    return refused.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.rooms.values()].map((r) => r.close(DisconnectReason.SERVER_SHUTDOWN)));
    this.rooms.clear();
  }

  /**
   * A client whose signalling dropped asks to resume its session. Resuming means an ICE restart
   * of the existing peer connections, and werift 0.24 does not reliably recover from a restart it
   * did not start (it ends up with no nominated pair and cannot send). So the server answers like
   * a LiveKit node that cannot resume: `leave` with action RECONNECT, and both SDKs rejoin at once
   * with fresh connections. The old session keeps forwarding until the rejoin replaces it.
   */
  private refuseResume(signal: SignalConnection): void {
    signal.send({
      case: 'leave',
      value: new LeaveRequest({
        canReconnect: true,
        reason: DisconnectReason.STATE_MISMATCH,
        action: LeaveRequest_Action.RECONNECT,
      }),
    });
    signal.close();
  }

  /** Calls each listener; one that throws is logged and does not stop the others. */
  private tell<E extends { room: string }>(listeners: Set<(event: E) => void>, what: string, event: E): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.log?.warn({ room: event.room, error: String(error) }, `room server: ${what} listener failed`);
      }
    }
  }

  private tellLeft(room: Room, identity: string): void {
    this.tell(this.leaveListeners, 'leave', { room: room.name, identity, roomClosed: room.participants.size === 0 });
  }

  private tellPublished(room: Room, p: Participant): void {
    this.tell(this.publishListeners, 'publish', {
      room: room.name,
      roomSid: room.sid,
      identity: p.identity,
      agent: p.grant.agent ?? false,
      participant: p.info(),
    });
  }

  private roomFor(name: string): Room {
    let room = this.rooms.get(name);
    if (!room) {
      room = new Room(
        name,
        this.timing,
        (empty) => {
          if (this.rooms.get(empty.name) === empty) this.rooms.delete(empty.name);
        },
        this.options.log,
        (left, p) => this.tellLeft(left, p.identity),
        (published, p) => this.tellPublished(published, p),
      );
      this.rooms.set(name, room);
    }
    return room;
  }
}
