import type { FastifyInstance } from 'fastify';

export interface HealthResponse {
  ok: true;
  name: 'hearth';
  version: string;
  uptimeS: number;
  time: string;
}

export function registerHealthRoute(app: FastifyInstance, version: string): void {
  const startedAt = Date.now();
  app.get('/api/health', async (_request, reply): Promise<HealthResponse> => {
    reply.header('Cache-Control', 'no-store');
    return { ok: true, name: 'hearth', version, uptimeS: Math.round((Date.now() - startedAt) / 1000), time: new Date().toISOString() };
  });
}
