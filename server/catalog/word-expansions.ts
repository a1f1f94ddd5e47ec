// The related-words table for search without models: for each word the catalog's items use
// (titles, tags, descriptions), the WordNet words that mean the same or nearly (synonyms, the
// kind it is, kinds of it, sibling kinds), inverted so that a child's word ("turtle") leads to
// the catalog's word ("tortoise"). Built on the server, where the 34 MB database is; browsers get
// only this table, sized by the catalog's vocabulary, beside the search index.
import { stemWord, topicWords, type WordExpansions } from '../../src/core/media/index.ts';
import { WordNet, type Synset, type WordNetPos } from './wordnet.ts';

/** The most frequent sense of a word only: "fox" the animal, not the sly person. */
const SENSES = 1;
/** A category with more kinds than this is too broad for its kinds to stand for each other. */
const MAX_KINDS = 40;

/**
 * How close in meaning, as the weight the related word's matches get, by the steps between the
 * two words in WordNet's "is a kind of" tree: up to what the catalog word is a kind of, then down
 * to kinds of that. The table goes both ways: the moon (a satellite, a heavenly body) is two
 * steps up and one down from a star, so a star is one up and two down from the moon.
 */
export const RELATION_WEIGHT = {
  /** Same meaning ("cradlesong" for "lullaby"). */
  synonym: 0.9,
  /** A kind of it, one or two steps down ("gopher" tortoise). */
  kind: 0.7,
  kindOfKind: 0.55,
  /** What it is a kind of, one or two steps up ("turtle" for "tortoise"). */
  category: 0.6,
  categoryOfCategory: 0.45,
  /** Another kind of the same thing ("wolf" for "fox"). */
  sibling: 0.5,
  /** One up and two down, or two up and one down ("moon" and "star", both heavenly bodies). */
  cousin: 0.35,
  /** An adjective "similar to" it. */
  similar: 0.6,
} as const;

const POSES: readonly WordNetPos[] = ['noun', 'verb', 'adj'];

/** Base forms to try for a word as written: "stars" → "star", "sleeping" → "sleep". */
export function baseForms(word: string): string[] {
  const forms = [word];
  const rules: [RegExp, string][] = [
    [/ies$/, 'y'],
    [/(s|x|z|ch|sh)es$/, '$1'],
    [/s$/, ''],
    [/ing$/, ''],
    [/ing$/, 'e'],
    [/ed$/, ''],
    [/ed$/, 'e'],
    [/er$/, ''],
  ];
  for (const [ending, replacement] of rules) if (ending.test(word)) forms.push(word.replace(ending, replacement));
  return [...new Set(forms)].filter((w) => w.length > 1);
}

/** Single-word lemmas of a synset (a query word is one word). */
function singleWords(synset: Synset | null): string[] {
  return synset ? synset.lemmas.filter((l) => /^[a-z]+$/.test(l)) : [];
}

export class RelatedWords {
  private readonly cache = new Map<string, Map<string, number>>();

  constructor(private readonly wordnet: WordNet) {}

  /** Words related to `word` with their weights (the word itself excluded). Cached. */
  of(word: string): Map<string, number> {
    let related = this.cache.get(word);
    if (!related) {
      related = this.lookUp(word);
      this.cache.set(word, related);
    }
    return related;
  }

  private lookUp(word: string): Map<string, number> {
    const related = new Map<string, number>();
    const add = (synsets: readonly Synset[], weight: number) => {
      for (const w of synsets.flatMap(singleWords))
        if (w !== word && (related.get(w) ?? 0) < weight) related.set(w, weight);
    };
    const W = RELATION_WEIGHT;
    for (const pos of POSES) {
      const form = baseForms(word).find((f) => this.wordnet.senses(f, pos).length > 0);
      if (!form) continue;
      for (const offset of this.wordnet.senses(form, pos).slice(0, SENSES)) {
        const synset = this.wordnet.synset(pos, offset);
        if (!synset) continue;
        add([synset], W.synonym);
        if (pos === 'adj') {
          add(this.up(synset, ['&']), W.similar);
          continue;
        }
        const kinds = this.down(synset);
        add(kinds, W.kind);
        for (const kind of kinds) add(this.down(kind), W.kindOfKind);
        for (const category of this.up(synset)) {
          add([category], W.category);
          const siblings = this.down(category);
          add(siblings, W.sibling);
          for (const sibling of siblings) add(this.down(sibling), W.cousin);
          for (const upper of this.up(category)) {
            add([upper], W.categoryOfCategory);
            add(this.down(upper), W.cousin);
          }
        }
      }
    }
    return related;
  }

  /** What a synset is a kind (or an instance) of; `symbols` for other links. */
  private up(synset: Synset, symbols: readonly string[] = ['@', '@i']): Synset[] {
    return this.follow(synset, symbols);
  }

  /** Its kinds and instances; none when there are too many for any to stand for the others. */
  private down(synset: Synset): Synset[] {
    const count = synset.pointers.filter((p) => p.symbol === '~' || p.symbol === '~i').length;
    return count > MAX_KINDS ? [] : this.follow(synset, ['~', '~i']);
  }

  private follow(synset: Synset, symbols: readonly string[]): Synset[] {
    return synset.pointers.flatMap((p) => {
      if (!symbols.includes(p.symbol)) return [];
      const next = this.wordnet.synset(synset.pos, p.offset);
      return next ? [next] : [];
    });
  }
}

/** The text whose words related words lead to: what an item says it is about. */
export interface ItemTopics {
  title: string;
  description: string;
  tags: readonly string[];
}

/**
 * Query stem → [catalog stem, weight] for every word related to a topic word of the items. A
 * query word that is itself in the catalog still gets its related catalog words.
 */
export function buildWordExpansions(items: readonly ItemTopics[], related: RelatedWords): WordExpansions {
  const vocabulary = new Set<string>();
  for (const item of items)
    for (const w of topicWords(`${item.title} ${item.description} ${item.tags.join(' ')}`)) vocabulary.add(w);
  const table = new Map<string, Map<string, number>>();
  for (const word of [...vocabulary].sort()) {
    const target = stemWord(word);
    for (const [other, weight] of related.of(word)) {
      const key = stemWord(other);
      if (key === target) continue;
      const row = table.get(key) ?? new Map<string, number>();
      if ((row.get(target) ?? 0) < weight) row.set(target, weight);
      table.set(key, row);
    }
  }
  const out: Record<string, [string, number][]> = {};
  for (const key of [...table.keys()].sort()) {
    out[key] = [...table.get(key)!]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([t, w]) => [t, Math.round(w * 100) / 100]);
  }
  return out;
}
