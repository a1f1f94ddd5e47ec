// The one module the voice controller needs for memory, personas and parental controls:
//
//   const context = await createConversationContext({ extraTools: [getTimeTool] });
//   const session = new VoiceSession({ ...engines, ...context.sessionOptions() });
//   context.attach(session);   // saves turns, learns memories, follows persona switches
//
// Everything here is browser-side glue over src/core (memory, personas, safety) and IndexedDB.

import type { ChatModel, Embedder } from '../core/engines.ts';
import type { FactExtractor } from '../core/memory/memory-types.ts';
import { LlmFactExtractor } from '../core/memory/llm-fact-extractor.ts';
import { MemoryService } from '../core/memory/memory-service.ts';
import type { MemoryRecord } from '../core/memory/memory-types.ts';
import { toPromptPersona, type PersonaRecord } from '../core/personas/persona-record.ts';
import { PersonaToolRegistry } from '../core/personas/persona-tools.ts';
import type { Persona } from '../core/prompt.ts';
import { createConversationGuard } from '../core/safety/conversation-guard.ts';
import type { TurnGuard } from '../core/session-types.ts';
import { createForgetTool } from '../core/memory/tools/forget.ts';
import type { ToolRegistry } from '../core/tools/registry.ts';
import { createRememberTool } from '../core/memory/tools/remember.ts';
import { createSwitchPersonaTool } from '../core/personas/tools/switch-persona.ts';
import type { Tool } from '../core/tools/types.ts';
import { LatestRun } from '../core/latest-run.ts';
import { followTurns, type CompletedTurn } from '../core/turn-follower.ts';
import type { VoiceSession } from '../core/voice-session.ts';
import { ConversationRepository } from './conversation-repository.ts';
import { hearthDb, requestPersistentStorage, type HearthDb } from './db.ts';
import { newId } from './ids.ts';
import { MemoryRepository } from './memory-repository.ts';
import { personaStateFor, type PersonaState } from './persona-state.ts';
import type { TurnRecord } from './records.ts';
import { SettingsRepository } from './settings-repository.ts';
import { UsageRepository } from './usage-repository.ts';

