// Silero VAD v5's input contract, kept pure for tests: every 512-sample frame is fed with the
// previous frame's last 64 samples in front of it (576 samples), plus a recurrent state that
// carries over between frames. Both reset together between sessions.

export const SILERO_SAMPLE_RATE = 16_000;
export const SILERO_FRAME_SAMPLES = 512;
export const SILERO_CONTEXT_SAMPLES = 64;
/** Shape of the recurrent state tensor: [2, batch 1, 128]. */
export const SILERO_STATE_DIMS = [2, 1, 128] as const;
export const SILERO_STATE_SIZE = 2 * 1 * 128;

export class SileroInput {
  private context: Float32Array = new Float32Array(SILERO_CONTEXT_SAMPLES);
  private stateData: Float32Array = new Float32Array(SILERO_STATE_SIZE);

  /** The model input for `frame`: context + frame. Advances the context. */
  next(frame: Float32Array): Float32Array {
    if (frame.length !== SILERO_FRAME_SAMPLES) {
      throw new Error(`Silero VAD needs ${SILERO_FRAME_SAMPLES}-sample frames, got ${frame.length}`);
    }
    const input = new Float32Array(SILERO_CONTEXT_SAMPLES + SILERO_FRAME_SAMPLES);
    input.set(this.context, 0);
    input.set(frame, SILERO_CONTEXT_SAMPLES);
    this.context = frame.slice(-SILERO_CONTEXT_SAMPLES);
    return input;
  }

  /** The recurrent state to feed with the next frame. */
  get state(): Float32Array {
    return this.stateData;
  }

  /** Stores the model's `stateN` output for the next frame. */
  set state(next: Float32Array) {
    if (next.length !== SILERO_STATE_SIZE)
      throw new Error(`Silero VAD state must have ${SILERO_STATE_SIZE} values, got ${next.length}`);
    this.stateData = next;
  }

  reset(): void {
    this.context = new Float32Array(SILERO_CONTEXT_SAMPLES);
    this.stateData = new Float32Array(SILERO_STATE_SIZE);
  }
}
