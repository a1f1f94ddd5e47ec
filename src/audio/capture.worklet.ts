// AudioWorklet processor: runs on the audio rendering thread and posts 16 kHz mono frames to
// the main thread. Loaded through Vite's `?worker&url` so it is a same-origin module script
// (no blob: URL, which the CSP's script-src does not allow).

import { CapturePipeline } from './capture-pipeline.ts';

// AudioWorkletGlobalScope is not in TypeScript's DOM lib; declare the parts used here.
declare const sampleRate: number;
declare abstract class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}
declare function registerProcessor(
  name: string,
  ctor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor,
): void;

export interface CaptureProcessorOptions {
  frameSamples: number;
  targetRate: number;
}

/** Message from the processor: one frame of 16 kHz mono PCM and its number (0, 1, 2… per node). */
export interface CaptureFrameMessage {
  seq: number;
  frame: Float32Array;
}

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly pipeline: CapturePipeline;
  /** The next frame's sequence number: the VAD's answers are matched to frames by it. */
  private seq = 0;

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const opts = options.processorOptions as CaptureProcessorOptions;
    this.pipeline = new CapturePipeline(sampleRate, opts.frameSamples, opts.targetRate);
  }

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    if (channels && channels.length > 0) {
      for (const frame of this.pipeline.push(channels)) {
        const message: CaptureFrameMessage = { seq: this.seq++, frame };
        this.port.postMessage(message, [frame.buffer]);
      }
    }
    // Keep running even while the input is momentarily silent or disconnected.
    return true;
  }
}

registerProcessor('hearth-capture', CaptureProcessor);
