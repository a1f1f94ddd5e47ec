// Speech onset and endpointing from VAD probabilities and timestamps alone (no audio, no
// timers), so the rules can be tested frame by frame.

export interface TurnDetectorConfig {
  /** Probability at or above which a frame counts as speech. */
  speechThreshold: number;
  /** Once speaking, probability must drop below this to count as silence (hysteresis). */
  silenceThreshold: number;
  /** Silence after speech that ends the utterance. */
  endpointingDelayMs: number;
  /**
   * Unvoiced stretches shorter than this inside not-yet-confirmed speech do not cancel it: the
   * pauses between words ("Tell | me a story") dip the VAD for 60-130 ms. 0: any dip cancels.
   */
  speechGapMs?: number;
}

export type TurnDetectorEvent =
  /** Speech has lasted long enough to count; `onsetAt` is when it began. */
  | { type: 'speechStart'; onsetAt: number }
  /** The silence after speech lasted `endpointingDelayMs`; `endedAt` is when it began. */
  | { type: 'speechEnd'; endedAt: number }
  /** Speech stopped before it lasted long enough (a blip, a cough). */
  | { type: 'blip'; onsetAt: number };

type Phase = 'silence' | 'candidate' | 'speech';

export class TurnDetector {
  private phase: Phase = 'silence';
  private voicedNow = false;
  private onsetAt = 0;
  private silenceSince: number | null = null;
  /** Start of an unvoiced stretch inside a candidate, if one is in progress. */
  private candidateGapSince: number | null = null;

  constructor(private readonly config: TurnDetectorConfig) {}

  /** Whether the current frame is voiced (after hysteresis). */
  get voiced(): boolean {
    return this.voicedNow;
  }

  /** Whether a confirmed utterance is in progress. */
  get inSpeech(): boolean {
    return this.phase === 'speech';
  }

  /** Start time of pending or confirmed speech, or null in silence. */
  get speechOnsetAt(): number | null {
    return this.phase === 'silence' ? null : this.onsetAt;
  }

  /**
   * Feeds one frame's probability stamped `now`. `minSpeechMs` is how long speech must last
   * to count: short in listening, longer while Hearth talks (the false-interruption guard).
   */
  update(probability: number, now: number, minSpeechMs: number): TurnDetectorEvent | null {
    const { speechThreshold, silenceThreshold, endpointingDelayMs } = this.config;
    if (!this.voicedNow && probability >= speechThreshold) this.voicedNow = true;
    else if (this.voicedNow && probability < silenceThreshold) this.voicedNow = false;

    switch (this.phase) {
      case 'silence':
        if (!this.voicedNow) return null;
        this.phase = 'candidate';
        this.onsetAt = now;
        this.candidateGapSince = null;
        return this.confirmIfLongEnough(now, minSpeechMs);
      case 'candidate':
        if (!this.voicedNow) {
          this.candidateGapSince ??= now;
          if (now - this.candidateGapSince < (this.config.speechGapMs ?? 0)) return null;
          this.phase = 'silence';
          this.candidateGapSince = null;
          return { type: 'blip', onsetAt: this.onsetAt };
        }
        this.candidateGapSince = null;
        return this.confirmIfLongEnough(now, minSpeechMs);
      case 'speech':
        if (this.voicedNow) {
          this.silenceSince = null;
          return null;
        }
        this.silenceSince ??= now;
        if (now - this.silenceSince < endpointingDelayMs) return null;
        return this.end(this.silenceSince);
    }
  }

  /** Ends the current utterance now (e.g. it hit the maximum length). */
  forceEnd(now: number): TurnDetectorEvent | null {
    return this.phase === 'speech' ? this.end(this.silenceSince ?? now) : null;
  }

  reset(): void {
    this.phase = 'silence';
    this.voicedNow = false;
    this.silenceSince = null;
    this.candidateGapSince = null;
  }

  private confirmIfLongEnough(now: number, minSpeechMs: number): TurnDetectorEvent | null {
    if (now - this.onsetAt < minSpeechMs) return null;
    this.phase = 'speech';
    this.silenceSince = null;
    return { type: 'speechStart', onsetAt: this.onsetAt };
  }

  private end(endedAt: number): TurnDetectorEvent {
    this.phase = 'silence';
    this.silenceSince = null;
    return { type: 'speechEnd', endedAt };
  }
}
