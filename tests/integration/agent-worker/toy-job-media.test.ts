// Songs and stories for a toy whose agent runs on another machine (#18): the worker's media library
// (remoteMediaLibrary) against the toy job API's media routes over HTTP, compared with the
// in-process library on the same folder: the same search hits, the same decoded audio (streamed,
// never stored on the worker), the same story sentences; the toy's own audience applied by the
// server whatever the worker asks; every other credential and unknown item refused with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaDecodeError, type AudioPieces } from '../../../server/agent/media/decode-audio.ts';
import { catalogMediaLibrary, type CatalogSource } from '../../../server/agent/media/media-library.ts';
import { encodeWav } from '../../../server/agent/wav.ts';
import { jobApiCaller } from '../../../server/agent-worker/job-api-client.ts';
import { TOY_JOB_CATALOG_SEARCH_PATH, TOY_JOB_MEDIA_PATH } from '../../../server/agent-worker/job-token-auth.ts';
import { registerToyJobApi } from '../../../server/agent-worker/toy-job-api.ts';
import { remoteMediaLibrary } from '../../../server/agent-worker/toy-job-media.ts';
import { toMediaItem, type CatalogRecord } from '../../../server/catalog/record.ts';
import { lexicalSearch } from '../../../src/core/media/lexical-search.ts';
import { catalogRecord } from '../agent/catalog-record.ts';
import { signJobToken, toyProfile } from './job-fixtures.ts';

const KEY = 'HKjobmedia';
const SECRET = 'job-media-test-secret-long-enough-for-hs256-0123456789';

function tone(sampleRate: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  return out;
}

const record = catalogRecord;
const toy = (id: string) =>
  toyProfile(id, { ownerNotes: '', volume: 1, limits: { dailyMinutes: null, quietHours: null }, memoryEnabled: false });
const jobToken = (room: string, secret = SECRET) => signJobToken(KEY, secret, room);

async function samplesOf(audio: AudioPieces): Promise<{ count: number; rate: number; sum: number }> {
  let count = 0;
  let rate = 0;
  let sum = 0;
  for await (const piece of audio) {
    count += piece.pcm.length;
    rate = piece.sampleRate;
    for (const s of piece.pcm) sum += Math.abs(s);
  }
  return { count, rate, sum };
}

