// The words a memory came from: the one sentence of what the user said that holds the fact, so a
// parent sees "From: “I love dinosaurs”" on the Memory screen. Only that sentence is kept (at most
// MAX_FROM_WORDS characters), never the rest of the conversation: this is children's data.

import { extractFactsByRules } from './fact-rules.ts';
import type { Fact } from './memory-types.ts';

export const MAX_FROM_WORDS = 200;

/**
 * The sentence of `userText` that `fact` was learned from: the one the rules find the same slot
 * in, else the one sharing most words with the fact, else (no sentence shares a word) the whole
 * utterance. Trimmed, spaces collapsed, capped; '' for empty words.
 */
export function fromWordsOf(userText: string, fact: Fact): string {
  const parts = utteranceSentences(userText);
  if (parts.length <= 1) return capWords(userText);
  const byRules = parts.find((sentence) => extractFactsByRules(sentence).some((f) => f.slot === fact.slot));
  if (byRules) return capWords(byRules);
  const factWords = new Set(contentWords(fact.text));
  let best: { sentence: string; shared: number } | null = null;
  for (const sentence of parts) {
    const shared = new Set(contentWords(sentence).filter((word) => factWords.has(word))).size;
    if (shared > 0 && shared > (best?.shared ?? 0)) best = { sentence, shared };
  }
  return capWords(best?.sentence ?? userText);
}

/**
 * The words an older memory (stored before Hearth kept them) came from, found again in its
 * conversation's saved turns: the sentence where the rules find its slot. Null when none does
 * (the turns were pruned, or it was a note or the language model's).
 */
export function findFromWords(fact: Fact, userTexts: readonly string[]): string | null {
  for (const text of userTexts) {
    const sentence = utteranceSentences(text).find((s) => extractFactsByRules(s).some((f) => f.slot === fact.slot));
    if (sentence) return capWords(sentence);
  }
  return null;
}

/** Trimmed, one space between words, at most MAX_FROM_WORDS characters (cut at a word, with "…"). */
export function capWords(text: string, max = MAX_FROM_WORDS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}

function utteranceSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const NOT_CONTENT = new Set([
  'the',
  'user',
  'users',
  'a',
  'an',
  'is',
  'are',
  'was',
  'has',
  'have',
  'and',
  'of',
  'to',
  'in',
  'on',
  'my',
  'i',
  'me',
  'their',
  'called',
  'named',
]);

/** Lower-case words worth comparing, plural "s" dropped ("dinosaurs" and "dinosaur" match). */
function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !NOT_CONTENT.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
}
