// The optional audio end-of-turn model (Smart Turn) for the browser's conversation. It loads in the
// background after voice detection and is never waited for: until it is ready, or if it fails, the
// session's adaptive end of turn goes by the words alone. The session holds `model` for the whole
// page; it asks whichever engine is loaded at the moment of the pause.
import type { TurnEndModel } from '../../core/engines.ts';
import {
  idleStatus,
  type EngineInfo,
  type LoadProgressListener,
  type RoleLoadState,
  type TurnEndPlan,
} from '../../engines/index.ts';

export interface LoadedTurnEnd extends TurnEndModel {
  readonly info: EngineInfo;
  dispose(): void | Promise<void>;
}

export type TurnEndLoader = (packId: string, onProgress: LoadProgressListener) => Promise<LoadedTurnEnd>;

/** The same shape as a voice role's status (the Settings rows show it), for the optional model. */
export interface TurnEndEngineStatus {
  role: 'end-of-turn';
  state: RoleLoadState;
  planned: string | null;
  info: EngineInfo | null;
  progress: Parameters<LoadProgressListener>[0] | null;
  error: string | null;
  fix: null;
  demo: false;
  /** Hearth works without it (the words decide). */
  optional: true;
}

const IDLE: TurnEndEngineStatus = { ...idleStatus('end-of-turn'), optional: true };

export class TurnEndEngine {
  private engine: LoadedTurnEnd | null = null;
  private packId: string | null = null;
  private generation = 0;
  private current: TurnEndEngineStatus = IDLE;
  private readonly listeners = new Set<(status: TurnEndEngineStatus) => void>();

  /** What the session holds: answers with the loaded engine, or rejects (the words decide) when none is. */
  readonly model: TurnEndModel;

  constructor(private readonly load: TurnEndLoader) {
    const loaded = (): LoadedTurnEnd | null => this.engine;
    this.model = {
      get id() {
        return loaded()?.id ?? 'none';
      },
      completionProbability(audio, opts) {
        const engine = loaded();
        if (!engine) return Promise.reject(new Error('No end-of-turn model is loaded'));
        return engine.completionProbability(audio, opts);
      },
    };
  }

  get status(): TurnEndEngineStatus {
    return this.current;
  }

  subscribe(listener: (status: TurnEndEngineStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /** Loads the plan's pack (once; again after a failure); none unloads. Never throws. */
  apply(plan: TurnEndPlan | undefined): void {
    const packId = plan?.engine === 'smart-turn' ? plan.packId : null;
    if (packId === this.packId && this.current.state !== 'error') return;
    const generation = ++this.generation;
    const previous = this.engine;
    this.engine = null;
    this.packId = packId;
    void previous?.dispose();
    if (!plan || plan.engine === 'none') {
      this.update({ ...IDLE, state: 'missing' });
      return;
    }
    this.update({ ...IDLE, state: 'loading', planned: plan.title });
    const isCurrent = (): boolean => generation === this.generation;
    this.load(plan.packId, (progress) => {
      if (isCurrent()) this.update({ ...this.current, progress });
    }).then(
      (engine) => {
        if (!isCurrent()) return void engine.dispose();
        this.engine = engine;
        this.update({ ...this.current, state: 'ready', info: engine.info });
      },
      (thrown: unknown) => {
        if (!isCurrent()) return;
        console.warn('Hearth: the end-of-turn model could not be loaded; the words decide when a turn ends.', thrown);
        this.update({
          ...this.current,
          state: 'error',
          error: thrown instanceof Error ? thrown.message : String(thrown),
        });
      },
    );
  }

  private update(status: TurnEndEngineStatus): void {
    this.current = status;
    for (const listener of [...this.listeners]) listener(status);
  }
}
