// The parent's data ledger: every kind of data Hearth keeps, where, for how long and how many.
// Type-only shapes plus the fixed words, shared by the server (each toy's data) and the browser
// (this device's data) so both halves of the ledger say the same things the same way.

/** Where a kind of data lives. */
export type DataPlace = 'home-server' | 'this-device';

export interface LedgerEntry {
  /** Stable id used in export/delete routes ("history", "memories", ...). */
  kind: string;
  /** Short name for the parent ("Conversation history"). */
  label: string;
  /** What is in it, in plain words. */
  what: string;
  where: DataPlace;
  /** How long it is kept, in plain words ("7 days", "until you delete it"). */
  keptFor: string;
  count: number;
  /** What `count` counts ("turns", "memories", "days"). */
  unit: string;
  /** False when it goes only with its toy (a toy's consent, profile and credential). */
  deletable: boolean;
  /** Why it cannot be deleted alone, and what deletes it. */
  deleteNote?: string;
}

export interface ToyLedger {
  id: string;
  name: string;
  entries: LedgerEntry[];
}

/** GET /api/privacy/ledger */
export interface ServerLedger {
  /** Always false: no audio of a child is written anywhere. Tests check the claim. */
  audioStored: false;
  toys: ToyLedger[];
}

/** Each toy's kinds, in the order the ledger lists them. */
export const TOY_DATA_KINDS = ['history', 'memories', 'usage', 'consent', 'profile', 'credential'] as const;
export type ToyDataKind = (typeof TOY_DATA_KINDS)[number];

export function isToyDataKind(kind: string): kind is ToyDataKind {
  return (TOY_DATA_KINDS as readonly string[]).includes(kind);
}

/** Said once on the ledger, for toys and browsers alike. */
export const NO_AUDIO_STATEMENT =
  'Hearth never stores a recording of a child’s voice, on the home server or on this device: speech is turned into words in memory and the sound is dropped at once.';

/** "7 days", "1 day", or "not kept" for 0. */
export function keptForDays(days: number): string {
  if (days <= 0) return 'not kept';
  return days === 1 ? '1 day' : `${days} days`;
}
