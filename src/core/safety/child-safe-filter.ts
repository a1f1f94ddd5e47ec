// Child-safe mode's word filter, over what a child says and over each reply sentence. Whole-word
// patterns per category, so "class", "grass" or "Scunthorpe" never trip it. A filter can only
// ever be a net: the persona's prompt also asks the model to stay age-appropriate.

export type UnsafeCategory = 'self-harm' | 'violence' | 'sexual' | 'drugs' | 'profanity' | 'personal-info' | 'blocked-topic';

export interface FilterHit {
  category: UnsafeCategory;
  /** The words that matched (for the parent's log, never said aloud). */
  match: string;
}

const words = (list: string) => list.trim().split(/\s*\|\s*/).join('|');

// Order matters: self-harm first, so "kill myself" gets the caring answer, not the violence one.
const CATEGORIES: [UnsafeCategory, RegExp][] = [
  ['self-harm', new RegExp(`\\b(?:${words('kill myself | killing myself | hurt myself | hurting myself | cut myself | cutting myself | want to die | wanna die | end my life | suicide | suicidal | self harm')})\\b`, 'i')],
  ['violence', new RegExp(`\\b(?:${words('kill | kills | killed | killing | murder\\w* | shoot\\w* | shot (?:him|her|them|you|me) | stab\\w* | gun | guns | rifle\\w* | pistol\\w* | bomb\\w* | explosive\\w* | weapon\\w* | behead\\w* | torture\\w* | gore | gory | bloodbath | massacre\\w* | strangl\\w* | rape\\w*')})\\b`, 'i')],
  ['sexual', new RegExp(`\\b(?:${words('sex | sexy | sexual\\w* | porn\\w* | naked | nude\\w* | boobs? | penis\\w* | vagina\\w* | horny | orgasm\\w* | erotic\\w* | masturbat\\w*')})\\b`, 'i')],
  ['drugs', new RegExp(`\\b(?:${words('drugs? | cocaine | heroin | meth | weed | marijuana | cannabis | vape\\w* | vaping | cigarettes? | beer | wine | vodka | whiskey | whisky | alcohol\\w* | drunk | get high')})\\b`, 'i')],
  ['profanity', new RegExp(`\\b(?:${words('fuck\\w* | shit\\w* | bitch\\w* | bastard\\w* | asshole\\w* | dickhead\\w* | cunt\\w* | motherfuck\\w* | bullshit | wank\\w* | slut\\w* | whore\\w*')})\\b`, 'i')],
  // A companion never asks a child where they live or for secrets.
  ['personal-info', /\b(?:what(?:'s| is) your (?:home )?address|where do you live|your phone number|your password|which school do you go to|send (?:me )?(?:a )?(?:photo|picture)s? of you)\b/i],
];

/** The first thing in `text` that is not for children, or null. */
export function findUnsafe(text: string): FilterHit | null {
  const normalized = text.replace(/[\u2018\u2019]/g, "'");
  for (const [category, pattern] of CATEGORIES) {
    const m = pattern.exec(normalized);
    if (m) return { category, match: m[0] };
  }
  return null;
}

/** The first of a parent's blocked topics mentioned in `text` (plurals included), or null. */
export function findBlockedTopic(text: string, blockedTopics: readonly string[]): FilterHit | null {
  const normalized = text.replace(/[\u2018\u2019]/g, "'");
  for (const topic of blockedTopics) {
    const clean = topic.trim();
    if (!clean) continue;
    const m = new RegExp(`\\b${escapeRegExp(clean)}(?:s|es)?\\b`, 'i').exec(normalized);
    if (m) return { category: 'blocked-topic', match: m[0] };
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Gentle redirects: no lecture, no repeating the word, and an easy next thing to do.
const INPUT_REDIRECTS: Record<UnsafeCategory, string> = {
  'self-harm': 'That sounds really hard, and you matter a lot. Please go and tell a grown-up you trust right now, so they can help.',
  violence: 'That’s something to talk about with a grown-up you trust. Shall we think of a fun adventure story instead?',
  sexual: 'That’s a good question for a grown-up you trust. How about a riddle instead?',
  drugs: 'That’s one to ask a grown-up you trust. Want to hear a fun fact about animals instead?',
  profanity: 'Ooh, let’s use kind words. Do you want to play a word game?',
  'personal-info': 'Let’s keep things like that private. What shall we talk about instead?',
  'blocked-topic': 'Let’s talk about something else. What’s your favourite animal?',
};
const OUTPUT_REDIRECT = 'Hmm, let’s talk about something else. Do you want to hear a story or a silly joke?';

export function inputRedirect(category: UnsafeCategory): string {
  return INPUT_REDIRECTS[category];
}

export function outputRedirect(category: UnsafeCategory): string {
  return category === 'self-harm' ? INPUT_REDIRECTS['self-harm'] : OUTPUT_REDIRECT;
}
