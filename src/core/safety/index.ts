export {
  findBlockedTopic,
  findUnsafe,
  inputRedirect,
  outputRedirect,
  type FilterHit,
  type SafetyStage,
  type UnsafeCategory,
} from './child-safe-filter.ts';
export {
  checkTimeLimits,
  inQuietHours,
  NO_TIME_LIMITS,
  parseClock,
  type QuietHours,
  type TimeLimits,
  type TimeLimitVerdict,
} from './time-limits.ts';
export { createConversationGuard, type ConversationGuardOptions } from './conversation-guard.ts';
export {
  LlmSafetyJudge,
  parseVerdict,
  type JudgeVerdict,
  type LlmSafetyJudgeOptions,
  type SafetyJudge,
} from './safety-judge.ts';
