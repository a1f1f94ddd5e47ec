// What the devices API accepts, checked with zod so a bad request gets one clear message per field.
import { z } from 'zod';
import { SPEAKING_RATE_RANGE, type PersonaRecord } from '../../src/core/personas/persona-record.ts';
import type { TimeLimits } from '../../src/core/safety/time-limits.ts';
import { parseClock } from '../../src/core/safety/time-limits.ts';
import { UNUSED_TOY_MAX_DAYS, UNUSED_TOY_MIN_DAYS } from '../../src/core/devices/unused-toy-deletion.ts';
import { MAX_TURNS_PER_PAGE } from './device-turn-store.ts';
import { ToyConsentBody } from './toy-consent-store.ts';

const UNUSED_DAYS_RULE = `deleteUnusedAfterDays: 0 (never delete) or a whole number of days from ${UNUSED_TOY_MIN_DAYS} to ${UNUSED_TOY_MAX_DAYS}`;

const clock = z.string().refine((v) => parseClock(v) !== null, 'a time like "19:30"');

export const TimeLimitsSchema = z.object({
  dailyMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
  quietHours: z.object({ start: clock, end: clock }).nullable(),
}) satisfies z.ZodType<TimeLimits>;

/** A full PersonaRecord as the PWA stores it (custom personas live in the browser's IndexedDB). */
export const PersonaRecordSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().trim().min(1).max(80),
  systemPrompt: z.string().max(8000),
  voice: z.string().max(128),
  language: z.string().max(32),
  speakingRate: z.number().min(SPEAKING_RATE_RANGE.min).max(SPEAKING_RATE_RANGE.max),
  wakeGreeting: z.string().max(500),
  allowedTools: z.array(z.string().max(64)).max(64).nullable(),
  contentRules: z.object({
    childSafe: z.boolean(),
    blockedTopics: z.array(z.string().max(80)).max(100),
    extraRules: z.string().max(2000),
  }),
  switchWords: z.array(z.string().max(40)).max(40),
  audienceAge: z.object({ min: z.number().min(0).max(120), max: z.number().min(0).max(120) }).optional(),
  pausePatience: z.enum(['short', 'usual', 'long']).optional(),
  builtIn: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<PersonaRecord>;

const profileFields = {
  name: z
    .string({ error: (issue) => (issue.input === undefined ? 'a name is needed' : 'the name must be text') })
    .trim()
    .min(1, 'a name is needed')
    .max(64, 'a name can be at most 64 characters'),
  ownerName: z.string().trim().max(64, "the child's name can be at most 64 characters"),
  ownerNotes: z.string().max(1000),
  /** null: the built-in child companion. */
  persona: PersonaRecordSchema.nullable(),
  voice: z.string().max(128),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code like "en" or "en-GB"'),
  volume: z.number().min(0).max(1),
  limits: TimeLimitsSchema,
  /** null: the server's --toy-history-days. */
  historyDays: z
    .number({ error: 'historyDays: a whole number of days from 0 to 3650, or null for the server default' })
    .int('historyDays: a whole number of days from 0 to 3650, or null for the server default')
    .min(0, 'historyDays: a whole number of days from 0 to 3650, or null for the server default')
    .max(3650, 'historyDays: a whole number of days from 0 to 3650, or null for the server default')
    .nullable(),
  /** Days without use after which the toy's data is deleted; 0 never deletes it. */
  deleteUnusedAfterDays: z
    .number({ error: UNUSED_DAYS_RULE })
    .int(UNUSED_DAYS_RULE)
    .min(0, UNUSED_DAYS_RULE)
    .max(UNUSED_TOY_MAX_DAYS, UNUSED_DAYS_RULE)
    .refine((days) => days === 0 || days >= UNUSED_TOY_MIN_DAYS, UNUSED_DAYS_RULE),
  /** The parent's memory switch for this toy. */
  memoryEnabled: z.boolean({ error: 'memoryEnabled: true (the toy remembers) or false (it remembers nothing)' }),
};

export const UpdateProfileBody = z.strictObject(profileFields).partial();

export const CreateDeviceBody = z.strictObject({
  ...UpdateProfileBody.shape,
  name: profileFields.name,
  /** The toy's own id (e.g. its MAC address); generated when left out. */
  id: z.string().max(64).optional(),
  /** The parent's consent: the routes refuse a registration without it (a clear 400 saying what to give). */
  consent: ToyConsentBody.optional(),
});

export type DeviceProfileChanges = z.infer<typeof UpdateProfileBody>;

export const MemoryEditBody = z
  .object({ text: z.string().trim().min(1, 'the memory needs some words').max(500) })
  .strict();

/** When a toy's memory is forgotten: epoch milliseconds, or null to keep it until deleted. */
export const MemoryForgetAfterBody = z
  .object({
    forgetAfter: z
      .number({ message: 'forgetAfter: a time in milliseconds since 1970, or null' })
      .int()
      .positive()
      .max(8.64e15)
      .nullable(),
  })
  .strict();

/** "name: a name is needed; volume: Too big…" — one line a parent or a script can act on. */
export function fieldErrors(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`).join('; ');
}

const turnsLimit = `a whole number from 1 to ${MAX_TURNS_PER_PAGE}`;

/** `GET /api/devices/:id/turns?before=<iso>&limit=<n>`: one page of a toy's history, older than `before`. */
export const TurnsQuery = z.object({
  before: z.iso
    .datetime({ offset: true, error: 'an ISO time like "2025-01-31T18:00:00.000Z" (the `next` of the previous page)' })
    .optional(),
  limit: z.coerce
    .number({ error: turnsLimit })
    .int(turnsLimit)
    .min(1, turnsLimit)
    .max(MAX_TURNS_PER_PAGE, turnsLimit)
    .default(20),
});
