// Single-mic toys in `realtime` mode keep the mic open while they play Hearth's voice, so that voice
// comes back up the uplink. No echo-cancelling library is available to Node here (npm has none that
// runs without native builds), so this is a gate driven by what the server itself sent: for each
// uplink frame it finds the downlink audio that was playing when the frame was captured (the
// firmware's protocol-v2 timestamp when it sends one, else the downlink's own playout clock), learns
// how loud that audio comes back (the echo return), and lets a frame through only when it is clearly
// louder than the echo alone would be: a child talking over Hearth. Echo-only frames become silence,
// so they never start a turn or cut Hearth off.
import { rmsOf } from '../../agent/resampler.ts';
import { FRAME_MS } from './opus-codec.ts';

export interface EchoGateOptions {
  /** Uplink louder than the expected echo by this factor is the child, not the echo (1.5 ≈ +3.5 dB). */
  doubleTalkRatio?: number;
  /** The echo return assumed before any is measured: the toy's own speaker is loud and close. */
  initialEchoReturn?: number;
  /** Below this the uplink is quiet whatever is playing. */
  floorRms?: number;
  /** How long after the last downlink frame its echo may still arrive (ms). */
  tailMs?: number;
}

interface ReferenceFrame {
  timestampMs: number;
  /** Real time (ms) at which the toy plays it. */
  playsAt: number;
  rms: number;
}

export class EchoGate {
  private readonly frames: ReferenceFrame[] = [];
  private echoReturn: number;
  private readonly doubleTalkRatio: number;
  private readonly floorRms: number;
  private readonly tailMs: number;
  /** Frames let through / silenced while Hearth was playing (stats, tests). */
  passed = 0;
  gated = 0;

  constructor(options: EchoGateOptions = {}) {
    this.doubleTalkRatio = options.doubleTalkRatio ?? 1.5;
    this.echoReturn = options.initialEchoReturn ?? 1;
    this.floorRms = options.floorRms ?? 0.004;
    this.tailMs = options.tailMs ?? 400;
  }

  /** A downlink frame went out; it plays at the toy at `playsAt` (real time, ms). */
  reference(timestampMs: number, pcm: Float32Array, playsAt: number): void {
    this.frames.push({ timestampMs, playsAt, rms: rmsOf(pcm) });
    // About 5 s of history is plenty for any toy's buffering.
    if (this.frames.length > 5000 / FRAME_MS) this.frames.shift();
  }

  /**
   * The uplink frame as the conversation should hear it: unchanged, or silence when it is only
   * Hearth's own voice. `timestampMs` is the firmware's v2 timestamp (0 when absent), `capturedAt`
   * the real time it arrived.
   */
  process(frame: Float32Array, timestampMs: number, capturedAt: number): Float32Array {
    const echo = this.expectedEchoSource(timestampMs, capturedAt);
    if (echo === null) return frame;
    const level = rmsOf(frame);
    if (level < this.floorRms) return frame;
    const expected = echo * this.echoReturn;
    if (level > expected * this.doubleTalkRatio + this.floorRms) {
      this.passed++;
      return frame;
    }
    // Echo only: learn how loud it comes back. Slowly both ways: a child just under the threshold
    // must not ratchet the estimate up until no speech passes.
    if (echo > 0.01) {
      const measured = level / echo;
      this.echoReturn =
        measured > this.echoReturn
          ? 0.95 * this.echoReturn + 0.05 * measured
          : 0.93 * this.echoReturn + 0.07 * measured;
    }
    this.gated++;
    return new Float32Array(frame.length);
  }

  /** The loudest downlink level that may be echoing in this uplink frame, or null when nothing played. */
  private expectedEchoSource(timestampMs: number, capturedAt: number): number | null {
    if (this.frames.length === 0) return null;
    let candidates: ReferenceFrame[];
    if (timestampMs > 0) {
      // The firmware stamps each uplink frame with the downlink frame playing when it was captured.
      candidates = this.frames.filter((f) => Math.abs(f.timestampMs - timestampMs) <= FRAME_MS);
      if (candidates.length === 0) return null;
    } else {
      // No timestamps: what the toy was playing over the frame's capture (60 ms before arrival), with a tail.
      candidates = this.frames.filter(
        (f) => f.playsAt <= capturedAt && f.playsAt + FRAME_MS + this.tailMs >= capturedAt - FRAME_MS,
      );
      if (candidates.length === 0) return null;
    }
    return Math.max(...candidates.map((f) => f.rms));
  }
}
