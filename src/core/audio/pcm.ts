// 16-bit integer PCM ⇄ Float32 in -1..1 (WebRTC tracks and WAV files carry Int16; engines take Float32).

/** Clips to -1..1 and scales to Int16 (±32767, so +1 and -1 stay symmetric). */
export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    out[i] = Math.round(s * 32767);
  }
  return out;
}

/** Int16 to -1..1 (÷32768, so -32768 maps to exactly -1). */
export function int16ToFloat(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i] ?? 0) / 32768;
  return out;
}
