// What the main thread and the Whisper worker exchange (besides the comlink API itself).
import type { BackendPreference } from '../ort.ts';

/** transformers.js dtypes we load; 'q8' matches the `*_quantized.onnx` files real packs ship. */
export type WhisperDtype = 'q8' | 'fp32' | 'fp16' | 'q4';

export interface WhisperLoadOptions {
  packId: string;
  backend: BackendPreference;
  dtype: WhisperDtype;
  /** The path before (bench:startup's comparison): the warm-up run finishes before load returns. */
  warmUpBeforeReady?: boolean;
}
