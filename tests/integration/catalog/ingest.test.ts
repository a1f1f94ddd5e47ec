// Scanning the media folder: good files become items, bad ones get a clear problem and never
// cost the library an item it already had.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../server/catalog/ingest.ts';
import { CatalogRepository } from '../../../server/catalog/repository.ts';
import { scanMediaFolder } from '../../../server/catalog/scanner.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { tempDir, toneWav, writeFiles } from './helpers.ts';

describe('media folder ingest (music-metadata + sidecars)', () => {
  let mediaDir: string;
  let db: HearthDatabase;
  let repo: CatalogRepository;

  beforeEach(() => {
    mediaDir = tempDir('media');
    db = openDatabase(':memory:');
    repo = new CatalogRepository(db);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('reads audio duration, sidecar metadata, and text stories', async () => {
    writeFiles(mediaDir, {
      'songs/moon-song.wav': toneWav(1.5),
      'songs/moon-song.json': JSON.stringify({
        title: 'Moon Song',
        description: 'A song about the moon',
        tags: ['moon', 'night'],
        language: 'en',
        ageMin: 2,
        ageMax: 6,
        lyrics: 'la la moon',
      }),
      'plain_tune.wav': toneWav(0.5),
      'stories/brave-turtle.md': '# The Brave Turtle\n\nOnce there was a brave turtle who swam across the sea.',
      'README.md': 'not a story',
      'cover.jpg': Buffer.from([0xff, 0xd8, 0xff]),
    });
    const report = await scanMediaFolder(mediaDir, repo);
    expect(report).toMatchObject({ added: 3, problems: [] });
    const byTitle = Object.fromEntries(repo.all().map((r) => [r.title, r]));
    expect(Object.keys(byTitle).sort()).toEqual(['Moon Song', 'Plain tune', 'The Brave Turtle']);
    expect(byTitle['Moon Song']).toMatchObject({
      kind: 'song',
      format: 'audio',
      language: 'en',
      ageMin: 2,
      ageMax: 6,
      tags: ['moon', 'night'],
      words: 'la la moon',
      mime: 'audio/wav',
      origin: 'folder',
    });
    expect(byTitle['Moon Song']!.durationSec).toBeCloseTo(1.5, 1);
    expect(byTitle['The Brave Turtle']).toMatchObject({
      kind: 'story',
      format: 'text',
      durationSec: null,
      mime: 'text/markdown; charset=utf-8',
    });
    expect(byTitle['The Brave Turtle']!.description).toContain('brave turtle');
  });

  it('rejects a corrupt mp3, a zero-byte file, a wrong extension and a bad sidecar with clear messages', async () => {
    writeFiles(mediaDir, {
      'good.wav': toneWav(0.5),
      'corrupt.mp3': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
      'empty.ogg': Buffer.alloc(0),
      'really-a-wav.mp3': toneWav(0.5),
      'notes.txt': Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), // invalid UTF-8
      'tagged.wav': toneWav(0.5),
      'tagged.json': JSON.stringify({ titel: 'typo', ageMin: 'three' }),
      'broken.wav': toneWav(0.5),
      'broken.json': '{ "title": "Broken", ',
    });
    const report = await scanMediaFolder(mediaDir, repo);
    expect(repo.all().map((r) => r.path)).toEqual(['good.wav']);
    const problems = Object.fromEntries(repo.problems().map((p) => [p.path, p.message]));
    expect(Object.keys(problems).sort()).toEqual([
      'broken.wav',
      'corrupt.mp3',
      'empty.ogg',
      'notes.txt',
      'really-a-wav.mp3',
      'tagged.wav',
    ]);
    expect(problems['corrupt.mp3']).toMatch(/not a recognisable audio file/);
    expect(problems['empty.ogg']).toMatch(/empty \(0 bytes\)/);
    expect(problems['really-a-wav.mp3']).toMatch(/contains wav audio but its name ends in \.mp3/);
    expect(problems['notes.txt']).toMatch(/not UTF-8/);
    expect(problems['tagged.wav']).toMatch(/tagged\.json has invalid metadata: .*ageMin.*|.*titel/);
    expect(problems['tagged.wav']).toMatch(/titel/);
    expect(problems['broken.wav']).toMatch(/broken\.json is not valid JSON/);
    expect(report.problems).toHaveLength(6);
  });

  it('keeps an item when a later edit breaks it, and drops the problem once fixed', async () => {
    writeFiles(mediaDir, { 'lullaby.wav': toneWav(0.5), 'lullaby.json': JSON.stringify({ title: 'Lullaby' }) });
    await scanMediaFolder(mediaDir, repo);
    expect(repo.all().map((r) => r.title)).toEqual(['Lullaby']);

    // Someone saves a broken sidecar, then truncates the audio file to nothing.
    writeFiles(mediaDir, { 'lullaby.json': '{"title": 12}' });
    let report = await scanMediaFolder(mediaDir, repo);
    expect(report.problems[0]?.message).toMatch(/title/);
    expect(repo.all().map((r) => r.title)).toEqual(['Lullaby']);
    fs.writeFileSync(path.join(mediaDir, 'lullaby.wav'), '');
    report = await scanMediaFolder(mediaDir, repo);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(repo.all().map((r) => r.title)).toEqual(['Lullaby']);

    writeFiles(mediaDir, {
      'lullaby.wav': toneWav(0.7),
      'lullaby.json': JSON.stringify({ title: 'Lullaby for Bedtime' }),
    });
    report = await scanMediaFolder(mediaDir, repo);
    expect(report.updated).toBe(1);
    expect(repo.all().map((r) => r.title)).toEqual(['Lullaby for Bedtime']);
    expect(repo.problems()).toEqual([]);
  });

  it('skips unchanged files on rescan and removes items whose file is gone', async () => {
    writeFiles(mediaDir, { 'a.wav': toneWav(0.3), 'b.wav': toneWav(0.3) });
    expect((await scanMediaFolder(mediaDir, repo)).added).toBe(2);
    expect(await scanMediaFolder(mediaDir, repo)).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    fs.rmSync(path.join(mediaDir, 'b.wav'));
    expect(await scanMediaFolder(mediaDir, repo)).toMatchObject({ removed: 1, unchanged: 1 });
    expect(repo.all().map((r) => r.path)).toEqual(['a.wav']);
  });

  it('gives ids that stay the same for the same path', async () => {
    writeFiles(mediaDir, { 'x/y.wav': toneWav(0.3) });
    const first = await ingestFile(mediaDir, 'x/y.wav');
    const again = await ingestFile(mediaDir, 'x/y.wav');
    expect(first.id).toMatch(/^[0-9a-f]{16}$/);
    expect(again.id).toBe(first.id);
  });
});
