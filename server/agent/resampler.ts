// The agent's names for the core audio toolkit (src/core/audio), kept so that agent code written
// against them goes on working. Resampling is the core's windowed-sinc one: the toy's 48 kHz
// microphone reaches the 16 kHz VAD without aliasing, and voices and media reach 48 kHz tracks.
import { interleavedInt16ToMono } from '../../src/core/audio/channels.ts';
import { rms } from '../../src/core/audio/level.ts';
import { StreamingResampler } from '../../src/core/audio/resampler.ts';

export { floatToInt16, int16ToFloat } from '../../src/core/audio/pcm.ts';

/** The core StreamingResampler under the agent's name: push() converts the next chunk. */
export class StreamResampler extends StreamingResampler {
  push(input: Float32Array): Float32Array {
    return this.process(input);
  }
}

/** Downmix interleaved PCM16 to mono Float32. */
export const interleavedToMono = interleavedInt16ToMono;

export const rmsOf = rms;
