// EngineHub: turns an EnginePlan (select.ts) into loaded engines, one role at a time, and reports
// per role what is in use, load progress and errors for the UI. A role is reloaded only when its
// plan changes (e.g. a Whisper pack was downloaded while the page was open). The loaders are
// passed in (index.ts gives the real, browser-only ones), so the hub's bookkeeping stands alone.

import type { ChatModel, SpeechToText, TextToSpeech } from '../core/engines.ts';
import type { EngineInfo, LoadProgress, LoadProgressListener } from './types.ts';
import type { StreamingVad } from './vad/vad-stream.ts';
import { planKey, type EnginePlan, type LlmPlan, type SttPlan, type TtsPlan, type VadPlan } from './select.ts';

export type VoiceRole = 'vad' | 'stt' | 'llm' | 'tts';
export const VOICE_ROLES: readonly VoiceRole[] = ['vad', 'stt', 'llm', 'tts'];

interface Loaded {
  readonly info: EngineInfo;
  dispose(): void | Promise<void>;
  /** Settles when an engine that started with a quick stand-in has moved on (handover-vad.ts): its info is shown again. */
  readonly upgraded?: Promise<void>;
}

export interface LoadedEngines {
  vad: StreamingVad & Loaded;
  stt: SpeechToText & Loaded;
  llm: ChatModel & Loaded;
  tts: TextToSpeech & Loaded;
}

type Plans = { vad: VadPlan; stt: SttPlan; llm: LlmPlan; tts: TtsPlan };

/**
 * How each role's plan becomes an engine; null when the plan is "none". `packKept` settles once the
 * role's model pack is on this device (voice detection may start listening before, on a stand-in
 * that needs no pack, and load its own model after).
 */
export type EngineLoaders = {
  [R in VoiceRole]: (
    plan: Plans[R],
    onProgress: LoadProgressListener,
    packKept: Promise<void>,
  ) => Promise<LoadedEngines[R] | null>;
};

export type RoleLoadState = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

export interface RoleEngineStatus {
  role: VoiceRole;
  state: RoleLoadState;
  /** The model pack (or built-in voice) chosen for this role, for display. */
  planned: string | null;
  info: EngineInfo | null;
  progress: LoadProgress | null;
  error: string | null;
  /** Command that installs what is missing (from the server), when the role is missing. */
  fix: string | null;
  /** The chosen model is a demo (e.g. stories260K), not a real assistant. */
  demo: boolean;
  /** Ready on a quick stand-in while the chosen model still loads (voice detection: WebRTC until Silero). */
  upgrading: boolean;
}

export type EngineStatusMap = Readonly<Record<VoiceRole, RoleEngineStatus>>;

interface Entry<R extends VoiceRole> {
  key: string;
  promise: Promise<LoadedEngines[R] | null>;
  engine: LoadedEngines[R] | null;
}

/** What every engine's status starts as (a voice role's, or the optional end-of-turn model's). */
export function idleStatus<Role extends string>(role: Role) {
  return {
    role,
    state: 'idle' as RoleLoadState,
    planned: null,
    info: null,
    progress: null,
    error: null,
    fix: null,
    demo: false as const,
  };
}

function emptyStatus(role: VoiceRole): RoleEngineStatus {
  return { ...idleStatus(role), upgrading: false };
}

function describePlan(plan: Plans[VoiceRole]): { planned: string | null; fix: string | null; demo: boolean } {
  switch (plan.engine) {
    case 'none':
      return { planned: null, fix: plan.fix, demo: false };
    case 'silero':
      return { planned: 'Silero VAD v5', fix: null, demo: false };
    case 'classic':
      return { planned: 'Classic voice (flite)', fix: null, demo: false };
    case 'wllama':
      return { planned: plan.title, fix: null, demo: plan.demo };
    default:
      return { planned: plan.title, fix: null, demo: false };
  }
}

export class EngineHub {
  private readonly entries: { [R in VoiceRole]?: Entry<R> } = {};
  private statuses: Record<VoiceRole, RoleEngineStatus> = {
    vad: emptyStatus('vad'),
    stt: emptyStatus('stt'),
    llm: emptyStatus('llm'),
    tts: emptyStatus('tts'),
  };
  private readonly listeners = new Set<(status: EngineStatusMap) => void>();

  constructor(private readonly loaders: EngineLoaders) {}

  get status(): EngineStatusMap {
    return this.statuses;
  }

  subscribe(listener: (status: EngineStatusMap) => void): () => void {
    this.listeners.add(listener);
    listener(this.statuses);
    return () => this.listeners.delete(listener);
  }

