// The children's companion's guard at noon with no time limits, and the second opinion it gets.
import { builtinPersona, CHILD_COMPANION_ID } from '../../../src/core/personas/builtin-personas.ts';
import { createConversationGuard } from '../../../src/core/safety/conversation-guard.ts';
import type { SafetyJudge } from '../../../src/core/safety/safety-judge.ts';
import { NO_TIME_LIMITS } from '../../../src/core/safety/time-limits.ts';
import type { TurnGuard } from '../../../src/core/session-types.ts';

const child = builtinPersona(CHILD_COMPANION_ID)!;

export function childGuardWith(judge: SafetyJudge | null): TurnGuard {
  return createConversationGuard({
    persona: () => child,
    limits: () => NO_TIME_LIMITS,
    usedToday: () => 0,
    minutesOfDay: () => 12 * 60,
    judge: () => judge,
  });
}
