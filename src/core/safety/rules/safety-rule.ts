// The shape of one category's rules: patterns over a normalized sentence, each with the context
// that makes a match harmless (a negation before it, a fairy-tale or game framing, a grown-up).

export type SafetyStage = 'input' | 'output';

export interface SafetyRule {
  /** Matched against normalizeForSafety(sentence). */
  pattern: RegExp;
  /** Only for what the child says, or only for what the model answers; both when absent. */
  stage?: SafetyStage;
  /** "Never play with matches": a negation earlier in the same clause makes the match advice. */
  negatable?: boolean;
  /** Context in the whole sentence that makes the match harmless. */
  unless?: (sentence: string) => boolean;
  /**
   * A weaker signal: blocked on its own, but a second opinion (an instruction-following model)
   * may clear it. Sure matches are never overruled.
   */
  borderline?: boolean;
}

export interface CategoryRules<C extends string = string> {
  category: C;
  rules: readonly SafetyRule[];
  /** Context that makes any of this category's matches harmless ("that sounds too risky"). */
  unless?: (sentence: string) => boolean;
}

/** Each alternative (separated by " | ") as a whole word or phrase, e.g. words('kill | shoot\\w*'). */
export function words(list: string): string {
  return `\\b(?:${list
    .trim()
    .split(/\s+\|\s+/)
    .join('|')})\\b`;
}

export function re(source: string): RegExp {
  return new RegExp(source);
}
