import type { FastifyInstance } from 'fastify';
import type { ModelStore } from '../../models/store.ts';
import type { RoleStatus } from '../../models/status.ts';
import { bearerToken } from '../../auth/require-admin.ts';

/** Where each file lives on the server is for parents (admin session) only: strangers learn no paths. */
function withoutLocations(roles: RoleStatus[]): RoleStatus[] {
  const strip = <T extends { files: { location: string | null }[] }>(pack: T): T => ({
    ...pack,
    files: pack.files.map((f) => ({ ...f, location: null })),
  });
  return roles.map((role) => ({
    ...role,
    pack: role.pack ? strip(role.pack) : null,
    better: role.better.map(strip),
    packs: role.packs.map(strip),
  }));
}

export function registerModelRoutes(app: FastifyInstance, store: ModelStore): void {
  app.get('/api/models', async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const token = bearerToken(request);
    const parent = token !== null && 'adminSessions' in request.server && request.server.adminSessions.validate(token);
    const roles = await store.roles();
    return { roles: parent ? roles : withoutLocations(roles) };
  });

  // Only files the manifest lists, present and not known to be corrupt, are served.
  app.get<{ Params: { pack: string; '*': string } }>('/models/:pack/*', async (request, reply) => {
    const file = await store.resolveFile(request.params.pack, request.params['*']);
    if (!file) {
      return reply.code(404).send({
        error: 'model_file_unavailable',
        message: `no verified model file ${request.params.pack}/${request.params['*']}`,
      });
    }
    // Pack ids are versioned, so a file at one URL never changes: browsers may keep it for a year.
    reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    return reply.sendFile(file.relativePath, file.root);
  });
}
