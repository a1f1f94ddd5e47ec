// The Voy index of the catalog: embeds each item's text (reusing cached vectors whose text has
// not changed), builds a Voy index, and keeps one immutable snapshot that the HTTP route serves
// (gzipped, under a content-hash version) and the server searches. Runs off the request path.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { embeddingText } from '../../src/core/media/search-text.ts';
import type { NodeEmbedder } from '../engines/embedder.ts';
import type { CatalogRecord } from './record.ts';
import type { CatalogRepository } from './repository.ts';
import { loadVoy, type EmbeddedResource, type Voy } from './voy.ts';

const gzip = promisify(zlib.gzip);
const EMBED_BATCH = 16;

export interface IndexSnapshot {
  /** Changes whenever the items, their text or the model change; part of the index URL. */
  version: string;
  /** Embeddings pack the vectors come from; null when no model is installed (lexical search only). */
  model: string | null;
  dimensions: number;
  itemCount: number;
  /** Voy's serialized index (JSON text), gzipped for the wire; null without a model or items. */
  gzipped: Buffer | null;
  rawBytes: number;
  voy: Voy | null;
  buildMs: number;
}

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

export class SemanticIndex {
  private snapshot: IndexSnapshot | null = null;
  private running: Promise<IndexSnapshot> | null = null;
  private again = false;

  constructor(
    private readonly repo: CatalogRepository,
    private readonly embedder: () => Promise<NodeEmbedder | null>,
    private readonly onError: (err: unknown) => void = () => {},
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
    const embedder = await this.embedder();
    if (!embedder || records.length === 0) {
      const version = `lexical-${sha256(records.map((r) => `${r.id}:${r.title}`).join('\n')).slice(0, 16)}`;
      return { version, model: embedder?.packId ?? null, dimensions: embedder?.dimensions ?? 0, itemCount: records.length, gzipped: null, rawBytes: 0, voy: null, buildMs: performance.now() - started };
    }
    const vectors = await this.vectorsFor(records, embedder);
    const resources: EmbeddedResource[] = records.map((r, i) => ({ id: r.id, title: r.title, url: `/media/${r.id}`, embeddings: Array.from(vectors[i]!) }));
    const Voy = await loadVoy();
    const voy = new Voy({ embeddings: resources });
    const serialized = voy.serialize();
    const fingerprint = records.map((r, i) => `${r.id}:${sha256(embeddingText(r, r.words))}:${vectors[i]!.length}`).join('\n');
    return {
      version: sha256(`${embedder.packId}\n${fingerprint}`).slice(0, 16),
      model: embedder.packId,
      dimensions: embedder.dimensions,
      itemCount: records.length,
      gzipped: await gzip(serialized),
      rawBytes: Buffer.byteLength(serialized),
      voy,
      buildMs: performance.now() - started,
    };
  }

  private async vectorsFor(records: CatalogRecord[], embedder: NodeEmbedder): Promise<Float32Array[]> {
    const texts = records.map((r) => embeddingText(r, r.words));
    const hashes = texts.map(sha256);
    const vectors: (Float32Array | null)[] = records.map((r, i) => this.repo.embedding(r.id, embedder.packId, hashes[i]!));
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
