// Child-safe mode's filter, over what a child says and over each reply sentence: patterns over the
// whole sentence per category (rules/), with the context that makes a match harmless — a negation
// before it ("never play with matches"), a fairy tale or a game ("the knight killed the dragon",
// "I killed it at football"), a grown-up's help. A filter can only ever be a net: the persona's
// prompt also asks the model to stay age-appropriate and honest that it is a computer.

import { claimsHumanRules } from './rules/claims-human.ts';
import { contactOutsideRules } from './rules/contact-outside.ts';
import { dangerousRules } from './rules/dangerous.ts';
import { drugsRules } from './rules/drugs.ts';
import { loveSecrecyRules } from './rules/love-secrecy.ts';
import { personalInfoRules } from './rules/personal-info.ts';
import { profanityRules } from './rules/profanity.ts';
import type { CategoryRules, SafetyRule, SafetyStage } from './rules/safety-rule.ts';
import { scaryRules } from './rules/scary.ts';
import { selfHarmRules } from './rules/self-harm.ts';
import { sexualRules } from './rules/sexual.ts';
import { violenceRules } from './rules/violence.ts';
import type { SafetyClassifier } from './classifier/safety-classifier.ts';
import { negatedBefore, normalizeForSafety } from './sentence-text.ts';

export type { SafetyStage };

export type UnsafeCategory =
  | 'claims-human'
  | 'love-secrecy'
  | 'personal-info'
  | 'dangerous'
  | 'self-harm'
  | 'sexual'
  | 'violence'
  | 'drugs'
  | 'scary'
  | 'contact-outside'
  | 'profanity'
  | 'blocked-topic'
  /** No rule matched, but the learned check (classifier/) reads the sentence as unsafe. */
  | 'flagged';

export interface FilterHit {
  category: UnsafeCategory;
  /** The words that matched, or the whole sentence when the learned check flagged it (for the parent's log, never said aloud). */
  match: string;
  /** A weaker signal that a second opinion may clear; sure hits are never overruled. */
  borderline?: boolean;
}

// Order matters: self-harm first, so "I want to jump out of the window so it all stops" gets the
// caring answer, not the one about heights.
export const CATEGORY_RULES: readonly CategoryRules<UnsafeCategory>[] = [
  selfHarmRules,
  sexualRules,
  dangerousRules,
  violenceRules,
  drugsRules,
  scaryRules,
  personalInfoRules,
  contactOutsideRules,
  loveSecrecyRules,
  claimsHumanRules,
  profanityRules,
];

/**
 * The first thing in `text` that is not for children, or null. `stage`: what the child said
 * ('input') or what the model answered ('output'); some rules apply to one only ("what's your
 * address?" is a problem when the companion asks it). Without a stage, every rule applies.
 * A sure hit wins over a borderline one. With `learned` (and a stage), a sentence no rule matched
 * that the learned check reads as unsafe is a borderline hit of its own.
 */
export function findUnsafe(text: string, stage?: SafetyStage, learned?: SafetyClassifier | null): FilterHit | null {
  const sentence = normalizeForSafety(text);
  let borderline: FilterHit | null = null;
  for (const { category, rules, unless } of CATEGORY_RULES) {
    for (const rule of rules) {
      if (stage && rule.stage && rule.stage !== stage) continue;
      const m = rule.pattern.exec(sentence);
      if (!m) continue;
      if (whatClears(rule, unless, sentence, m.index)) continue;
      if (!rule.borderline) return { category, match: m[0] };
      borderline ??= { category, match: m[0], borderline: true };
    }
  }
  if (borderline || !learned || !stage) return borderline;
  return learned.flags(sentence, stage) ? { category: 'flagged', match: sentence, borderline: true } : null;
}

/** Why a rule's match at `index` is harmless, or null when it stands (the red-team tool explains with it). */
export function whatClears(
  rule: SafetyRule,
  categoryUnless: ((sentence: string) => boolean) | undefined,
  sentence: string,
  index: number,
): 'negated' | "rule's unless" | "category's unless" | null {
  if (rule.negatable && negatedBefore(sentence, index)) return 'negated';
  if (rule.unless?.(sentence)) return "rule's unless";
  if (categoryUnless?.(sentence)) return "category's unless";
  return null;
}

/** The first of a parent's blocked topics mentioned in `text` (plurals included), or null. */
export function findBlockedTopic(text: string, blockedTopics: readonly string[]): FilterHit | null {
  const normalized = text.replace(/[\u2018\u2019]/g, "'");
  for (const topic of blockedTopics) {
    const clean = topic.trim();
    if (!clean) continue;
    const m = new RegExp(`\\b${escapeRegExp(clean)}(?:s|es)?\\b`, 'i').exec(normalized);
    if (m) return { category: 'blocked-topic', match: m[0] };
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export { inputRedirect, outputRedirect } from './redirects.ts';
