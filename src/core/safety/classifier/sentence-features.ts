// What the learned check sees of a sentence: hashed character n-grams of each word (2-5 characters,
// the word padded with a space each side) and the word unigrams and bigrams, plus which side said it.
// Hashing keeps the model a fixed size whatever words turn up; the same function serves training
// (scripts/red-team/train-classifier.ts) and the guard, so the two cannot drift.

import type { SafetyStage } from '../rules/safety-rule.ts';

/** The model's number of feature buckets (a power of two). */
export const FEATURE_BUCKETS = 1 << 16;

/** A sentence's words, as the features and the learned check's length count them. */
export const WORDS = /[a-z']+/g;

/** FNV-1a, 32 bits: quick, and the same on every engine. */
function bucketOf(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (FEATURE_BUCKETS - 1);
}

/** Bucket → how often it occurs in `sentence` (already normalized for safety). */
export function sentenceFeatures(sentence: string, stage: SafetyStage): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (feature: string) => {
    const bucket = bucketOf(feature);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  add(`stage ${stage}`);
  for (const word of sentence.split(/\s+/)) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let n = 2; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(`c${padded.slice(i, i + n)}`);
    }
  }
  const words = sentence.match(WORDS) ?? [];
  words.forEach((word, i) => {
    add(`w${word}`);
    if (i > 0) add(`w${words[i - 1]} ${word}`);
  });
  return counts;
}

/** The sentence as a unit vector: sublinear counts (1 + ln n) weighted by each bucket's idf. */
export function weightedFeatures(counts: Map<number, number>, idf: ArrayLike<number>): Map<number, number> {
  const weighted = new Map<number, number>();
  let norm = 0;
  for (const [bucket, count] of counts) {
    const value = (1 + Math.log(count)) * (idf[bucket] ?? 1);
    weighted.set(bucket, value);
    norm += value * value;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [bucket, value] of weighted) weighted.set(bucket, value / norm);
  return weighted;
}
