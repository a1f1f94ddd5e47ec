import type { MediaStreamTrack, RTCDataChannel, RTCPeerConnection } from 'werift';
import { addRemoteCandidate, forwardLocalCandidates, withoutGeneration } from './ice-candidates.ts';
import { createPeerConnection, filterSdpCandidates, type IceBinding } from './peer-connection-factory.ts';
import { mediaSections, sendingTrackIds } from './sdp-sections.ts';

export interface IncomingTrack {
  /** The client's track id (msid), which is the cid of its AddTrackRequest. */
  cid: string;
  track: MediaStreamTrack;
}

export interface PublisherEvents {
  onTrack(track: IncomingTrack): void;
  /** After each offer: the cids still being sent (a missing one was unpublished). */
  onSendingTracks(cids: Set<string>): void;
  onData(bytes: Buffer, reliable: boolean): void;
  onCandidate(candidateInit: string): void;
}

/**
 * The connection the client publishes on: the client offers, we answer. The client also opens
 * its `_reliable`/`_lossy` data channels here; we read them and, because this SCTP association
 * carries no outgoing media, also prefer them for sending data back (lower latency, see
 * LIVEKIT-COMPAT.md).
 */
export class PublisherSession {
  readonly pc: RTCPeerConnection;
  private readonly channels = new Map<string, RTCDataChannel>();
  private readonly seenTracks = new Set<MediaStreamTrack>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly binding: IceBinding,
    private readonly events: PublisherEvents,
  ) {
    this.pc = createPeerConnection(binding);
    forwardLocalCandidates(this.pc, binding, (c) => events.onCandidate(c));
    this.pc.ontrack = ({ track, transceiver }) => {
      // werift fires again on every renegotiation: one source per track object.
      if (this.seenTracks.has(track)) return;
      const cid = transceiver.receiver.remoteTrackId;
      if (!cid) return;
      this.seenTracks.add(track);
      events.onTrack({ cid, track });
    };
    this.pc.onDataChannel.subscribe((channel) => {
      this.channels.set(channel.label, channel);
      const reliable = channel.label !== '_lossy';
      channel.onMessage.subscribe((data) => {
        if (typeof data !== 'string') events.onData(data, reliable);
      });
    });
  }

  /** Answers an offer (offers are handled one at a time, in arrival order). */
  answer(sdp: string): Promise<string> {
    const run = this.queue.then(async () => {
      await this.pc.setRemoteDescription({ type: 'offer', sdp: withoutGeneration(sdp) });
      // rtc-node offers recvonly audio/video m-lines it never uses. werift answers them inactive
      // but keeps them bundled, and ICE then never completes; sendonly keeps them alive.
      const unused = new Set(
        mediaSections(sdp)
          .filter((m) => m.direction === 'recvonly' && !m.rejected)
          .map((m) => m.mid),
      );
      for (const t of this.pc.getTransceivers()) {
        if (t.mid !== undefined && t.mid !== null && unused.has(t.mid)) t.setDirection('sendonly');
      }
      const answer = await this.pc.createAnswer();
      await this.pc.setLocalDescription(answer);
      this.events.onSendingTracks(sendingTrackIds(sdp));
      return filterSdpCandidates(this.binding, this.pc.localDescription?.sdp ?? answer.sdp);
    });
    this.queue = run.catch(() => {});
    return run;
  }

  addCandidate(candidateInit: string): Promise<void> {
    return addRemoteCandidate(this.pc, candidateInit);
  }

  /** Sends on the client's own channel if it is open; false when the caller must use another path. */
  send(bytes: Uint8Array, reliable: boolean): boolean {
    const channel = this.channels.get(reliable ? '_reliable' : '_lossy');
    if (!channel || channel.readyState !== 'open') return false;
    channel.send(Buffer.from(bytes));
    return true;
  }

  get connected(): boolean {
    return this.pc.connectionState === 'connected';
  }

  async close(): Promise<void> {
    await this.pc.close().catch(() => {});
  }
}
