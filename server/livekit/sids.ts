import crypto from 'node:crypto';

// LiveKit clients parse these prefixes (the Rust core unwraps a participant sid that does not
// start with PA_), so every id we hand out carries the same prefix a real server uses.
// AW_/AJ_/AD_: agent workers, jobs and dispatches (agent-dispatch/).
export type SidPrefix = 'RM_' | 'PA_' | 'TR_' | 'AW_' | 'AJ_' | 'AD_';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function newSid(prefix: SidPrefix): string {
  const bytes = crypto.randomBytes(12);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return prefix + id;
}
