// "Tell me a story" with no topic: tell_story offers a different story each time, preferring the
// ones this listener has not heard lately (what a player played is that listener's history).
// The catalog and players are named fakes of the core interfaces.
import { describe, expect, it } from 'vitest';
import { lexicalSearch, tellStoryTool } from '../../../src/core/media/index.ts';
import type { Catalog, CatalogQuery, MediaItem, MediaPlayer, PlayerStatus } from '../../../src/core/media/types.ts';
import type { ToolContext } from '../../../src/core/tools/types.ts';

const story = (id: string, title: string): MediaItem => ({
  id,
  kind: 'story',
  format: 'text',
  title,
  description: '',
  tags: [],
  language: 'en',
  ageMin: null,
  ageMax: null,
  durationSec: null,
  mime: 'text/markdown',
  url: `/media/${id}`,
});

const STORIES = ['Ant', 'Boy', 'Fox', 'Lion', 'Tortoise'].map((t, i) => story(`s${i}`, `The ${t}`));

class FakeStoryCatalog implements Catalog {
  async search(query: CatalogQuery) {
    return lexicalSearch(STORIES, query);
  }
}

class FakeRecordingPlayer implements MediaPlayer {
  status: PlayerStatus = 'idle';
  current: MediaItem | null = null;
  volume = 0.5;
  upNext: MediaItem[] = [];
  async play(item: MediaItem, options?: { upNext?: MediaItem[] }) {
    this.current = item;
    this.upNext = options?.upNext ?? [];
    this.status = 'playing';
  }
  stop() {
    this.status = 'idle';
  }
  pause() {
    return false;
  }
  resume() {
    return false;
  }
  async next() {
    return null;
  }
  setVolume(level: number) {
    this.volume = level;
  }
}

async function tellAStory(player: FakeRecordingPlayer): Promise<string> {
  const ctx: ToolContext = {
    signal: new AbortController().signal,
    now: new Date(),
    services: { mediaPlayer: player, catalog: new FakeStoryCatalog() },
  };
  const args = tellStoryTool.directCommand!('tell me a story');
  expect(args).toEqual({ query: '' });
  await tellStoryTool.execute(args!, ctx);
  return player.current!.id;
}

describe('tell_story with no topic', () => {
  it('tells every story once before any again, and then the one heard longest ago', async () => {
    const player = new FakeRecordingPlayer();
    const told: string[] = [];
    for (let i = 0; i < STORIES.length; i++) told.push(await tellAStory(player));
    expect(new Set(told).size).toBe(STORIES.length);
    expect(await tellAStory(player)).toBe(told[0]);
    // The rest are queued for "next".
    expect(player.upNext.length).toBe(STORIES.length - 1);
  });

  it('keeps each listener apart, and does not always start with the same story', async () => {
    const first = new FakeRecordingPlayer();
    const told = new Set<string>();
    for (let i = 0; i < STORIES.length - 1; i++) told.add(await tellAStory(first));
    // A second listener's history is its own: what the first heard does not hold it back.
    const starts = new Set<string>();
    for (let i = 0; i < 20; i++) starts.add(await tellAStory(new FakeRecordingPlayer()));
    // Five stories shuffled 20 times: all 20 the same has a chance of 5 in 5^20.
    expect(starts.size).toBeGreaterThan(1);
    expect([...starts].some((id) => told.has(id))).toBe(true);
    // The first listener gets the one story left.
    expect(told.has(await tellAStory(first))).toBe(false);
  });
});