describe('songs and stories for a toy on a remote agent worker', () => {
  let dir: string;
  let app: FastifyInstance;
  let base: string;
  const records = new Map<string, CatalogRecord>();
  let source: CatalogSource;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-job-media-'));
    fs.writeFileSync(path.join(dir, 'moon.wav'), encodeWav({ sampleRate: 22050, samples: tone(22050, 3) }));
    fs.writeFileSync(path.join(dir, 'loud.wav'), encodeWav({ sampleRate: 16000, samples: tone(16000, 1) }));
    fs.writeFileSync(path.join(dir, 'broken.mp3'), 'this is not audio at all, just words');
    fs.writeFileSync(
      path.join(dir, 'fox.md'),
      '# The Fox\n\nA fox saw some grapes. They were too high. "They are sour anyway," said the fox.',
    );
    records.set('moon', record('moon', 'moon.wav', 'audio', 'Moon Song', { durationSec: 3, tags: ['moon'] }));
    // A song for teenagers: never played to a children's companion, whatever a worker asks.
    records.set('loud', record('loud', 'loud.wav', 'audio', 'Moon Rock Anthem', { ageMin: 13, tags: ['moon'] }));
    records.set('broken', record('broken', 'broken.mp3', 'audio', 'Broken Moon'));
    records.set('fox', record('fox', 'fox.md', 'text', 'The Fox and the Grapes'));
    records.set('escape', record('escape', '../outside.md', 'text', 'Outside'));
    records.set('gone-story', record('gone-story', 'gone.md', 'text', 'Gone Story'));
    source = {
      mediaDir: dir,
      repo: { get: (id) => records.get(id) ?? null },
      search: { search: async (q) => lexicalSearch([...records.values()].map(toMediaItem), q) },
    };
    app = Fastify({ logger: false });
    await app.register(fastifyStatic, { root: dir, serve: false });
    registerToyJobApi(app, {
      apiKey: KEY,
      apiSecret: SECRET,
      profile: (id) => (id === 'toy1' ? toy('toy1') : undefined),
      usedToday: () => 0,
      addUsage: () => undefined,
      keepTurn: () => false,
      sessionConfig: {},
      memories: () => {
        throw new Error('no memories here');
      },
      catalog: source,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const remote = async () => remoteMediaLibrary(jobApiCaller(base, await jobToken('device-toy1')));
  const local = () => catalogMediaLibrary(source);

  it("finds what the in-process library finds, within the toy's own audience", async () => {
    const library = await remote();
    const hits = await library.catalog.search({ text: 'moon', kind: 'song' });
    expect(hits.map((h) => h.item.id).sort()).toEqual(['broken', 'moon']);
    const here = await local().catalog.search({ text: 'moon', kind: 'song', ages: { min: 3, max: 10 } });
    expect(hits.map((h) => h.item.id)).toEqual(here.map((h) => h.item.id));
    // The teenagers' song exists: a search without the toy's audience finds it.
    expect((await local().catalog.search({ text: 'moon', kind: 'song' })).map((h) => h.item.id)).toContain('loud');
  });

  it('streams a song to the worker and decodes it as the in-process agent does', async () => {
    const item = toMediaItem(records.get('moon')!);
    const [there, here] = await Promise.all([(await remote()).open(item), local().open(item)]);
    if (there.format !== 'audio' || here.format !== 'audio') throw new Error('expected audio');
    const [a, b] = await Promise.all([samplesOf(there.audio), samplesOf(here.audio)]);
    expect(a.count).toBe(22050 * 3);
    expect(a).toEqual(b);
  });

  it("reads a text story's sentences from the home server", async () => {
    const item = toMediaItem(records.get('fox')!);
    const [there, here] = await Promise.all([(await remote()).open(item), local().open(item)]);
    expect(there).toEqual(here);
    expect(there.format === 'text' && there.sentences.length).toBeGreaterThanOrEqual(2);
  });

  it('stops a song part way without reading the rest', async () => {
    const opened = await (await remote()).open(toMediaItem(records.get('moon')!));
    if (opened.format !== 'audio') throw new Error('expected audio');
    const first = await opened.audio.next();
    expect(first.done).toBe(false);
    expect(await opened.audio.return(undefined)).toEqual({ done: true, value: undefined });
  });

  it('reports an unknown item, a broken file and a refused token as a song it cannot play', async () => {
    const library = await remote();
    const gone = { ...toMediaItem(records.get('moon')!), id: 'gone', title: 'Gone Song' };
    await expect(library.open(gone)).rejects.toThrow(MediaDecodeError);
    await expect(library.open(gone)).rejects.toThrow(/"Gone Song" could not be fetched from the home server.*HTTP 404/);
    await expect(library.open(toMediaItem(records.get('broken')!))).rejects.toThrow(/not audio/);
    const forged = remoteMediaLibrary(
      jobApiCaller(base, await jobToken('device-toy1', 'another-secret-another-secret-0123456789')),
    );
    await expect(forged.open(toMediaItem(records.get('moon')!))).rejects.toThrow(/HTTP 401/);
    await expect(forged.catalog.search({ text: 'moon' })).rejects.toThrow(/HTTP 401/);
    const otherToy = remoteMediaLibrary(jobApiCaller(base, await jobToken('device-gone')));
    await expect(otherToy.catalog.search({ text: 'moon' })).rejects.toThrow(/HTTP 404/);
  });

  it('answers bad searches and addresses with a clear 4xx', async () => {
    const auth = { authorization: `Bearer ${await jobToken('device-toy1')}` };
    const search = (payload: unknown) =>
      app.inject({ method: 'POST', url: TOY_JOB_CATALOG_SEARCH_PATH, headers: auth, payload: payload as object });
    expect((await search({ text: 'moon', ages: { min: 0, max: 99 } })).statusCode).toBe(400);
    expect((await search({ text: 'x'.repeat(501) })).statusCode).toBe(400);
    expect((await search({ text: 'moon', limit: 0 })).statusCode).toBe(400);
    const audioOfStory = await app.inject({ method: 'GET', url: `${TOY_JOB_MEDIA_PATH}/fox/audio`, headers: auth });
    expect(audioOfStory.statusCode).toBe(404);
    expect((audioOfStory.json() as { error: string }).error).toMatch(/no song or audio story/);
    const outside = await app.inject({ method: 'GET', url: `${TOY_JOB_MEDIA_PATH}/escape`, headers: auth });
    expect(outside.statusCode).toBe(404);
    expect((outside.json() as { error: string }).error).toMatch(/outside the media folder/);
    const unreadable = await app.inject({ method: 'GET', url: `${TOY_JOB_MEDIA_PATH}/gone-story`, headers: auth });
    expect(unreadable.statusCode).toBe(404);
    expect((unreadable.json() as { error: string }).error).toMatch(/"Gone Story" could not be read/);
    const anonymous = await app.inject({ method: 'GET', url: `${TOY_JOB_MEDIA_PATH}/moon/audio` });
    expect(anonymous.statusCode).toBe(401);
  });
});
