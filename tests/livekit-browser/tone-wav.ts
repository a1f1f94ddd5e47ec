import fs from 'node:fs';
import path from 'node:path';
import { encodeWav } from '../../src/core/audio/wav.ts';

/**
 * Writes a mono 16-bit 48 kHz WAV of a steady sine tone (Chromium's fake microphone plays it),
 * cached by its parameters under tests/.tmp.
 */
export function toneWav({ hz = 440, seconds = 90, amplitude = 0.4 } = {}): string {
  const file = path.resolve(
    import.meta.dirname,
    '..',
    '.tmp',
    'livekit-tones',
    `tone-${hz}hz-${seconds}s-${amplitude}.wav`,
  );
  if (fs.existsSync(file)) return file;
  const rate = 48000;
  const samples = Float32Array.from(
    { length: rate * seconds },
    (_, i) => Math.sin((2 * Math.PI * hz * i) / rate) * amplitude,
  );
  const buf = encodeWav(samples, rate);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // This process's own temp name: parallel test files may write the same tone at once.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, buf);
  fs.renameSync(temp, file);
  return file;
}