export interface ConversationContextOptions {
  db?: HearthDb;
  /**
   * Sentence embedder for memory retrieval (memories are stored with their embedding and ranked
   * by cosine); without one, memories are matched by their words. A function is asked each time,
   * so an embedder that is still loading is used once it is ready.
   */
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

export interface ConversationContext {
  readonly personas: PersonaState;
  readonly memory: MemoryService;
  readonly tools: ToolRegistry;
  readonly guard: TurnGuard;
  /** The active persona, as the core's prompt persona. */
  persona(): Persona;
  personaRecord(): PersonaRecord;
  /** The memory texts for the prompt (what VoiceSession's `memories` option wants). */
  memories(query: string): Promise<string[]>;
  /** The VoiceSession options this context provides. */
  sessionOptions(): { persona: Persona; memories: (query: string) => Promise<string[]>; tools: ToolRegistry; guard: TurnGuard };
  /** Follows `session`: saves turns, learns memories, counts talking time, applies persona switches. */
  attach(session: VoiceSession): () => void;
  /** Saves a finished turn and learns from it (attach() calls this). */
  onTurnEnd(turn: CompletedTurn): Promise<void>;
  setPersona(id: string): Promise<void>;
  readonly conversationId: string;
}

export async function createConversationContext(options: ConversationContextOptions = {}): Promise<ConversationContext> {
  const db = options.db ?? hearthDb();
  const now = options.now ?? (() => new Date());
  const report = options.onProblem ?? ((message, error) => console.warn(`Hearth: ${message}`, error));
  void requestPersistentStorage();

  const settings = new SettingsRepository(db);
  const conversations = new ConversationRepository(db);
  const usage = new UsageRepository(db);
  const personas = await personaStateFor(db);
  const conversationId = newId('conv');

  const memory = new MemoryService({
    store: new MemoryRepository(db),
    embedder: options.embedder ?? null,
    llmExtractor: options.extractionLlm
      ? whenAllowed(new LlmFactExtractor(options.extractionLlm), async () => (options.llmCanExtract?.() ?? true) && (await settings.get('memoryLlmExtraction')))
      : null,
    enabled: () => settings.get('memoryEnabled'),
    now: () => now().getTime(),
    newId: () => newId('mem'),
    onWarning: report,
  });

  const tools = new PersonaToolRegistry(
    [
      ...(options.extraTools ?? []),
      createRememberTool({
        async remember(text) {
          if (!(await memory.isEnabled())) return { enabled: false, saved: [] };
          return { enabled: true, saved: (await memory.remember(text, conversationId)).map((m) => m.text) };
        },
      }),
      createForgetTool({
        async forget(what) {
          return { forgotten: (await memory.forget(what, conversationId)).map((m) => m.text) };
        },
      }),
      createSwitchPersonaTool({
        list: () => personas.list(),
        current: () => personas.active(),
        switchTo: (id) => personas.activate(id),
      }),
    ],
    () => personas.active(),
  );

  const guard = createConversationGuard({
    persona: () => personas.active(),
    limits: () => settings.get('timeLimits'),
    usedToday: () => usage.usedOn(now()),
    minutesOfDay: () => now().getHours() * 60 + now().getMinutes(),
  });

  // Learning from the last turn may still be running on the LLM: the next turn must not wait for it.
  const learning = new LatestRun();

  // The memories given to the prompt for the latest query, recorded with the turn.
  let lastRecall: { query: string; texts: string[] } | null = null;
  const memories = async (query: string): Promise<string[]> => {
    const texts = (await memory.relevant(query)).map((m: MemoryRecord) => m.text);
    lastRecall = { query, texts };
    return texts;
  };

  const context: ConversationContext = {
    personas,
    memory,
    tools,
    guard,
    conversationId,
    persona: () => toPromptPersona(personas.active()),
    personaRecord: () => personas.active(),
    memories,
    sessionOptions: () => ({ persona: toPromptPersona(personas.active()), memories, tools, guard }),
    setPersona: (id) => personas.activate(id),

    async onTurnEnd(turn) {
      const at = now();
      const record: TurnRecord = {
        id: newId('turn'),
        conversationId,
        at: at.getTime(),
        userText: turn.guarded === 'input' ? '(kept out by child-safe mode)' : turn.userText,
        replyText: turn.replyText,
        personaId: personas.active().id,
        interrupted: turn.interrupted,
        memoriesUsed: lastRecall?.query === turn.userText ? lastRecall.texts : [],
        guarded: turn.guarded,
      };
      lastRecall = null;
      const saves: Promise<unknown>[] = [conversations.addTurn(record)];
      if (personas.active().contentRules.childSafe) saves.push(usage.add(at, turn.durationMs));
      // Words the guard stopped are never learned from.
      if (turn.guarded !== 'input') {
        saves.push(learning.start((signal) => memory.learnFromTurn({ userText: turn.userText, replyText: turn.replyText, conversationId }, signal)));
      }
      const results = await Promise.allSettled(saves);
      for (const result of results) if (result.status === 'rejected') report('Part of this conversation could not be saved.', result.reason);
    },

    attach(session) {
      const offs = [
        followTurns(session, {
          onUserText: () => learning.stop(),
          onTurnEnd: (turn) => void context.onTurnEnd(turn),
          now: () => Date.now(),
        }),
        // A persona switch (by voice or on the Personas screen): its voice from the next sentence
        // (the switch greeting included), its prompt from the next turn.
        personas.subscribe((active) => session.setPersona(toPromptPersona(active))),
      ];
      return () => {
        for (const off of offs) off();
      };
    },
  };
  return context;
}

/** Runs `extractor` only while `allowed()` says so; otherwise finds nothing (the rules still run). */
function whenAllowed(extractor: FactExtractor, allowed: () => Promise<boolean>): FactExtractor {
  return {
    async extract(userText, replyText, signal) {
      return (await allowed()) ? extractor.extract(userText, replyText, signal) : [];
    },
  };
}
