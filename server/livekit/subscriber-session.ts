import { MediaStream, type RTCDataChannel, type RTCPeerConnection, type RTCRtpSender } from 'werift';
import { addRemoteCandidate, forwardLocalCandidates, withoutGeneration } from './ice-candidates.ts';
import { createPeerConnection, filterSdpCandidates, type IceBinding } from './peer-connection-factory.ts';
import { unrejectInactiveSections } from './sdp-sections.ts';

const ANSWER_TIMEOUT_MS = 10_000;

export interface SubscriberEvents {
  onOffer(sdp: string, id: number): void;
  onCandidate(candidateInit: string): void;
  onError(err: unknown, during: string): void;
}

/**
 * The connection the client receives on: we offer, the client answers. Forwarded tracks are
 * added as sendonly transceivers whose msid is "<PA_sid>|<TR_sid> <TR_sid>", which is how both
 * SDKs tell whose track arrived. Offers are serialised: while one awaits its answer, further
 * changes only mark the session dirty and go out in the next offer.
 */
export class SubscriberSession {
  readonly pc: RTCPeerConnection;
  private readonly reliable: RTCDataChannel;
  private readonly lossy: RTCDataChannel;
  private awaitingAnswer = false;
  private dirty = false;
  private restartIce = false;
  private offerId = 0;
  private closed = false;
  private answerTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly binding: IceBinding,
    private readonly events: SubscriberEvents,
  ) {
    this.pc = createPeerConnection(binding);
    forwardLocalCandidates(this.pc, binding, (c) => events.onCandidate(c));
    this.reliable = this.pc.createDataChannel('_reliable', { ordered: true });
    this.lossy = this.pc.createDataChannel('_lossy', { ordered: false, maxRetransmits: 0 });
  }

  /** A sender for one forwarded track; call `negotiate()` after a batch of changes. */
  addTrack(publisherSid: string, trackSid: string): RTCRtpSender {
    const transceiver = this.pc.addTransceiver('audio', {
      direction: 'sendonly',
      streams: [new MediaStream({ id: `${publisherSid}|${trackSid}` })],
    });
    // werift declares trackId readonly, but it is what the msid line carries: set it before any offer.
    Object.assign(transceiver.sender, { trackId: trackSid });
    return transceiver.sender;
  }

  /**
   * Stops sending a track: its m-line goes inactive and stays (never reused). werift's removeTrack
   * instead rejects the m-line (port 0) but keeps it in the BUNDLE group, and libwebrtc clients
   * then refuse that offer and every later one.
   */
  removeTrack(sender: RTCRtpSender): void {
    const transceiver = this.pc.getTransceivers().find((t) => t.sender === sender);
    transceiver?.setDirection('inactive');
  }

  negotiate(opts: { iceRestart?: boolean } = {}): void {
    if (opts.iceRestart) this.restartIce = true;
    if (this.closed) return;
    if (this.awaitingAnswer) {
      this.dirty = true;
      return;
    }
    void this.sendOffer();
  }

  async handleAnswer(sdp: string): Promise<void> {
    if (!this.awaitingAnswer) return;
    clearTimeout(this.answerTimer);
    try {
      await this.pc.setRemoteDescription({ type: 'answer', sdp: withoutGeneration(sdp) });
    } catch (err) {
      this.events.onError(err, 'subscriber answer');
    }
    this.awaitingAnswer = false;
    if (this.dirty) {
      this.dirty = false;
      void this.sendOffer();
    }
  }

  addCandidate(candidateInit: string): Promise<void> {
    return addRemoteCandidate(this.pc, candidateInit);
  }

  send(bytes: Uint8Array, reliable: boolean): boolean {
    const channel = reliable ? this.reliable : this.lossy;
    if (channel.readyState !== 'open') return false;
    channel.send(Buffer.from(bytes));
    return true;
  }

  get connected(): boolean {
    return this.pc.connectionState === 'connected';
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.answerTimer);
    await this.pc.close().catch(() => {});
  }

  private offerUnanswered(): void {
    if (!this.awaitingAnswer || this.closed) return;
    this.events.onError(
      new Error(`no answer to subscriber offer ${this.offerId} within ${ANSWER_TIMEOUT_MS} ms`),
      'subscriber offer',
    );
    this.awaitingAnswer = false;
    this.dirty = false;
    void this.sendOffer();
  }

  private async sendOffer(): Promise<void> {
    this.awaitingAnswer = true;
    this.dirty = false;
    const iceRestart = this.restartIce;
    this.restartIce = false;
    try {
      if (iceRestart) this.pc.restartIce();
      const offer = await this.pc.createOffer({ iceRestart });
      await this.pc.setLocalDescription(offer);
      if (this.closed) return;
      this.events.onOffer(
        unrejectInactiveSections(filterSdpCandidates(this.binding, this.pc.localDescription?.sdp ?? offer.sdp)),
        ++this.offerId,
      );
      // A client that could not apply an offer never answers; without this the session would
      // wait forever and no later subscription would reach it.
      this.answerTimer = setTimeout(() => this.offerUnanswered(), ANSWER_TIMEOUT_MS);
      this.answerTimer.unref();
    } catch (err) {
      this.awaitingAnswer = false;
      this.events.onError(err, 'subscriber offer');
    }
  }
}
