// The parent's consent for each toy (consent first, issue 14): checked on the way in, stored with
// the toy, shown on its card. A registration or pairing without it is refused with a clear 400.
import { z } from 'zod';
import {
  CHILD_AGE_RANGE,
  TOY_CONSENT_VERSION,
  type ToyConsent,
  type ToyConsentRequest,
} from '../../src/core/devices/toy-consent.ts';
import type { HearthDatabase } from '../db/database.ts';

export type { ToyConsent, ToyConsentRequest };

const AGE_MESSAGE = `the child's age in whole years, from ${CHILD_AGE_RANGE.min} to ${CHILD_AGE_RANGE.max}`;

export const ToyConsentBody = z.strictObject({
  childAge: z
    .number({ error: AGE_MESSAGE })
    .int(AGE_MESSAGE)
    .min(CHILD_AGE_RANGE.min, AGE_MESSAGE)
    .max(CHILD_AGE_RANGE.max, AGE_MESSAGE),
  accepted: z.literal(true, {
    error: 'the parent must accept what Hearth keeps and for how long (accepted: true)',
  }),
  textVersion: z.literal(TOY_CONSENT_VERSION, {
    error: `the words were updated: read them again (GET /api/toys/consent) and accept version ${TOY_CONSENT_VERSION}`,
  }),
}) satisfies z.ZodType<ToyConsentRequest>;

/** Said when a registration or pairing comes without `consent`. */
export const CONSENT_MISSING =
  "consent: before a toy is added for a child, the parent states the child's age and accepts what Hearth keeps " +
  `and for how long: send consent {childAge, accepted: true, textVersion: "${TOY_CONSENT_VERSION}"} (the words: GET /api/toys/consent)`;

export class ToyConsentStore {
  constructor(private readonly db: HearthDatabase) {}

  /** The toy's consent, or null (a toy added before consent was asked). */
  get(deviceId: string): ToyConsent | null {
    const row = this.db
      .prepare('SELECT device_id, child_age, text_version, given_by, given_at FROM device_consents WHERE device_id = ?')
      .get(deviceId) as ConsentRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every toy's consent, by device id. */
  all(): Map<string, ToyConsent> {
    const rows = this.db
      .prepare('SELECT device_id, child_age, text_version, given_by, given_at FROM device_consents')
      .all() as ConsentRow[];
    return new Map(rows.map((row) => [row.device_id, fromRow(row)]));
  }

  /** Records (or replaces, e.g. a new age) the consent for an existing toy. */
  record(deviceId: string, consent: ToyConsentRequest, givenBy: ToyConsent['givenBy'], at = new Date()): ToyConsent {
    const stored: ToyConsent = {
      childAge: consent.childAge,
      textVersion: consent.textVersion,
      givenBy,
      givenAt: at.toISOString(),
    };
    this.db
      .prepare(
        `INSERT INTO device_consents (device_id, child_age, text_version, given_by, given_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET child_age = excluded.child_age, text_version = excluded.text_version,
           given_by = excluded.given_by, given_at = excluded.given_at`,
      )
      .run(deviceId, stored.childAge, stored.textVersion, stored.givenBy, stored.givenAt);
    return stored;
  }
}

interface ConsentRow {
  device_id: string;
  child_age: number;
  text_version: string;
  given_by: ToyConsent['givenBy'];
  given_at: string;
}

function fromRow(row: ConsentRow): ToyConsent {
  return { childAge: row.child_age, textVersion: row.text_version, givenBy: row.given_by, givenAt: row.given_at };
}
