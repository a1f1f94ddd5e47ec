// Deterministic fact extraction for the common ways people tell a companion about themselves.
// Memory must work with a tiny model that cannot produce JSON, so these rules carry the basics:
// name, age, home, birthday, family, pets, favourites, likes and dislikes.

import type { Fact, FactExtractor } from './memory-types.ts';

/** Where a phrase ends: punctuation, or "and/but/because" starting a new clause about the user. */
const CLAUSE_END = /\s*(?:[,.!?;]|\s(?:and|but|because|so|cause)\s+(?:i|i'm|im|my|me)\b|$)/i;

const NOT_NAMES = new Set([
  'a',
  'an',
  'the',
  'not',
  'so',
  'very',
  'really',
  'just',
  'going',
  'here',
  'back',
  'done',
  'ready',
  'sorry',
  'fine',
  'good',
  'okay',
  'ok',
  'happy',
  'sad',
  'tired',
  'hungry',
  'bored',
  'scared',
  'sure',
  'called',
  'named',
  'also',
  'still',
  'gonna',
  'trying',
  'in',
  'at',
  'on',
  'from',
  'with',
  'years',
  'old',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'five',
  'four',
  'three',
]);
const PRONOUN_OBJECTS = /^(?:it|that|this|you|them|him|her|those|these|what|your|yours|to be|when|how|if)\b/i;
const TRAILING_FILLER = /\s+(?:so much|very much|a lot|a bunch|too|the most|the best|best|more|any ?more|now|lots)$/i;

const RELATIONS: Record<string, string> = {
  brother: 'brother',
  'big brother': 'brother',
  'little brother': 'brother',
  'baby brother': 'brother',
  'older brother': 'brother',
  'younger brother': 'brother',
  sister: 'sister',
  'big sister': 'sister',
  'little sister': 'sister',
  'baby sister': 'sister',
  'older sister': 'sister',
  'younger sister': 'sister',
  mom: 'mother',
  mum: 'mother',
  mommy: 'mother',
  mummy: 'mother',
  mother: 'mother',
  mama: 'mother',
  dad: 'father',
  daddy: 'father',
  father: 'father',
  papa: 'father',
  grandma: 'grandmother',
  granny: 'grandmother',
  nana: 'grandmother',
  grandmother: 'grandmother',
  grandpa: 'grandfather',
  grandad: 'grandfather',
  granddad: 'grandfather',
  grandfather: 'grandfather',
  aunt: 'aunt',
  auntie: 'aunt',
  uncle: 'uncle',
  cousin: 'cousin',
  'best friend': 'best friend',
  friend: 'friend',
  teacher: 'teacher',
};
const PETS: Record<string, string> = {
  dog: 'dog',
  puppy: 'dog',
  cat: 'cat',
  kitten: 'cat',
  kitty: 'cat',
  hamster: 'hamster',
  rabbit: 'rabbit',
  bunny: 'rabbit',
  fish: 'fish',
  goldfish: 'fish',
  'guinea pig': 'guinea pig',
  turtle: 'turtle',
  tortoise: 'tortoise',
  parrot: 'parrot',
  bird: 'bird',
  horse: 'horse',
  pony: 'pony',
  lizard: 'lizard',
};
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
};

const alternation = (words: Record<string, string>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');
const RELATION_WORDS = alternation(RELATIONS);
const PET_WORDS = alternation(PETS);

type Rule = (sentence: string) => Fact[];

const rules: Rule[] = [
  // Name: "my name is Maya", "call me Maya", "I'm called Maya", "I'm Maya" (capitalised only).
  (s) => {
    const named = /\b(?:my name is|my name's|call me|i'm called|i am called|people call me)\s+(.+)/i.exec(s);
    const plain = named ? null : /\b[Ii](?:'m| am)\s+(\p{Lu}.*)/u.exec(s);
    const name = takeName((named ?? plain)?.[1], { needCapital: !named });
    return name ? [{ slot: 'name', text: `The user's name is ${name}.` }] : [];
  },
  // Age: "I'm six years old", "I am 7".
  (s) => {
    const m = /\b(?:i'm|i am)\s+(\d{1,2}|[a-z]+)(\s+(?:and a half\s+)?years?\s+old|\s*$|[,.!?])/i.exec(s);
    if (!m?.[1]) return [];
    const age = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
    const saidYears = /years?\s+old/i.test(m[2] ?? '');
    if (age === undefined || age < 1 || age > 120 || (!saidYears && !/^\d+$/.test(m[1]))) return [];
    return [{ slot: 'age', text: `The user is ${age} years old.` }];
  },
  (s) => phraseFact(s, /\bi live in\s+/i, 'home', (p) => `The user lives in ${p}.`),
  (s) => phraseFact(s, /\bmy birthday is\s+(?:on\s+)?/i, 'birthday', (p) => `The user's birthday is ${p}.`),
  // Favourites: "my favourite colour is blue".
  (s) => {
    const m = /\bmy fav(?:ou?rite)?\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:is|are)\s+(.+)/i.exec(s);
    const thing = m?.[1]?.toLowerCase().replace(/\bcolor\b/, 'colour');
    const value = phrase(m?.[2]);
    return thing && value ? [{ slot: `favourite:${thing}`, text: `The user's favourite ${thing} is ${value}.` }] : [];
  },
  // Family: "my brother is Leo", "my brother's name is Leo", "I have a sister called Mia".
  (s) => {
    const m =
      new RegExp(`\\bmy\\s+(${RELATION_WORDS})('s name is|s name is| is called| is named| is)\\s+(.+)`, 'i').exec(s) ??
      new RegExp(`\\bi have an?\\s+(${RELATION_WORDS})\\s+(called|named)\\s+(.+)`, 'i').exec(s);
    if (!m?.[1]) return [];
    const said = m[1].toLowerCase().replace(/\s+/g, ' ');
    // "my brother is Leo" names him only when capitalised ("my brother is annoying" does not).
    const name = takeName(m[3], { needCapital: m[2]?.toLowerCase() === ' is' });
    return name ? [{ slot: `family:${RELATIONS[said] ?? said}`, text: `The user's ${said} is called ${name}.` }] : [];
  },
  // Pets: "my dog is called Rex", "I have a cat named Luna", "I have a hamster".
  (s) => {
    const named =
      new RegExp(`\\bmy\\s+(${PET_WORDS})(?:'s name is|s name is| is called| is named)\\s+(.+)`, 'i').exec(s) ??
      new RegExp(`\\bi have an?\\s+(${PET_WORDS})\\s+(?:called|named)\\s+(.+)`, 'i').exec(s);
    if (named?.[1]) {
      const kind = named[1].toLowerCase().replace(/\s+/g, ' ');
      const name = takeName(named[2], { needCapital: false });
      return name ? [{ slot: `pet:${PETS[kind] ?? kind}`, text: `The user has a ${kind} called ${name}.` }] : [];
    }
    const owns = new RegExp(`\\bi have an?\\s+(${PET_WORDS})(?=${CLAUSE_END.source})`, 'i').exec(s);
    const kind = owns?.[1]?.toLowerCase().replace(/\s+/g, ' ');
    return kind ? [{ slot: `pet:${PETS[kind] ?? kind}`, text: `The user has a ${kind}.` }] : [];
  },
  // Dislikes first, so "I don't like X" is never read as "like X".
  (s) => {
    const m =
      /\bi\s+(?:really\s+)?(?:don't|dont|do not|no longer)\s+(?:like|love|enjoy)\s+(.+)/i.exec(s) ??
      /\bi\s+(?:really\s+)?(?:hate|dislike|can't stand|cannot stand)\s+(.+)/i.exec(s);
    const topic = objectPhrase(m?.[1]);
    return topic ? [{ slot: `likes:${topicKey(topic)}`, text: `The user does not like ${topic}.` }] : [];
  },
  (s) => {
    if (/\bi\s+(?:really\s+)?(?:don't|dont|do not|no longer)\s+(?:like|love|enjoy)\b/i.test(s)) return [];
    const m = /\bi\s+(?:really\s+|absolutely\s+|just\s+|also\s+|so\s+|totally\s+)?(love|like|adore|enjoy)\s+(.+)/i.exec(
      s,
    );
    const topic = objectPhrase(m?.[2]);
    if (!m?.[1] || !topic) return [];
    const verb = m[1].toLowerCase() === 'adore' ? 'loves' : `${m[1].toLowerCase()}s`;
    return [{ slot: `likes:${topicKey(topic)}`, text: `The user ${verb} ${topic}.` }];
  },
];

/** Facts in `text`, at most one per slot (the last one said wins). */
export function extractFactsByRules(text: string): Fact[] {
  const bySlot = new Map<string, Fact>();
  for (const sentence of sentences(text)) {
    if (/\b(?:forget|remember)\b/i.test(sentence) && /^\s*(?:please\s+)?(?:forget|don't remember)\b/i.test(sentence))
      continue;
    for (const rule of rules) for (const fact of rule(sentence)) bySlot.set(fact.slot, fact);
  }
  return [...bySlot.values()];
}

export const ruleFactExtractor: FactExtractor = {
  async extract(userText) {
    return extractFactsByRules(userText);
  },
};

function sentences(text: string): string[] {
  return text
    .replace(/[\u2018\u2019\u0060]/g, "'")
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Text up to the end of the clause, trimmed of filler; null when empty or too long to be a fact. */
function phrase(rest: string | undefined, maxWords = 6): string | null {
  if (!rest) return null;
  const end = CLAUSE_END.exec(rest);
  let out = (end ? rest.slice(0, end.index) : rest).trim();
  while (TRAILING_FILLER.test(out)) out = out.replace(TRAILING_FILLER, '').trim();
  if (!out || out.split(/\s+/).length > maxWords) return null;
  return out;
}

function objectPhrase(rest: string | undefined): string | null {
  const out = phrase(rest);
  if (!out || PRONOUN_OBJECTS.test(out) || /^not\b/i.test(out)) return null;
  return out.replace(/\bmy\b/gi, 'their').replace(/\bme\b/gi, 'them');
}

function phraseFact(sentence: string, prefix: RegExp, slot: string, say: (p: string) => string): Fact[] {
  const m = prefix.exec(sentence);
  if (!m) return [];
  const value = phrase(sentence.slice(m.index + m[0].length));
  return value && !/^not\b/i.test(value) ? [{ slot, text: say(value) }] : [];
}

/** One or two name words ("Maya", "Maya Lopez"), capitalised; null when it does not look like a name. */
function takeName(rest: string | undefined, opts: { needCapital: boolean }): string | null {
  if (!rest) return null;
  const words = rest.trim().split(/\s+/);
  const first = cleanWord(words[0]);
  if (!first || NOT_NAMES.has(first.toLowerCase())) return null;
  if (opts.needCapital && !/^\p{Lu}/u.test(first)) return null;
  const parts = [first];
  const second = cleanWord(words[1]);
  // A capitalised second word right after (no punctuation between) is a surname.
  if (second && /^\p{Lu}/u.test(second) && !/[,.!?;]$/.test(words[0] ?? '') && !['I', 'And', 'But'].includes(second))
    parts.push(second);
  return parts.map(capitalise).join(' ');
}

function cleanWord(word: string | undefined): string | null {
  const cleaned = word?.replace(/^[^\p{L}]+|[^\p{L}'-]+$/gu, '').replace(/'s$/, '') ?? '';
  return /^\p{L}[\p{L}'-]*$/u.test(cleaned) ? cleaned : null;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Same topic, same key: "dinosaurs", "the dinosaurs" and "Dinosaur" all give "dinosaur". */
export function topicKey(topic: string): string {
  return topic
    .toLowerCase()
    .replace(/\b(?:the|a|an|their|playing|eating)\s+/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ');
}
