import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { TlsMaterial } from './tls-material.ts';

export interface HttpsServer {
  /** Starts listening; returns the bound port (useful with port 0). */
  listen: (port: number, host: string) => Promise<number>;
}

/**
 * Serves the same Fastify app over TLS on a second port: every request goes through the app's
 * router (same routes, hooks and headers), and WebSocket upgrades reach the upgrade listeners on
 * `app.server` (@fastify/websocket, so the embedded LiveKit room server answers wss:// too).
 * Attach before `app.listen()` (Fastify takes no hooks after that); it closes with the app.
 */
export function attachHttpsServer(app: FastifyInstance, tls: Pick<TlsMaterial, 'cert' | 'key'>): HttpsServer {
  const server = https.createServer({ cert: tls.cert, key: tls.key });
  server.on('request', (req, res) => app.routing(req, res));
  server.on('upgrade', (req, socket, head) => app.server.emit('upgrade', req, socket, head));
  // A device that does not trust the CA yet hangs up mid-handshake: expected, not worth a crash.
  server.on('tlsClientError', (err) => app.log.debug({ err }, 'TLS handshake failed'));

  app.addHook('onClose', async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  });

  return {
    listen: (port, host) =>
      new Promise<number>((resolve, reject) => {
        // The plain server's keep-alive and timeout settings apply here too.
        server.keepAliveTimeout = app.server.keepAliveTimeout;
        server.requestTimeout = app.server.requestTimeout;
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
  };
}
