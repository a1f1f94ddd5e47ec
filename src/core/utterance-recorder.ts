import { concatAudio } from './audio-frames.ts';

/**
 * Keeps recent microphone frames so that, when speech is confirmed (which takes
 * minSpeechMs or minInterruptionMs), the utterance starts before the onset (pre-roll) and
 * nothing the user said while we were deciding is lost.
 */
export class UtteranceRecorder {
  private recent: { frame: Float32Array; at: number }[] = [];
  private utterance: Float32Array[] | null = null;

  /** `retainMs`: how far back `begin` may reach (pre-roll + the longest onset wait). */
  constructor(private readonly retainMs: number) {}

  get recording(): boolean {
    return this.utterance !== null;
  }

  add(frame: Float32Array, at: number): void {
    if (this.utterance) {
      this.utterance.push(frame);
      return;
    }
    this.recent.push({ frame, at });
    const oldest = at - this.retainMs;
    while (this.recent.length > 0 && (this.recent[0]?.at ?? oldest) < oldest) this.recent.shift();
  }

  /** Starts an utterance with the kept frames stamped at or after `fromAt`. */
  begin(fromAt: number): void {
    this.utterance = this.recent.filter((entry) => entry.at >= fromAt).map((entry) => entry.frame);
    this.recent = [];
  }

  /** The utterance so far (a copy), which goes on recording. */
  snapshot(): Float32Array {
    return concatAudio(this.utterance ?? []);
  }

  /** Ends the utterance and returns its audio. */
  take(): Float32Array {
    const audio = concatAudio(this.utterance ?? []);
    this.utterance = null;
    return audio;
  }

  discard(): void {
    this.utterance = null;
    this.recent = [];
  }
}
