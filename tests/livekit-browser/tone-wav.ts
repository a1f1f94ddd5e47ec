import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a mono 16-bit 48 kHz WAV of a steady sine tone (Chromium's fake microphone plays it),
 * cached by its parameters under tests/.tmp.
 */
export function toneWav({ hz = 440, seconds = 90, amplitude = 0.4 } = {}): string {
  const file = path.resolve(import.meta.dirname, '..', '.tmp', 'livekit-tones', `tone-${hz}hz-${seconds}s-${amplitude}.wav`);
  if (fs.existsSync(file)) return file;
  const rate = 48000;
  const n = rate * seconds;
  const buf = Buffer.alloc(44 + n * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + n * 2, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * amplitude * 32767), 44 + i * 2);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, buf);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}
