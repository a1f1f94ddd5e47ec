// Cover art from a song's own tags: read at ingest (scan and upload), kept only when it is a small
// JPEG, PNG or WebP (by its bytes, not its tag's word), served at /media/:id/cover with its type,
// 404 without one, removed with its item; and each item says when it was added (the Library's "New").
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_COVER_BYTES } from '../../../server/catalog/cover-art.ts';
import { CatalogRepository } from '../../../server/catalog/repository.ts';
import { scanMediaFolder } from '../../../server/catalog/scanner.ts';
import { openDatabase } from '../../../server/db/database.ts';
import { taggedMp3, TINY_PNG } from '../../helpers/tagged-mp3.ts';
import { buildCatalogApp, multipartBody, type CatalogApp } from './app-helpers.ts';
import { storeWithoutEmbeddings, tempDir, writeFiles } from './helpers.ts';

interface Item {
  id: string;
  title: string;
  coverUrl?: string | null;
  addedAt?: string | null;
}

/** A PNG signature followed by filler: a picture too big to keep. */
const HUGE_PNG = Buffer.concat([TINY_PNG.subarray(0, 8), Buffer.alloc(MAX_COVER_BYTES + 1024, 7)]);

describe('cover art from tags', () => {
  let mediaDir: string;
  let ctx: CatalogApp;
  const startedAt = Date.now();
  const items = async (): Promise<Item[]> => (await ctx.app.inject('/api/catalog')).json().items as Item[];
  const byTitle = async (title: string): Promise<Item> => (await items()).find((i) => i.title === title)!;

  beforeAll(async () => {
    mediaDir = tempDir('media-covers');
    writeFiles(mediaDir, {
      'with-cover.mp3': taggedMp3({ title: 'Moon Song', picture: TINY_PNG }),
      'no-cover.mp3': taggedMp3({ title: 'Plain Song' }),
      // The tag says PNG; the bytes are not a picture at all.
      'liar.mp3': taggedMp3({ title: 'Liar Song', picture: Buffer.from('<script>alert(1)</script>') }),
      'huge.mp3': taggedMp3({ title: 'Huge Cover Song', picture: HUGE_PNG }),
      'story.txt': '# A Story\n\nOnce upon a time there was a tortoise.',
    });
    ctx = await buildCatalogApp(mediaDir, await storeWithoutEmbeddings());
  });
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('serves the embedded picture with its real type, and says so in the catalog', async () => {
    const item = await byTitle('Moon Song');
    expect(item.coverUrl).toMatch(new RegExp(`^/media/${item.id}/cover\\?v=[0-9a-f]{12}$`));
    const res = await ctx.app.inject(item.coverUrl!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.equals(TINY_PNG)).toBe(true);
    // Revalidated by its hash.
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await ctx.app.inject({ url: `/media/${item.id}/cover`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('keeps no cover for a missing, fake or oversized picture, and 404s its route', async () => {
    for (const title of ['Plain Song', 'Liar Song', 'Huge Cover Song', 'A Story']) {
      const item = await byTitle(title);
      expect(item, title).toBeDefined();
      expect(item.coverUrl ?? null, title).toBeNull();
      const res = await ctx.app.inject(`/media/${item.id}/cover`);
      expect(res.statusCode, title).toBe(404);
      expect(res.json()).toMatchObject({ error: 'cover_not_found' });
    }
    expect((await ctx.app.inject('/media/0000000000000000/cover')).statusCode).toBe(404);
    expect((await ctx.app.inject('/media/..%2F..%2Fetc%2Fpasswd/cover')).statusCode).toBe(404);
  });

  it('dates every item when it joined the catalog', async () => {
    for (const item of await items()) {
      expect(item.addedAt, item.title).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(item.addedAt!)).toBeGreaterThanOrEqual(startedAt - 1000);
    }
  });

  it('reads the cover of an upload, and removes it with its item', async () => {
    const auth = { authorization: `Bearer ${await ctx.adminToken()}` };
    const body = multipartBody('star.mp3', taggedMp3({ title: 'Star Song', picture: TINY_PNG }));
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/catalog/items',
      payload: body.payload,
      headers: { ...body.headers, ...auth },
    });
    expect(res.statusCode).toBe(201);
    const item = res.json().item as Item;
    expect(item.title).toBe('Star Song');
    expect(item.addedAt).toMatch(/Z$/);
    expect(item.coverUrl).toMatch(/\/cover\?v=/);
    expect((await ctx.app.inject(item.coverUrl!)).headers['content-type']).toBe('image/png');

    const removed = await ctx.app.inject({ method: 'DELETE', url: `/api/catalog/items/${item.id}`, headers: auth });
    expect(removed.statusCode).toBeLessThan(300);
    expect((await ctx.app.inject(`/media/${item.id}/cover`)).statusCode).toBe(404);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM catalog_covers WHERE item_id = ?').get(item.id)).toEqual({ n: 0 });
  });
});

describe('covers for items catalogued before covers were kept', () => {
  it('are read from the tags on the next scan, without re-reading unchanged items otherwise', async () => {
    const mediaDir = tempDir('media-covers-upgrade');
    const db = openDatabase(':memory:');
    try {
      writeFiles(mediaDir, { 'old.mp3': taggedMp3({ title: 'Old Song', picture: TINY_PNG }) });
      const repo = new CatalogRepository(db);
      await scanMediaFolder(mediaDir, repo);
      const [scanned] = repo.all();
      expect(scanned?.cover?.mime).toBe('image/png');
      // As an upgraded database has it: no cover, its tags not yet read for one.
      db.prepare('DELETE FROM catalog_covers').run();
      db.prepare('UPDATE catalog_items SET cover_read = 0').run();
      expect(repo.get(scanned!.id)).toMatchObject({ cover: null, coverRead: false });

      const report = await scanMediaFolder(mediaDir, repo);
      expect(report).toMatchObject({ unchanged: 1, updated: 0 });
      expect(repo.get(scanned!.id)).toMatchObject({ cover: { mime: 'image/png' }, coverRead: true });
      expect(repo.coverImage(scanned!.id)?.data.equals(TINY_PNG)).toBe(true);
      expect(repo.get(scanned!.id)?.addedAt).toBe(scanned?.addedAt); // still the day it joined
    } finally {
      db.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    }
  });
});
