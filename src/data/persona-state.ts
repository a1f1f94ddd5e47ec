// The personas and the active one, shared by the whole page: the Personas screen changes it, the
// voice conversation follows it. Reads are synchronous (voice commands need the names at once).

import { CHILD_COMPANION_ID } from '../core/personas/builtin-personas.ts';
import type { PersonaRecord } from '../core/personas/persona-record.ts';
import type { HearthDb } from './db.ts';
import { PersonaRepository } from './persona-repository.ts';
import { SettingsRepository } from './settings-repository.ts';

type Listener = (active: PersonaRecord, all: readonly PersonaRecord[]) => void;

export class PersonaState {
  readonly repository: PersonaRepository;
  private readonly settings: SettingsRepository;
  private personas: PersonaRecord[] = [];
  private activeId = CHILD_COMPANION_ID;
  private readonly listeners = new Set<Listener>();

  constructor(db: HearthDb) {
    this.repository = new PersonaRepository(db);
    this.settings = new SettingsRepository(db);
  }

  /** Reads personas and the active one from the database. */
  async load(): Promise<this> {
    this.personas = await this.repository.list();
    const saved = await this.settings.get('activePersonaId');
    this.activeId = this.pick(saved);
    this.notify();
    return this;
  }

  list(): readonly PersonaRecord[] {
    return this.personas;
  }

  active(): PersonaRecord {
    return this.personas.find((p) => p.id === this.activeId) ?? this.personas[0]!;
  }

  async activate(id: string): Promise<void> {
    if (!this.personas.some((p) => p.id === id)) throw new Error(`no persona with id ${id}`);
    this.activeId = id;
    this.notify();
    await this.settings.set('activePersonaId', id);
  }

  /** Re-reads the list after an edit (and keeps a valid active persona). */
  async reload(): Promise<void> {
    await this.load();
  }

  /** Calls `listener` now and on every change; returns unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.personas.length > 0) listener(this.active(), this.personas);
    return () => this.listeners.delete(listener);
  }

  private pick(id: string | null): string {
    if (id && this.personas.some((p) => p.id === id)) return id;
    return this.personas.find((p) => p.id === CHILD_COMPANION_ID)?.id ?? this.personas[0]?.id ?? CHILD_COMPANION_ID;
  }

  private notify(): void {
    if (this.personas.length === 0) return;
    const active = this.active();
    for (const listener of this.listeners) listener(active, this.personas);
  }
}

const shared = new Map<HearthDb, Promise<PersonaState>>();

/** One PersonaState per database per page. */
export function personaStateFor(db: HearthDb): Promise<PersonaState> {
  let state = shared.get(db);
  if (!state) {
    state = new PersonaState(db).load();
    shared.set(db, state);
    state.catch(() => shared.delete(db));
  }
  return state;
}
