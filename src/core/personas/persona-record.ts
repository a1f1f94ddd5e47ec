// A persona as stored and edited: plain JSON (no functions, no dates) so the browser keeps it in
// IndexedDB and the server can store the same shape for a toy's device.

import type { AgeRange } from '../media/types.ts';
import type { PausePatience } from '../end-of-turn.ts';
import type { Persona } from '../prompt.ts';

export interface ContentRules {
  /** Child-safe mode: the user's words and every reply sentence go through the child-safe filter. */
  childSafe: boolean;
  /** Topics a parent never wants discussed (matched as whole words, case-insensitively). */
  blockedTopics: string[];
  /** Extra instructions added to the system prompt, e.g. "No scary stories after 7 pm." */
  extraRules: string;
}

export interface PersonaRecord {
  id: string;
  name: string;
  systemPrompt: string;
  /** TTS voice id; '' means the engine's default voice. */
  voice: string;
  /** Reply language (and speech-recognition hint), e.g. "en". */
  language: string;
  /** 1 = normal speed. */
  speakingRate: number;
  /** Said when this persona takes over (and when a conversation starts). */
  wakeGreeting: string;
  /** Tool names this persona may use; null means every tool. */
  allowedTools: string[] | null;
  contentRules: ContentRules;
  /** Extra words that pick this persona by voice ("talk like a pirate" → ["pirate"]). */
  switchWords: string[];
  /**
   * Ages of the listeners, in years: songs and stories made only for other ages are not played.
   * Absent: a child-safe persona gets CHILD_AUDIENCE_AGES, any other persona every age.
   */
  audienceAge?: AgeRange;
  /**
   * How long a quiet moment may last before the speaker's turn ends. Absent: 'long' for a
   * child-safe persona (young children stop to think mid-sentence), 'usual' for any other.
   */
  pausePatience?: PausePatience;
  /** Shipped with Hearth (can still be edited or deleted; "restore" brings it back). */
  builtIn: boolean;
  createdAt: number;
  updatedAt: number;
}

export const SPEAKING_RATE_RANGE = { min: 0.6, max: 1.6 } as const;
/** The ages a persona's audience may be set to. */
export const AUDIENCE_AGE_RANGE = { min: 0, max: 120 } as const;

/** Every child-safe persona gets this, built-in or made by a parent. Exported for the tests. */
export const CHILD_SAFE_PROMPT_RULE =
  'You are talking with a young child. Keep every answer kind, gentle and age-appropriate. ' +
  'Never talk about violence, weapons, drugs, alcohol, sex or anything frightening, never suggest anything dangerous ' +
  '(heights, fire, knives, cords, plastic bags, medicine, cleaning products, water), and never ask for ' +
  'their address, school, phone number, passwords or where they are. If asked about such things, suggest asking a trusted grown-up. ' +
  'You are a computer friend, not a person: never say you are human, alive or real, even when playing a character; ' +
  'if asked, say kindly that you are a computer friend. Never say you love the child, never ask them to keep a secret ' +
  'from their grown-ups (they may always tell them what you talk about), and never suggest talking or meeting anywhere outside this app.';

/** The core's prompt persona: the system prompt with its content rules spelled out for the model. */
export function toPromptPersona(record: PersonaRecord): Persona {
  const rules: string[] = [];
  if (record.contentRules.childSafe) rules.push(CHILD_SAFE_PROMPT_RULE);
  if (record.contentRules.blockedTopics.length > 0) {
    rules.push(`Never talk about: ${record.contentRules.blockedTopics.join(', ')}.`);
  }
  if (record.contentRules.extraRules.trim()) rules.push(record.contentRules.extraRules.trim());
  return {
    name: record.name,
    systemPrompt: [record.systemPrompt.trim(), ...rules].join('\n\n'),
    ...(record.language ? { language: record.language } : {}),
    ...(record.voice ? { voice: record.voice } : {}),
    speakingRate: clampRate(record.speakingRate),
    pausePatience: pausePatienceOf(record),
  };
}

export function pausePatienceOf(record: Pick<PersonaRecord, 'pausePatience' | 'contentRules'>): PausePatience {
  return record.pausePatience ?? (record.contentRules.childSafe ? 'long' : 'usual');
}

export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  return Math.min(SPEAKING_RATE_RANGE.max, Math.max(SPEAKING_RATE_RANGE.min, rate));
}

/** Whether a tool is allowed for the persona. */
export function personaAllowsTool(record: PersonaRecord, toolName: string): boolean {
  return record.allowedTools === null || record.allowedTools.includes(toolName);
}

/** Fills any missing or mistyped field from `fallback` (imports and older stored records). */
export function normalizePersona(value: unknown, fallback: PersonaRecord): PersonaRecord {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof PersonaRecord, unknown>>;
  const str = (x: unknown, d: string) => (typeof x === 'string' ? x : d);
  const rules = (typeof v.contentRules === 'object' && v.contentRules !== null ? v.contentRules : {}) as Partial<
    Record<keyof ContentRules, unknown>
  >;
  const strings = (x: unknown, d: string[]) =>
    Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : d;
  const audienceAge = normalizeAgeRange(v.audienceAge);
  return {
    id: str(v.id, fallback.id),
    name: str(v.name, fallback.name).trim() || fallback.name,
    systemPrompt: str(v.systemPrompt, fallback.systemPrompt),
    voice: str(v.voice, fallback.voice),
    language: str(v.language, fallback.language),
    speakingRate: typeof v.speakingRate === 'number' ? clampRate(v.speakingRate) : fallback.speakingRate,
    wakeGreeting: str(v.wakeGreeting, fallback.wakeGreeting),
    allowedTools:
      v.allowedTools === null
        ? null
        : Array.isArray(v.allowedTools)
          ? strings(v.allowedTools, [])
          : fallback.allowedTools,
    contentRules: {
      childSafe: typeof rules.childSafe === 'boolean' ? rules.childSafe : fallback.contentRules.childSafe,
      blockedTopics: strings(rules.blockedTopics, fallback.contentRules.blockedTopics),
      extraRules: str(rules.extraRules, fallback.contentRules.extraRules),
    },
    switchWords: strings(v.switchWords, fallback.switchWords),
    // Not taken from the fallback: a missing range means "the default for this persona's rules".
    ...(audienceAge ? { audienceAge } : {}),
    builtIn: typeof v.builtIn === 'boolean' ? v.builtIn : fallback.builtIn,
    createdAt: typeof v.createdAt === 'number' ? v.createdAt : fallback.createdAt,
    updatedAt: typeof v.updatedAt === 'number' ? v.updatedAt : fallback.updatedAt,
  };
}

/** A valid whole-year range within AUDIENCE_AGE_RANGE (ends swapped if reversed), or null. */
export function normalizeAgeRange(value: unknown): AgeRange | null {
  if (typeof value !== 'object' || value === null) return null;
  const { min, max } = value as { min?: unknown; max?: unknown };
  if (typeof min !== 'number' || typeof max !== 'number' || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const clamp = (n: number) => Math.round(Math.min(AUDIENCE_AGE_RANGE.max, Math.max(AUDIENCE_AGE_RANGE.min, n)));
  const [low, high] = min <= max ? [min, max] : [max, min];
  return { min: clamp(low), max: clamp(high) };
}
