// What the media track plays, as a stream of fixed-size 48 kHz mono frames: a decoded audio file,
// or a text story read aloud with the agent's voice sentence by sentence (the next sentence is
// synthesised while the current one plays, so there are no gaps between sentences).
import type { SynthesizeOptions, TextToSpeech } from '../../../src/core/engines.ts';
import { StreamResampler } from '../resampler.ts';
import type { DecodedAudio } from './decode-audio.ts';

/** Native-rate samples resampled per step: about a second, so a long file is never resampled whole. */
const RESAMPLE_STEP = 48000;

/** Cuts PCM chunks (any rate) into frames of `frameSamples` at `rate`; the last frame is padded with silence. */
export async function* toFrames(chunks: AsyncIterable<{ pcm: Float32Array; sampleRate: number }>, rate: number, frameSamples: number): AsyncGenerator<Float32Array> {
  let resampler: StreamResampler | null = null;
  let pending = new Float32Array(0);
  function* cut(resampled: Float32Array): Generator<Float32Array> {
    const joined = new Float32Array(pending.length + resampled.length);
    joined.set(pending);
    joined.set(resampled, pending.length);
    let offset = 0;
    for (; joined.length - offset >= frameSamples; offset += frameSamples) yield joined.slice(offset, offset + frameSamples);
    pending = joined.slice(offset);
  }
  for await (const { pcm, sampleRate } of chunks) {
    if (!resampler || resampler.fromRate !== sampleRate) {
      if (resampler) yield* cut(resampler.flush());
      resampler = new StreamResampler(sampleRate, rate);
    }
    yield* cut(resampler.push(pcm));
  }
  // The resampler's look-ahead tail, so the end of the file or story is not cut short.
  if (resampler) yield* cut(resampler.flush());
  if (pending.length > 0) {
    const last = new Float32Array(frameSamples);
    last.set(pending);
    yield last;
  }
}

export async function* decodedChunks(audio: DecodedAudio): AsyncGenerator<{ pcm: Float32Array; sampleRate: number }> {
  for (let offset = 0; offset < audio.samples.length; offset += RESAMPLE_STEP) {
    yield { pcm: audio.samples.subarray(offset, offset + RESAMPLE_STEP), sampleRate: audio.sampleRate };
  }
}

/** Reads `sentences` with `tts`, one sentence ahead of what is being played. Stops when `signal` aborts. */
export async function* readAloudChunks(
  sentences: readonly string[],
  tts: TextToSpeech,
  options: { signal: AbortSignal; voice?: string; rate?: number },
): AsyncGenerator<{ pcm: Float32Array; sampleRate: number }> {
  const synth: SynthesizeOptions = { signal: options.signal, ...(options.voice ? { voice: options.voice } : {}), ...(options.rate ? { rate: options.rate } : {}) };
  const speak = async (sentence: string): Promise<Float32Array[]> => {
    const parts: Float32Array[] = [];
    for await (const pcm of tts.synthesize(sentence, synth)) parts.push(pcm);
    return parts;
  };
  let next: Promise<Float32Array[]> | null = sentences[0] !== undefined ? speak(sentences[0]) : null;
  for (let i = 0; next; i++) {
    const current = next;
    const following = sentences[i + 1];
    next = following !== undefined ? speak(following) : null;
    // A failed look-ahead surfaces when its turn comes, not as an unhandled rejection now.
    next?.catch(() => undefined);
    const parts = await current;
    if (options.signal.aborted) return;
    for (const pcm of parts) yield { pcm, sampleRate: tts.sampleRate };
  }
}
