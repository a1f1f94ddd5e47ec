import { describe, expect, it } from 'vitest';
import {
  prefetchScreens,
  screenCache,
  type LazyScreenId,
  type LoadedScreen,
} from '../../../src/ui/screens/lazy-screens.ts';

type Loaders = Parameters<typeof screenCache>[0];

const screen = (id: Exclude<LazyScreenId, 'settings'>): LoadedScreen => ({ id, component: () => ({}) });

describe('lazy screens', () => {
  it('loads each screen once, however many ask for it', async () => {
    const calls: LazyScreenId[] = [];
    const loader = (id: Exclude<LazyScreenId, 'settings'>) => () => {
      calls.push(id);
      return Promise.resolve(screen(id));
    };
    const load = screenCache({
      library: loader('library'),
      memory: loader('memory'),
      personas: loader('personas'),
      settings: () => Promise.reject(new Error('not asked for')),
    } satisfies Loaders);
    const [first, second] = await Promise.all([load('library'), load('library')]);
    expect(first).toBe(second);
    await load('library');
    await load('memory');
    expect(calls).toEqual(['library', 'memory']);
  });

  it('tries again after a load that failed, and keeps what then arrived', async () => {
    let attempts = 0;
    const load = screenCache({
      library: () => Promise.resolve(screen('library')),
      memory: () => Promise.resolve(screen('memory')),
      personas: () => {
        attempts++;
        return attempts === 1 ? Promise.reject(new Error('connection reset')) : Promise.resolve(screen('personas'));
      },
      settings: () => Promise.reject(new Error('not asked for')),
    } satisfies Loaders);
    await expect(load('personas')).rejects.toThrow('connection reset');
    expect((await load('personas')).id).toBe('personas');
    await load('personas');
    expect(attempts).toBe(2);
  });

  it('fetches every screen in the background, past one that fails', async () => {
    const asked: LazyScreenId[] = [];
    await prefetchScreens((id) => {
      asked.push(id);
      return id === 'memory' ? Promise.reject(new Error('offline')) : Promise.resolve(screen('library'));
    });
    expect(asked.sort()).toEqual(['library', 'memory', 'personas', 'settings']);
    expect(performance.getEntriesByName('hearth:screens:loaded')).toHaveLength(1);
  });
});
