import type { TrackInfo } from '@livekit/protocol';
import { TrackForwarder } from './track-forwarder.ts';

/** A track a participant publishes: what others are told about it, and the forwarder that feeds them. */
export class PublishedTrack {
  readonly forwarder = new TrackForwarder();

  constructor(
    readonly cid: string,
    readonly info: TrackInfo,
  ) {}

  get sid(): string {
    return this.info.sid;
  }
}
