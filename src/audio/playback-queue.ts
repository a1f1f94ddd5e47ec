// Hearth's voice output: core's AudioOutput on Web Audio. Chunks of any sample rate are
// scheduled back to back on one AudioContext (each AudioBuffer keeps its own rate and the
// context resamples); flush() stops everything at once for barge-in.

import type { AudioOutput } from '../core/engines.ts';
import { PlaybackTimeline } from './playback-timeline.ts';
import { pcmSource, stopSources } from './pcm-sources.ts';

type SpeakingListener = (speaking: boolean) => void;

export class PlaybackQueue implements AudioOutput {
  private context: AudioContext | null = null;
  private gain: GainNode | null = null;
  private readonly timeline = new PlaybackTimeline();
  private readonly sources = new Set<AudioBufferSourceNode>();
  private idleWaiters: (() => void)[] = [];
  private readonly speakingListeners = new Set<SpeakingListener>();
  private speakingNow = false;

  /**
   * Creates (or resumes) the AudioContext. Call from a user gesture (the Talk button) so the
   * browser's autoplay policy lets it run; enqueue() also calls it as a fallback.
   */
  unlock(): AudioContext {
    if (!this.context || this.context.state === 'closed') {
      this.context = new AudioContext({ latencyHint: 'interactive' });
      this.gain = this.context.createGain();
      this.gain.connect(this.context.destination);
      this.timeline.reset();
    }
    if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
    return this.context;
  }

  /** Whether Hearth's voice is playing (or queued to play). */
  get speaking(): boolean {
    return this.speakingNow;
  }

  /** The ducking hook: media players lower their volume while this reports true. */
  onSpeakingChange(listener: SpeakingListener): () => void {
    this.speakingListeners.add(listener);
    return () => this.speakingListeners.delete(listener);
  }

  setVolume(volume: number): void {
    if (this.gain) this.gain.gain.value = Math.max(0, Math.min(1, volume));
  }

  enqueue(pcm: Float32Array, sampleRate: number): void {
    if (pcm.length === 0) return;
    const context = this.unlock();
    const gain = this.gain;
    if (!gain) return;
    const source = pcmSource(context, pcm, sampleRate, gain);
    const startAt = this.timeline.schedule(context.currentTime, source.buffer.duration);
    source.onended = () => this.finished(source);
    this.sources.add(source);
    source.start(startAt);
    this.setSpeaking(true);
  }

  flush(): void {
    stopSources(this.sources);
    this.timeline.reset();
    this.becameIdle();
  }

  whenIdle(): Promise<void> {
    if (this.sources.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Resolves once at most `seconds` of what is queued are left to play (at once after a flush). */
  whenQueuedAtMost(seconds: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const context = this.context;
        const over = context && this.sources.size > 0 ? this.timeline.remaining(context.currentTime) - seconds : 0;
        if (over <= 0) resolve();
        // Checked again when that much has played (the audio clock moves on its own).
        else setTimeout(check, over * 1000);
      };
      check();
    });
  }

  async close(): Promise<void> {
    this.flush();
    const context = this.context;
    this.context = null;
    this.gain = null;
    await context?.close().catch(() => undefined);
  }

  private finished(source: AudioBufferSourceNode): void {
    source.disconnect();
    this.sources.delete(source);
    if (this.sources.size === 0) this.becameIdle();
  }

  private becameIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
    this.setSpeaking(false);
  }

  private setSpeaking(speaking: boolean): void {
    if (speaking === this.speakingNow) return;
    this.speakingNow = speaking;
    for (const listener of [...this.speakingListeners]) listener(speaking);
  }
}
