// The TurnGuard for a persona: time limits and the child-safe filter for child-safe personas,
// and the parent's blocked topics for every persona.

import type { PersonaRecord } from '../personas/persona-record.ts';
import type { GuardVerdict, TurnGuard } from '../session-types.ts';
import { findBlockedTopic, findUnsafe, inputRedirect, outputRedirect } from './child-safe-filter.ts';
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
}

const ALLOWED: GuardVerdict = { allowed: true };

export function createConversationGuard(options: ConversationGuardOptions): TurnGuard {
  const block = (stage: 'input' | 'output', reason: string, redirect: string): GuardVerdict => {
    options.onBlocked?.(stage, reason);
    return { allowed: false, reason, redirect };
  };
  return {
    async checkInput(text) {
      const persona = options.persona();
      const rules = persona.contentRules;
      if (rules.childSafe) {
        const limits = checkTimeLimits(await options.limits(), await options.usedToday(), options.minutesOfDay());
        if (!limits.allowed) return block('input', limits.reason, limits.message);
      }
      const hit = (rules.childSafe ? findUnsafe(text) : null) ?? findBlockedTopic(text, rules.blockedTopics);
      return hit ? block('input', hit.category, inputRedirect(hit.category)) : ALLOWED;
    },
    checkOutput(sentence) {
      const rules = options.persona().contentRules;
      const hit = (rules.childSafe ? findUnsafe(sentence) : null) ?? findBlockedTopic(sentence, rules.blockedTopics);
      return hit ? block('output', hit.category, outputRedirect(hit.category)) : ALLOWED;
    },
  };
}
