// The server's index in shards (tiny ones here, 4 items; real ones hold 10k): the files it serves
// are versioned per shard, and both the server's search and a browser's (Voy shards deserialized
// from those files, merged with their int8 vectors) find what one unsharded index finds.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShardedIndex } from '../../../src/core/media/sharded-index.ts';
import { ShardVectors } from '../../../src/core/media/shard-vectors.ts';
import { SemanticIndex, type IndexSnapshot } from '../../../server/catalog/semantic-index.ts';
import { loadVoy } from '../../../server/catalog/voy.ts';
import { loadNodeEmbedder, type NodeEmbedder } from '../../../server/engines/embedder.ts';
import { MINILM_PACK_ID } from '../../../scripts/contract-models/minilm.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import { openTestCatalog, starterMediaDir, storeWithContractModels, type TestCatalog } from './helpers.ts';

const QUERIES = [
  'tell me a story about a turtle',
  'a song for the moon',
  'something to eat',
  'animals on a farm',
  'sleep',
];

describe('the catalog index in shards', () => {
  const generated = generateIntoTempDir();
  let catalog: TestCatalog;
  let embedder: NodeEmbedder;
  let sharded: SemanticIndex;
  let single: SemanticIndex;
  let snapshot: IndexSnapshot;
  let whole: IndexSnapshot;

  beforeAll(async () => {
    const models = await storeWithContractModels(generated.outDir, generated.manifestPath);
    catalog = await openTestCatalog({ mediaDir: await starterMediaDir(), models });
    embedder = (await loadNodeEmbedder(models, MINILM_PACK_ID))!;
    sharded = new SemanticIndex(catalog.service.repo, async () => embedder, undefined, 4);
    single = new SemanticIndex(catalog.service.repo, async () => embedder);
    snapshot = await sharded.rebuild();
    whole = await single.rebuild();
  }, 120_000);
  afterAll(async () => {
    sharded?.close();
    single?.close();
    await embedder?.dispose();
    await catalog?.close();
    generated.cleanup();
  });

  it('splits 9 items into 3 shards, each a Voy file and a vectors file named by the version', () => {
    expect(snapshot.itemCount).toBe(9);
    expect(snapshot.version).toBe(whole.version);
    expect(snapshot.shards.map((s) => [s.index, s.vectors, s.items])).toEqual(
      [0, 1, 2].map((n) => [`${snapshot.version}-${n}.json`, `${snapshot.version}-${n}.vectors`, 3]),
    );
    expect([...snapshot.files.keys()].sort()).toEqual(snapshot.shards.flatMap((s) => [s.index, s.vectors!]).sort());
    expect(snapshot.wireBytes).toBe([...snapshot.files.values()].reduce((sum, f) => sum + f.gzipped.length, 0));
    // One shard keeps the single file it always had.
    expect(whole.shards).toEqual([{ index: `${whole.version}.json`, vectors: null, items: 9, bytes: whole.wireBytes }]);
  });

  it('the server searching 3 shards finds what one index finds', async () => {
    for (const text of QUERIES) {
      const [q] = await embedder.embed([text]);
      expect(snapshot.voy!.search(q!, 5)).toEqual(whole.voy!.search(q!, 5));
      expect(snapshot.voy!.search(q!, 50)).toEqual(whole.voy!.search(q!, 50));
    }
  });

  it('a browser loading the served files finds the same (merged with int8 vectors)', async () => {
    const Voy = await loadVoy();
    const file = (name: string) => zlib.gunzipSync(snapshot.files.get(name)!.gzipped);
    const browser = new ShardedIndex(
      snapshot.shards.map((s) => ({
        index: Voy.deserialize(file(s.index).toString('utf8')),
        vectors: new ShardVectors(new Uint8Array(file(s.vectors!))),
      })),
    );
    expect(browser.size()).toBe(9);
    for (const text of QUERIES) {
      const [q] = await embedder.embed([text]);
      const found = browser.search(q!, 5);
      const exact = whole.voy!.search(q!, 5);
      expect(found[0]).toBe(exact[0]);
      expect(new Set(found)).toEqual(new Set(exact));
    }
    browser.free();
  });
});
