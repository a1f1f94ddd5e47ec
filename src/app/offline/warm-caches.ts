// On a first visit the engines start loading before the new service worker controls the page,
// so their files bypass it. Once it does control the page, this asks again — through the service
// worker, so its runtime routes keep a copy — for the build files the page and its ready engines
// already loaded. `force-cache` lets the browser's HTTP cache answer (they are immutable), so
// normally nothing is downloaded twice. Model files are the model download manager's job
// (src/models-cache), not this.

import wllamaWasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { ORT_WASM, transformersOrtBuild, transformersOrtFiles } from '../../engines/ort.ts';
import type { EngineStatusMap } from '../../engines/index.ts';

/** Files each engine's worker fetches (a worker's loads never show in the page's resource timing). */
function engineFiles(engine: string, backend: 'webgpu' | 'wasm'): readonly string[] {
  switch (engine) {
    case 'wllama':
      return [wllamaWasmUrl];
    case 'onnxruntime-web':
    case 'piper':
      return [ORT_WASM.wasm, ORT_WASM.mjs];
    case 'transformers.js': {
      const files = transformersOrtFiles(transformersOrtBuild(backend));
      return [files.wasm, files.mjs];
    }
    default:
      return [];
  }
}

/** Build files of the engines that are ready, plus those the page itself loaded. */
export function loadedBuildFiles(engines: EngineStatusMap): string[] {
  const files = new Set<string>();
  for (const status of Object.values(engines)) {
    if (status.state !== 'ready' || !status.info) continue;
    for (const url of engineFiles(status.info.engine, status.info.backend)) files.add(new URL(url, location.href).href);
  }
  for (const entry of performance.getEntriesByType('resource')) {
    const url = new URL(entry.name, location.href);
    if (url.origin === location.origin && url.pathname.startsWith('/assets/')) files.add(url.href);
  }
  return [...files];
}

const asked = new Set<string>();

/** Requests each URL once per page through the service worker; failures are harmless. */
export async function keepInServiceWorkerCache(urls: readonly string[]): Promise<void> {
  const fresh = urls.filter((url) => !asked.has(url));
  for (const url of fresh) asked.add(url);
  await Promise.all(
    fresh.map(async (url) => {
      try {
        await (await fetch(url, { cache: 'force-cache', mode: 'same-origin' })).arrayBuffer();
      } catch {
        asked.delete(url); // e.g. the server went away mid-way: try again next time
      }
    }),
  );
}

/** The model list, so the voice can start offline next time (network-first in the worker). */
export async function keepModelList(): Promise<void> {
  try {
    await (await fetch('/api/models', { headers: { Accept: 'application/json' } })).arrayBuffer();
  } catch {
    // Server away: the last stored list (if any) stays.
  }
}
