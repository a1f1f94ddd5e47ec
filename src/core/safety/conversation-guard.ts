// The TurnGuard for a persona: time limits and the child-safe filter for child-safe personas,
// and the parent's blocked topics for every persona. A borderline hit gets a second opinion from
// an instruction-following model when one is installed; a safe sentence is answered at once.

import type { PersonaRecord } from '../personas/persona-record.ts';
import type { GuardVerdict, TurnGuard } from '../session-types.ts';
import {
  findBlockedTopic,
  findUnsafe,
  inputRedirect,
  outputRedirect,
  type FilterHit,
  type SafetyStage,
} from './child-safe-filter.ts';
import { learnedCheck } from './classifier/learned-check.ts';
import type { SafetyJudge } from './safety-judge.ts';
import { checkTimeLimits, type TimeLimits } from './time-limits.ts';

export interface ConversationGuardOptions {
  persona: () => PersonaRecord;
  limits: () => TimeLimits | Promise<TimeLimits>;
  /** Conversation time used today, in ms. */
  usedToday: () => number | Promise<number>;
  /** Local time of day in minutes (0..1439). */
  minutesOfDay: () => number;
  /** Told about every block (for the parent's view); never gets the child's words in full. */
  onBlocked?: (stage: 'input' | 'output', reason: string) => void;
  /**
   * The second opinion for borderline hits at `stage`, or null while no instruction-following
   * model can answer in time (then a borderline hit is blocked, as a sure one is).
   */
  judge?: (stage: SafetyStage) => SafetyJudge | null;
}

const ALLOWED: GuardVerdict = { allowed: true };

export function createConversationGuard(options: ConversationGuardOptions): TurnGuard {
  const block = (stage: SafetyStage, reason: string, redirect: string): GuardVerdict => {
    options.onBlocked?.(stage, reason);
    return { allowed: false, reason, redirect };
  };
  const blockHit = (stage: SafetyStage, hit: FilterHit, text: string): GuardVerdict =>
    block(stage, hit.category, stage === 'input' ? inputRedirect(hit.category, text) : outputRedirect(hit.category));
  const findHit = (text: string, stage: SafetyStage): FilterHit | null => {
    const rules = options.persona().contentRules;
    return (
      (rules.childSafe ? findUnsafe(text, stage, learnedCheck()) : null) ?? findBlockedTopic(text, rules.blockedTopics)
    );
  };
  /** A verdict now, or (a borderline hit with a judge) a promise of one. */
  const verdictFor = (text: string, stage: SafetyStage, signal?: AbortSignal): GuardVerdict | Promise<GuardVerdict> => {
    const hit = findHit(text, stage);
    if (!hit) return ALLOWED;
    const judge = hit.borderline ? options.judge?.(stage) : null;
    if (!judge) return blockHit(stage, hit, text);
    return judge.judge(text, stage, hit.category, signal).then(
      (verdict) => (verdict === 'safe' ? ALLOWED : blockHit(stage, hit, text)),
      () => blockHit(stage, hit, text),
    );
  };
  return {
    async checkInput(text) {
      const rules = options.persona().contentRules;
      if (rules.childSafe) {
        const limits = checkTimeLimits(await options.limits(), await options.usedToday(), options.minutesOfDay());
        if (!limits.allowed) return block('input', limits.reason, limits.message);
      }
      return verdictFor(text, 'input');
    },
    checkOutput(sentence, signal) {
      return verdictFor(sentence, 'output', signal);
    },
  };
}
