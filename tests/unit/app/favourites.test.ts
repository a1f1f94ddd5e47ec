// Favourites (src/app/media/favourites.ts) on a real Dexie database (fake-indexeddb): hearts are
// kept on this device, survive a new page (a fresh Favourites over the same database), quick taps
// are applied in order, and a damaged stored value reads as no favourites.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { Favourites } from '../../../src/app/media/favourites.ts';
import { hearthDb } from '../../../src/data/db.ts';
import { SettingsRepository } from '../../../src/data/settings-repository.ts';

beforeEach(async () => {
  const db = hearthDb();
  await Promise.all(db.tables.map((table) => table.clear()));
});

describe('favourites', () => {
  it('starts empty, and keeps a heart for the next visit', async () => {
    const first = new Favourites();
    expect([...(await first.load())]).toEqual([]);
    expect(await first.toggle('song-1')).toBe(true);
    expect(first.has('song-1')).toBe(true);

    const nextVisit = new Favourites();
    expect([...(await nextVisit.load())]).toEqual(['song-1']);
    expect(await nextVisit.toggle('song-1')).toBe(false);
    expect([...(await new Favourites().load())]).toEqual([]);
  });

  it('reload reads the set again once the stored one is gone, and tells subscribers', async () => {
    const favourites = new Favourites();
    await favourites.toggle('song-1');
    const seen: string[][] = [];
    favourites.subscribe((ids) => seen.push([...ids]));
    await expect.poll(() => seen.length).toBe(1);
    // This device's settings are deleted (Settings → Privacy): the store is empty again.
    await hearthDb().settings.clear();
    expect([...(await favourites.reload())]).toEqual([]);
    expect(favourites.has('song-1')).toBe(false);
    expect(seen).toEqual([['song-1'], []]);
  });

  it('applies quick taps in order, newest first, and tells subscribers', async () => {
    const favourites = new Favourites();
    const seen: string[][] = [];
    const unsubscribe = favourites.subscribe((ids) => seen.push([...ids]));
    const taps = await Promise.all([
      favourites.toggle('a'),
      favourites.toggle('b'),
      favourites.toggle('a'),
      favourites.toggle('c'),
    ]);
    expect(taps).toEqual([true, true, false, true]);
    // Already a favourite: stays one, and moves to the front.
    expect([...(await favourites.set('b', true))]).toEqual(['b', 'c']);
    expect([...favourites.current()]).toEqual(['b', 'c']);
    expect([...(await new Favourites().load())]).toEqual(['b', 'c']);
    expect(seen.at(-1)).toEqual(['b', 'c']);
    unsubscribe();
    await favourites.toggle('d');
    expect(seen.at(-1)).toEqual(['b', 'c']);
  });

  it('reads a damaged stored list as what can be saved of it', async () => {
    const db = hearthDb();
    await db.settings.put({ key: 'favouriteItemIds', value: 'not a list' });
    expect([...(await new Favourites().load())]).toEqual([]);
    await db.settings.put({ key: 'favouriteItemIds', value: ['x', 7, 'x', '', 'y'] });
    expect([...(await new Favourites().load())]).toEqual(['x', 'y']);
    expect(await new SettingsRepository(db).get('favouriteItemIds')).toEqual(['x', 'y']);
  });
});
