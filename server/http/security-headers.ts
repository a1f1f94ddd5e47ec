import type { FastifyInstance } from 'fastify';

/**
 * The app may talk only to its own origin: no CDN, no telemetry, no model hub.
 * `extraConnectSrc` admits a LAN LiveKit server when LIVEKIT_URL points elsewhere.
 * 'self' also admits the origin's own WebSocket (ws: on http, wss: on https, CSP Level 3), which
 * the embedded LiveKit room server needs; tests/e2e/https-lan.test.ts checks it over https.
 * No HSTS: it would apply to every port of the host and break the plain-HTTP port.
 */
export function contentSecurityPolicy(extraConnectSrc: string[] = []): string {
  return [
    "default-src 'self'",
    // WASM engines (onnxruntime, llama.cpp, flite) need to compile WebAssembly, never eval JS.
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    ['connect-src', "'self'", ...extraConnectSrc].join(' '),
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function registerSecurityHeaders(app: FastifyInstance, extraConnectSrc: string[] = []): void {
  const csp = contentSecurityPolicy(extraConnectSrc);
  app.addHook('onRequest', async (_request, reply) => {
    // COOP + COEP make the page crossOriginIsolated, which multi-threaded WASM needs.
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Embedder-Policy', 'require-corp');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Content-Security-Policy', csp);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Permissions-Policy', 'microphone=(self), camera=(), geolocation=()');
  });
}
