// The Voy index as browsers get it: versioned URL, immutable caching, gzip on the wire, a new
// version after every change, and rebuilt off the request path when files change on disk.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVoy } from '../../../server/catalog/voy.ts';
import { loadNodeEmbedder } from '../../../server/engines/embedder.ts';
import { MINILM_PACK_ID } from '../../../scripts/contract-models/minilm.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import { buildCatalogApp, type CatalogApp } from './app-helpers.ts';
import { storeWithContractModels, tempDir, toneWav, writeFiles } from './helpers.ts';

interface Listing {
  items: { id: string; title: string }[];
  index: { version: string; model: string | null; dimensions: number; url: string | null; bytes: number };
}

async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('/api/catalog and the versioned Voy index', () => {
  const generated = generateIntoTempDir();
  let mediaDir: string;
  let ctx: CatalogApp;
  const listing = async () => (await ctx.app.inject('/api/catalog')).json() as Listing;

  beforeAll(async () => {
    mediaDir = tempDir('media-index');
    writeFiles(mediaDir, {
      'moon.wav': toneWav(0.4),
      'moon.json': JSON.stringify({
        title: 'Night Song',
        description: 'the moon and the stars at night',
        kind: 'song',
      }),
      'turtle.md': '# Shell Story\n\nA slow tortoise swims in the sea.',
    });
    ctx = await buildCatalogApp(mediaDir, await storeWithContractModels(generated.outDir, generated.manifestPath), {
      watch: true,
    });
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
    generated.cleanup();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('lists items with an index built by the embeddings pack', async () => {
    const { items, index } = await listing();
    expect(items.map((i) => i.title).sort()).toEqual(['Night Song', 'Shell Story']);
    expect(index).toMatchObject({
      model: MINILM_PACK_ID,
      dimensions: 32,
      url: `/api/catalog/index/${index.version}.json`,
    });
  });

  it('serves the index gzipped and immutable under its version, and a Voy built from it finds by meaning', async () => {
    const { index, items } = await listing();
    const res = await ctx.app.inject({ url: index.url!, headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.length).toBe(index.bytes);
    const serialized = zlib.gunzipSync(res.rawPayload).toString('utf8');
    const plain = await ctx.app.inject({ url: index.url! });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(serialized);

    // What the browser does: deserialize, embed the query with the same pack, search.
    const Voy = await loadVoy();
    const voy = Voy.deserialize(serialized);
    const embedder = (await loadNodeEmbedder(
      await storeWithContractModels(generated.outDir, generated.manifestPath),
      MINILM_PACK_ID,
    ))!;
    const [turtle] = await embedder.embed(['a turtle']);
    const nearest = voy.search(turtle!, 1).neighbors[0]?.id;
    expect(items.find((i) => i.id === nearest)?.title).toBe('Shell Story');
    voy.free();
    await embedder.dispose();
  });

  it('gives a new version when a file changes on disk (watcher), and retires the old URL', async () => {
    const before = await listing();
    writeFiles(mediaDir, {
      'lullaby.wav': toneWav(0.4),
      'lullaby.json': JSON.stringify({ title: 'Sleepy Lullaby', tags: ['sleep', 'dream'] }),
    });
    await until(
      async () => (await listing()).items.length === 3 && (await listing()).index.version !== before.index.version,
    );
    const after = await listing();
    expect((await ctx.app.inject(before.index.url!)).statusCode).toBe(404);
    expect((await ctx.app.inject(after.index.url!)).statusCode).toBe(200);
  });

  it('searches on the server with the same index (for the toy agent)', async () => {
    const res = await ctx.app.inject('/api/catalog/search?q=a%20song%20about%20the%20stars&kind=song');
    const hits = res.json().hits as { item: { title: string }; via: string }[];
    expect(hits[0]?.item.title).toBe('Night Song');
    expect((await ctx.app.inject('/api/catalog/search?age=-3')).statusCode).toBe(400);
  });
});
