// Full-text search over titles, tags, descriptions and story text (MiniSearch, BM25), with query
// words widened through a table of related words (built by the server from WordNet for the
// catalog's own vocabulary), so "a story about a turtle" finds "The Tortoise and the Hare" and
// "a song about the moon" finds the song about a star in the night sky, with no model installed.
import MiniSearch, { type SearchResult } from 'minisearch';
import { indexTerms, searchTokens } from './search-words.ts';

/** What is searched of one item; `words` is the story text or lyrics when known. */
export interface TextDocument {
  id: string;
  title: string;
  description: string;
  tags: readonly string[];
  words?: string | null;
}

/**
 * Query stem → catalog stems related to it, each with a weight in (0, 1): how close the meaning is
 * (a synonym near 1, a kind-of or a sibling kind lower). Only stems the catalog contains appear
 * on the right.
 */
export type WordExpansions = Readonly<Record<string, readonly (readonly [string, number])[]>>;

/** The search index as the server serves it and browsers load it. */
export interface SerializedTextSearch {
  format: 1;
  /** MiniSearch's own JSON form of the index. */
  index: unknown;
  expansions: WordExpansions;
}

const FIELDS = ['title', 'tags', 'description', 'words'] as const;
/** A title word says most about an item, story text least (it mentions many things in passing). */
const BOOST = { title: 3, tags: 2, description: 1.5, words: 0.5 } as const;

interface IndexedFields {
  id: string;
  title: string;
  tags: string;
  description: string;
  words: string;
  /** Stored, not indexed: the title's topic stems, for the whole-title bonus. */
  titlePhrase: string;
}

const OPTIONS = {
  fields: [...FIELDS],
  storeFields: ['titlePhrase'],
  // The same words and stems for every field and on both sides (see search-words.ts).
  tokenize: (text: string) => indexTerms(text),
  processTerm: (term: string) => term,
};

function toFields(doc: TextDocument): IndexedFields {
  return { id: doc.id, title: doc.title, tags: doc.tags.join(' '), description: doc.description, words: doc.words ?? '', titlePhrase: searchTokens(doc.title).join(' ') };
}

export class TextSearch {
  private constructor(
    private readonly index: MiniSearch<IndexedFields>,
    readonly expansions: WordExpansions,
  ) {}

  static build(docs: readonly TextDocument[], expansions: WordExpansions = {}): TextSearch {
    const index = new MiniSearch<IndexedFields>(OPTIONS);
    index.addAll(docs.map(toFields));
    return new TextSearch(index, expansions);
  }

  static load(data: SerializedTextSearch): TextSearch {
    if (data.format !== 1) throw new Error(`unknown search index format ${String(data.format)}`);
    return new TextSearch(MiniSearch.loadJSON<IndexedFields>(JSON.stringify(data.index), OPTIONS), data.expansions);
  }

  toJSON(): SerializedTextSearch {
    return { format: 1, index: this.index.toJSON(), expansions: this.expansions };
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /**
   * Each matching item's score in 0..1 for a request ("a story about a turtle"). Half of it is how
   * well the item covers the request's words (a word found as itself counts 1, through a related
   * word its weight), half its BM25 score relative to the best item's; the title bonus lets an
   * item whose title is the request ("play twinkle twinkle") win outright. Empty: no topic words.
   */
  scores(request: string): Map<string, number> {
    const tokens = [...new Set(searchTokens(request))];
    const scores = new Map<string, number>();
    if (tokens.length === 0) return scores;
    const weights = this.queryWeights(tokens);
    const results = this.index.search([...weights.keys()].join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: { ...BOOST },
      boostTerm: (term) => weights.get(term) ?? 1,
      combineWith: 'OR',
    });
    const top = results[0]?.score ?? 0;
    const phrase = tokens.join(' ');
    for (const result of results) {
      const coverage = this.coverage(tokens, result);
      const titleBonus = this.titleMatches(result, phrase) ? 0.5 : 0;
      scores.set(String(result.id), Math.min(1, 0.7 * (0.5 * coverage + 0.5 * (result.score / top)) + titleBonus));
    }
    return scores;
  }

  /** The request's stems (weight 1) and their related catalog stems (their weights). */
  private queryWeights(tokens: readonly string[]): Map<string, number> {
    const weights = new Map<string, number>();
    for (const token of tokens) {
      weights.set(token, 1);
      for (const [related, weight] of this.expansions[token] ?? []) {
        weights.set(related, Math.max(weights.get(related) ?? 0, weight));
      }
    }
    return weights;
  }

  private coverage(tokens: readonly string[], result: SearchResult): number {
    let covered = 0;
    for (const token of tokens) {
      if (result.match[token]) {
        covered += 1;
        continue;
      }
      let best = 0;
      for (const [related, weight] of this.expansions[token] ?? []) if (result.match[related]) best = Math.max(best, weight);
      covered += best;
    }
    return covered / tokens.length;
  }

  /** The request is the title's words, or holds them all in order ("twinkle twinkle" in a longer ask). */
  private titleMatches(result: SearchResult, phrase: string): boolean {
    const title = typeof result.titlePhrase === 'string' ? result.titlePhrase : '';
    if (title.length === 0) return false;
    const padded = (text: string) => ` ${text} `;
    return padded(phrase).includes(padded(title)) || padded(title).includes(padded(phrase));
  }
}
