// Uploads, edits and deletes from the PWA: parents only, validated before anything is written,
// and a bad request never loses what the library already has.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../../server/catalog/scanner.ts';
import { buildCatalogApp, multipartBody, type CatalogApp } from './app-helpers.ts';
import { storeWithoutEmbeddings, tempDir, toneWav, writeFiles } from './helpers.ts';

interface Item {
  id: string;
  title: string;
  kind: string;
  tags: string[];
  ageMin: number | null;
  url: string;
}

describe('library management routes (admin PIN)', () => {
  let mediaDir: string;
  let ctx: CatalogApp;
  let auth: Record<string, string>;

  const items = async (): Promise<Item[]> => (await ctx.app.inject('/api/catalog')).json().items as Item[];
  const upload = async (name: string, data: Buffer, metadata?: unknown, headers = auth) => {
    const body = multipartBody(name, data, metadata);
    return ctx.app.inject({
      method: 'POST',
      url: '/api/catalog/items',
      payload: body.payload,
      headers: { ...body.headers, ...headers },
    });
  };

  beforeAll(async () => {
    mediaDir = tempDir('media-admin');
    writeFiles(mediaDir, {
      'existing.wav': toneWav(0.5),
      'existing.json': JSON.stringify({ title: 'Existing Song', tags: ['old'] }),
    });
    ctx = await buildCatalogApp(mediaDir, await storeWithoutEmbeddings());
    auth = { authorization: `Bearer ${await ctx.adminToken()}` };
  });
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('refuses every change without an admin session', async () => {
    const [existing] = await items();
    expect((await upload('x.wav', toneWav(0.2), undefined, {})).statusCode).toBe(401);
    expect(
      (
        await ctx.app.inject({
          method: 'PATCH',
          url: `/api/catalog/items/${existing!.id}`,
          payload: { title: 'Hacked' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/catalog/items/${existing!.id}` })).statusCode).toBe(
      401,
    );
    expect((await ctx.app.inject('/api/catalog/problems')).statusCode).toBe(401);
    expect((await items()).map((i) => i.title)).toEqual(['Existing Song']);
  });

  it('adds an uploaded song with its metadata, playable at once', async () => {
    const res = await upload('My Moon Song!.wav', toneWav(1), {
      title: 'Moon Song',
      tags: ['moon'],
      ageMin: 2,
      kind: 'song',
    });
    expect(res.statusCode).toBe(201);
    const item = res.json().item as Item;
    expect(item).toMatchObject({ title: 'Moon Song', tags: ['moon'], ageMin: 2, kind: 'song' });
    expect(await listFiles(mediaDir)).toContain('uploads/my-moon-song.wav');
    expect((await ctx.app.inject(item.url)).statusCode).toBe(200);
    // The same name again gets a new file, never overwriting.
    expect((await upload('My Moon Song!.wav', toneWav(0.5))).statusCode).toBe(201);
    expect(await listFiles(mediaDir)).toContain('uploads/my-moon-song-2.wav');
  });

  it('rejects unreadable uploads with a clear message and loses nothing', async () => {
    const before = await items();
    const filesBefore = await listFiles(mediaDir);
    const cases: [string, Buffer, unknown, RegExp][] = [
      [
        'broken.mp3',
        Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)),
        undefined,
        /broken\.mp3 is not a recognisable audio file/,
      ],
      ['empty.mp3', Buffer.alloc(0), undefined, /empty\.mp3 is empty \(0 bytes\)/],
      [
        'song.wav.exe',
        Buffer.from('MZ'),
        undefined,
        /unsupported file type; use one of mp3, ogg, opus, m4a, wav, flac, txt, md/,
      ],
      ['disguised.ogg', toneWav(0.2), undefined, /contains wav audio but its name ends in \.ogg/],
      ['fine.wav', toneWav(0.2), { title: '', ageMin: 9, ageMax: 3 }, /invalid metadata: .*title/],
      ['fine.wav', toneWav(0.2), { colour: 'blue' }, /invalid metadata: .*colour/],
      ['fine.wav', toneWav(0.2), '{not json', /"metadata" field is not valid JSON/],
    ];
    for (const [name, data, metadata, message] of cases) {
      const res = await upload(name, data, metadata);
      expect(res.statusCode, name).toBe(400);
      expect(res.json(), name).toMatchObject({ error: 'invalid_media' });
      expect(res.json().message, name).toMatch(message);
    }
    expect(await items()).toEqual(before);
    expect(await listFiles(mediaDir)).toEqual(filesBefore);
    expect(fs.readdirSync(path.join(mediaDir, '.incoming'))).toEqual([]);
  });

  it('edits metadata through the sidecar, and refuses invalid edits without changing anything', async () => {
    const existing = (await items()).find((i) => i.title === 'Existing Song')!;
    const ok = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/catalog/items/${existing.id}`,
      headers: auth,
      payload: { title: 'Renamed Song', tags: ['new', 'tags'], ageMax: null },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().item).toMatchObject({ id: existing.id, title: 'Renamed Song', tags: ['new', 'tags'] });
    expect(JSON.parse(fs.readFileSync(path.join(mediaDir, 'existing.json'), 'utf8'))).toEqual({
      title: 'Renamed Song',
      tags: ['new', 'tags'],
    });

    const bad = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/catalog/items/${existing.id}`,
      headers: auth,
      payload: { kind: 'podcast' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/kind/);
    expect((await items()).find((i) => i.id === existing.id)?.title).toBe('Renamed Song');
    expect(
      (
        await ctx.app.inject({
          method: 'PATCH',
          url: '/api/catalog/items/0123456789abcdef',
          headers: auth,
          payload: { title: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('deletes an item with its file and sidecar', async () => {
    const moon = (await items()).find((i) => i.title === 'Moon Song')!;
    expect(
      (await ctx.app.inject({ method: 'DELETE', url: `/api/catalog/items/${moon.id}`, headers: auth })).statusCode,
    ).toBe(204);
    expect((await items()).some((i) => i.id === moon.id)).toBe(false);
    expect(await listFiles(mediaDir)).not.toContain('uploads/my-moon-song.wav');
    expect(await listFiles(mediaDir)).not.toContain('uploads/my-moon-song.json');
    expect((await ctx.app.inject(moon.url)).statusCode).toBe(404);
  });

  it('lists problems found in the folder for parents', async () => {
    writeFiles(mediaDir, { 'dropped-in.mp3': Buffer.alloc(0) });
    await ctx.catalog.rescan();
    const res = await ctx.app.inject({ url: '/api/catalog/problems', headers: auth });
    expect(res.json().problems).toEqual([
      expect.objectContaining({ path: 'dropped-in.mp3', message: 'dropped-in.mp3 is empty (0 bytes)' }),
    ]);
  });
});
