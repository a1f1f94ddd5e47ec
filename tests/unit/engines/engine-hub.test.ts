import { describe, expect, it, vi } from 'vitest';
import { EngineHub, type EngineLoaders, type LoadedEngines } from '../../../src/engines/engine-hub.ts';
import type { EnginePlan } from '../../../src/engines/select.ts';
import type { EngineInfo } from '../../../src/engines/types.ts';

// The loaders here are test doubles standing in for the real (browser-only) engine factories:
// these tests cover the hub's bookkeeping, not any engine.

function info(role: EngineInfo['role'], model: string): EngineInfo {
  return { role, engine: 'test-double', model, backend: 'wasm' };
}

function doubles() {
  const disposed: string[] = [];
  const loads: string[] = [];
  const fail = new Set<string>();
  // One double per role, each implementing that role's engine interface (silent, empty).
  const engines: { [R in keyof LoadedEngines]: (model: string) => LoadedEngines[R] } = {
    vad: (model) => ({
      ...loaded('vad', model),
      frameSamples: 512,
      process: () => Promise.resolve(0),
      reset: () => {},
      openStream: () => ({
        push: () => {},
        result: () => Promise.resolve(0),
        reset: () => {},
        close: () => Promise.resolve(),
      }),
    }),
    stt: (model) => ({ ...loaded('stt', model), transcribe: () => Promise.resolve({ text: '' }) }),
    llm: (model) => ({ ...loaded('llm', model), async *stream() {} }),
    tts: (model) => ({ ...loaded('tts', model), sampleRate: 16_000, async *synthesize() {} }),
  };
  function loaded(role: keyof LoadedEngines, model: string) {
    return { info: info(role, model), dispose: () => void disposed.push(`${role}:${model}`) };
  }
  const make = <R extends keyof LoadedEngines>(role: R, model: string): Promise<LoadedEngines[R]> => {
    loads.push(`${role}:${model}`);
    if (fail.has(model)) return Promise.reject(new Error(`${model} is broken`));
    return Promise.resolve(engines[role](model));
  };
  const loaders: EngineLoaders = {
    vad: (plan, progress) => {
      progress({ role: 'vad', stage: 'Loading', loaded: 1, total: 2 });
      return make('vad', plan.packId);
    },
    stt: (plan) => (plan.engine === 'none' ? Promise.resolve(null) : make('stt', plan.packId)),
    llm: (plan) => (plan.engine === 'none' ? Promise.resolve(null) : make('llm', plan.packId)),
    tts: (plan) => make('tts', plan.packId ?? 'classic'),
  };
  return { loaders, disposed, loads, fail };
}

const PLAN: EnginePlan = {
  vad: { engine: 'silero', packId: 'silero-vad-v5' },
  stt: { engine: 'none', fix: 'npm run models -- download whisper-tiny-en' },
  llm: { engine: 'wllama', packId: 'stories260K', title: 'stories260K', file: 'stories260K.gguf', demo: true },
  tts: { engine: 'classic', packId: 'flite-classic' },
};

