// The browser's conversation context: the core's one context (src/core/conversation/) with the
// browser's hooks: memories and turns in IndexedDB, the memory switch and the LLM-extraction
// setting from Settings, the page's personas (switchable by voice), and the household's limits.
//
//   const context = await createConversationContext({ extraTools: [getTimeTool] });
//   const session = new VoiceSession({ ...engines, ...context.sessionOptions() });
//   context.attach(session);   // saves turns, learns memories, follows persona switches

import {
  createConversationContext as createCoreContext,
  type ConversationContext as CoreContext,
} from '../core/conversation/conversation-context.ts';
import type { FinishedTurn } from '../core/conversation/conversation-hooks.ts';
import type { ChatModel, Embedder } from '../core/engines.ts';
import type { Tool } from '../core/tools/types.ts';
import type { CompletedTurn } from '../core/turn-follower.ts';
import { ConversationRepository } from '../data/conversation-repository.ts';
import { hearthDb, requestPersistentStorage, type HearthDb } from '../data/db.ts';
import { newId } from '../data/ids.ts';
import { MemoryRepository } from '../data/memory-repository.ts';
import { personaStateFor, type PersonaState } from '../data/persona-state.ts';
import type { TurnRecord } from '../data/records.ts';
import { SettingsRepository } from '../data/settings-repository.ts';
import { UsageRepository } from '../data/usage-repository.ts';

export interface ConversationContextOptions {
  db?: HearthDb;
  /** Sentence embedder for memory retrieval; a function is asked each time (it may still be loading). */
  embedder?: Embedder | null | (() => Embedder | null);
  /** The chat model, for LLM fact extraction (the rules always run). */
  extractionLlm?: ChatModel | null;
  /**
   * Whether the chat model in use right now can follow the extraction instructions
   * (canExtractMemories in engines/llm/select.ts). Default: yes. The parent's setting
   * `memoryLlmExtraction` can turn extraction off as well.
   */
  llmCanExtract?: () => boolean;
  /** Tools that are not about memory or personas (get_time, media...). */
  extraTools?: Tool[];
  /** Failures that must not stop the conversation (a memory that could not be saved...). */
  onProblem?: (message: string, error: unknown) => void;
  now?: () => Date;
}

export type { CompletedTurn };

export interface ConversationContext extends CoreContext {
  readonly personas: PersonaState;
  setPersona(id: string): Promise<void>;
}

export async function createConversationContext(
  options: ConversationContextOptions = {},
): Promise<ConversationContext> {
  const db = options.db ?? hearthDb();
  void requestPersistentStorage();

  const settings = new SettingsRepository(db);
  const conversations = new ConversationRepository(db);
  const usage = new UsageRepository(db);
  const personas = await personaStateFor(db);

  const core = createCoreContext({
    hooks: {
      persona: {
        active: () => personas.active(),
        subscribe: (listener) => personas.subscribe(() => listener()),
        switching: { list: () => personas.list(), switchTo: (id) => personas.activate(id) },
      },
      memory: {
        store: new MemoryRepository(db),
        enabled: () => settings.get('memoryEnabled'),
        llmExtractionAllowed: async () =>
          (options.llmCanExtract?.() ?? true) && (await settings.get('memoryLlmExtraction')),
      },
      limits: {
        limits: () => settings.get('timeLimits'),
        usedOn: (date) => usage.usedOn(date),
        addUsage: (date, ms) => usage.add(date, ms),
      },
      saveTurn: (turn) => conversations.addTurn(turnRecord(turn)),
      newId: (kind) => newId(kind),
      ...(options.now ? { now: options.now } : {}),
      onProblem: options.onProblem ?? ((message, error) => console.warn(`Hearth: ${message}`, error)),
    },
    ...(options.embedder !== undefined ? { embedder: options.embedder } : {}),
    ...(options.extractionLlm !== undefined ? { extractionLlm: options.extractionLlm } : {}),
    // A second opinion on the child's borderline words only, and only from a model that follows
    // instructions: the page's model runs one generation at a time, so a reply sentence's judge
    // would wait behind the very reply it judges (and time out): those are blocked at once instead.
    safetyJudgeLlm: (stage) =>
      stage === 'input' && (options.llmCanExtract?.() ?? true) ? (options.extractionLlm ?? null) : null,
    ...(options.extraTools ? { extraTools: options.extraTools } : {}),
  });
  return Object.assign(core, { personas, setPersona: (id: string) => personas.activate(id) });
}

/** A finished turn as this browser's history keeps it: words the guard kept out are not stored. */
function turnRecord(turn: FinishedTurn): TurnRecord {
  return {
    id: newId('turn'),
    conversationId: turn.conversationId,
    at: turn.endedAt,
    userText: turn.guarded === 'input' ? '(kept out by child-safe mode)' : turn.userText,
    replyText: turn.replyText,
    personaId: turn.persona.id,
    interrupted: turn.interrupted,
    memoriesUsed: turn.memoriesUsed,
    guarded: turn.guarded,
  };
}
