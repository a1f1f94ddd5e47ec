// Voice detection that listens within milliseconds of a page opening: the WebRTC VAD (libfvad,
// BSD-3, a 20 KB WebAssembly build bundled with the app) while Silero's worker and onnxruntime
// start (about 2 s on a small machine; handover-vad.ts swaps Silero in once it is ready). Its
// Gaussian-mixture model says speech or not per 10 ms; a 32 ms frame's probability is the share of
// the 10 ms pieces it completed that were speech. It runs on the main thread: a frame costs
// microseconds, less than a message to a worker would.
import createFvad, { type FvadModule } from '@echogarden/fvad-wasm';
import fvadWasmUrl from '@echogarden/fvad-wasm/fvad.wasm?url';
import { SILERO_FRAME_SAMPLES, SILERO_SAMPLE_RATE } from '../../core/vad/silero-input.ts';
import type { EngineInfo } from '../types.ts';
import { SequencedResults } from './sequenced-results.ts';
import type { StreamingVad, VadStream } from './vad-stream.ts';

/** 10 ms at 16 kHz: libfvad takes 10, 20 or 30 ms pieces. */
const PIECE_SAMPLES = SILERO_SAMPLE_RATE / 100;
/** libfvad's most aggressive mode: the fewest noises taken for speech. */
const VERY_AGGRESSIVE = 3;

export interface WebRtcVad extends StreamingVad {
  readonly info: EngineInfo;
  dispose(): void;
}

export interface WebRtcVadOptions {
  /** Where fvad.wasm is (default: the app's bundled copy); Node tests pass a file path. */
  wasmUrl?: string;
}

/** One libfvad detector and the samples of a piece not yet complete. */
class FvadDetector {
  private readonly pending = new Int16Array(PIECE_SAMPLES);
  private pendingLength = 0;
  private lastProbability = 0;
  private readonly piecePointer: number;
  private freed = false;

  constructor(
    private readonly fvad: FvadModule,
    private readonly inst: number,
  ) {
    this.piecePointer = fvad._malloc(PIECE_SAMPLES * 2);
  }

  /** The share of the 10 ms pieces this frame completed that were speech. */
  process(frame: Float32Array): number {
    if (this.freed) throw new Error('Voice detection (WebRTC) was unloaded.');
    let pieces = 0;
    let voiced = 0;
    for (const sample of frame) {
      const clamped = Math.max(-1, Math.min(1, sample));
      this.pending[this.pendingLength++] = Math.round(clamped * 32767);
      if (this.pendingLength < PIECE_SAMPLES) continue;
      this.fvad.HEAP16.set(this.pending, this.piecePointer >> 1);
      const verdict = this.fvad._fvad_process(this.inst, this.piecePointer, PIECE_SAMPLES);
      if (verdict < 0) throw new Error('Voice detection (WebRTC) refused a piece of audio.');
      pieces++;
      voiced += verdict;
      this.pendingLength = 0;
    }
    if (pieces > 0) this.lastProbability = voiced / pieces;
    return this.lastProbability;
  }

  reset(): void {
    if (this.freed) return;
    this.fvad._fvad_reset(this.inst);
    // _fvad_reset also forgets the mode and rate.
    this.fvad._fvad_set_mode(this.inst, VERY_AGGRESSIVE);
    this.fvad._fvad_set_sample_rate(this.inst, SILERO_SAMPLE_RATE);
    this.pendingLength = 0;
    this.lastProbability = 0;
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.fvad._free(this.piecePointer);
    this.fvad._fvad_free(this.inst);
  }
}

export async function createWebRtcVad(options: WebRtcVadOptions = {}): Promise<WebRtcVad> {
  const wasmUrl = options.wasmUrl ?? fvadWasmUrl;
  const fvad = await createFvad({ locateFile: () => wasmUrl });
  const detectors = new Set<FvadDetector>();
  const newDetector = (): FvadDetector => {
    const inst = fvad._fvad_new();
    if (!inst) throw new Error('Voice detection (WebRTC) could not start: out of memory.');
    const detector = new FvadDetector(fvad, inst);
    detector.reset();
    detectors.add(detector);
    return detector;
  };
  const own = newDetector();
  // Startup stages, for bench:startup: listening can start from here.
  performance.mark('hearth:vad:quick-ready');

  return {
    frameSamples: SILERO_FRAME_SAMPLES,
    info: {
      role: 'vad',
      engine: 'libfvad',
      model: 'webrtc-vad',
      backend: 'wasm',
      detail: 'WebRTC voice detection, while Silero loads',
    },
    process: async (frame) => own.process(frame),
    reset: () => own.reset(),
    openStream(): VadStream {
      const detector = newDetector();
      const results = new SequencedResults<number>();
      let lastSeq = -1;
      let closed = false;
      return {
        push(seq, samples) {
          if (closed) throw new Error('This voice-detection stream is closed.');
          if (seq <= lastSeq) throw new Error(`Frame ${seq} came after frame ${lastSeq}: sequence numbers must grow.`);
          lastSeq = seq;
          try {
            results.deliver(seq, { ok: true, value: detector.process(samples) });
          } catch (error) {
            results.deliver(seq, { ok: false, error: error as Error });
          }
        },
        result: (seq) => results.take(seq),
        reset() {
          results.discardBefore(lastSeq + 1);
          detector.reset();
        },
        close() {
          if (!closed) {
            closed = true;
            results.close(new Error('This voice-detection stream is closed.'));
            detectors.delete(detector);
            detector.free();
          }
          return Promise.resolve();
        },
      };
    },
    dispose() {
      for (const detector of detectors) detector.free();
      detectors.clear();
    },
  };
}
