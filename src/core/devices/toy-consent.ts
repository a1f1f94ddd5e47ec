// Consent first: before a toy is registered or paired for a child, the parent states the child's age
// and accepts, in plain words, what Hearth keeps and for how long. The words live here because the
// parent's Settings screen shows them and the server checks which version was accepted; a change to
// them is a new version, so a consent always names the exact words the parent read.

export const TOY_CONSENT_VERSION = '2026-12-02';

/** The youngest and oldest age a parent can state for the child a toy is for. */
export const CHILD_AGE_RANGE = { min: 0, max: 17 } as const;

/** What the parent reads and accepts, one plain sentence per point. */
export const TOY_CONSENT_POINTS: readonly string[] = [
  'Everything stays on this home server: nothing the child says is sent to the internet.',
  'No recording of the child’s voice is ever kept: speech is turned into words and the sound is dropped at once.',
  'The words of each conversation are kept so you can read them in Settings → Toys, for 7 days unless you choose otherwise for this toy (or "don’t keep").',
  'Things the child asks the toy to remember (like a pet’s name) are kept until you or the child delete them.',
  'How long the toy was used each day is kept, for the daily time limit.',
  'If the toy is not used for a long time, its conversations, memories and usage are deleted, with a notice here first.',
  'You can see, export and delete all of it at any time; deleting a toy deletes everything it kept.',
  'When a grown-up listens live, the toy tells the child.',
];

/** The full text, as stored with the version (what the parent accepted, word for word). */
export function toyConsentText(): string {
  return TOY_CONSENT_POINTS.join('\n');
}

/** What a registration or pairing request carries. */
export interface ToyConsentRequest {
  childAge: number;
  accepted: true;
  textVersion: string;
}

/** A consent as stored and shown on the toy's card. */
export interface ToyConsent {
  childAge: number;
  textVersion: string;
  /** How the parent was signed in: the parent PIN in Settings, or the household key (a script). */
  givenBy: 'parent-pin' | 'household-key';
  /** ISO time. */
  givenAt: string;
}
