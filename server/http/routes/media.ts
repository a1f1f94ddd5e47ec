import type { FastifyInstance } from 'fastify';
import type { CatalogService } from '../../catalog/catalog-service.ts';

/** Songs and stories by id, with HTTP Range (seeking, and how browsers stream audio). */
export function registerMediaRoutes(app: FastifyInstance, catalog: CatalogService): void {
  app.get<{ Params: { id: string } }>('/media/:id', async (request, reply) => {
    const record = catalog.repo.get(request.params.id);
    if (!record)
      return reply
        .code(404)
        .send({ error: 'media_not_found', message: `no song or story with id ${request.params.id}` });
    // Ids are per path, and a file can be replaced in place: revalidate (ETag) rather than cache blindly.
    reply.header('Cache-Control', 'no-cache');
    reply.header('Content-Type', record.mime);
    return reply.sendFile(record.path, catalog.mediaDir);
  });

  // The picture from the file's own tags (kept at ingest: a JPEG, PNG or WebP of at most 1 MB).
  // Its URL carries the picture's hash (?v=), but the route answers without it too: revalidate.
  app.get<{ Params: { id: string } }>('/media/:id/cover', async (request, reply) => {
    const cover = catalog.repo.coverImage(request.params.id);
    if (!cover)
      return reply.code(404).send({ error: 'cover_not_found', message: `no cover picture for ${request.params.id}` });
    const etag = `"${cover.sha256}"`;
    reply.header('Cache-Control', 'no-cache');
    reply.header('ETag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    reply.header('Content-Type', cover.mime);
    return reply.send(cover.data);
  });
}
