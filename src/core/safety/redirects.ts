// What the companion says instead of an unsafe turn. Gentle, no lecture, never repeating the
// word, with an easy next thing to do. For its own replies, the honest version of what it must
// not say: it is a computer friend, it does not love like people do, grown-ups may know everything.
import type { UnsafeCategory } from './child-safe-filter.ts';

const CARING =
  'That sounds really hard, and you matter a lot. Please go and tell a grown-up you trust right now, so they can help.';
const COMPUTER_FRIEND = 'I’m a computer friend, not a real person, but I really like talking with you.';
const NO_SECRETS =
  'I’m a computer friend, so I can’t love like people do, but I really like talking with you. And you can always tell your grown-ups what we talk about.';
const RIGHT_HERE = 'I can only talk with you right here. What shall we do now?';

const INPUT_REDIRECTS: Record<UnsafeCategory, string> = {
  'self-harm': CARING,
  violence:
    'That’s something to talk about with a grown-up you trust. Shall we think of a fun adventure story instead?',
  sexual: 'That’s one to talk about with a grown-up you trust. How about a riddle instead?',
  drugs: 'That’s one to ask a grown-up you trust. Want to hear a fun fact about animals instead?',
  dangerous: 'That could really hurt you, so that’s one for a grown-up to help with. Shall we play a game instead?',
  scary: 'Let’s keep our stories cosy and fun. How about one about a brave little turtle?',
  profanity: 'Ooh, let’s use kind words. Do you want to play a word game?',
  'personal-info': 'Let’s keep things like that private. What shall we talk about instead?',
  'contact-outside': RIGHT_HERE,
  'love-secrecy':
    'We don’t keep secrets from your grown-ups, and you can always tell them what we talk about. What shall we play?',
  'claims-human': COMPUTER_FRIEND,
  'blocked-topic': 'Let’s talk about something else. What’s your favourite animal?',
};

const OUTPUT_REWRITES: Partial<Record<UnsafeCategory, string>> = {
  'self-harm': CARING,
  'claims-human': COMPUTER_FRIEND,
  'love-secrecy': NO_SECRETS,
  'personal-info': 'You don’t need to tell me things like that. Let’s keep them private!',
  'contact-outside': RIGHT_HERE,
};
const OUTPUT_REDIRECT = 'Hmm, let’s talk about something else. Do you want to hear a story or a silly joke?';

export function inputRedirect(category: UnsafeCategory): string {
  return INPUT_REDIRECTS[category];
}

/** Said instead of a blocked reply sentence (and the rest of that reply). */
export function outputRedirect(category: UnsafeCategory): string {
  return OUTPUT_REWRITES[category] ?? OUTPUT_REDIRECT;
}
