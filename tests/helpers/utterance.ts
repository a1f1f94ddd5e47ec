import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeWav } from '../../src/core/audio/wav.ts';
import { PROJECT_ROOT } from './server.ts';

export interface UtteranceOptions {
  /** flite voice: slt (clear female, best for pocketsphinx checks), kal, awb, rms. */
  voice?: string;
  silenceBeforeS?: number;
  silenceAfterS?: number;
  sampleRate?: number;
}

const CACHE_DIR = path.join(PROJECT_ROOT, 'tests', '.tmp', 'utterances');

function requireTool(tool: string, pkg: string): void {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
  } catch {
    throw new Error(`${tool} is needed to make test utterances: apt-get install ${pkg} (bash .ci/run installs it)`);
  }
}

/**
 * Speaks `text` with flite into a mono 16-bit WAV padded with silence (voice tests need a
 * quiet lead-in for the VAD and a tail for endpointing). Cached by content, so it is cheap.
 */
export function makeUtteranceWav(text: string, opts: UtteranceOptions = {}): string {
  const { voice = 'slt', silenceBeforeS = 1, silenceAfterS = 1, sampleRate = 16000 } = opts;
  requireTool('flite', 'flite');
  requireTool('sox', 'sox');
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify({ text, voice, silenceBeforeS, silenceAfterS, sampleRate }))
    .digest('hex')
    .slice(0, 16);
  const out = path.join(CACHE_DIR, `${key}.wav`);
  if (fs.existsSync(out)) return out;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const raw = path.join(CACHE_DIR, `${key}.raw.wav`);
  execFileSync('flite', ['-voice', voice, '-t', text, '-o', raw]);
  const tmp = `${out}.tmp.wav`;
  execFileSync('sox', [
    raw,
    '-r',
    String(sampleRate),
    '-c',
    '1',
    '-b',
    '16',
    tmp,
    'pad',
    String(silenceBeforeS),
    String(silenceAfterS),
  ]);
  fs.renameSync(tmp, out);
  fs.rmSync(raw);
  return out;
}

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  samples: Float32Array;
}

/** Reads a PCM16 WAV into mono Float32 samples (src/core/audio/wav.ts). */
export function readWav(file: string): WavInfo {
  try {
    const { sampleRate, channels, samples } = decodeWav(fs.readFileSync(file));
    return { sampleRate, channels, bitsPerSample: 16, samples };
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
