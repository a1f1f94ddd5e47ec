// The media tools against a recording player and a lexical catalog (both named fakes: the
// tools only see the core interfaces; the real player and catalog are tested elsewhere).
import { describe, expect, it } from 'vitest';
import { lexicalSearch, MEDIA_TOOLS } from '../../../src/core/media/index.ts';
import type { Catalog, MediaItem, MediaPlayer, PlayerStatus } from '../../../src/core/media/types.ts';
import { ToolRegistry } from '../../../src/core/tools/registry.ts';
import type { ToolContext } from '../../../src/core/tools/types.ts';
import { getTimeTool } from '../../../src/core/tools/get-time.ts';

const item = (id: string, kind: 'song' | 'story', title: string, tags: string[] = [], extra: Partial<MediaItem> = {}): MediaItem => ({
  id, kind, format: 'audio', title, description: '', tags, language: 'en', ageMin: null, ageMax: null, durationSec: 60, mime: 'audio/wav', url: `/media/${id}`, ...extra,
});

const LIBRARY = [
  item('s1', 'song', 'Twinkle Twinkle Little Star', ['stars', 'lullaby']),
  item('s2', 'song', "Brahms' Lullaby", ['lullaby', 'sleep']),
  item('s3', 'song', 'Frère Jacques', ['morning']),
  item('t1', 'story', 'The Tortoise and the Hare', ['tortoise', 'race'], { ageMin: 3, ageMax: 10 }),
  item('t2', 'story', 'The Lion and the Mouse', ['lion', 'mouse'], { ageMin: 3, ageMax: 10 }),
];

class FakeLexicalCatalog implements Catalog {
  async search(query: Parameters<Catalog['search']>[0]) {
    return lexicalSearch(LIBRARY, query);
  }
}

class RecordingPlayer implements MediaPlayer {
  status: PlayerStatus = 'idle';
  current: MediaItem | null = null;
  volume = 0.6;
  queue: MediaItem[] = [];
  async play(next: MediaItem, options?: { upNext?: MediaItem[] }) {
    this.current = next;
    this.queue = options?.upNext ?? [];
    this.status = 'playing';
  }
  stop() {
    this.current = null;
    this.status = 'idle';
  }
  pause() {
    if (this.status !== 'playing') return false;
    this.status = 'paused';
    return true;
  }
  resume() {
    if (this.status !== 'paused') return false;
    this.status = 'playing';
    return true;
  }
  async next() {
    const following = this.queue.shift() ?? null;
    if (following) this.current = following;
    else this.stop();
    return following;
  }
  setVolume(level: number) {
    this.volume = level;
  }
}

function setup(audience?: { age?: number; language?: string }) {
  const player = new RecordingPlayer();
  const registry = new ToolRegistry([getTimeTool, ...MEDIA_TOOLS]);
  const ctx: ToolContext = { signal: new AbortController().signal, now: new Date(), services: { mediaPlayer: player, catalog: new FakeLexicalCatalog(), ...(audience ? { mediaAudience: audience } : {}) } };
  const run = async (utterance: string) => {
    const match = registry.matchDirectCommand(utterance);
    if (!match) throw new Error(`no direct command for "${utterance}"`);
    return { match, outcome: await registry.execute(match.name, match.args, ctx) };
  };
  return { player, registry, ctx, run };
}

describe('media tools: direct commands', () => {
  const { registry } = setup();
  const cases: [string, string, Record<string, unknown>][] = [
    ['stop', 'stop', {}],
    ['Stop the music!', 'stop', {}],
    ['Hearth, stop.', 'stop', {}],
    ['that\u2019s enough', 'stop', {}],
    ['pause', 'pause', {}],
    ['pause the story please', 'pause', {}],
    ['resume', 'resume', {}],
    ['keep playing', 'resume', {}],
    ['play', 'resume', {}],
    ['next', 'next', {}],
    ['skip this song', 'next', {}],
    ['louder', 'volume', { change: 'up' }],
    ['turn it up', 'volume', { change: 'up' }],
    ['a bit quieter', 'volume', { change: 'down' }],
    ['too loud', 'volume', { change: 'down' }],
    ['volume 5', 'volume', { level: 50 }],
    ['set the volume to 30 percent', 'volume', { level: 30 }],
    ['mute', 'volume', { level: 0 }],
    ['play Twinkle Twinkle', 'play_song', { query: 'twinkle twinkle' }],
    ['play me a song about the moon', 'play_song', { query: 'a song about the moon' }],
    ['play some music', 'play_song', { query: '' }],
    ['sing a lullaby', 'play_song', { query: 'a lullaby' }],
    ['tell me a story', 'tell_story', { query: '' }],
    ['Play the story about the tortoise and the hare.', 'tell_story', { query: 'the tortoise and the hare' }],
    ['tell me a story about a brave turtle', 'tell_story', { query: 'a brave turtle' }],
    ['read me the story of the lion and the mouse', 'tell_story', { query: 'the lion and the mouse' }],
    ['story time', 'tell_story', { query: '' }],
  ];
  it.each(cases)('"%s" -> %s', (utterance, name, args) => {
    expect(registry.matchDirectCommand(utterance)).toEqual({ name, args });
  });

  it.each(['what is a tortoise', 'why do stars twinkle', 'can you stop being silly and tell me a joke', 'i like stories', 'play a game with me', 'stop the car'])('leaves "%s" to the LLM', (utterance) => {
    expect(registry.matchDirectCommand(utterance)).toBeNull();
  });
});

