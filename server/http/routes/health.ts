import type { FastifyInstance } from 'fastify';

export interface HealthResponse {
  ok: true;
  name: 'hearth';
  version: string;
  uptimeS: number;
  time: string;
  /** The HTTPS port when `--https` is on, so a page opened over plain http can offer the secure address. */
  httpsPort: number | null;
}

/** `httpsPort` is read per request: the port is known only once the HTTPS server is listening. */
export function registerHealthRoute(
  app: FastifyInstance,
  version: string,
  httpsPort: () => number | null = () => null,
): void {
  const startedAt = Date.now();
  app.get('/api/health', async (_request, reply): Promise<HealthResponse> => {
    reply.header('Cache-Control', 'no-store');
    return {
      ok: true,
      name: 'hearth',
      version,
      uptimeS: Math.round((Date.now() - startedAt) / 1000),
      time: new Date().toISOString(),
      httpsPort: httpsPort(),
    };
  });
}
