import { describe, expect, it } from 'vitest';
import {
  keepSmallFiles,
  NAVIGATE_FALLBACK_DENYLIST,
  PRECACHE_MAX_BYTES,
  RUNTIME_CACHING,
} from '../../../src/pwa/service-worker-config.ts';

// The runtime routes as the generated sw.js will run them: each matcher is serialized with
// Function#toString, so it is rebuilt here from its source text (proving it is self-contained).
const ORIGIN = 'http://hearth.local:8787';

function routeFor(href: string, cache: RequestCache = 'default'): { handler: unknown; cacheName: unknown } | null {
  const url = new URL(href, ORIGIN);
  const request = { url: url.href, method: 'GET', cache };
  for (const route of RUNTIME_CACHING) {
    const source = (route.urlPattern as (...args: unknown[]) => unknown).toString();
    const matcher = new Function(`return (${source});`)() as (options: {
      url: URL;
      sameOrigin: boolean;
      request: typeof request;
    }) => boolean;
    if (matcher({ url, sameOrigin: url.origin === ORIGIN, request }))
      return { handler: route.handler, cacheName: route.options?.cacheName };
  }
  return null;
}

describe('service worker routes', () => {
  it('serves model files cache-first from the hearth-models cache, with Range support and only complete answers', () => {
    expect(routeFor('/models/whisper-tiny-en/onnx/encoder_model.onnx')).toEqual({
      handler: 'CacheFirst',
      cacheName: 'hearth-models',
    });
    const models = RUNTIME_CACHING.find((r) => r.options?.cacheName === 'hearth-models')!;
    expect(models.options?.rangeRequests).toBe(true);
    expect(models.options?.cacheableResponse).toEqual({ statuses: [200] });
    expect(models.method).toBe('GET');
    // The model download manager verifies and stores files itself: its no-store requests pass by.
    expect(routeFor('/models/whisper-tiny-en/onnx/encoder_model.onnx', 'no-store')).toBeNull();
  });

  it('keeps the model list network-first (cached for offline starts) and caches big hashed assets', () => {
    expect(routeFor('/api/models')).toEqual({ handler: 'NetworkFirst', cacheName: 'hearth-api' });
    expect(routeFor('/assets/wllama-DrYkKwf9.wasm')).toEqual({ handler: 'CacheFirst', cacheName: 'hearth-assets' });
  });

  it('never caches writes, health, LiveKit, media, admin or other origins', () => {
    for (const href of [
      '/api/health',
      '/api/livekit/token',
      '/api/admin/status',
      '/api/catalog',
      '/media/abc',
      '/rtc',
      'https://cdn.example.com/models/x.onnx',
    ]) {
      expect(routeFor(href), href).toBeNull();
    }
    for (const route of RUNTIME_CACHING) expect(route.method).toBe('GET');
  });

  it('answers navigations with the app shell except for server routes', () => {
    const denied = (pathname: string): boolean => NAVIGATE_FALLBACK_DENYLIST.some((re) => re.test(pathname));
    for (const pathname of [
      '/api/models',
      '/models/x/y',
      '/media/1',
      '/rtc',
      '/sw.js',
      '/workbox-abc.js',
      '/hearth-ca.crt',
      '/hearth-ca.crt?format=der',
    ])
      expect(denied(pathname), pathname).toBe(true);
    for (const pathname of ['/', '/index.html', '/library', '/apiary']) expect(denied(pathname), pathname).toBe(false);
  });

  it('precaches only files up to the size limit', async () => {
    const entry = (url: string, size: number) => ({ url, size, revision: null });
    const result = await keepSmallFiles([
      entry('assets/index.js', 300_000),
      entry('assets/ort.wasm', PRECACHE_MAX_BYTES + 1),
      entry('assets/edge.js', PRECACHE_MAX_BYTES),
    ]);
    expect(result.manifest.map((e) => e.url)).toEqual(['assets/index.js', 'assets/edge.js']);
  });
});
