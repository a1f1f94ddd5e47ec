// What the capture worklet does to each render quantum, kept free of AudioWorklet globals so
// it can be unit-tested: downmix → resample to 16 kHz (only if the context is not already at
// 16 kHz) → cut into fixed-size frames.

import { FrameAssembler } from '../core/audio-frames.ts';
import { downmixToMono } from '../core/audio/channels.ts';
import { StreamingResampler } from '../core/audio/resampler.ts';

export const CAPTURE_SAMPLE_RATE = 16_000;

export class CapturePipeline {
  private readonly resampler: StreamingResampler | null;
  private readonly frames: FrameAssembler;

  constructor(inputRate: number, frameSamples: number, outputRate: number = CAPTURE_SAMPLE_RATE) {
    this.resampler = inputRate === outputRate ? null : new StreamingResampler(inputRate, outputRate);
    this.frames = new FrameAssembler(frameSamples);
  }

  /** One quantum of (possibly multi-channel) input in; zero or more complete frames out. */
  push(channels: readonly Float32Array[]): Float32Array[] {
    if (channels.length === 0) return [];
    const mono = downmixToMono(channels);
    return this.frames.push(this.resampler ? this.resampler.process(mono) : mono);
  }

  reset(): void {
    this.resampler?.reset();
    this.frames.reset();
  }
}
