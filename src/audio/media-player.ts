// The browser's MediaPlayer (src/core/media): songs and recorded stories through an
// HTMLAudioElement (streamed from /media/:id with Range), text stories read aloud with Hearth's
// voice. Both go through one Web Audio gain, which carries the volume and the ducking (lowered
// while Hearth speaks or the user talks).
import type { TextToSpeech } from '../core/engines.ts';
import { storySentences } from '../core/media/story-text.ts';
import type { MediaItem, MediaPlayer, PlayerStatus } from '../core/media/types.ts';

export interface MediaPlayerState {
  status: PlayerStatus;
  current: MediaItem | null;
  volume: number;
  ducked: boolean;
  upNext: number;
  /** Last playback problem, for the mini player. */
  error: string | null;
}

export interface WebMediaPlayerOptions {
  /** The voice that reads text stories; null when none can be loaded. */
  voice?: () => Promise<TextToSpeech | null>;
  /** Volume multiplier while ducked. */
  duckTo?: number;
  /** Seconds for the ducking ramp's time constant. */
  duckSeconds?: number;
}

type Listener = (state: MediaPlayerState) => void;

export class WebMediaPlayer implements MediaPlayer {
  status: PlayerStatus = 'idle';
  current: MediaItem | null = null;
  volume = 0.8;
  private queue: MediaItem[] = [];
  private error: string | null = null;
  private context: AudioContext | null = null;
  private gain: GainNode | null = null;
  private element: HTMLAudioElement | null = null;
  private readonly duckReasons = new Set<string>();
  private readonly listeners = new Set<Listener>();
  /** Aborted when the current item stops: ends a text story's reading loop. */
  private playing: AbortController | null = null;
  private readonly sources = new Set<AudioBufferSourceNode>();

  constructor(private readonly options: WebMediaPlayerOptions = {}) {}

  get state(): MediaPlayerState {
    return { status: this.status, current: this.current, volume: this.volume, ducked: this.duckReasons.size > 0, upNext: this.queue.length, error: this.error };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  async play(item: MediaItem, options?: { upNext?: MediaItem[] }): Promise<void> {
    this.halt();
    this.queue = [...(options?.upNext ?? [])];
    this.current = item;
    this.error = null;
    this.setStatus('loading');
    const run = new AbortController();
    this.playing = run;
    const context = this.unlock();
    if (context.state === 'suspended') await context.resume().catch(() => undefined);
    try {
      if (item.format === 'text') await this.startReading(item, run.signal);
      else await this.startAudio(item);
    } catch (err) {
      if (run.signal.aborted) return;
      this.fail(err);
      throw err;
    }
  }

  stop(): void {
    this.halt();
    this.queue = [];
    this.current = null;
    this.setStatus('idle');
  }

  pause(): boolean {
    if (this.status !== 'playing') return false;
    if (this.current?.format === 'text') void this.context?.suspend();
    else this.element?.pause();
    this.setStatus('paused');
    return true;
  }

  resume(): boolean {
    if (this.status !== 'paused') return false;
    if (this.current?.format === 'text') void this.context?.resume();
    else void this.element?.play().catch((err: unknown) => this.fail(err));
    this.setStatus('playing');
    return true;
  }

  async next(): Promise<MediaItem | null> {
    const following = this.queue.shift();
    if (!following) {
      this.stop();
      return null;
    }
    await this.play(following, { upNext: this.queue });
    return following;
  }

  setVolume(level: number): void {
    this.volume = Math.max(0, Math.min(1, level));
    this.applyGain();
    this.emit();
  }

  /**
   * Lowers the media while `reason` holds (e.g. "speaking" while Hearth talks, "listening" while
   * the user talks), so voice commands like "stop" are heard over the music.
   */
  duck(reason: string, on: boolean): void {
    const before = this.duckReasons.size > 0;
    if (on) this.duckReasons.add(reason);
    else this.duckReasons.delete(reason);
    if (before !== this.duckReasons.size > 0) {
      this.applyGain();
      this.emit();
    }
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
    if (this.context.state === 'suspended' && this.status !== 'paused') void this.context.resume().catch(() => undefined);
    return this.context;
  }

  async dispose(): Promise<void> {
    this.stop();
    this.listeners.clear();
    await this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private async startAudio(item: MediaItem): Promise<void> {
    const element = this.audioElement();
    element.src = item.url;
    element.currentTime = 0;
    await element.play();
    if (this.current === item) this.setStatus('playing');
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
      if (this.current?.format === 'audio' && element.getAttribute('src')) this.fail(new Error(`could not play ${this.current.title}`));
    });
    // Through Web Audio so the gain carries volume and ducking (same-origin media, so allowed).
    context.createMediaElementSource(element).connect(this.gain!);
    this.element = element;
    return element;
  }

  private async startReading(item: MediaItem, signal: AbortSignal): Promise<void> {
    const [voice, text] = await Promise.all([this.options.voice?.() ?? Promise.resolve(null), fetchText(item.url, signal)]);
    if (signal.aborted) return;
    if (!voice) throw new Error('no voice is available to read this story');
    const sentences = storySentences(text);
    if (sentences.length === 0) throw new Error('this story has no words to read');
    this.setStatus('playing');
    void this.readAloud(voice, sentences, signal);
  }

  /** Synthesizes sentence by sentence, scheduling each right after the previous one. */
  private async readAloud(voice: TextToSpeech, sentences: string[], signal: AbortSignal): Promise<void> {
    const context = this.unlock();
    let at = context.currentTime + 0.05;
    try {
      for (const sentence of sentences) {
        for await (const pcm of voice.synthesize(sentence, { signal })) {
          if (signal.aborted) return;
          if (pcm.length === 0) continue;
          const buffer = context.createBuffer(1, pcm.length, voice.sampleRate);
          buffer.copyToChannel(new Float32Array(pcm), 0);
          const source = context.createBufferSource();
          source.buffer = buffer;
          source.connect(this.gain!);
          at = Math.max(at, context.currentTime + 0.02);
          source.start(at);
          at += buffer.duration;
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

  private finished(): void {
    this.playing = null;
    this.current = null;
    this.setStatus('idle');
  }

  /** Stops the current item's sound (element or read-aloud sources) without touching the queue. */
  private halt(): void {
    this.playing?.abort();
    this.playing = null;
    if (this.element) {
      this.element.pause();
      this.element.removeAttribute('src');
      this.element.load();
    }
    for (const source of this.sources) {
      source.onended = null;
      try {
        source.stop();
      } catch {
        // Never started or already stopped.
      }
      source.disconnect();
    }
    this.sources.clear();
    if (this.context?.state === 'suspended') void this.context.resume().catch(() => undefined);
  }

  private fail(err: unknown): void {
    this.halt();
    this.error = err instanceof Error ? err.message : String(err);
    this.current = null;
    this.setStatus('idle');
  }

  private applyGain(immediate = false): void {
    if (!this.gain || !this.context) return;
    const target = this.volume * (this.duckReasons.size > 0 ? (this.options.duckTo ?? 0.25) : 1);
    if (immediate) this.gain.gain.value = target;
    else this.gain.gain.setTargetAtTime(target, this.context.currentTime, this.options.duckSeconds ?? 0.08);
  }

  private setStatus(status: PlayerStatus): void {
    this.status = status;
    this.emit();
  }

  private emit(): void {
    const state = this.state;
    for (const listener of [...this.listeners]) listener(state);
  }
}

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`could not load the story (HTTP ${response.status})`);
  return response.text();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
