// Which memories go into the prompt: the user's name always (a companion should know who it talks
// to), then the most relevant by embedding similarity when there are embeddings, else by shared words.

import type { MemoryRecord } from './memory-types.ts';

const STOPWORDS = new Set(
  "a an and are as at be but by can could did do does for from had has have he her his how i i'm im in is it its me my of on or our she so that the their them there they this to us was we were what whats when where which who why will with you your user users".split(
    ' ',
  ),
);
const PINNED_SLOTS = new Set(['name']);

export function keywords(text: string): Set<string> {
  const words =
    text
      .toLowerCase()
      .replace(/['\u2019]s\b/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => !STOPWORDS.has(w)).map(stem));
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

export interface RankOptions {
  limit: number;
  queryEmbedding?: readonly number[] | null;
  /** Cosine similarity below which an embedded memory is not relevant. */
  minSimilarity?: number;
}

/** The memories to show the model for `query`, most relevant first (pinned ones on top). */
export function rankMemories(query: string, memories: readonly MemoryRecord[], options: RankOptions): MemoryRecord[] {
  const { limit, queryEmbedding = null, minSimilarity = 0.3 } = options;
  if (memories.length <= limit) return [...memories].sort(byPinnedThenRecent);
  const queryWords = keywords(query);
  const scored = memories.map((memory) => {
    let score = 0;
    if (queryEmbedding && memory.embedding) {
      const similarity = cosine(queryEmbedding, memory.embedding);
      if (similarity >= minSimilarity) score += similarity;
    }
    const memoryWords = keywords(`${memory.slot.replace(/[:_-]/g, ' ')} ${memory.text}`);
    let shared = 0;
    for (const word of queryWords) if (memoryWords.has(word)) shared++;
    if (queryWords.size > 0) score += shared / queryWords.size;
    if (PINNED_SLOTS.has(memory.slot)) score += 10;
    return { memory, score };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.memory.updatedAt - a.memory.updatedAt)
    .slice(0, limit)
    .map((entry) => entry.memory);
}

function byPinnedThenRecent(a: MemoryRecord, b: MemoryRecord): number {
  const pinned = Number(PINNED_SLOTS.has(b.slot)) - Number(PINNED_SLOTS.has(a.slot));
  return pinned || b.updatedAt - a.updatedAt;
}
