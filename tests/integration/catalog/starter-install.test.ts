// Two starter installs filling one folder at once (parallel test workers share one cache; a server
// and a second run could too): both finish, and every file in place is whole. With one shared temp
// name per file, one install truncated the other's temp file and its rename then put a half-written
// story in place, or failed because the temp file had already been renamed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  installStarterLibrary,
  STARTER_FOLDER,
  STARTER_SOURCE_DIR,
} from '../../../server/catalog/starter/install-starter.ts';

const STORY = 'the-fox-and-the-grapes';
const SONG = 'frere-jacques';

/** A source folder with one story and one song from media-starter/, so the test stays quick. */
function smallSource(root: string): string {
  const source = path.join(root, 'source');
  for (const [kind, files] of [
    ['stories', [`${STORY}.md`, `${STORY}.json`]],
    ['songs', [`${SONG}.json`]],
  ] as const) {
    fs.mkdirSync(path.join(source, kind), { recursive: true });
    for (const file of files) fs.copyFileSync(path.join(STARTER_SOURCE_DIR, kind, file), path.join(source, kind, file));
  }
  return source;
}

/** A RIFF/WAVE file whose header's sizes match its length. */
function expectWholeWav(file: string): void {
  const bytes = fs.readFileSync(file);
  expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
  expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
  expect(bytes.length).toBeGreaterThan(44 + 16000); // more than half a second of 16-bit audio
}

describe('starter library install', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-starter-install-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('two installs into the same folder at once both finish and leave only whole files', async () => {
    const sourceDir = smallSource(root);
    const mediaDir = path.join(root, 'media');
    const reports = await Promise.all([
      installStarterLibrary(mediaDir, { sourceDir }),
      installStarterLibrary(mediaDir, { sourceDir }),
    ]);

    const stories = path.join(mediaDir, STARTER_FOLDER, 'stories');
    const songs = path.join(mediaDir, STARTER_FOLDER, 'songs');
    expectWholeWav(path.join(songs, `${SONG}.wav`));
    JSON.parse(fs.readFileSync(path.join(songs, `${SONG}.json`), 'utf8'));
    JSON.parse(fs.readFileSync(path.join(stories, `${STORY}.json`), 'utf8'));
    const narrated = reports.some((r) => r.narrator !== null);
    if (narrated) expectWholeWav(path.join(stories, `${STORY}.wav`));
    else expect(fs.readFileSync(path.join(stories, `${STORY}.md`), 'utf8')).toContain('fox');
    // Nothing half-written is left behind under a temp name.
    expect([...fs.readdirSync(stories), ...fs.readdirSync(songs)].filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
