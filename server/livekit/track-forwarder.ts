import { RtpHeader, RtpPacket, type MediaStreamTrack, type RTCRtpSender } from 'werift';

/**
 * Forwards one published audio track's RTP to every subscriber's sender. Packets are copied per
 * subscriber because werift's sender rewrites ssrc, payload type, sequence and timestamp in place,
 * and the publisher's header extensions are dropped (their ids mean nothing on the other sessions).
 */
export class TrackForwarder {
  private readonly senders = new Map<string, RTCRtpSender>();
  private unsubscribe: (() => void) | null = null;
  private packets = 0;

  attach(source: MediaStreamTrack): void {
    this.unsubscribe?.();
    const { unSubscribe } = source.onReceiveRtp.subscribe((rtp) => this.forward(rtp));
    this.unsubscribe = unSubscribe;
  }

  addSubscriber(participantSid: string, sender: RTCRtpSender): void {
    this.senders.set(participantSid, sender);
  }

  removeSubscriber(participantSid: string): RTCRtpSender | undefined {
    const sender = this.senders.get(participantSid);
    this.senders.delete(participantSid);
    return sender;
  }

  hasSubscriber(participantSid: string): boolean {
    return this.senders.has(participantSid);
  }

  get forwardedPackets(): number {
    return this.packets;
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.senders.clear();
  }

  private forward(rtp: RtpPacket): void {
    if (this.senders.size === 0) return;
    this.packets++;
    const { marker, payloadType, sequenceNumber, timestamp, ssrc } = rtp.header;
    for (const sender of this.senders.values()) {
      const header = new RtpHeader({ marker, payloadType, sequenceNumber, timestamp, ssrc });
      sender.sendRtp(new RtpPacket(header, rtp.payload)).catch(() => {});
    }
  }
}
