// The browser's MediaPlayer (src/core/media): songs and recorded stories through an
// HTMLAudioElement (streamed from /media/:id with Range), text stories read aloud with Hearth's
// voice. Both go through one Web Audio gain, which carries the volume and the ducking (lowered
// while Hearth speaks or the user talks). The queue, status and ducking state are the core's
// MediaQueue; this file is only the Web Audio output.
import type { TextToSpeech } from '../core/engines.ts';
import { storySentences } from '../core/media/story-text.ts';
import { MediaLevel, MediaQueue } from '../core/media/media-queue.ts';
import type { MediaItem } from '../core/media/types.ts';
import { pcmSource, stopSources } from './pcm-sources.ts';

export type { MediaPlayerState } from '../core/media/media-queue.ts';

export interface WebMediaPlayerOptions {
  /** The voice that reads text stories; null when none can be loaded. */
  voice?: () => Promise<TextToSpeech | null>;
  /** Volume multiplier while ducked. */
  duckTo?: number;
  /** Seconds for the ducking ramp's time constant. */
  duckSeconds?: number;
}

export class WebMediaPlayer extends MediaQueue {
  private context: AudioContext | null = null;
  private gain: GainNode | null = null;
  private element: HTMLAudioElement | null = null;
  private readonly sources = new Set<AudioBufferSourceNode>();
  /** A story read aloud: when its first sentence started (AudioContext time) and how far it is. */
  private reading: { startedAt: number | null; sentence: number; sentences: number } | null = null;

  constructor(private readonly options: WebMediaPlayerOptions = {}) {
    super(new MediaLevel(options.duckTo));
  }

  protected async startOutput(item: MediaItem, signal: AbortSignal): Promise<void> {
    const context = this.unlock();
    if (context.state === 'suspended') await context.resume().catch(() => undefined);
    if (item.format === 'text') await this.startReading(item, signal);
    else await this.startAudio(item);
  }

  /**
   * How far the current item has played: seconds so far, its length when known, and the share
   * done (a song by time; a story read aloud by sentences). Null while nothing plays.
   */
  progress(): { elapsedS: number; durationS: number | null; fraction: number | null } | null {
    const item = this.current;
    if (!item || this.status === 'idle') return null;
    if (item.format === 'text') {
      const reading = this.reading;
      if (!reading || reading.startedAt === null || !this.context) return { elapsedS: 0, durationS: null, fraction: 0 };
      const elapsedS = Math.max(0, this.context.currentTime - reading.startedAt);
      return { elapsedS, durationS: null, fraction: reading.sentence / reading.sentences };
    }
    const element = this.element;
    if (!element) return { elapsedS: 0, durationS: item.durationSec ?? null, fraction: 0 };
    const durationS =
      Number.isFinite(element.duration) && element.duration > 0 ? element.duration : (item.durationSec ?? null);
    return {
      elapsedS: element.currentTime,
      durationS,
      fraction: durationS ? Math.min(1, element.currentTime / durationS) : null,
    };
  }

  protected haltOutput(): void {
    this.reading = null;
    if (this.element) {
      this.element.pause();
      this.element.removeAttribute('src');
      this.element.load();
    }
    stopSources(this.sources);
    if (this.context?.state === 'suspended') void this.context.resume().catch(() => undefined);
  }

  protected pauseOutput(): void {
    if (this.current?.format === 'text') void this.context?.suspend();
    else this.element?.pause();
  }

  protected resumeOutput(): void {
    if (this.current?.format === 'text') void this.context?.resume();
    else void this.element?.play().catch((err: unknown) => this.fail(err));
  }

  protected override levelChanged(): void {
    this.applyGain();
  }

  /** Ducks while a speaking source (the PlaybackQueue) reports Hearth speaking. */
  followSpeaking(source: { onSpeakingChange(listener: (speaking: boolean) => void): () => void }): () => void {
    return source.onSpeakingChange((speaking) => this.duck('speaking', speaking));
  }

  /** Creates the AudioContext; call from a user gesture where possible (autoplay policies). */
  unlock(): AudioContext {
    if (!this.context || this.context.state === 'closed') {
      this.context = new AudioContext();
      this.gain = this.context.createGain();
      this.gain.connect(this.context.destination);
      this.applyGain(true);
    }
    if (this.context.state === 'suspended' && this.status !== 'paused')
      void this.context.resume().catch(() => undefined);
    return this.context;
  }

  override async dispose(): Promise<void> {
    super.dispose();
    await this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private async startAudio(item: MediaItem): Promise<void> {
    const element = this.audioElement();
    element.src = item.url;
    element.currentTime = 0;
    await element.play();
  }

  private audioElement(): HTMLAudioElement {
    if (this.element) return this.element;
    const context = this.unlock();
    const element = new Audio();
    element.preload = 'auto';
    element.addEventListener('ended', () => {
      if (this.current?.format === 'audio') this.finished();
    });
    element.addEventListener('error', () => {
      if (this.current?.format === 'audio' && element.getAttribute('src'))
        this.fail(new Error(`could not play ${this.current.title}`));
    });
    // Through Web Audio so the gain carries volume and ducking (same-origin media, so allowed).
    context.createMediaElementSource(element).connect(this.gain!);
    this.element = element;
    return element;
  }

  private async startReading(item: MediaItem, signal: AbortSignal): Promise<void> {
    const [voice, text] = await Promise.all([
      this.options.voice?.() ?? Promise.resolve(null),
      fetchText(item.url, signal),
    ]);
    if (signal.aborted) return;
    if (!voice) throw new Error('no voice is available to read this story');
    const sentences = storySentences(text);
    if (sentences.length === 0) throw new Error('this story has no words to read');
    void this.readAloud(voice, sentences, signal);
  }

  /** Synthesizes sentence by sentence, scheduling each right after the previous one. */
  private async readAloud(voice: TextToSpeech, sentences: string[], signal: AbortSignal): Promise<void> {
    const context = this.unlock();
    let at = context.currentTime + 0.05;
    const reading = { startedAt: null as number | null, sentence: 0, sentences: sentences.length };
    this.reading = reading;
    try {
      for (const [index, sentence] of sentences.entries()) {
        for await (const pcm of voice.synthesize(sentence, { signal })) {
          if (signal.aborted) return;
          if (pcm.length === 0) continue;
          const source = pcmSource(context, pcm, voice.sampleRate, this.gain!);
          at = Math.max(at, context.currentTime + 0.02);
          reading.startedAt ??= at;
          // A sentence counts as read once its sound has played.
          source.addEventListener('ended', () => (reading.sentence = Math.max(reading.sentence, index + 1)), {
            once: true,
          });
          source.start(at);
          at += source.buffer.duration;
          this.sources.add(source);
          source.onended = () => this.sources.delete(source);
        }
        // Keep synthesis at most a few seconds ahead, so stop and pause stay cheap.
        while (!signal.aborted && at - context.currentTime > 4) await sleep(200);
      }
      while (!signal.aborted && context.currentTime < at) await sleep(100);
      if (!signal.aborted) this.finished();
    } catch (err) {
      if (!signal.aborted) this.fail(err);
    }
  }

  private applyGain(immediate = false): void {
    if (!this.gain || !this.context) return;
    const target = this.level.target;
    if (immediate) this.gain.gain.value = target;
    else this.gain.gain.setTargetAtTime(target, this.context.currentTime, this.options.duckSeconds ?? 0.08);
  }
}

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`could not load the story (HTTP ${response.status})`);
  return response.text();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
