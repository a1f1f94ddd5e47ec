// How a memory reads to a parent. Memories are stored about "the user" ("The user loves
// dinosaurs."): one form the prompt, the contradiction check and forgetting all rely on, whatever
// name the child gives later. A parent reads them about the child: "Maya loves dinosaurs." when
// the name is known, else without a subject ("Loves dinosaurs."). Never "The user ...".

/** The user's name from their memories (the `name` slot: "The user's name is Maya Rose." → "Maya"), or null. */
export function childNameFromMemories(memories: readonly { slot: string; text: string }[]): string | null {
  const named = memories.find((m) => m.slot === 'name');
  const said = named && /\b(?:name\s+is|called|named)\s+(.+?)[\s.!?]*$/i.exec(named.text.trim())?.[1];
  if (!said || !/^\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2}$/u.test(said)) return null;
  return said.split(/\s+/)[0] ?? null;
}

// "The user's name is Maya." / "User's name is Maya"
const NAME_FACT = /^(?:the\s+)?user['’]s\s+name\s+is\s+(.+)$/i;
// At the start: "The user", "the user's", "User", "User's" (not "Users").
const LEADING_USER = /^(?:the\s+)?user\b(['’]s\b)?\s*/i;
// Anywhere else: "the user", "the user's".
const USER_INSIDE = /\bthe\s+user\b(['’]s\b)?(\s+(\S+))?/gi;

// After "they" (name unknown, mid-sentence) the verb loses its third-person -s.
const THEY_VERBS: Record<string, string> = {
  is: 'are',
  was: 'were',
  has: 'have',
  does: 'do',
  "isn't": "aren't",
  "wasn't": "weren't",
  "hasn't": "haven't",
  "doesn't": "don't",
};
const PLAIN_VERBS =
  /^(?:likes|loves|hates|wants|needs|goes|plays|lives|enjoys|prefers|sleeps|eats|reads|watches|knows|feels|takes|gets|visits|sees|misses|wishes|calls|says|thinks|walks|swims|runs|learns|speaks)$/i;
// Words after which "they" needs no change: "they will", "they had".
const SAME_AFTER_THEY = /^(?:had|did|will|can|would|could|should|might|must|went|got|used)$/i;

/**
 * `text` (a stored memory) as a parent reads it: "The user loves dinosaurs." → "Maya loves
 * dinosaurs." with the name, "Loves dinosaurs." without; "User's favourite colour is blue" →
 * "Maya's favourite colour is blue" / "Favourite colour is blue"; the name itself → "Their name
 * is Maya Rose.". Text without "the user" (a parent's own words) is left as it is.
 */
export function naturalMemoryText(text: string, name?: string | null): string {
  const trimmed = text.trim();
  const who = name?.trim().split(/\s+/)[0] || null;
  const nameFact = NAME_FACT.exec(trimmed);
  if (nameFact?.[1]) return capitalise(`Their name is ${nameFact[1]}`);

  let out = trimmed;
  const leading = LEADING_USER.exec(out);
  if (leading) {
    const rest = out.slice(leading[0].length);
    const possessive = Boolean(leading[1]);
    out = who ? `${possessive ? `${who}'s` : who} ${rest}` : rest;
  }
  out = out.replace(USER_INSIDE, (_match, possessive?: string, gap?: string, next?: string) => {
    const after = gap ?? '';
    if (who) return `${possessive ? `${who}'s` : who}${after}`;
    if (possessive) return `their${after}`;
    if (!gap || !next) return 'them';
    const spaces = gap.slice(0, gap.length - next.length);
    const word = /^[\p{L}'’]+/u.exec(next)?.[0] ?? '';
    const rest = next.slice(word.length);
    const bare = word.replace(/’/g, "'").toLowerCase();
    const agreed = THEY_VERBS[bare];
    if (agreed) return `they${spaces}${agreed}${rest}`;
    if (PLAIN_VERBS.test(bare)) return `they${spaces}${withoutThirdPersonS(word)}${rest}`;
    if (SAME_AFTER_THEY.test(bare)) return `they${after}`;
    return `them${after}`;
  });
  return capitalise(out.trim());
}

function withoutThirdPersonS(verb: string): string {
  if (/(?:ches|shes|sses|xes|oes)$/i.test(verb)) return verb.slice(0, -2);
  if (/[^aeiou]ies$/i.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/[^s]s$/i.test(verb)) return verb.slice(0, -1);
  return verb;
}

function capitalise(text: string): string {
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text;
}
