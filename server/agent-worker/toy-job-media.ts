// Songs and stories for a toy whose agent runs on another machine: the worker searches the home
// library and plays from it through the toy job API, with the job's token, the same library and
// search as the in-process agent. The server applies the toy's own audience (the ages its persona
// talks to) whatever the worker asks; audio is streamed to the worker as it plays, never stored there.
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { storySentences } from '../../src/core/media/story-text.ts';
import type { CatalogHit, CatalogQuery } from '../../src/core/media/types.ts';
import { mediaAudienceOf } from '../../src/core/personas/media-audience.ts';
import { openAudioStream, MediaDecodeError } from '../agent/media/decode-audio.ts';
import { mediaFileOf, type AgentMediaLibrary, type CatalogSource } from '../agent/media/media-library.ts';
import type { JobApiCaller } from './job-api-client.ts';
import { TOY_JOB_CATALOG_SEARCH_PATH, TOY_JOB_MEDIA_PATH, type JobTokenAuth } from './job-token-auth.ts';

const searchRequest = z
  .object({
    text: z.string().max(500),
    kind: z.enum(['song', 'story']).optional(),
    language: z.string().max(20).optional(),
    age: z.number().int().min(0).max(120).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

/** What a worker learns of an item before playing it: a story's sentences, or that audio follows. */
export type RemoteMediaInfo = { format: 'text'; sentences: string[] } | { format: 'audio'; durationSec: number | null };

export interface ToyJobMediaOptions {
  auth: JobTokenAuth;
  catalog: CatalogSource;
}

export function registerToyJobMedia(app: FastifyInstance, opts: ToyJobMediaOptions): void {
  const { auth, catalog } = opts;

  app.post(TOY_JOB_CATALOG_SEARCH_PATH, { bodyLimit: 4096 }, async (request, reply) => {
    const profile = await auth.jobToy(request, reply);
    if (!profile) return reply;
    const asked = searchRequest.safeParse(request.body);
    if (!asked.success) return reply.code(400).send({ error: `not a song or story search: ${asked.error.message}` });
    // The toy's persona decides which ages may be played to it, not the worker.
    const audience = mediaAudienceOf({ ...profile.persona, language: profile.language || profile.persona.language });
    const { text, kind, age, limit } = asked.data;
    const language = asked.data.language ?? audience.language;
    const query: CatalogQuery = {
      text,
      ...(kind ? { kind } : {}),
      ...(language ? { language } : {}),
      ...(age !== undefined ? { age } : {}),
      ...(audience.ages ? { ages: audience.ages } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
    const hits: CatalogHit[] = await catalog.search.search(query);
    return { hits };
  });

  app.get<{ Params: { id: string } }>(`${TOY_JOB_MEDIA_PATH}/:id`, async (request, reply) => {
    if (!(await auth.jobToy(request, reply))) return reply;
    const record = catalog.repo.get(request.params.id);
    if (!record) return reply.code(404).send({ error: `no song or story with id ${request.params.id}` });
    if (record.format === 'audio')
      return { format: 'audio', durationSec: record.durationSec } satisfies RemoteMediaInfo;
    let text = record.words;
    if (text === null) {
      const file = mediaFileOf(catalog.mediaDir, record.path);
      if (!file) return reply.code(404).send({ error: `"${record.title}" points outside the media folder` });
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (err) {
        return reply.code(404).send({ error: `"${record.title}" could not be read: ${(err as Error).message}` });
      }
    }
    return { format: 'text', sentences: storySentences(text) } satisfies RemoteMediaInfo;
  });

  app.get<{ Params: { id: string } }>(`${TOY_JOB_MEDIA_PATH}/:id/audio`, async (request, reply) => {
    if (!(await auth.jobToy(request, reply))) return reply;
    const record = catalog.repo.get(request.params.id);
    if (!record || record.format !== 'audio')
      return reply.code(404).send({ error: `no song or audio story with id ${request.params.id}` });
    reply.header('Content-Type', record.mime);
    reply.header('Cache-Control', 'no-store');
    // sendFile keeps the path inside the media folder.
    return reply.sendFile(record.path, catalog.mediaDir);
  });
}

/** The worker's side: the home library through the job API, as the toy's media player opens it. */
export function remoteMediaLibrary(api: JobApiCaller): AgentMediaLibrary {
  const itemPath = (id: string): string => `${TOY_JOB_MEDIA_PATH}/${encodeURIComponent(id)}`;
  return {
    catalog: {
      async search(query, options) {
        const body = {
          text: query.text,
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.language ? { language: query.language } : {}),
          ...(query.age !== undefined ? { age: query.age } : {}),
          ...(query.limit !== undefined ? { limit: query.limit } : {}),
        };
        const res = await api.call('POST', TOY_JOB_CATALOG_SEARCH_PATH, body, 'song and story search', {
          ...(options?.signal ? { signal: options.signal } : {}),
        });
        return ((await res.json()) as { hits: CatalogHit[] }).hits;
      },
    },
    async open(item) {
      const label = `"${item.title}"`;
      const info = await fromHome(
        label,
        async () => (await api.call('GET', itemPath(item.id), undefined, label)).json() as Promise<RemoteMediaInfo>,
      );
      if (info.format === 'text') {
        if (info.sentences.length === 0) throw new MediaDecodeError(`${label} has no words to read`);
        return { format: 'text', sentences: info.sentences };
      }
      const res = await fromHome(label, () => api.call('GET', `${itemPath(item.id)}/audio`, undefined, label));
      if (!res.body) throw new MediaDecodeError(`${label} came from the home server with no audio`);
      // Decoded as it arrives; stopping the song cancels the rest of the download.
      const bytes = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
      const audio = await openAudioStream(bytes, label, undefined, info.durationSec ?? undefined);
      return { format: 'audio', audio };
    },
  };
}

/** A refusal or a lost connection, as the player reports a song it cannot play. */
async function fromHome<T>(label: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw new MediaDecodeError(
      `${label} could not be fetched from the home server: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
