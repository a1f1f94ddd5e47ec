import { describe, expect, it } from 'vitest';
import { settleable } from '../../../src/core/settleable.ts';

describe('settleable', () => {
  it('says it is done as soon as it is settled, and its promise resolves', async () => {
    const once = settleable();
    let resolved = false;
    void once.promise.then(() => (resolved = true));
    expect(once.done).toBe(false);
    once.settle();
    expect(once.done).toBe(true);
    await once.promise;
    expect(resolved).toBe(true);
  });

  it('can be settled more than once without harm', async () => {
    const once = settleable();
    once.settle();
    once.settle();
    await expect(once.promise).resolves.toBeUndefined();
  });
});
