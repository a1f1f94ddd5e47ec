// /media/:id serves files with HTTP Range (how audio elements stream and seek).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogApp, type CatalogApp } from './app-helpers.ts';
import { storeWithoutEmbeddings, tempDir, toneWav, writeFiles } from './helpers.ts';

describe('GET /media/:id with Range', () => {
  let mediaDir: string;
  let ctx: CatalogApp;
  let id: string;
  let textId: string;
  const wav = toneWav(2);

  beforeAll(async () => {
    mediaDir = tempDir('media-range');
    writeFiles(mediaDir, { 'tone.wav': wav, 'story.txt': 'Once upon a time there was a tortoise.' });
    ctx = await buildCatalogApp(mediaDir, await storeWithoutEmbeddings());
    const items = (await ctx.app.inject('/api/catalog')).json().items as { id: string; title: string; url: string }[];
    id = items.find((i) => i.title === 'Tone')!.id;
    textId = items.find((i) => i.title === 'Story')!.id;
  });
  afterAll(async () => {
    await ctx?.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('serves the whole file with its type and Accept-Ranges', async () => {
    const res = await ctx.app.inject(`/media/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.rawPayload.equals(wav)).toBe(true);
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const res = await ctx.app.inject({ url: `/media/${id}`, headers: { range: 'bytes=100-1099' } });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-1099/${wav.length}`);
    expect(res.rawPayload.equals(wav.subarray(100, 1100))).toBe(true);
  });

  it('answers open-ended and suffix ranges', async () => {
    const tail = await ctx.app.inject({ url: `/media/${id}`, headers: { range: `bytes=${wav.length - 10}-` } });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(wav.subarray(wav.length - 10))).toBe(true);
    const suffix = await ctx.app.inject({ url: `/media/${id}`, headers: { range: 'bytes=-44' } });
    expect(suffix.rawPayload.equals(wav.subarray(wav.length - 44))).toBe(true);
  });

  it('refuses a range past the end with 416', async () => {
    const res = await ctx.app.inject({ url: `/media/${id}`, headers: { range: `bytes=${wav.length + 10}-` } });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${wav.length}`);
  });

  it('serves text stories as text, and 404s unknown ids without touching the filesystem', async () => {
    const text = await ctx.app.inject(`/media/${textId}`);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.body).toContain('tortoise');
    expect((await ctx.app.inject('/media/0000000000000000')).statusCode).toBe(404);
    expect((await ctx.app.inject('/media/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);
    expect(fs.existsSync(path.join(mediaDir, 'tone.wav'))).toBe(true);
  });
});
