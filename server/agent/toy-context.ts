// The server-side twin of src/data/conversation-context.ts, for one toy: the device's persona
// (with its voice, language and who the toy is for), its memories in SQLite through the core's
// MemoryService, remember/forget tools, the child-safe guard and the device's own daily time limits.
//
//   const context = createToyContext({ devices, deviceId, memoryStore, usage });
//   const session = new VoiceSession({ ...engines, output, ...context.sessionOptions() });
//   context.attach(session, (volume) => output.setVolume(volume));
import crypto from 'node:crypto';
import type { DeviceProfile } from '../../src/core/devices/device-profile.ts';
import type { ChatModel, Embedder } from '../../src/core/engines.ts';
import { LatestRun } from '../../src/core/latest-run.ts';
import { LlmFactExtractor } from '../../src/core/memory/llm-fact-extractor.ts';
import { MemoryService } from '../../src/core/memory/memory-service.ts';
import type { MemoryStore } from '../../src/core/memory/memory-types.ts';
import type { MediaAudience } from '../../src/core/media/types.ts';
import { mediaAudienceOf } from '../../src/core/personas/media-audience.ts';
import { toPromptPersona, type PersonaRecord } from '../../src/core/personas/persona-record.ts';
import { PersonaToolRegistry } from '../../src/core/personas/persona-tools.ts';
import type { Persona } from '../../src/core/prompt.ts';
import { createConversationGuard } from '../../src/core/safety/conversation-guard.ts';
import type { TurnGuard } from '../../src/core/session-types.ts';
import { createForgetTool } from '../../src/core/memory/tools/forget.ts';
import { getTimeTool } from '../../src/core/tools/get-time.ts';
import type { ToolRegistry } from '../../src/core/tools/registry.ts';
import { createRememberTool } from '../../src/core/memory/tools/remember.ts';
import { followTurns, type FollowedTurn, type TurnEventSource } from '../../src/core/turn-follower.ts';
import type { VoiceSession } from '../../src/core/voice-session.ts';
import type { NewDeviceTurn } from '../devices/device-turn-store.ts';

export interface ToyContextOptions {
  deviceId: string;
  /** Reads the device's current profile (undefined once it is deleted). */
  profile: (deviceId: string) => DeviceProfile | undefined;
  memoryStore: MemoryStore;
  usage: { usedOn(date: Date): number; add(date: Date, ms: number): void };
  /** Keeps each finished turn for the parent's conversation history; null or left out: none is kept. */
  history?: { add(deviceId: string, turn: NewDeviceTurn): unknown } | null;
  /** Sentence embedder for memories (a function is asked each time: it may finish loading later). */
  embedder?: Embedder | null | (() => Embedder | null);
  /** The chat model, for fact extraction after each turn: only pass an instruction-following one. */
  extractionLlm?: ChatModel | null;
  now?: () => Date;
  onProblem?: (message: string, error: unknown) => void;
}

export interface ToyTurn {
  userText: string;
  replyText: string;
  guarded: 'input' | 'output' | null;
  durationMs: number;
}

export interface ToyContext {
  readonly deviceId: string;
  readonly conversationId: string;
  readonly memory: MemoryService;
  readonly tools: ToolRegistry;
  readonly guard: TurnGuard;
  /** The profile as last read (refresh() re-reads it). */
  profile(): DeviceProfile;
  refresh(): DeviceProfile;
  /** The prompt persona: the device's persona with its voice, language and owner applied. */
  persona(): Persona;
  /** Who the toy's songs and stories are for: its persona's ages and the toy's language. */
  mediaAudience(): MediaAudience;
  memories(query: string): Promise<string[]>;
  sessionOptions(): {
    persona: Persona;
    memories: (query: string) => Promise<string[]>;
    tools: ToolRegistry;
    guard: TurnGuard;
  };
  /** Follows `session` (a VoiceSession): re-reads the profile at each turn, learns memories, counts talking time, keeps the history. */
  attach(
    session: TurnEventSource & Pick<VoiceSession, 'setPersona'>,
    applyVolume?: (volume: number) => void,
  ): () => void;
  onTurnEnd(turn: ToyTurn): Promise<void>;
}

export class UnknownDeviceError extends Error {
  override name = 'UnknownDeviceError';
}

