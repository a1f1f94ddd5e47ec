// The UDP socket every toy's audio goes through. A packet finds its session by the ssrc Hearth put
// in that session's nonce; whatever cannot be a packet of a live session is dropped, with one log
// line per sender and reason (a flood of bad packets makes one line, not thousands).
import dgram from 'node:dgram';
import crypto from 'node:crypto';
import { readHeader } from './udp-packet.ts';
import { UdpAudioSession, type AcceptedAudio, type UdpDropReason, type UdpPeer } from './udp-audio-session.ts';

export type UdpLog = (message: string, extra: Record<string, unknown>) => void;

interface Registered {
  session: UdpAudioSession;
  onAudio: (audio: AcceptedAudio) => void;
}

/** Distinct offenders remembered for one-line logging before the memory is cleared. */
const MAX_REMEMBERED_OFFENDERS = 4096;

export class UdpAudioServer {
  private readonly socket: dgram.Socket;
  private readonly sessions = new Map<number, Registered>();
  private readonly offenders = new Set<string>();
  /** Packets dropped, by reason (counted for tests and diagnostics; nothing depends on them). */
  readonly dropped = new Map<string, number>();
  private readonly dropListeners: Array<(reason: string) => void> = [];

  private constructor(
    socket: dgram.Socket,
    private readonly log: UdpLog,
  ) {
    this.socket = socket;
    socket.on('message', (datagram, rinfo) => this.receive(datagram, { address: rinfo.address, port: rinfo.port }));
    socket.on('error', (error) => this.log('xiaozhi UDP socket error', { error: error.message }));
  }

  static async listen(port: number, host: string, log: UdpLog): Promise<UdpAudioServer> {
    const socket = dgram.createSocket({ type: host.includes(':') ? 'udp6' : 'udp4' });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    return new UdpAudioServer(socket, log);
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** A new session with a fresh key, nonce and an ssrc no live session uses. */
  open(uplinkFrameMs: number, onAudio: (audio: AcceptedAudio) => void): UdpAudioSession {
    let ssrc: number;
    do ssrc = crypto.randomBytes(4).readUInt32BE(0);
    while (ssrc === 0 || this.sessions.has(ssrc));
    const session = new UdpAudioSession(ssrc, uplinkFrameMs);
    this.sessions.set(ssrc, { session, onAudio });
    return session;
  }

  /** Forget a session: its packets are dropped from now on. */
  end(session: UdpAudioSession): void {
    if (this.sessions.get(session.ssrc)?.session === session) this.sessions.delete(session.ssrc);
  }

  /** Seal and send one downlink packet; false while the toy has not sent from its address yet. */
  send(session: UdpAudioSession, opus: Uint8Array, timestampMs: number): boolean {
    const peer = session.peer;
    if (!peer || !this.sessions.has(session.ssrc)) return false;
    this.socket.send(session.seal(opus, timestampMs), peer.port, peer.address);
    return true;
  }

  /** Called for every dropped packet. */
  onDrop(listener: (reason: string) => void): void {
    this.dropListeners.push(listener);
  }

  async close(): Promise<void> {
    this.sessions.clear();
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private receive(datagram: Buffer, from: UdpPeer): void {
    const header = readHeader(datagram);
    if (typeof header === 'string') return this.drop(from, header);
    const registered = this.sessions.get(header.ssrc);
    if (!registered) return this.drop(from, 'unknown-session');
    const result = registered.session.accept(datagram, header, from);
    if (typeof result === 'string') return this.drop(from, result);
    registered.onAudio(result);
  }

  private drop(
    from: UdpPeer,
    reason: UdpDropReason | 'short' | 'not-audio' | 'length-mismatch' | 'unknown-session',
  ): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
    for (const listener of this.dropListeners) listener(reason);
    const offender = `${from.address}:${from.port}:${reason}`;
    if (this.offenders.has(offender)) return;
    if (this.offenders.size >= MAX_REMEMBERED_OFFENDERS) this.offenders.clear();
    this.offenders.add(offender);
    this.log('xiaozhi UDP packet dropped (further ones from this sender for this reason are dropped silently)', {
      from: `${from.address}:${from.port}`,
      reason,
    });
  }
}