describe('EngineHub', () => {
  it('loads each role, reports progress and info, and marks a role without a pack as missing with its fix', async () => {
    const { loaders } = doubles();
    const hub = new EngineHub(loaders);
    const seen: string[] = [];
    hub.subscribe((s) => seen.push(`${s.vad.state}/${s.vad.progress?.loaded ?? '-'}`));
    hub.apply(PLAN);
    expect(hub.status.llm).toMatchObject({ state: 'loading', planned: 'stories260K', demo: true });
    expect(hub.status.stt).toMatchObject({ state: 'missing', fix: 'npm run models -- download whisper-tiny-en' });
    expect((await hub.engine('llm'))?.info.model).toBe('stories260K');
    expect(await hub.engine('stt')).toBeNull();
    await hub.engine('vad');
    expect(hub.status.vad.state).toBe('ready');
    expect(hub.status.vad.info?.model).toBe('silero-vad-v5');
    expect(seen).toContain('loading/1');
    expect(hub.current('tts')?.info.model).toBe('flite-classic');
  });

  it('keeps warm engines when the plan is unchanged, and swaps (disposing the old) only the role that changed', async () => {
    const { loaders, loads, disposed } = doubles();
    const hub = new EngineHub(loaders);
    hub.apply(PLAN);
    await hub.engine('llm');
    hub.apply(PLAN);
    hub.apply({ ...PLAN, stt: { engine: 'whisper', packId: 'whisper-tiny-en', title: 'Whisper' } });
    expect((await hub.engine('stt'))?.info.model).toBe('whisper-tiny-en');
    expect(loads.filter((l) => l.startsWith('llm'))).toEqual(['llm:stories260K']);
    hub.apply({ ...PLAN, llm: { engine: 'wllama', packId: 'qwen', title: 'Qwen', file: 'q.gguf', demo: false } });
    expect((await hub.engine('llm'))?.info.model).toBe('qwen');
    await vi.waitFor(() => expect(disposed).toContain('llm:stories260K'));
  });

  it('reports a load failure per role, and retries it on the next apply', async () => {
    const { loaders, fail } = doubles();
    fail.add('stories260K');
    const hub = new EngineHub(loaders);
    hub.apply(PLAN);
    expect(await hub.engine('llm')).toBeNull();
    expect(hub.status.llm).toMatchObject({ state: 'error', error: 'stories260K is broken' });
    expect(hub.status.tts.state).toBe('ready');
    fail.clear();
    hub.apply(PLAN);
    expect((await hub.engine('llm'))?.info.model).toBe('stories260K');
    expect(hub.status.llm.state).toBe('ready');
  });

  it('loads voice detection and speech recognition first, the language model and the voice once voice detection is in', async () => {
    const { loaders, loads } = doubles();
    let releaseVad = (): void => {};
    const vadHeld = new Promise<void>((resolve) => (releaseVad = resolve));
    const hub = new EngineHub({
      ...loaders,
      vad: (plan, progress, kept) => vadHeld.then(() => loaders.vad(plan, progress, kept)),
    });
    hub.apply({ ...PLAN, stt: { engine: 'whisper', packId: 'whisper-tiny-en', title: 'Whisper tiny' } });
    // Everything is on its way (a turn may wait for it), but only voice detection and speech
    // recognition (the slowest to load) are loading.
    expect(hub.isLoading('llm')).toBe(true);
    expect((await hub.engine('stt'))?.info.model).toBe('whisper-tiny-en');
    expect(loads).toEqual(['stt:whisper-tiny-en']);
    releaseVad();
    expect(await hub.engine('vad')).not.toBeNull();
    await hub.settled(['llm', 'tts']);
    expect(loads.slice(1, 2)).toEqual(['vad:silero-vad-v5']);
    expect(loads.slice(2).sort()).toEqual(['llm:stories260K', 'tts:flite-classic']);
  });

  it('settles once each role has loaded or failed', async () => {
    const { loaders } = doubles();
    const hub = new EngineHub({ ...loaders, llm: () => Promise.reject(new Error('stories260K is broken')) });
    hub.apply(PLAN);
    await hub.settled(['vad', 'stt', 'llm', 'tts']);
    expect(hub.status.llm.state).toBe('error');
    expect(hub.status.tts.state).toBe('ready');
  });

  it('shows the info of an engine that moved on from a quick stand-in once it has, and starts the language model and voice then', async () => {
    const { loaders, loads } = doubles();
    let upgrade!: () => void;
    let model = 'quick';
    const upgraded = new Promise<void>((resolve) => (upgrade = resolve));
    const hub = new EngineHub({
      ...loaders,
      vad: async (plan, progress, kept) => {
        const engine = await loaders.vad(plan, progress, kept);
        return (
          engine && {
            ...engine,
            upgraded,
            get info() {
              return info('vad', model);
            },
          }
        );
      },
    });
    hub.apply(PLAN);
    await hub.engine('vad');
    expect(hub.status.vad).toMatchObject({ state: 'ready', info: { model: 'quick' }, upgrading: true });
    // The language model and the voice wait for voice detection's own model, not just its stand-in.
    await Promise.resolve();
    expect(loads).toEqual(['vad:silero-vad-v5']);
    model = 'silero-vad-v5';
    upgrade();
    expect((await hub.engine('llm'))?.info.model).toBe('stories260K');
    await vi.waitFor(() => expect(hub.status.vad.info?.model).toBe('silero-vad-v5'));
    expect(hub.status.vad.upgrading).toBe(false);
  });

  it('starts voice detection before the packs are kept, tells it when they are, and keeps it on the full apply', async () => {
    const { loaders, loads } = doubles();
    let keep!: () => void;
    const packsKept = new Promise<void>((resolve) => (keep = resolve));
    let packKeptSeen: Promise<void> | null = null;
    const hub = new EngineHub({
      ...loaders,
      vad: (plan, progress, kept) => {
        packKeptSeen = kept;
        return loaders.vad(plan, progress, kept);
      },
    });
    hub.applyVoiceDetection(PLAN.vad, packsKept);
    expect((await hub.engine('vad'))?.info.model).toBe('silero-vad-v5');
    expect(loads).toEqual(['vad:silero-vad-v5']);
    let kept = false;
    void packKeptSeen!.then(() => (kept = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(kept).toBe(false);
    keep();
    await vi.waitFor(() => expect(kept).toBe(true));
    hub.apply(PLAN);
    expect((await hub.engine('llm'))?.info.model).toBe('stories260K');
    expect(loads.filter((l) => l.startsWith('vad'))).toEqual(['vad:silero-vad-v5']);
  });

  it('starts each engine once its own pack is kept: speech recognition loads while the language model’s pack is still on its way', async () => {
    const { loaders, loads } = doubles();
    const held = new Map<string, () => void>();
    const packKept = (role: string): Promise<void> =>
      role === 'stt' ? Promise.resolve() : new Promise<void>((resolve) => held.set(role, resolve));
    const hub = new EngineHub(loaders);
    hub.apply({ ...PLAN, stt: { engine: 'whisper', packId: 'whisper-tiny-en', title: 'Whisper tiny' } }, packKept);
    expect((await hub.engine('stt'))?.info.model).toBe('whisper-tiny-en');
    // Voice detection (its stand-in needs no pack) and speech recognition are in; the others wait.
    expect(await hub.engine('vad')).not.toBeNull();
    expect(hub.isLoading('llm')).toBe(true);
    expect(loads.sort()).toEqual(['stt:whisper-tiny-en', 'vad:silero-vad-v5']);
    held.get('tts')!();
    expect((await hub.engine('tts'))?.info.model).toBe('flite-classic');
    expect(loads).not.toContain('llm:stories260K');
    held.get('llm')!();
    expect((await hub.engine('llm'))?.info.model).toBe('stories260K');
  });
});
