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
  /**
   * Silence inside an utterance this long is reported as a 'pause' (once per pause), so the
   * session can transcribe what was said so far while it waits. Unset: no pause events.
   */
  pauseProbeMs?: number;
}

export type TurnDetectorEvent =
  /** Speech has lasted long enough to count; `onsetAt` is when it began. */
  | { type: 'speechStart'; onsetAt: number }
  /** The silence after speech lasted `endpointingDelayMs`; `endedAt` is when it began. */
  | { type: 'speechEnd'; endedAt: number }
  /** Speech stopped before it lasted long enough (a blip, a cough). */
  | { type: 'blip'; onsetAt: number }
  /** The speaker has been silent `pauseProbeMs` since `silenceSince`; the turn may still go on. */
  | { type: 'pause'; silenceSince: number }
  /** Voice came back after a reported pause: what was said during it was not the end. */
  | { type: 'resume'; at: number };

type Phase = 'silence' | 'candidate' | 'speech';

export class TurnDetector {
  private phase: Phase = 'silence';
  private voicedNow = false;
  private onsetAt = 0;
  private silenceSince: number | null = null;
  /** Start of an unvoiced stretch inside a candidate, if one is in progress. */
  private candidateGapSince: number | null = null;
  private pauseReported = false;
  /** This utterance's end-of-turn silence (the configured one until setEndpointingDelay). */
  private endpointingDelayMs: number;

  constructor(private readonly config: TurnDetectorConfig) {
    this.endpointingDelayMs = config.endpointingDelayMs;
  }

  /**
   * Changes how much silence ends the current utterance (an end-of-turn policy that read what was
   * said so far). Applies from the next frame; back to the configured delay once it ends.
   */
  setEndpointingDelay(ms: number): void {
    this.endpointingDelayMs = ms;
  }

  /** The silence that ends the current utterance. */
  get currentEndpointingDelayMs(): number {
    return this.endpointingDelayMs;
  }

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
    const { speechThreshold, silenceThreshold } = this.config;
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
      case 'speech': {
        if (this.voicedNow) {
          this.silenceSince = null;
          if (!this.pauseReported) return null;
          this.pauseReported = false;
          return { type: 'resume', at: now };
        }
        this.silenceSince ??= now;
        const silentFor = now - this.silenceSince;
        if (silentFor >= this.endpointingDelayMs) return this.end(this.silenceSince);
        const probe = this.config.pauseProbeMs;
        if (probe === undefined || this.pauseReported || silentFor < probe) return null;
        this.pauseReported = true;
        return { type: 'pause', silenceSince: this.silenceSince };
      }
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
    this.pauseReported = false;
    this.endpointingDelayMs = this.config.endpointingDelayMs;
  }

  private confirmIfLongEnough(now: number, minSpeechMs: number): TurnDetectorEvent | null {
    if (now - this.onsetAt < minSpeechMs) return null;
    this.phase = 'speech';
    this.silenceSince = null;
    this.pauseReported = false;
    this.endpointingDelayMs = this.config.endpointingDelayMs;
    return { type: 'speechStart', onsetAt: this.onsetAt };
  }

  private end(endedAt: number): TurnDetectorEvent {
    this.phase = 'silence';
    this.silenceSince = null;
    this.pauseReported = false;
    this.endpointingDelayMs = this.config.endpointingDelayMs;
    return { type: 'speechEnd', endedAt };
  }
}
