// What Smart Turn v3 hears: the last 8 s of the utterance at 16 kHz (left-padded with silence when
// shorter), normalised to zero mean and unit variance over that whole window, as its reference
// inference does before Whisper's log-mel features (80 bins x 800 frames). Pure: both engines use it.

export const SMART_TURN_SAMPLE_RATE = 16_000;
export const SMART_TURN_WINDOW_SECONDS = 8;
export const SMART_TURN_WINDOW_SAMPLES = SMART_TURN_SAMPLE_RATE * SMART_TURN_WINDOW_SECONDS;
/** Whisper feature extractor settings for an 8 s window (chunk_length 8). */
export const SMART_TURN_FEATURES = {
  feature_size: 80,
  sampling_rate: SMART_TURN_SAMPLE_RATE,
  hop_length: 160,
  chunk_length: SMART_TURN_WINDOW_SECONDS,
  n_fft: 400,
  n_samples: SMART_TURN_WINDOW_SAMPLES,
  nb_max_frames: 800,
  padding_value: 0,
} as const;

/** The model's input window: the utterance's last 8 s, silence in front when shorter, normalised. */
export function smartTurnWindow(audio: Float32Array): Float32Array {
  const heard = new Float32Array(SMART_TURN_WINDOW_SAMPLES);
  const tail = audio.subarray(Math.max(0, audio.length - SMART_TURN_WINDOW_SAMPLES));
  heard.set(tail, SMART_TURN_WINDOW_SAMPLES - tail.length);
  let sum = 0;
  for (const v of heard) sum += v;
  const mean = sum / heard.length;
  let squares = 0;
  for (const v of heard) squares += (v - mean) * (v - mean);
  const scale = 1 / Math.sqrt(squares / heard.length + 1e-7);
  for (let i = 0; i < heard.length; i++) heard[i] = (heard[i]! - mean) * scale;
  return heard;
}

/** The model's verdict from its first output's data: a finite number, clamped to 0..1; anything else is an error. */
export function smartTurnProbability(data: ArrayLike<unknown> | undefined, model: string): number {
  const probability = data?.[0];
  if (typeof probability !== 'number' || !Number.isFinite(probability))
    throw new Error(`${model} returned an unexpected output`);
  return Math.min(1, Math.max(0, probability));
}
