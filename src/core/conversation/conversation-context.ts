// The one conversation context, for the browser and for every toy alike: memory (recall for the
// prompt, learning after each turn, remember/forget tools) behind the parent's on/off switch,
// persona-aware tools, the child-safe guard with daily limits, talking time, and each finished
// turn saved with the memories its prompt used. A home supplies only its hooks (see
// conversation-hooks.ts): src/app/conversation-context.ts for the browser,
// server/agent/toy-context.ts for a toy.
//
//   const context = createConversationContext({ hooks, extraTools: [getTimeTool] });
//   const session = new VoiceSession({ ...engines, ...context.sessionOptions() });
//   context.attach(session);   // saves turns, learns memories, follows the persona

import type { ChatModel, Embedder } from '../engines.ts';
import { LatestRun } from '../latest-run.ts';
import { LlmFactExtractor } from '../memory/llm-fact-extractor.ts';
import { MemoryService } from '../memory/memory-service.ts';
import type { FactExtractor } from '../memory/memory-types.ts';
import { createForgetTool } from '../memory/tools/forget.ts';
import { createRememberTool } from '../memory/tools/remember.ts';
import { toPromptPersona, type PersonaRecord } from '../personas/persona-record.ts';
import { PersonaToolRegistry } from '../personas/persona-tools.ts';
import { createSwitchPersonaTool } from '../personas/tools/switch-persona.ts';
import type { Persona } from '../prompt.ts';
import { createConversationGuard } from '../safety/conversation-guard.ts';
import type { SafetyStage } from '../safety/child-safe-filter.ts';
import { LlmSafetyJudge, type SafetyJudge } from '../safety/safety-judge.ts';
import type { TurnGuard, VoiceSessionConfig } from '../session-types.ts';
import type { ToolRegistry } from '../tools/registry.ts';
import type { Tool } from '../tools/types.ts';
import { followTurns, type CompletedTurn, type TurnEventSource } from '../turn-follower.ts';
import type { VoiceSession } from '../voice-session.ts';
import type { ConversationHooks } from './conversation-hooks.ts';

export interface ConversationContextOptions {
  hooks: ConversationHooks;
  /**
   * Sentence embedder for memory retrieval (memories are stored with their embedding and ranked
   * by cosine); without one, memories are matched by their words. A function is asked each time,
   * so an embedder that is still loading is used once it is ready.
   */
  embedder?: Embedder | null | (() => Embedder | null);
  /** The chat model, for fact extraction after each turn (only an instruction-following one). */
  extractionLlm?: ChatModel | null;
  /**
   * The instruction-following model that gives a borderline guard hit at `stage` a second opinion,
   * asked at each hit (null: none now, the hit is blocked). Default: `extractionLlm`, both stages.
   */
  safetyJudgeLlm?: (stage: SafetyStage) => ChatModel | null;
  /** Tools that are not about memory or personas (get_time, media...). */
  extraTools?: Tool[];
}

/** A turn handed to onTurnEnd: what followTurns reports (start time and guard reason when known). */
export type EndedTurn = Omit<CompletedTurn, 'interrupted'> & {
  interrupted?: boolean;
  /** ms since the epoch; default: the end time less `durationMs`. */
  startedAt?: number;
  guardReason?: string | null;
};

/** The part of a VoiceSession the context follows. */
export type FollowedSession = TurnEventSource & Pick<VoiceSession, 'setPersona'>;

export interface ConversationSessionOptions {
  persona: Persona;
  memories: (query: string) => Promise<string[]>;
  tools: ToolRegistry;
  guard: TurnGuard;
  /** Turn-taking settings the home chose (e.g. preemptive generation); absent: the defaults. */
  config?: Partial<VoiceSessionConfig>;
}

export interface ConversationContext {
  readonly conversationId: string;
  readonly memory: MemoryService;
  readonly tools: ToolRegistry;
  readonly guard: TurnGuard;
  /** The active persona, as the prompt sees it. */
  persona(): Persona;
  personaRecord(): PersonaRecord;
  /** The memory texts for the prompt (VoiceSession's `memories` option); none while memory is off. */
  memories(query: string): Promise<string[]>;
  /** The VoiceSession options this context provides. */
  sessionOptions(): ConversationSessionOptions;
  /**
   * Follows `session`: saves turns, learns memories, counts talking time, and keeps the session's
   * persona current. `beforeTurn` runs on each user transcript, after the persona is re-read.
   */
  attach(session: FollowedSession, options?: { beforeTurn?: () => void }): () => void;
  /** Saves a finished turn and learns from it (attach() calls this). */
  onTurnEnd(turn: EndedTurn): Promise<void>;
  /** Resolves once every turn's saving and learning begun so far has finished (for a clean close). */
  settled(): Promise<void>;
}

