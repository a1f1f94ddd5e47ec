// voy-search in Node. Its package is built for bundlers (`import * as wasm from "*.wasm"`), which
// Node cannot import; so we instantiate the same .wasm with the package's own JS glue.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Voy as VoyClass } from 'voy-search';

export type Voy = VoyClass;
export type { EmbeddedResource, Neighbor } from 'voy-search';

interface VoyGlue {
  Voy: typeof VoyClass;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

let loading: Promise<typeof VoyClass> | null = null;

export function loadVoy(): Promise<typeof VoyClass> {
  loading ??= (async () => {
    const dir = path.dirname(createRequire(import.meta.url).resolve('voy-search/package.json'));
    const glue = (await import(pathToFileURL(path.join(dir, 'voy_search_bg.js')).href)) as VoyGlue;
    const module = await WebAssembly.compile(fs.readFileSync(path.join(dir, 'voy_search_bg.wasm')));
    const instance = await WebAssembly.instantiate(module, {
      './voy_search_bg.js': glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    return glue.Voy;
  })();
  return loading;
}
