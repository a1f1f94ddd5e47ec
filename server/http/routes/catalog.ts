import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CatalogService } from '../../catalog/catalog-service.ts';
import { toMediaItem } from '../../catalog/record.ts';

const SearchQuery = z.object({
  q: z.string().max(500).default(''),
  kind: z.enum(['song', 'story']).optional(),
  language: z.string().max(20).optional(),
  age: z.coerce.number().int().min(0).max(120).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

const indexUrl = (file: string): string => `/api/catalog/index/${file}`;

/** The catalog for browsers: items, the versioned Voy index (in shards), and server-side search. */
export function registerCatalogRoutes(app: FastifyInstance, catalog: CatalogService): void {
  app.get('/api/catalog', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    // A model pack installed or removed since the last build: rebuild in the background.
    void catalog.refreshModel().catch(() => undefined);
    const index = catalog.index.current();
    return {
      phase: catalog.phase,
      indexing: catalog.index.building,
      items: catalog.repo.all().map(toMediaItem),
      // Full-text search with related words (no model needed); null until the first build.
      text: index?.text ? { url: indexUrl(index.text.name), bytes: index.text.gzipped.length } : null,
      index: index
        ? {
            version: index.version,
            model: index.model,
            dimensions: index.dimensions,
            itemCount: index.itemCount,
            // The whole index when it fits one shard (what clients before sharding read); null when
            // sharded, or without an embedding model or items (clients search titles and tags).
            url: index.shards.length === 1 ? indexUrl(index.shards[0]!.index) : null,
            bytes: index.wireBytes,
            // Every file of this version: a Voy index per shard, plus its vectors when there are several.
            shards: index.shards.map((s) => ({
              url: indexUrl(s.index),
              vectorsUrl: s.vectors ? indexUrl(s.vectors) : null,
              items: s.items,
              bytes: s.bytes,
            })),
          }
        : null,
    };
  });

  // One URL per file and version, so browsers and the service worker may keep it forever.
  app.get<{ Params: { file: string } }>('/api/catalog/index/:file', async (request, reply) => {
    const current = catalog.index.current();
    const name = request.params.file;
    const file =
      current?.text?.name === name
        ? { ...current.text, contentType: 'application/json; charset=utf-8' }
        : current?.files.get(name);
    if (!file) {
      return reply.code(404).header('Cache-Control', 'no-store').send({
        error: 'index_version_gone',
        message: 'that index version is not current; fetch /api/catalog for the current one',
      });
    }
    reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    reply.header('Content-Type', file.contentType);
    reply.header('Vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      reply.header('Content-Encoding', 'gzip');
      return reply.send(file.gzipped);
    }
    return reply.send(zlib.gunzipSync(file.gzipped));
  });

  app.get('/api/catalog/search', async (request, reply) => {
    const query = SearchQuery.safeParse(request.query);
    if (!query.success)
      return reply.code(400).send({
        error: 'invalid_query',
        message: query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
    const { q, limit, kind, language, age } = query.data;
    reply.header('Cache-Control', 'no-store');
    const hits = await catalog.search.search({
      text: q,
      limit,
      ...(kind ? { kind } : {}),
      ...(language ? { language } : {}),
      ...(age !== undefined ? { age } : {}),
    });
    return { hits };
  });
}
