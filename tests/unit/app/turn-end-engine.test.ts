// The browser's optional end-of-turn model (src/app/voice/turn-end-engine.ts): chosen from the
// server's ready end-of-turn pack, loaded in the background, never waited for. Until it is ready, or
// when it fails, the session's model rejects at once so the words decide; a failure shows as an
// error status, not a thrown one. Its pack is kept on the device with the other engines' packs.
import { describe, expect, it, vi } from 'vitest';
import type { LoadProgressListener } from '../../../src/engines/types.ts';
import { selectEngines, selectTurnEnd } from '../../../src/engines/select.ts';
import { plannedPackIds } from '../../../src/app/models/planned-packs.ts';
import { TurnEndEngine, type LoadedTurnEnd, type TurnEndEngineStatus } from '../../../src/app/voice/turn-end-engine.ts';

const pack = (id: string, tier: string, state = 'ready') => ({
  id,
  title: `${id} title`,
  tier,
  role: 'end-of-turn',
  engine: 'smart-turn-onnx',
  state,
  files: [{ path: 'smart-turn-v3.0.onnx', bytes: 8, sha256: null }],
});
const endOfTurn = (...packs: ReturnType<typeof pack>[]) => ({
  role: 'end-of-turn',
  status: 'ready',
  fix: null,
  packs,
});

function fakeModel(id: string, answer: number): LoadedTurnEnd & { disposed: boolean } {
  return {
    id,
    disposed: false,
    info: { role: 'end-of-turn', engine: 'onnxruntime-web', model: id, backend: 'wasm' },
    completionProbability: async () => answer,
    dispose() {
      this.disposed = true;
    },
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('end-of-turn engine selection and caching', () => {
  it('picks the ready end-of-turn pack, recommended before demo; none when the server has none ready', () => {
    expect(
      selectTurnEnd([endOfTurn(pack('smart-turn-contract', 'demo'), pack('smart-turn-v3', 'recommended'))]),
    ).toEqual({ engine: 'smart-turn', packId: 'smart-turn-v3', title: 'smart-turn-v3 title' });
    expect(selectTurnEnd([endOfTurn(pack('smart-turn-v3', 'recommended', 'missing'))])).toEqual({ engine: 'none' });
    expect(selectTurnEnd([])).toEqual({ engine: 'none' });
  });

  it('the planned packs (kept on the device for offline use) include the end-of-turn pack when one is ready', () => {
    const roles = [endOfTurn(pack('smart-turn-v3', 'recommended'))];
    const plan = selectEngines(roles, { webgpu: 'none' });
    expect(plannedPackIds(plan, roles)).toContain('smart-turn-v3');
    expect(plannedPackIds(selectEngines([], { webgpu: 'none' }), [])).not.toContain('smart-turn-v3');
  });
});

describe('TurnEndEngine (the session’s end-of-turn model)', () => {
  it('rejects at once while loading (the words decide), answers with the model once ready', async () => {
    const loading = deferred<LoadedTurnEnd>();
    const loader = vi.fn((_packId: string, _onProgress: LoadProgressListener) => loading.promise);
    const slot = new TurnEndEngine(loader);
    const states: TurnEndEngineStatus['state'][] = [];
    slot.subscribe((s) => states.push(s.state));

    slot.apply({ engine: 'smart-turn', packId: 'smart-turn-v3', title: 'Smart Turn v3.0' });
    expect(loader).toHaveBeenCalledWith('smart-turn-v3', expect.any(Function));
    expect(slot.status).toMatchObject({ state: 'loading', planned: 'Smart Turn v3.0', optional: true });
    await expect(slot.model.completionProbability(new Float32Array(16))).rejects.toThrow(/no end-of-turn model/i);

    loading.resolve(fakeModel('smart-turn-v3', 0.8));
    await vi.waitFor(() => expect(slot.status.state).toBe('ready'));
    expect(slot.status.info).toMatchObject({ role: 'end-of-turn', model: 'smart-turn-v3' });
    expect(slot.model.id).toBe('smart-turn-v3');
    expect(await slot.model.completionProbability(new Float32Array(16))).toBe(0.8);
    // The same plan again (the page re-reads the server's models) keeps the loaded model.
    slot.apply({ engine: 'smart-turn', packId: 'smart-turn-v3', title: 'Smart Turn v3.0' });
    expect(loader).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['idle', 'loading', 'ready']);
  });

  it('a failed load is an error status, never thrown; the session keeps going by the words; the next refresh retries', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loader = vi
      .fn<(packId: string, onProgress: LoadProgressListener) => Promise<LoadedTurnEnd>>()
      .mockRejectedValueOnce(new Error('cannot load /models/smart-turn-v3/smart-turn-v3.0.onnx: HTTP 404'))
      .mockResolvedValueOnce(fakeModel('smart-turn-v3', 0.3));
    const slot = new TurnEndEngine(loader);
    const plan = { engine: 'smart-turn', packId: 'smart-turn-v3', title: 'Smart Turn v3.0' } as const;
    slot.apply(plan);
    await vi.waitFor(() => expect(slot.status.state).toBe('error'));
    expect(slot.status.error).toContain('HTTP 404');
    await expect(slot.model.completionProbability(new Float32Array(16))).rejects.toThrow();
    slot.apply(plan);
    await vi.waitFor(() => expect(slot.status.state).toBe('ready'));
    expect(await slot.model.completionProbability(new Float32Array(16))).toBe(0.3);
    warn.mockRestore();
  });

  it('a pack that went away unloads the model; a load overtaken by a newer plan is disposed', async () => {
    const old = deferred<LoadedTurnEnd>();
    const oldModel = fakeModel('smart-turn-contract', 0.9);
    const newModel = fakeModel('smart-turn-v3', 0.1);
    const loader = vi.fn((packId: string) =>
      packId === 'smart-turn-contract' ? old.promise : Promise.resolve(newModel),
    );
    const slot = new TurnEndEngine(loader);
    slot.apply({ engine: 'smart-turn', packId: 'smart-turn-contract', title: 'contract' });
    slot.apply({ engine: 'smart-turn', packId: 'smart-turn-v3', title: 'real' });
    old.resolve(oldModel);
    await vi.waitFor(() => expect(slot.status.state).toBe('ready'));
    await vi.waitFor(() => expect(oldModel.disposed).toBe(true));
    expect(slot.model.id).toBe('smart-turn-v3');

    slot.apply({ engine: 'none' });
    expect(slot.status.state).toBe('missing');
    expect(newModel.disposed).toBe(true);
    expect(slot.model.id).toBe('none');
    await expect(slot.model.completionProbability(new Float32Array(16))).rejects.toThrow();
  });
});
