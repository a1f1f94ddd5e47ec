// The Voy index of the catalog: embeds each item's text (reusing cached vectors whose text has
// not changed), builds Voy indexes of at most MAX_SHARD_ITEMS items each, and keeps one immutable
// snapshot that the HTTP route serves (gzipped files under a content-hash version) and the server
// searches. Runs off the request path.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { embeddingText } from '../../src/core/media/search-text.ts';
import { encodeShardVectors } from '../../src/core/media/shard-vectors.ts';
import { MAX_SHARD_ITEMS, ShardedIndex, shardRanges, type IndexShard } from '../../src/core/media/sharded-index.ts';
import type { NodeEmbedder } from '../engines/embedder.ts';
import type { CatalogRecord } from './record.ts';
import type { CatalogRepository } from './repository.ts';
import { TextIndexBuilder, type TextIndexFile } from './text-index.ts';
import { loadVoy, type EmbeddedResource } from './voy.ts';

const gzip = promisify(zlib.gzip);
const EMBED_BATCH = 16;

/** One file of the index as served: gzipped, under a name that contains the version. */
export interface IndexFile {
  gzipped: Buffer;
  contentType: 'application/json; charset=utf-8' | 'application/octet-stream';
}

/** One shard on the wire: its Voy JSON and, when there are several shards, its int8 vectors. */
export interface IndexShardFiles {
  index: string;
  vectors: string | null;
  items: number;
  /** Gzipped bytes of both files. */
  bytes: number;
}

export interface IndexSnapshot {
  /** Changes whenever the items, their text or the model change; part of every file name. */
  version: string;
  /** Embeddings pack the vectors come from; null when no model is installed (lexical search only). */
  model: string | null;
  dimensions: number;
  itemCount: number;
  /** Served files by name; empty without a model or items. */
  files: ReadonlyMap<string, IndexFile>;
  shards: IndexShardFiles[];
  /** Gzipped bytes of all files (what a browser downloads); rawBytes before gzip. */
  wireBytes: number;
  rawBytes: number;
  voy: ShardedIndex | null;
  /** The full-text index (with related words), built with or without a model; null if it failed. */
  text: TextIndexFile | null;
  buildMs: number;
}

/** File names: a library of one shard keeps the single `<version>.json` it always had. */
export function shardFileNames(
  version: string,
  shard: number,
  shardCount: number,
): { index: string; vectors: string | null } {
  if (shardCount === 1) return { index: `${version}.json`, vectors: null };
  return { index: `${version}-${shard}.json`, vectors: `${version}-${shard}.vectors` };
}

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

export class SemanticIndex {
  private snapshot: IndexSnapshot | null = null;
  private running: Promise<IndexSnapshot> | null = null;
  private again = false;
  private readonly textBuilder = new TextIndexBuilder();

  constructor(
    private readonly repo: CatalogRepository,
    private readonly embedder: () => Promise<NodeEmbedder | null>,
    private readonly onError: (err: unknown) => void = () => {},
    /** Items per Voy index; tests use tiny shards. */
    private readonly maxShardItems = MAX_SHARD_ITEMS,
  ) {}

  current(): IndexSnapshot | null {
    return this.snapshot;
  }

  get building(): boolean {
    return this.running !== null;
  }

  /** Rebuilds from the repository; calls during a build coalesce into one more build after it. */
  rebuild(): Promise<IndexSnapshot> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let built: IndexSnapshot;
      do {
        this.again = false;
        built = await this.build();
        this.replace(built);
      } while (this.again);
      return built;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Rebuild without waiting; failures are reported, the previous snapshot stays. */
  schedule(): void {
    this.rebuild().catch((err: unknown) => this.onError(err));
  }

  close(): void {
    this.textBuilder.close();
    this.snapshot?.voy?.free();
    this.snapshot = null;
  }

  private replace(next: IndexSnapshot): void {
    const previous = this.snapshot;
    this.snapshot = next;
    if (previous?.voy && previous.voy !== next.voy) previous.voy.free();
  }