  /**
   * Loads what the plan asks for; roles whose plan is unchanged (and loaded or loading) are kept.
   * Voice detection comes first: it is all that listening needs. Speech recognition, the slowest to
   * load and the first a turn needs, starts at once too; the language model and the voice wait
   * until voice detection has its own model (not just the quick stand-in): on a small machine
   * everything at once would slow that model's start. `packKept(role)` settles once that role's
   * model pack is on this device: each engine waits for its own pack only (on a first visit speech
   * recognition loads while the language model still downloads), never for a second download.
   */
  apply(plan: EnginePlan, packKept: (role: VoiceRole) => Promise<void> = () => Promise.resolve()): void {
    this.applyRole('vad', plan.vad, undefined, packKept('vad'));
    const vadSettled = this.entries.vad?.promise.then(
      (engine) => engine?.upgraded,
      () => undefined,
    );
    this.applyRole('stt', plan.stt, packKept('stt'));
    this.applyRole(
      'llm',
      plan.llm,
      Promise.all([vadSettled, packKept('llm')]).then(() => undefined),
    );
    this.applyRole(
      'tts',
      plan.tts,
      Promise.all([vadSettled, packKept('tts')]).then(() => undefined),
    );
  }

  /**
   * Starts voice detection before the packs are kept on this device (they may still be downloading):
   * it listens on a stand-in at once and loads its own model once `packsKept` settles. A later
   * apply() with the same voice-detection plan keeps it.
   */
  applyVoiceDetection(plan: VadPlan, packsKept: Promise<unknown>): void {
    this.applyRole(
      'vad',
      plan,
      undefined,
      packsKept.then(
        () => undefined,
        () => undefined,
      ),
    );
  }

  /** True while the role's engine is on its way (a caller may wait for it with engine()). */
  isLoading(role: VoiceRole): boolean {
    const state = this.statuses[role].state;
    return state === 'loading' || state === 'idle';
  }

  /** The role's engine once loaded; null when the role has no engine (missing) or failed. */
  async engine<R extends VoiceRole>(role: R): Promise<LoadedEngines[R] | null> {
    const entry = this.entries[role] as Entry<R> | undefined;
    if (!entry) return null;
    try {
      return await entry.promise;
    } catch {
      return null;
    }
  }

  /** Resolves once each role's latest load has ended, loaded or failed. */
  async settled(roles: readonly VoiceRole[]): Promise<void> {
    await Promise.all(roles.map((role) => this.engine(role)));
  }

  /** The role's engine if it is loaded right now. */
  current<R extends VoiceRole>(role: R): LoadedEngines[R] | null {
    return (this.entries[role] as Entry<R> | undefined)?.engine ?? null;
  }

  private applyRole<R extends VoiceRole>(
    role: R,
    plan: Plans[R],
    after?: Promise<void>,
    packKept: Promise<void> = Promise.resolve(),
  ): void {
    const key = planKey(plan);
    const existing = this.entries[role] as Entry<R> | undefined;
    if (existing && existing.key === key && this.statuses[role].state !== 'error') return;
    if (existing)
      void existing.promise.then(
        (engine) => engine?.dispose(),
        () => undefined,
      );

    const described = describePlan(plan);
    const entry: Entry<R> = { key, engine: null, promise: Promise.resolve(null) };
    (this.entries as Record<R, Entry<R>>)[role] = entry;
    const isCurrent = (): boolean => this.entries[role] === entry;
    if (plan.engine === 'none') {
      this.update(role, { ...emptyStatus(role), ...described, state: 'missing' });
      return;
    }
    this.update(role, { ...emptyStatus(role), ...described, state: 'loading' });
    const onProgress: LoadProgressListener = (progress) => {
      if (isCurrent()) this.update(role, { ...this.statuses[role], progress });
    };
    const load = () => {
      if (!isCurrent()) return Promise.resolve(null);
      // Marks for the startup bench: when each role's load began and when it was in.
      performance.mark(`hearth:engine:${role}:start`);
      return this.loaders[role](plan, onProgress, packKept);
    };
    entry.promise = (after ? after.then(load) : load()).then(
      (engine) => {
        if (!isCurrent()) {
          void engine?.dispose();
          return null;
        }
        entry.engine = engine;
        performance.mark(`hearth:engine:${role}:ready`);
        const upgrading = engine?.upgraded !== undefined;
        this.update(role, {
          ...this.statuses[role],
          state: engine ? 'ready' : 'missing',
          info: engine?.info ?? null,
          upgrading,
        });
        void engine?.upgraded?.then(() => {
          performance.mark(`hearth:engine:${role}:upgraded`);
          if (isCurrent()) this.update(role, { ...this.statuses[role], info: engine.info, upgrading: false });
        });
        return engine;
      },
      (thrown: unknown) => {
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        console.warn(`Hearth: the ${role} engine failed to load`, thrown);
        if (isCurrent()) this.update(role, { ...this.statuses[role], state: 'error', error: message });
        throw thrown;
      },
    );
    // Callers use engine(), which handles failure; this keeps the rejection from being "unhandled".
    entry.promise.catch(() => undefined);
  }

  private update(role: VoiceRole, status: RoleEngineStatus): void {
    this.statuses = { ...this.statuses, [role]: status };
    for (const listener of [...this.listeners]) listener(this.statuses);
  }
}