describe('media tools: execution', () => {
  it('plays the best matching story, queues the rest, and says what it is about to play', async () => {
    const { player, run } = setup();
    const { outcome } = await run('play the story about the tortoise and the hare');
    expect(player.current?.title).toBe('The Tortoise and the Hare');
    expect(outcome.result).toMatchObject({ say: "Here's a story: The Tortoise and the Hare.", endTurn: true });
    expect(outcome.result.isError).toBeUndefined();
  });

  it('plays a song by title, and any song for "play some music" with the others queued', async () => {
    const { player, run } = setup();
    expect((await run('play twinkle twinkle')).outcome.result.say).toBe("Here's Twinkle Twinkle Little Star.");
    await run('play some music');
    expect(player.current?.kind).toBe('song');
    expect(player.queue).toHaveLength(2);
    const { outcome } = await run('next');
    expect(outcome.result.say).toMatch(/^Next: /);
    await run('next');
    expect((await run('next')).outcome.result.say).toBe('That was the last one.');
    expect(player.status).toBe('idle');
  });

  it('says so (not an error) when nothing matches or the filters exclude everything', async () => {
    const { player, run } = setup({ age: 1 });
    const { outcome } = await run('tell me a story about the tortoise');
    expect(outcome.result).toMatchObject({ say: "Sorry, I couldn't find a story like that in the library.", endTurn: true });
    expect(outcome.result.isError).toBeUndefined();
    expect(player.current).toBeNull();
  });

  it('stops, pauses and resumes, telling the LLM what happened', async () => {
    const { player, run } = setup();
    expect((await run('stop')).outcome.result.content).toBe('Nothing was playing.');
    await run('play twinkle twinkle');
    expect((await run('pause')).outcome.result).toMatchObject({ content: 'Paused.' });
    expect(player.status).toBe('paused');
    expect((await run('pause')).outcome.result.say).toBe('Nothing is playing right now.');
    await run('resume');
    expect(player.status).toBe('playing');
    expect((await run('stop')).outcome.result).toMatchObject({ content: 'Stopped "Twinkle Twinkle Little Star".', say: 'Okay, stopped.' });
    expect(player.status).toBe('idle');
  });

  it('moves the volume in steps and clamps it to 0..100', async () => {
    const { player, run, registry, ctx } = setup();
    await run('louder');
    expect(player.volume).toBeCloseTo(0.8);
    await run('louder');
    await run('louder');
    expect(player.volume).toBe(1);
    await run('quieter');
    expect(player.volume).toBeCloseTo(0.8);
    await registry.execute('volume', { level: 35 }, ctx);
    expect(player.volume).toBeCloseTo(0.35);
    expect((await registry.execute('volume', { change: 'sideways' }, ctx)).result.isError).toBe(true);
    expect((await registry.execute('volume', {}, ctx)).result.isError).toBe(true);
  });

  it('takes LLM arguments: a query and a language', async () => {
    const { player, registry, ctx } = setup();
    await registry.execute('play_song', { query: 'lullaby for sleep' }, ctx);
    expect(player.current?.title).toBe("Brahms' Lullaby");
    const french = await registry.execute('tell_story', { query: 'lion', language: 'fr' }, ctx);
    expect(french.result.say).toMatch(/couldn't find/);
    expect((await registry.execute('play_song', { query: 42 }, ctx)).result.isError).toBe(true);
  });

  it('reports a missing player or catalog as a tool failure', async () => {
    const registry = new ToolRegistry(MEDIA_TOOLS);
    const outcome = await registry.execute('stop', {}, { signal: new AbortController().signal, now: new Date(), services: {} });
    expect(outcome.result.isError).toBe(true);
    expect(outcome.error?.message).toMatch(/no media player/);
  });

  it('describes every tool for the LLM', () => {
    const specs = new ToolRegistry(MEDIA_TOOLS).specs();
    expect(specs.map((s) => s.name)).toEqual(['stop', 'pause', 'resume', 'next', 'volume', 'tell_story', 'play_song']);
  });
});