  private async build(): Promise<IndexSnapshot> {
    const started = performance.now();
    const records = this.repo.all();
    const text = await this.textBuilder.build(records).catch((err: unknown) => {
      this.onError(err);
      return null;
    });
    const embedder = await this.embedder();
    if (!embedder || records.length === 0) {
      const version = `lexical-${sha256(records.map((r) => `${r.id}:${r.title}`).join('\n')).slice(0, 16)}`;
      return {
        version,
        model: embedder?.packId ?? null,
        dimensions: embedder?.dimensions ?? 0,
        itemCount: records.length,
        files: new Map(),
        shards: [],
        wireBytes: 0,
        rawBytes: 0,
        voy: null,
        text,
        buildMs: performance.now() - started,
      };
    }
    const vectors = await this.vectorsFor(records, embedder);
    const fingerprint = records
      .map((r, i) => `${r.id}:${sha256(embeddingText(r, r.words))}:${vectors[i]!.length}`)
      .join('\n');
    const version = sha256(`${embedder.packId}\n${fingerprint}`).slice(0, 16);
    const Voy = await loadVoy();
    const ranges = shardRanges(records.length, this.maxShardItems);
    const vectorsById = ranges.length > 1 ? new Map(records.map((r, i) => [r.id, vectors[i]!])) : null;
    const files = new Map<string, IndexFile>();
    const shards: IndexShardFiles[] = [];
    const built: IndexShard[] = [];
    let rawBytes = 0;
    try {
      for (const [n, { start, end }] of ranges.entries()) {
        const slice = records.slice(start, end);
        const resources: EmbeddedResource[] = slice.map((r, i) => ({
          id: r.id,
          title: r.title,
          url: `/media/${r.id}`,
          embeddings: Array.from(vectors[start + i]!),
        }));
        const voy = new Voy({ embeddings: resources });
        built.push({ index: voy, vectors: vectorsById ? { vector: (id) => vectorsById.get(id) } : null });
        const serialized = voy.serialize();
        const names = shardFileNames(version, n, ranges.length);
        const json = await gzip(serialized);
        files.set(names.index, { gzipped: json, contentType: 'application/json; charset=utf-8' });
        rawBytes += Buffer.byteLength(serialized);
        let bytes = json.length;
        if (names.vectors) {
          const encoded = encodeShardVectors(
            slice.map((r) => r.id),
            vectors.slice(start, end),
            embedder.dimensions,
          );
          const packed = await gzip(encoded);
          files.set(names.vectors, { gzipped: packed, contentType: 'application/octet-stream' });
          rawBytes += encoded.length;
          bytes += packed.length;
        }
        shards.push({ ...names, items: slice.length, bytes });
        // Each shard takes a second or two of WASM: let requests run in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (err) {
      for (const shard of built) shard.index.free();
      throw err;
    }
    return {
      version,
      model: embedder.packId,
      dimensions: embedder.dimensions,
      itemCount: records.length,
      files,
      shards,
      wireBytes: shards.reduce((sum, s) => sum + s.bytes, 0),
      rawBytes,
      voy: new ShardedIndex(built),
      text,
      buildMs: performance.now() - started,
    };
  }

  private async vectorsFor(records: CatalogRecord[], embedder: NodeEmbedder): Promise<Float32Array[]> {
    const texts = records.map((r) => embeddingText(r, r.words));
    const hashes = texts.map(sha256);
    const vectors: (Float32Array | null)[] = records.map((r, i) =>
      this.repo.embedding(r.id, embedder.packId, hashes[i]!),
    );
    const missing = vectors.flatMap((v, i) => (v ? [] : [i]));
    for (let start = 0; start < missing.length; start += EMBED_BATCH) {
      const batch = missing.slice(start, start + EMBED_BATCH);
      const embedded = await embedder.embed(batch.map((i) => texts[i]!));
      batch.forEach((i, j) => {
        const vector = embedded[j]!;
        vectors[i] = vector;
        // The item may have been deleted meanwhile; its cached vector is simply not kept.
        if (this.repo.get(records[i]!.id)) this.repo.saveEmbedding(records[i]!.id, embedder.packId, hashes[i]!, vector);
      });
      // Let requests run between batches: embedding a big library takes a while.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return vectors as Float32Array[];
  }
}
