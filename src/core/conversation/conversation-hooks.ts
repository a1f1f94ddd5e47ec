// What a home (the browser, a toy on the server) gives the one conversation context: where
// memories live and whether they are on, the persona, the time limits and talking time, and where
// a finished turn is kept. Each hook is small so that an adapter only supplies, never decides.

import type { MemoryStore } from '../memory/memory-types.ts';
import type { PersonaRecord } from '../personas/persona-record.ts';
import type { Persona } from '../prompt.ts';
import type { TimeLimits } from '../safety/time-limits.ts';

/** The persona the conversation speaks as. */
export interface PersonaHooks {
  /** The active persona record (its tools, content rules and name). */
  active(): PersonaRecord;
  /** The persona as the prompt sees it (a toy adds its owner, voice and language); default: the record's. */
  prompt?(): Persona;
  /**
   * Re-reads the persona before each turn (a parent may have changed a toy's profile since); the
   * session then speaks with `prompt()`. A throw keeps the last one.
   */
  refresh?(): void;
  /** Calls `listener` on every change (and may call it at once); returns unsubscribe. */
  subscribe?(listener: () => void): () => void;
  /** With these the switch_persona tool is offered (the browser: personas the user may pick by voice). */
  switching?: {
    list(): readonly PersonaRecord[];
    switchTo(id: string): Promise<void>;
  };
}

/** Long-term memory: where it lives and whether it is on. */
export interface MemoryHooks {
  store: MemoryStore;
  /** Off (the parent's switch): nothing is recalled, learned or remembered, and the store is not read. */
  enabled(): boolean | Promise<boolean>;
  /** Whether the chat model may extract facts now (the rules always run); default: yes. */
  llmExtractionAllowed?(): boolean | Promise<boolean>;
}

/** Daily time limits for child-safe personas, and the talking time they count. */
export interface LimitHooks {
  limits(): TimeLimits | Promise<TimeLimits>;
  /** Talking time on `date`'s local day, in ms. */
  usedOn(date: Date): number | Promise<number>;
  /** Adds talking time to `date`'s local day (only child-safe personas' turns count). */
  addUsage(date: Date, ms: number): unknown;
}

/** One finished turn as the context saves it: the history's row, whatever the home stores. */
export interface FinishedTurn {
  conversationId: string;
  /** ms since the epoch. */
  startedAt: number;
  endedAt: number;
  userText: string;
  replyText: string;
  interrupted: boolean;
  /** The guard stepped in: on the user's words (input) or on the reply (output). */
  guarded: 'input' | 'output' | null;
  guardReason: string | null;
  /** The persona the turn was spoken as. */
  persona: PersonaRecord;
  /** The memory texts that went into this turn's prompt. */
  memoriesUsed: string[];
}

export interface ConversationHooks {
  persona: PersonaHooks;
  memory: MemoryHooks;
  limits: LimitHooks;
  /** Keeps a finished turn in the history; a failure is reported and loses only that turn. */
  saveTurn(turn: FinishedTurn): unknown;
  /** Ids for new conversations and memories ('conv', 'mem'). */
  newId(kind: 'conv' | 'mem'): string;
  now?(): Date;
  /** Failures that must not stop the conversation (a memory that could not be saved...). */
  onProblem(message: string, error: unknown): void;
}
