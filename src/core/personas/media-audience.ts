// Who a persona talks to, as a filter for songs and stories: its reply language and its audience's
// ages. Read on every search, so a persona switch changes what "tell me a story" may pick at once.

import type { AgeRange, MediaAudience } from '../media/types.ts';
import type { PersonaRecord } from './persona-record.ts';

/** The children's companion's listeners (and any child-safe persona's without its own range). */
export const CHILD_AUDIENCE_AGES: AgeRange = { min: 3, max: 10 };

export function audienceAgesOf(persona: PersonaRecord): AgeRange | null {
  return persona.audienceAge ?? (persona.contentRules.childSafe ? CHILD_AUDIENCE_AGES : null);
}

export function mediaAudienceOf(persona: PersonaRecord): MediaAudience {
  const ages = audienceAgesOf(persona);
  return {
    ...(persona.language ? { language: persona.language } : {}),
    ...(ages ? { ages: { ...ages } } : {}),
  };
}
