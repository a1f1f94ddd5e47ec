import type { FastifyInstance } from 'fastify';
import type { ModelStore } from '../../models/store.ts';

export function registerModelRoutes(app: FastifyInstance, store: ModelStore): void {
  app.get('/api/models', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { roles: await store.roles() };
  });

  // Only files the manifest lists, present and not known to be corrupt, are served.
  app.get<{ Params: { pack: string; '*': string } }>('/models/:pack/*', async (request, reply) => {
    const file = await store.resolveFile(request.params.pack, request.params['*']);
    if (!file) {
      return reply.code(404).send({ error: 'model_file_unavailable', message: `no verified model file ${request.params.pack}/${request.params['*']}` });
    }
    // Pack ids are versioned, so a file at one URL never changes: browsers may keep it for a year.
    reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    return reply.sendFile(file.relativePath, file.root);
  });
}
