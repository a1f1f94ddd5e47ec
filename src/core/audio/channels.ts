// Channel layout: many channels of one stream averaged to the mono Hearth's engines take
// (a stereo fake mic, a USB headset, a stereo song, a 48 kHz stereo toy track).

/** Averages planar channels (one Float32Array per channel, as Web Audio hands them) into mono. */
export function downmixToMono(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first.slice();
  const out = new Float32Array(first.length);
  for (const channel of channels) {
    for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) + (channel[i] ?? 0);
  }
  const scale = 1 / channels.length;
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) * scale;
  return out;
}

/** Averages interleaved 16-bit PCM (L R L R …) into mono Float32 in -1..1. */
export function interleavedInt16ToMono(data: Int16Array, channels: number): Float32Array {
  const count = Math.max(1, Math.floor(channels));
  const frames = Math.floor(data.length / count);
  const out = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < count; c++) sum += data[f * count + c] ?? 0;
    out[f] = sum / count / 32768;
  }
  return out;
}
