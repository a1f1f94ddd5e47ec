// Why one Voy index fails at 100k items: measures, per size, the JSON text Voy's glue makes of the
// input (wasm-bindgen's into_serde is JSON.stringify), wasm memory after the build, the serialized
// index's length, build/serialize time, and the exact error. Prints JSON. Usage: tsx bench/catalog/voy-limits.ts [sizes]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants } from 'node:buffer';
import type { Voy as VoyClass } from 'voy-search';
import { clusteredUnitVectors } from './vectors.ts';

const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const dims = 384;

// Our own instance (not server/catalog/voy.ts's shared one) so its memory can be read.
const dir = path.dirname(createRequire(import.meta.url).resolve('voy-search/package.json'));
const glue = (await import(pathToFileURL(path.join(dir, 'voy_search_bg.js')).href)) as {
  Voy: typeof VoyClass;
  __wbg_set_wasm(e: WebAssembly.Exports): void;
};
const module = await WebAssembly.compile(fs.readFileSync(path.join(dir, 'voy_search_bg.wasm')));
const instance = await WebAssembly.instantiate(module, {
  './voy_search_bg.js': glue as unknown as WebAssembly.ModuleImports,
});
glue.__wbg_set_wasm(instance.exports);
const memory = instance.exports.memory as WebAssembly.Memory;
const memoryImport = WebAssembly.Module.exports(module).find((e) => e.name === 'memory');

const rows = [];
for (const n of sizes) {
  const vectors = clusteredUnitVectors(n, dims, 0x5eed + n);
  const resource = {
    embeddings: vectors.map((v, i) => ({
      id: String(i),
      title: `item ${i}`,
      url: `/media/${i}`,
      embeddings: Array.from(v),
    })),
  };
  let inputJsonChars: number | string;
  try {
    inputJsonChars = JSON.stringify(resource).length;
  } catch (err) {
    inputJsonChars = `JSON.stringify throws: ${String(err)}`;
  }
  const row: Record<string, unknown> = { items: n, inputJsonChars, wasmBytesBefore: memory.buffer.byteLength };
  try {
    let started = performance.now();
    const voy = new glue.Voy(resource);
    row.buildMs = Math.round(performance.now() - started);
    row.wasmBytesAfterBuild = memory.buffer.byteLength;
    try {
      started = performance.now();
      row.serializedChars = voy.serialize().length;
      row.serializeMs = Math.round(performance.now() - started);
    } catch (err) {
      row.serializeError = String(err);
    }
    voy.free();
  } catch (err) {
    row.buildError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    row.wasmBytesAtError = memory.buffer.byteLength;
  }
  rows.push(row);
  process.stderr.write(`${JSON.stringify(row)}\n`);
}
console.log(
  JSON.stringify(
    { node: process.version, maxStringLength: constants.MAX_STRING_LENGTH, memoryExport: memoryImport, rows },
    null,
    2,
  ),
);
