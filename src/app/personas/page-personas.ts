// The personas of this browser and the active one, for the screens that show or pick them (the
// Personas screen, a toy's persona choice). One shared state per page: see src/data/persona-state.ts.

import type { PersonaRecord } from '../../core/personas/persona-record.ts';
import { hearthDb } from '../../data/db.ts';
import { PersonaRepository } from '../../data/persona-repository.ts';
import { personaStateFor, type PersonaState } from '../../data/persona-state.ts';

export type { PersonaState };

/** The page's persona state (loaded once, shared with the voice conversation). */
export function pagePersonas(): Promise<PersonaState> {
  return personaStateFor(hearthDb());
}

/** Every persona stored in this browser, as the database has them now. */
export function storedPersonas(): Promise<PersonaRecord[]> {
  return new PersonaRepository(hearthDb()).list();
}
