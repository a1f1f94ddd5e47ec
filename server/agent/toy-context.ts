// One toy's conversation context: the core's one context (src/core/conversation/) with a toy's
// hooks: its profile from the server database, re-read before every turn (persona with its voice,
// language and owner; the parent's memory switch; its own daily limits), its memories and talking
// time in SQLite, and its conversation history on the server.
//
//   const context = createToyContext({ deviceId, profile, memoryStore, usage });
//   const session = new VoiceSession({ ...engines, output, ...context.sessionOptions() });
//   context.attach(session, (volume) => output.setVolume(volume));
import crypto from 'node:crypto';
import {
  createConversationContext,
  type ConversationContext,
  type FollowedSession,
} from '../../src/core/conversation/conversation-context.ts';
import type { FinishedTurn } from '../../src/core/conversation/conversation-hooks.ts';
import type { DeviceProfile } from '../../src/core/devices/device-profile.ts';
import type { ChatModel, Embedder } from '../../src/core/engines.ts';
import type { MediaAudience } from '../../src/core/media/types.ts';
import type { MemoryStore } from '../../src/core/memory/memory-types.ts';
import { mediaAudienceOf } from '../../src/core/personas/media-audience.ts';
import { toPromptPersona } from '../../src/core/personas/persona-record.ts';
import type { Persona } from '../../src/core/prompt.ts';
import { getTimeTool } from '../../src/core/tools/get-time.ts';
import type { VoiceSessionConfig } from '../../src/core/session-types.ts';
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
  /** Turn-taking settings for the toy's VoiceSession (the server's --answer-in-pauses). */
  sessionConfig?: Partial<VoiceSessionConfig>;
  now?: () => Date;
  onProblem?: (message: string, error: unknown) => void;
}

export interface ToyTurn {
  userText: string;
  replyText: string;
  guarded: 'input' | 'output' | null;
  durationMs: number;
}

export interface ToyContext extends Omit<ConversationContext, 'attach'> {
  readonly deviceId: string;
  /** The profile as last read (refresh() re-reads it). */
  profile(): DeviceProfile;
  refresh(): DeviceProfile;
  /** Who the toy's songs and stories are for: its persona's ages and the toy's language. */
  mediaAudience(): MediaAudience;
  /** The child's age the parent gave at consent (null: none recorded), for words the child can follow. */
  childAge(): number | null;
  /** Follows `session` (a VoiceSession): re-reads the profile at each turn, learns memories, counts talking time, keeps the history. */
  attach(session: FollowedSession, applyVolume?: (volume: number) => void): () => void;
}

export class UnknownDeviceError extends Error {
  override name = 'UnknownDeviceError';
}

/** A finished turn as the toy's conversation history keeps it (here, or sent by a remote worker). */
export function historyRow(turn: FinishedTurn): NewDeviceTurn {
  return {
    startedAt: new Date(turn.startedAt).toISOString(),
    endedAt: new Date(turn.endedAt).toISOString(),
    userText: turn.userText,
    replyText: turn.replyText,
    interrupted: turn.interrupted,
    guarded: turn.guarded ? { stage: turn.guarded, reason: turn.guardReason ?? '' } : null,
    personaName: turn.persona.name,
    memoriesUsed: turn.memoriesUsed,
  };
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
  const report =
    options.onProblem ??
    ((message: string, error: unknown) => console.warn(`Hearth toy ${options.deviceId}: ${message}`, error));
  const read = (): DeviceProfile => {
    const profile = options.profile(options.deviceId);
    if (!profile) throw new UnknownDeviceError(`device ${options.deviceId} is not registered`);
    return profile;
  };
  let current = read();

  const keepInHistory = async (turn: FinishedTurn): Promise<void> => {
    const history = options.history;
    if (!history) return;
    const kept = historyRow(turn);
    // Off the audio path: written once the session's own turnEnd work is done; a failed write only loses this row.
    await new Promise<void>((done) =>
      setImmediate(() => {
        try {
          history.add(options.deviceId, kept);
        } catch (error) {
          report('This turn could not be kept in the conversation history.', error);
        }
        done();
      }),
    );
  };

  const core = createConversationContext({
    hooks: {
      persona: {
        active: () => current.persona,
        prompt: () => devicePromptPersona(current),
        // userTranscript comes before the guard and the prompt: a parent's change applies to this turn.
        refresh: () => void (current = read()),
      },
      memory: { store: options.memoryStore, enabled: () => current.memoryEnabled },
      limits: {
        limits: () => current.limits,
        usedOn: (date) => options.usage.usedOn(date),
        addUsage: (date, ms) => options.usage.add(date, ms),
      },
      saveTurn: keepInHistory,
      newId: (kind) => `${kind}-${crypto.randomUUID()}`,
      ...(options.now ? { now: options.now } : {}),
      onProblem: report,
    },
    extraTools: [getTimeTool],
    ...(options.embedder !== undefined ? { embedder: options.embedder } : {}),
    ...(options.extractionLlm ? { extractionLlm: options.extractionLlm } : {}),
  });

  const sessionConfig = options.sessionConfig;
  return {
    ...core,
    sessionOptions: () => ({ ...core.sessionOptions(), ...(sessionConfig ? { config: sessionConfig } : {}) }),
    deviceId: options.deviceId,
    profile: () => current,
    refresh: () => (current = read()),
    mediaAudience: () =>
      mediaAudienceOf({ ...current.persona, language: current.language || current.persona.language }),
    childAge: () => current.consent?.childAge ?? null,
    attach(session, applyVolume) {
      applyVolume?.(current.volume);
      return core.attach(session, { beforeTurn: () => applyVolume?.(current.volume) });
    },
  };
}
