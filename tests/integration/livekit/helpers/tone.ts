/** RMS of 16-bit samples, 0..1. */
export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += (s / 32768) ** 2;
  return Math.sqrt(sum / samples.length);
}

/** `frames` 10 ms frames of a sine tone, mono 48 kHz, amplitude 0..1. */
export function toneFrame(index: number, { hz = 440, amplitude = 0.3, sampleRate = 48000 } = {}): Int16Array {
  const n = sampleRate / 100;
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++)
    out[i] = Math.round(Math.sin((2 * Math.PI * hz * (index * n + i)) / sampleRate) * amplitude * 32767);
  return out;
}