/** The device's persona for the prompt: its voice and language win over the persona's, and the companion knows whom it talks to. */
export function devicePromptPersona(profile: DeviceProfile): Persona {
  const base = toPromptPersona(profile.persona);
  const owner: string[] = [];
  if (profile.ownerName.trim())
    owner.push(`You are ${profile.name}, the toy of a child called ${profile.ownerName.trim()}.`);
  if (profile.ownerNotes.trim()) owner.push(`What their parent says about them: ${profile.ownerNotes.trim()}`);
  return {
    ...base,
    systemPrompt: [base.systemPrompt, ...owner].join('\n\n'),
    ...(profile.voice ? { voice: profile.voice } : {}),
    ...(profile.language ? { language: profile.language } : {}),
  };
}

export function createToyContext(options: ToyContextOptions): ToyContext {
  const now = options.now ?? (() => new Date());
  const report =
    options.onProblem ??
    ((message: string, error: unknown) => console.warn(`Hearth toy ${options.deviceId}: ${message}`, error));
  const conversationId = `conv-${crypto.randomUUID()}`;
  const read = (): DeviceProfile => {
    const profile = options.profile(options.deviceId);
    if (!profile) throw new UnknownDeviceError(`device ${options.deviceId} is not registered`);
    return profile;
  };
  let current = read();
  const personaRecord = (): PersonaRecord => current.persona;

  const memory = new MemoryService({
    store: options.memoryStore,
    embedder: options.embedder ?? null,
    llmExtractor: options.extractionLlm ? new LlmFactExtractor(options.extractionLlm) : null,
    now: () => now().getTime(),
    newId: () => `mem-${crypto.randomUUID()}`,
    onWarning: report,
  });

  const tools = new PersonaToolRegistry(
    [
      getTimeTool,
      createRememberTool({
        async remember(text) {
          return { enabled: true, saved: (await memory.remember(text, conversationId)).map((m) => m.text) };
        },
      }),
      createForgetTool({
        async forget(what) {
          return { forgotten: (await memory.forget(what, conversationId)).map((m) => m.text) };
        },
      }),
    ],
    personaRecord,
  );

  const guard = createConversationGuard({
    persona: personaRecord,
    limits: () => current.limits,
    usedToday: () => options.usage.usedOn(now()),
    minutesOfDay: () => now().getHours() * 60 + now().getMinutes(),
  });

  const memories = async (query: string): Promise<string[]> => (await memory.relevant(query)).map((m) => m.text);

  // Learning from the last turn may still be running on the (shared) LLM: the next turn must not wait for it.
  const learning = new LatestRun();

  const keepInHistory = (turn: FollowedTurn): void => {
    const history = options.history;
    if (!history) return;
    const kept: NewDeviceTurn = {
      startedAt: new Date(turn.startedAt).toISOString(),
      endedAt: new Date(turn.startedAt + turn.durationMs).toISOString(),
      userText: turn.userText,
      replyText: turn.replyText,
      interrupted: turn.interrupted,
      guarded: turn.guarded ? { stage: turn.guarded, reason: turn.guardReason ?? '' } : null,
      personaName: current.persona.name,
    };
    // Off the audio path: written once the session's own turnEnd work is done; a failed write only loses this row.
    setImmediate(() => {
      try {
        history.add(options.deviceId, kept);
      } catch (error) {
        report('This turn could not be kept in the conversation history.', error);
      }
    });
  };

  const context: ToyContext = {
    deviceId: options.deviceId,
    conversationId,
    memory,
    tools,
    guard,
    profile: () => current,
    refresh: () => (current = read()),
    persona: () => devicePromptPersona(current),
    mediaAudience: () =>
      mediaAudienceOf({ ...current.persona, language: current.language || current.persona.language }),
    memories,
    sessionOptions: () => ({ persona: devicePromptPersona(current), memories, tools, guard }),

    async onTurnEnd(turn) {
      const at = now();
      try {
        if (current.persona.contentRules.childSafe) options.usage.add(at, turn.durationMs);
        // Words the guard stopped are never learned from.
        if (turn.guarded !== 'input') {
          await learning.start((signal) =>
            memory.learnFromTurn({ userText: turn.userText, replyText: turn.replyText, conversationId }, signal),
          );
        }
      } catch (error) {
        report('Part of this conversation could not be saved.', error);
      }
    },

    attach(session, applyVolume) {
      const unfollow = followTurns(session, {
        // userTranscript comes before the guard and the prompt: a parent's change applies to this turn.
        onUserText: () => {
          learning.stop();
          try {
            context.refresh();
            session.setPersona(devicePromptPersona(current));
            applyVolume?.(current.volume);
          } catch (error) {
            report('The toy profile could not be re-read; keeping the last one.', error);
          }
        },
        onTurnEnd: (turn) => {
          keepInHistory(turn);
          void context.onTurnEnd(turn);
        },
        now: () => now().getTime(),
      });
      applyVolume?.(current.volume);
      return unfollow;
    },
  };
  return context;
}