export function createConversationContext(options: ConversationContextOptions): ConversationContext {
  const { hooks } = options;
  const now = hooks.now ?? (() => new Date());
  const report = (message: string, error: unknown) => hooks.onProblem(message, error);
  const conversationId = hooks.newId('conv');
  const personaRecord = () => hooks.persona.active();
  const promptPersona = () => hooks.persona.prompt?.() ?? toPromptPersona(hooks.persona.active());

  const memory = new MemoryService({
    store: hooks.memory.store,
    embedder: options.embedder ?? null,
    llmExtractor: options.extractionLlm
      ? whenAllowed(
          new LlmFactExtractor(options.extractionLlm),
          async () => (await hooks.memory.llmExtractionAllowed?.()) ?? true,
        )
      : null,
    enabled: () => hooks.memory.enabled(),
    now: () => now().getTime(),
    newId: () => hooks.newId('mem'),
    onWarning: report,
  });

  // What the user said last (a `remember` keeps these words as where its memory came from).
  let lastUserText: string | undefined;

  const switching = hooks.persona.switching;
  const tools = new PersonaToolRegistry(
    [
      ...(options.extraTools ?? []),
      createRememberTool({
        async remember(text) {
          if (!(await memory.isEnabled())) return { enabled: false, saved: [] };
          const saved = await memory.remember(text, conversationId, lastUserText ?? text);
          return { enabled: true, saved: saved.map((m) => m.text) };
        },
      }),
      // Forgetting only deletes: it is honoured with memory off too.
      createForgetTool({
        async forget(what) {
          return { forgotten: (await memory.forget(what, conversationId)).map((m) => m.text) };
        },
      }),
      ...(switching
        ? [
            createSwitchPersonaTool({
              list: () => switching.list(),
              current: personaRecord,
              switchTo: (id) => switching.switchTo(id),
            }),
          ]
        : []),
    ],
    personaRecord,
  );

  const guard = createConversationGuard({
    persona: personaRecord,
    limits: () => hooks.limits.limits(),
    usedToday: () => hooks.limits.usedOn(now()),
    minutesOfDay: () => now().getHours() * 60 + now().getMinutes(),
    judge: safetyJudgeFor(options.safetyJudgeLlm ?? (() => options.extractionLlm ?? null)),
  });

  // Learning from the last turn may still be running on the (shared) LLM: the next turn must not wait for it.
  const learning = new LatestRun();
  // Each turn's saving and learning until it is done, so a close can wait for what was acknowledged.
  const inFlight = new Set<Promise<void>>();

  // The memories given to the prompt for the latest query, saved with the turn.
  let lastRecall: { query: string; texts: string[] } | null = null;
  const memories = async (query: string): Promise<string[]> => {
    const texts = (await memory.relevant(query)).map((m) => m.text);
    lastRecall = { query, texts };
    return texts;
  };

  const context: ConversationContext = {
    conversationId,
    memory,
    tools,
    guard,
    persona: promptPersona,
    personaRecord,
    memories,
    sessionOptions: () => ({ persona: promptPersona(), memories, tools, guard }),

    async onTurnEnd(turn) {
      const at = now();
      const persona = personaRecord();
      const memoriesUsed = lastRecall?.query === turn.userText ? lastRecall.texts : [];
      lastRecall = null;
      const saves: Promise<unknown>[] = [
        attempt(() =>
          hooks.saveTurn({
            conversationId,
            startedAt: turn.startedAt ?? at.getTime() - turn.durationMs,
            endedAt: at.getTime(),
            userText: turn.userText,
            replyText: turn.replyText,
            interrupted: turn.interrupted ?? false,
            guarded: turn.guarded,
            guardReason: turn.guardReason ?? null,
            persona,
            memoriesUsed,
          }),
        ),
      ];
      if (persona.contentRules.childSafe) saves.push(attempt(() => hooks.limits.addUsage(at, turn.durationMs)));
      // Words the guard stopped are never learned from.
      if (turn.guarded !== 'input') {
        saves.push(
          learning.start((signal) =>
            memory.learnFromTurn({ userText: turn.userText, replyText: turn.replyText, conversationId }, signal),
          ),
        );
      }
      const results = await Promise.allSettled(saves);
      for (const result of results)
        if (result.status === 'rejected') report('Part of this conversation could not be saved.', result.reason);
    },

    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },

    attach(session, attachOptions = {}) {
      const speakAsPersona = () => session.setPersona(promptPersona());
      const offs = [
        followTurns(session, {
          // The user transcript comes before the guard and the prompt: a change applies to this turn.
          onUserText: (text) => {
            lastUserText = text;
            learning.stop();
            try {
              if (hooks.persona.refresh) {
                hooks.persona.refresh();
                speakAsPersona();
              }
              attachOptions.beforeTurn?.();
            } catch (error) {
              report('The persona could not be re-read; keeping the last one.', error);
            }
          },
          onTurnEnd: (turn) => {
            const saving = context.onTurnEnd(turn).finally(() => inFlight.delete(saving));
            inFlight.add(saving);
          },
          now: () => now().getTime(),
        }),
      ];
      // A persona switch (by voice or on a settings screen): its voice from the next sentence
      // (the switch greeting included), its prompt from the next turn.
      if (hooks.persona.subscribe) offs.push(hooks.persona.subscribe(speakAsPersona));
      return () => {
        for (const off of offs) off();
      };
    },
  };
  return context;
}

/** Runs a hook that may throw or return a promise; its failure becomes a rejection. */
async function attempt(hook: () => unknown): Promise<unknown> {
  return hook();
}

/** Runs `extractor` only while `allowed()` says so; otherwise finds nothing (the rules still run). */
function whenAllowed(extractor: FactExtractor, allowed: () => Promise<boolean>): FactExtractor {
  return {
    async extract(userText, replyText, signal) {
      return (await allowed()) ? extractor.extract(userText, replyText, signal) : [];
    },
  };
}

/** One LlmSafetyJudge per model: the model in use may change (the browser loads a better one later). */
function safetyJudgeFor(llm: (stage: SafetyStage) => ChatModel | null): (stage: SafetyStage) => SafetyJudge | null {
  let judged: { llm: ChatModel; judge: SafetyJudge } | null = null;
  return (stage) => {
    const current = llm(stage);
    if (!current) return null;
    if (judged?.llm !== current) judged = { llm: current, judge: new LlmSafetyJudge(current) };
    return judged.judge;
  };
}
