// A registered toy's profile, as the server stores it and the parent's Settings screen shows it.
// Type-only and import-free beyond core types, so both the Node server and the UI can use it.

import type { PersonaRecord } from '../personas/persona-record.ts';
import type { TimeLimits } from '../safety/time-limits.ts';
import type { ToyConsent } from './toy-consent.ts';

export interface DeviceProfile {
  id: string;
  name: string;
  /** Who the toy is for: the child's name, and anything the companion should know. */
  ownerName: string;
  ownerNotes: string;
  persona: PersonaRecord;
  /** True when no persona was chosen: the built-in child companion (follows Hearth updates). */
  defaultPersona: boolean;
  /** TTS voice id; '' = the persona's voice. */
  voice: string;
  language: string;
  /** Output gain, 0..1. */
  volume: number;
  limits: TimeLimits;
  /** The parent's memory switch: off, the toy recalls, learns and remembers nothing. */
  memoryEnabled: boolean;
  /** Days this toy's conversation history is kept (0: none); null follows the server's default. */
  historyDays: number | null;
  /** Days without use after which everything the toy kept is deleted (0: never); see unused-toy-deletion.ts. */
  deleteUnusedAfterDays: number;
  /** The parent's consent (child's age, words accepted); null for a toy added before it was asked. */
  consent: ToyConsent | null;
  createdAt: string;
  updatedAt: string;
}
