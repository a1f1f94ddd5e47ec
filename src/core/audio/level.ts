// Loudness of a block of samples, for meters, silence checks and tests that listen.

/** Root-mean-square level, 0..1 for full-scale audio; 0 for an empty block. */
export function rms(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}
