export {
  createSileroVad,
  SILERO_MODEL_FILE,
  SILERO_PACK_ID,
  type SileroVad,
  type SileroVadOptions,
} from './silero-vad.ts';
export { SequencedResults, type FrameOutcome } from './sequenced-results.ts';
export {
  portVadStream,
  type StreamingVad,
  type VadStream,
  type VadStreamEvent,
  type VadStreamRequest,
} from './vad-stream.ts';
export {
  SileroInput,
  SILERO_CONTEXT_SAMPLES,
  SILERO_FRAME_SAMPLES,
  SILERO_SAMPLE_RATE,
} from '../../core/vad/silero-input.ts';
