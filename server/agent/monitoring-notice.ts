// Monitoring the child can see: when a parent starts listening live, the toy plays a short chime and
// says so in words for the child's age; when the last parent stops, a softer chime (no words). The
// toy also gets a `monitoring` state message with the words, so a toy with a screen (or a xiaozhi
// toy's `alert`) can show them. ToyConversation owns one and exposes it as `parentWatching()`.
import type { AudioOutput, SynthesizeOptions, TextToSpeech } from '../../src/core/engines.ts';
import type { VoiceSessionState } from '../../src/core/session-types.ts';
import type { AgentMessage } from './protocol.ts';

/** What the child hears when a parent starts listening, by age (null: age unknown, the youngest words). */
export function monitoringNoticeText(childAge: number | null): string {
  if (childAge !== null && childAge >= 13) return 'Heads up: a parent is following this conversation live right now.';
  if (childAge !== null && childAge >= 8) return 'Just so you know, a grown-up is listening to our chat right now.';
  return 'Guess what? A grown-up is listening to us talk now.';
}

/** Shown (not spoken) when the last parent stops listening. */
export const MONITORING_ENDED_TEXT = 'The grown-up has stopped listening.';

const CUE_RATE = 16000;

/**
 * A short chime: rising two notes when listening starts, one soft falling note when it ends.
 * Made here (not a file) so it needs no asset and sounds the same on every transport.
 */
export function monitoringCue(kind: 'start' | 'end'): { pcm: Float32Array; sampleRate: number } {
  const notes = kind === 'start' ? [660, 880] : [523];
  const level = kind === 'start' ? 0.35 : 0.15;
  const noteSamples = Math.round(CUE_RATE * 0.16);
  const pcm = new Float32Array(notes.length * noteSamples + Math.round(CUE_RATE * 0.1));
  notes.forEach((hz, n) => {
    for (let i = 0; i < noteSamples; i++) {
      // A smooth rise and fall per note, so the chime never clicks.
      const envelope = Math.sin((Math.PI * i) / noteSamples);
      pcm[n * noteSamples + i] = level * envelope * Math.sin((2 * Math.PI * hz * i) / CUE_RATE);
    }
  });
  return { pcm, sampleRate: CUE_RATE };
}

export interface MonitoringNoticeOptions {
  tts: TextToSpeech;
  output: AudioOutput;
  /** The persona's voice and rate, read at each notice. */
  speech: () => SynthesizeOptions;
  /** The child's age from the parent's consent, or null. */
  childAge: () => number | null;
  /** The conversation's state now, and a way to hear when it changes (the notice waits for a reply in progress). */
  state: () => VoiceSessionState;
  onState: (listener: (state: VoiceSessionState) => void) => () => void;
  /** Ducks songs and stories while the notice plays. */
  duck?: (on: boolean) => void;
  send: (message: AgentMessage) => void;
  log: (level: 'warn', msg: string, extra?: Record<string, unknown>) => void;
}

const BUSY: readonly VoiceSessionState[] = ['transcribing', 'thinking', 'speaking'];

export class MonitoringNotice {
  private watchers = 0;
  /** Notices play one after another, in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: MonitoringNoticeOptions) {}

  /** A parent started listening live; call the returned function (once) when they stop. */
  watch(): () => void {
    let released = false;
    if (this.watchers++ === 0) this.announce(true);
    return () => {
      if (released) return;
      released = true;
      if (--this.watchers === 0) this.announce(false);
    };
  }

  get watching(): boolean {
    return this.watchers > 0;
  }

  /** Settles when every notice asked for so far has been handed to the output. */
  idle(): Promise<void> {
    return this.queue;
  }

  close(): void {
    this.closed = true;
  }

  private announce(watching: boolean): void {
    const text = watching ? monitoringNoticeText(this.opts.childAge()) : MONITORING_ENDED_TEXT;
    // The message first: it reaches the toy (and the parent's view) even if the audio is cut by barge-in.
    this.opts.send({ type: 'monitoring', watching, text });
    this.queue = this.queue
      .then(() => this.play(watching, text))
      .catch((error: unknown) => this.opts.log('warn', 'monitoring notice not spoken', { error: String(error) }));
  }

  private async play(watching: boolean, text: string): Promise<void> {
    await this.afterReply();
    if (this.closed) return;
    const { output, tts } = this.opts;
    const cue = monitoringCue(watching ? 'start' : 'end');
    this.opts.duck?.(true);
    try {
      // All the words are synthesized before the chime plays: a gap in the audio while they were
      // made ended the toy's playback mid-notice (a xiaozhi toy then opens its mic, then closes it).
      const words: Float32Array[] = [];
      if (watching) {
        for await (const pcm of tts.synthesize(text, this.opts.speech())) {
          // Leaving the loop ends the synthesis too: the engine serves one at a time, so one left
          // suspended would hold every later voice.
          if (this.closed) return;
          words.push(pcm);
        }
      }
      if (this.closed) return;
      output.enqueue(cue.pcm, cue.sampleRate);
      for (const pcm of words) output.enqueue(pcm, tts.sampleRate);
      await output.whenIdle();
    } finally {
      this.opts.duck?.(false);
    }
  }

  /** Not over a reply in progress: the child hears the reply to the end, then the notice. */
  private afterReply(): Promise<void> {
    if (!BUSY.includes(this.opts.state())) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.opts.onState((state) => {
        if (BUSY.includes(state) && !this.closed) return;
        stop();
        resolve();
      });
    });
  }
}
