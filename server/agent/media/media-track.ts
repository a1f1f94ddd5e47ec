// The agent's second audio track in a toy's room: songs and stories, apart from its voice (as
// LiveKit agents publish background audio), so a voice barge-in flush never cuts the music and the
// media can be ducked on its own. A small native queue keeps pause and stop quick; captureFrame's
// back-pressure paces the player in real time.
import { AudioFrame, AudioSource, LocalAudioTrack } from '@livekit/rtc-node';
import { MEDIA_TRACK_NAME } from '../protocol.ts';
import { floatToInt16 } from '../resampler.ts';
import type { MediaSink } from './room-media-player.ts';

export const MEDIA_SAMPLE_RATE = 48000;
export const MEDIA_FRAME_SAMPLES = MEDIA_SAMPLE_RATE / 50; // 20 ms

export class RoomMediaTrack implements MediaSink {
  readonly source = new AudioSource(MEDIA_SAMPLE_RATE, 1, 100);
  readonly track = LocalAudioTrack.createAudioTrack(MEDIA_TRACK_NAME, this.source);
  readonly sampleRate = MEDIA_SAMPLE_RATE;
  readonly frameSamples = MEDIA_FRAME_SAMPLES;
  private closed = false;
  /** The capture in flight: one at a time (rtc-node answers a second concurrent one with InvalidState). */
  private capturing: Promise<void> = Promise.resolve();

  async captureFrame(frame: Float32Array): Promise<void> {
    if (this.closed) return;
    const pcm = floatToInt16(frame);
    // When a story replaces a song, the old item's last frame may still be in flight as the new one starts.
    const capture = this.capturing.then(() =>
      this.closed ? undefined : this.source.captureFrame(new AudioFrame(pcm, MEDIA_SAMPLE_RATE, 1, pcm.length)),
    );
    this.capturing = capture.catch(() => undefined);
    await capture;
  }

  clear(): void {
    if (!this.closed) this.source.clearQueue();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.source.close().catch(() => undefined);
  }
}
