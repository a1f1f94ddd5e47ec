// Personas in IndexedDB. The built-in ones are written on first use; a parent may edit or delete
// them, and "restore" puts them back.

import { BUILTIN_PERSONAS, CHILD_COMPANION_ID, builtinPersona } from '../core/personas/builtin-personas.ts';
import { normalizePersona, type PersonaRecord } from '../core/personas/persona-record.ts';
import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';
import { newId } from './ids.ts';

export class PersonaRepository {
  constructor(private readonly db: HearthDb) {}

  /** Every persona: built-in ones first in shipped order (the children's companion leads), then by name. Seeds an empty table. */
  async list(): Promise<PersonaRecord[]> {
    if ((await this.db.personas.count()) === 0) await this.restoreBuiltins();
    const all = await this.db.personas.toArray();
    const fallback = builtinPersona(CHILD_COMPANION_ID)!;
    return all
      .map((p) => normalizePersona(p, { ...fallback, id: p.id, builtIn: false }))
      .sort((a, b) => shippedRank(a) - shippedRank(b) || a.name.localeCompare(b.name));
  }

  get(id: string): Promise<PersonaRecord | undefined> {
    return this.db.personas.get(id);
  }

  async save(persona: PersonaRecord): Promise<PersonaRecord> {
    const saved = { ...persona, updatedAt: Date.now() };
    await reportingWrite(`the persona “${persona.name}”`, () => this.db.personas.put(saved));
    return saved;
  }

  async create(from: PersonaRecord, overrides: Partial<PersonaRecord> = {}): Promise<PersonaRecord> {
    const now = Date.now();
    return this.save({ ...structuredClone(from), ...overrides, id: newPersonaId(), builtIn: false, createdAt: now, updatedAt: now });
  }

  duplicate(persona: PersonaRecord): Promise<PersonaRecord> {
    return this.create(persona, { name: `${persona.name} (copy)`, switchWords: [] });
  }

  async delete(id: string): Promise<void> {
    await reportingWrite('deleting a persona', () => this.db.personas.delete(id));
  }

  /** Puts back any shipped persona that was deleted (edits to existing ones are kept). */
  async restoreBuiltins(): Promise<void> {
    await reportingWrite('the built-in personas', () =>
      this.db.transaction('rw', this.db.personas, async () => {
        for (const persona of BUILTIN_PERSONAS) {
          if (!(await this.db.personas.get(persona.id))) await this.db.personas.put(structuredClone(persona));
        }
      }),
    );
  }
}

function shippedRank(persona: PersonaRecord): number {
  const index = BUILTIN_PERSONAS.findIndex((p) => p.id === persona.id);
  return index === -1 ? BUILTIN_PERSONAS.length : index;
}

function newPersonaId(): string {
  return newId('persona');
}
