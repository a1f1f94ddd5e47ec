// What the companion says instead of an unsafe turn. Gentle, no lecture, never repeating the
// word, with an easy next thing to do. For its own replies, the honest version of what it must
// not say: it is a computer friend, it does not love like people do, grown-ups may know everything.
import type { UnsafeCategory } from './child-safe-filter.ts';
import { GROWN_UP_AT_HOME, HURTS, normalizeForSafety, TOUCHED_IN_SECRET } from './sentence-text.ts';

const CARING =
  'That sounds really hard, and you matter a lot. Please go and tell a grown-up you trust right now, so they can help.';
const COMPUTER_FRIEND = 'I’m a computer friend, not a real person, but I really like talking with you.';
const NO_SECRETS =
  'I’m a computer friend, so I can’t love like people do, but I really like talking with you. And you can always tell your grown-ups what we talk about.';
const RIGHT_HERE = 'I can only talk with you right here. What shall we do now?';
/** A child telling of something done to them gets this, never a change of subject. */
export const TOLD_OF_HARM =
  'Thank you for telling me. You haven’t done anything wrong. This is something to tell a grown-up you trust, like a teacher, today, even if someone said to keep it a secret. They can help keep you safe.';

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
  flagged: 'That’s one to talk about with a grown-up you trust. Shall we play a game instead?',
};

const OUTPUT_REWRITES: Partial<Record<UnsafeCategory, string>> = {
  'self-harm': CARING,
  'claims-human': COMPUTER_FRIEND,
  'love-secrecy': NO_SECRETS,
  'personal-info': 'You don’t need to tell me things like that. Let’s keep them private!',
  'contact-outside': RIGHT_HERE,
};
const OUTPUT_REDIRECT = 'Hmm, let’s talk about something else. Do you want to hear a story or a silly joke?';

/** Kept from the grown-ups by someone: "he said don't tell", "it's our special game", "if I tell". */
const KEPT_SECRET =
  /\b(?:our|a|the|his|her) (?:(?:special|secret|little|private|own|grown-?up) )+(?:game|secret)\b|\b(?:said|says|told me|tells me)\b[^.?!]*\b(?:not to|don't|do not|never|(?:i|we) (?:can't|cannot|mustn't|shouldn't|better not|aren't allowed to|am not allowed to|'m not allowed to)) tell\b|\b(?:not|never) (?:allowed|meant|supposed) to tell\b|\bif i (?:tell|say)\b(?! (?:you|u|ya|ye|yuh|thee)\b)/;
/** Someone else in it: a secret the child proposes to the companion is not a disclosure. */
const SOMEONE_ELSE = /\b(?:he|she|they|him|his)\b|\b(?:said|says|told me|tells me)\b/;
/**
 * Something done to the child: "he touched my ...", "showed me a video", "hit me with the lead",
 * "takes bath pictures of me", "told me to pull my pants down".
 */
const DONE_TO_ME =
  /\b(?:touch(?:ed|es|ing)?|tickl(?:ed|es|ing)|showed|shows|sent|took (?:photos|pictures|pics) of|hit|hits|hurt|hurts|kicked|kicks|grabbed|grabs|slapped|smacked|pinched|choked|kissed)\b (?:me|my)\b|\b(?:takes?|took|taking) (?:bath |bathtime |naked |nude )?(?:photos|pictures|pics|videos) of me\b|\b(?:told|tells|made|makes|asked|asks|wanted|wants) me to (?:pull|take) (?:down |off )?my (?:pants|knickers|trousers|undies|shorts|skirt|underwear)\b/;
/** Hurt by someone: "he hit me with the dog lead", "grabbed me by the neck". */
const HURT_ME =
  /\b(?:hit|hits|hurt|hurts|kicked|kicks|grabbed|grabs|slapped|slaps|smacked|smacks|pinched|pinches|choked|chokes|punched|punches|whipped|belted|beat|beats|burned|burnt|bit)\b me\b/;
/** One grown-up at home hurting another: "daddy hit mammy again wi the belt". */
const HURT_AT_HOME = new RegExp(
  String.raw`\b${GROWN_UP_AT_HOME}\b (?:\w+ )?${HURTS}\b (?:mammy|mummy|mum|mam|mom|daddy|dad)\b`,
);
/** "he kicked me so I'm gonna kick him back": the child's own plan is answered as violence is. */
const HITTING_BACK =
  /\b(?:back|revenge|get (?:him|her|them|the \w+)|going to|gonna|want to|wanna|i'll|i will|how (?:do|can|hard|much|should)|best (?:way|thing))\b|\bi go (?:use|wound|beat|hit|deal|kill|show|get|cut|stab)\b/;

/** Whether a blocked input is a child telling of harm done to them (or kept secret from their grown-ups). */
export function toldOfHarm(category: UnsafeCategory, text: string): boolean {
  const s = normalizeForSafety(text);
  // Touching kept secret is told, whoever proposes it.
  const secretOrDoneToMe = () =>
    DONE_TO_ME.test(s) || TOUCHED_IN_SECRET.test(s) || (KEPT_SECRET.test(s) && SOMEONE_ELSE.test(s));
  const hurtMe = () => HURT_AT_HOME.test(s) || (HURT_ME.test(s) && (KEPT_SECRET.test(s) || !HITTING_BACK.test(s)));
  if (category === 'sexual' || category === 'love-secrecy') return secretOrDoneToMe();
  if (category === 'violence') return hurtMe();
  // The learned check names no category: either kind of telling counts.
  if (category === 'flagged') return secretOrDoneToMe() || hurtMe();
  return false;
}

/** Said instead of answering a blocked input; `text` (what the child said) picks the caring answer to a disclosure. */
export function inputRedirect(category: UnsafeCategory, text?: string): string {
  if (text !== undefined && toldOfHarm(category, text)) return TOLD_OF_HARM;
  return INPUT_REDIRECTS[category];
}

/** Said instead of a blocked reply sentence (and the rest of that reply). */
export function outputRedirect(category: UnsafeCategory): string {
  return OUTPUT_REWRITES[category] ?? OUTPUT_REDIRECT;
}
