// The catalog's full-text index as served beside the Voy index: MiniSearch over titles, tags,
// descriptions and story text, plus the related-words table from WordNet, as one gzipped JSON
// file under a content-hash name. The server searches the same object the browsers load.
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { TextSearch, topicWords } from '../../src/core/media/index.ts';
import type { CatalogRecord } from './record.ts';
import { buildWordExpansions, RelatedWords } from './word-expansions.ts';
import { WordNet } from './wordnet.ts';

const gzip = promisify(zlib.gzip);
/** Words looked up in WordNet between two turns of the event loop (each is a few file reads). */
const LOOKUPS_PER_TURN = 20;

export interface TextIndexFile {
  /** File name under /api/catalog/index/, with the content hash in it. */
  name: string;
  gzipped: Buffer;
  rawBytes: number;
  /** Related-word entries (query words that lead somewhere). */
  expansions: number;
  search: TextSearch;
}

export class TextIndexBuilder {
  private wordnet: WordNet | null = null;
  private related: RelatedWords | null = null;

  async build(records: readonly CatalogRecord[]): Promise<TextIndexFile> {
    const related = this.relatedWords();
    // The WordNet reads are synchronous: look words up a few at a time so requests run in between.
    const vocabulary = new Set(records.flatMap((r) => topicWords(`${r.title} ${r.description} ${r.tags.join(' ')}`)));
    let n = 0;
    for (const word of vocabulary) {
      related.of(word);
      if (++n % LOOKUPS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const expansions = buildWordExpansions(records, related);
    const search = TextSearch.build(
      records.map((r) => ({ id: r.id, title: r.title, description: r.description, tags: r.tags, words: r.words })),
      expansions,
    );
    const json = JSON.stringify(search.toJSON());
    const hash = crypto.createHash('sha256').update(json).digest('hex').slice(0, 16);
    return {
      name: `text-${hash}.json`,
      gzipped: await gzip(json),
      rawBytes: Buffer.byteLength(json),
      expansions: Object.keys(expansions).length,
      search,
    };
  }

  close(): void {
    this.wordnet?.close();
    this.wordnet = null;
    this.related = null;
  }

  private relatedWords(): RelatedWords {
    if (!this.related) {
      this.wordnet = new WordNet();
      this.related = new RelatedWords(this.wordnet);
    }
    return this.related;
  }
}
