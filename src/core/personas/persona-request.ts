// "Talk like a pirate", "switch to Captain Pip", "can I talk to the assistant": which persona the
// user asked for, if any. Only phrasings that clearly ask for a persona, so "be quiet" or
// "switch to the next song" never match.

import { normalizeUtterance } from '../tools/utterance.ts';
import type { PersonaRecord } from './persona-record.ts';

const REQUESTS = [
  /^(?:can you |could you |will you |now )?(?:talk|speak) like (?:a |an |the )?(.+)$/,
  /^(?:can you |could you )?(?:switch|change)(?: the)?(?: persona| voice| character)? to (?:a |an |the )?(.+?)(?: persona| mode| voice)?$/,
  /^(?:can i |could i |i want to |let me |i wanna )(?:talk|speak) (?:to|with) (?:a |an |the )?(.+)$/,
  /^(?:be|become|turn into) (?:a |an |the )?(.+?) (?:persona|again)$/,
  /^use (?:the )?(.+?) persona$/,
];

/** The words naming the wanted persona ("pirate", "captain pip"), or null when not a persona request. */
export function parsePersonaRequest(utterance: string): string | null {
  const text = normalizeUtterance(utterance).replace(/^hearth\s+/, '');
  for (const pattern of REQUESTS) {
    const wanted = pattern.exec(text)?.[1]?.trim();
    if (wanted) return wanted.replace(/\s+(?:please|now|again)$/, '');
  }
  return null;
}

/** The persona `wanted` names: its name or one of its switch words; best (longest) match wins. */
export function findPersona(wanted: string, personas: readonly PersonaRecord[]): PersonaRecord | null {
  const words = ` ${normalizeUtterance(wanted)} `;
  let best: { persona: PersonaRecord; score: number } | null = null;
  for (const persona of personas) {
    for (const label of [persona.name, ...persona.switchWords]) {
      const key = normalizeUtterance(label);
      if (!key || !words.includes(` ${key} `)) continue;
      if (!best || key.length > best.score) best = { persona, score: key.length };
    }
  }
  return best?.persona ?? null;
}
