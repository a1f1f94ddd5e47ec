// "I have a piano lesson on Tuesday" → "The user has a piano lesson on Tuesday." Good enough for
// the short first-person notes children and adults dictate to `remember`.

const SWAPS: [RegExp, string][] = [
  [/\bI am\b/gi, 'the user is'],
  [/\bI'm\b|\bI’m\b|\bim\b/gi, 'the user is'],
  [/\bI've\b|\bI’ve\b/gi, 'the user has'],
  [/\bI was\b/gi, 'the user was'],
  [/\bI have\b/gi, 'the user has'],
  [/\bI don't\b|\bI don’t\b|\bI do not\b/gi, 'the user does not'],
  [/\bI\b/g, 'the user'],
  [/\bmyself\b/gi, 'themselves'],
  [/\bmy\b/gi, "the user's"],
  [/\bmine\b/gi, "the user's"],
  [/\bme\b/gi, 'the user'],
];

// After "the user", a bare verb needs its third-person -s: "the user like cats" → "likes".
const VERB_AFTER_USER =
  /\bthe user (like|love|hate|want|need|go|play|live|enjoy|prefer|sleep|eat|read|watch|know|feel|take|get|do)\b/g;

export function toThirdPerson(text: string): string {
  let out = text.trim().replace(/[.!?]+$/, '');
  for (const [pattern, replacement] of SWAPS) out = out.replace(pattern, replacement);
  out = out.replace(VERB_AFTER_USER, (_m, verb: string) => `the user ${thirdPersonVerb(verb)}`);
  if (!out) return '';
  return `${out.charAt(0).toUpperCase()}${out.slice(1)}.`;
}

function thirdPersonVerb(verb: string): string {
  if (verb === 'do' || verb === 'go') return `${verb}es`;
  return `${verb}s`;
}
