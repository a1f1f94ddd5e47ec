import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const NOT_BUILT_PAGE = `<!doctype html><meta charset="utf-8"><title>Hearth</title>
<body style="font-family:system-ui;max-width:36rem;margin:3rem auto;line-height:1.5">
<h1>Hearth's app is not built yet</h1>
<p>Run <code>npm run build</code> (or simply <code>npm start</code>, which builds it) on the home server, then reload.</p>`;

/**
 * Vite fingerprints everything under /assets/, so those never change. Everything else — the
 * shell, the service worker (sw.js, workbox-*.js) and the web app manifest — must revalidate, or
 * browsers would keep an old service worker and never see an update.
 */
export function appCacheControl(url: string): string {
  return url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Serves the built PWA; unknown page paths fall back to index.html (client-side routes). */
export function registerAppRoutes(app: FastifyInstance, appDir: string): void {
  const indexFile = path.join(appDir, 'index.html');

  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.getHeader('Cache-Control')) return payload;
    reply.header('Cache-Control', appCacheControl(request.url));
    if (request.url.split('?', 1)[0]?.endsWith('.webmanifest'))
      reply.header('Content-Type', 'application/manifest+json; charset=utf-8');
    return payload;
  });

  app.setNotFoundHandler(async (request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !/^\/(api|models|media)\//.test(request.url) &&
      (request.headers.accept ?? '').includes('text/html');
    if (!isPage)
      return reply.code(404).send({ error: 'not_found', message: `${request.method} ${request.url} not found` });
    if (!fs.existsSync(indexFile)) return reply.code(503).type('text/html').send(NOT_BUILT_PAGE);
    return reply.sendFile('index.html', appDir);
  });
}
