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
  const window = new Float32Array(SMART_TURN_WINDOW_SAMPLES);
  const tail = audio.subarray(Math.max(0, audio.length - SMART_TURN_WINDOW_SAMPLES));
  window.set(tail, SMART_TURN_WINDOW_SAMPLES - tail.length);
  let sum = 0;
  for (const v of window) sum += v;
  const mean = sum / window.length;
  let squares = 0;
  for (const v of window) squares += (v - mean) * (v - mean);
  const scale = 1 / Math.sqrt(squares / window.length + 1e-7);
  for (let i = 0; i < window.length; i++) window[i] = (window[i]! - mean) * scale;
  return window;
}
