// Builds the starter library into <mediaDir>/starter/ from media-starter/: fables narrated with
// flite, tunes synthesized. Files already there are kept, so a re-run only fills gaps.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sidecarSchema } from '../sidecar.ts';
import { narrate, narrationText } from './narrate.ts';
import { parseMelody, synthesizeTune, TUNE_SAMPLE_RATE } from './synthesize-tune.ts';
import { encodeWav16 } from './wav.ts';

export const STARTER_SOURCE_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'media-starter');
/** Bump when the starter content changes, so existing installs get the new items once. */
export const STARTER_VERSION = 1;
export const STARTER_FOLDER = 'starter';

const tuneSchema = z
  .object({ sidecar: sidecarSchema, tempo: z.number().positive(), melody: z.string().min(1) })
  .strict();

export interface StarterReport {
  written: string[];
  kept: string[];
  /** Stories installed as text because narration failed (Hearth reads them in the browser). */
  asText: string[];
  narrator: string | null;
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Writes via a hidden temp name, so scans and watchers never see half a file. The name is this
 * write's own: two installers filling the same folder would otherwise truncate each other's temp
 * file, and one's rename would put the other's half-written file in place.
 */
async function writeFileAtomically(file: string, data: string | Buffer): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
}

/** `signal` stops between files (a server shutting down does not wait for every narration). */
export async function installStarterLibrary(
  mediaDir: string,
  options: { sourceDir?: string; signal?: AbortSignal } = {},
): Promise<StarterReport> {
  const sourceDir = options.sourceDir ?? STARTER_SOURCE_DIR;
  const report: StarterReport = { written: [], kept: [], asText: [], narrator: null };
  const storiesOut = path.join(mediaDir, STARTER_FOLDER, 'stories');
  const songsOut = path.join(mediaDir, STARTER_FOLDER, 'songs');
  await fs.mkdir(storiesOut, { recursive: true });
  await fs.mkdir(songsOut, { recursive: true });

  const storyDir = path.join(sourceDir, 'stories');
  for (const name of (await fs.readdir(storyDir)).filter((n) => n.endsWith('.md')).sort()) {
    if (options.signal?.aborted) return report;
    const slug = name.slice(0, -3);
    const audio = path.join(storiesOut, `${slug}.wav`);
    const text = path.join(storiesOut, `${slug}.md`);
    if ((await exists(audio)) || (await exists(text))) {
      report.kept.push(`${STARTER_FOLDER}/stories/${slug}`);
      continue;
    }
    const markdown = await fs.readFile(path.join(storyDir, name), 'utf8');
    const meta = sidecarSchema.parse(JSON.parse(await fs.readFile(path.join(storyDir, `${slug}.json`), 'utf8')));
    try {
      const { wav, engine } = await narrate(narrationText(markdown));
      report.narrator = engine;
      await writeFileAtomically(
        path.join(storiesOut, `${slug}.json`),
        `${JSON.stringify({ ...meta, text: markdown.replace(/^\s*#.*\n+/, '').trim() }, null, 2)}\n`,
      );
      await writeFileAtomically(audio, wav);
      report.written.push(`${STARTER_FOLDER}/stories/${slug}.wav`);
    } catch {
      // No voice on this server: the text is still a story, read aloud by the browser's voice.
      await writeFileAtomically(path.join(storiesOut, `${slug}.json`), `${JSON.stringify(meta, null, 2)}\n`);
      await writeFileAtomically(text, markdown);
      report.asText.push(`${STARTER_FOLDER}/stories/${slug}.md`);
    }
  }

  const songDir = path.join(sourceDir, 'songs');
  for (const name of (await fs.readdir(songDir)).filter((n) => n.endsWith('.json')).sort()) {
    if (options.signal?.aborted) return report;
    const slug = name.slice(0, -5);
    const audio = path.join(songsOut, `${slug}.wav`);
    if (await exists(audio)) {
      report.kept.push(`${STARTER_FOLDER}/songs/${slug}`);
      continue;
    }
    const tune = tuneSchema.parse(JSON.parse(await fs.readFile(path.join(songDir, name), 'utf8')));
    const samples = synthesizeTune(parseMelody(tune.melody), tune.tempo);
    await writeFileAtomically(path.join(songsOut, `${slug}.json`), `${JSON.stringify(tune.sidecar, null, 2)}\n`);
    await writeFileAtomically(audio, encodeWav16(samples, TUNE_SAMPLE_RATE));
    report.written.push(`${STARTER_FOLDER}/songs/${slug}.wav`);
  }
  return report;
}
