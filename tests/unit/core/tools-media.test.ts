// The media tools against a recording player and a lexical catalog (both named fakes: the
// tools only see the core interfaces; the real player and catalog are tested elsewhere).
import { describe, expect, it } from 'vitest';
import { lexicalSearch, MEDIA_TOOLS } from '../../../src/core/media/index.ts';
import type { Catalog, MediaAudience, MediaItem, MediaPlayer, PlayerStatus } from '../../../src/core/media/types.ts';
import { ToolRegistry } from '../../../src/core/tools/registry.ts';
import type { ToolContext } from '../../../src/core/tools/types.ts';
import { getTimeTool } from '../../../src/core/tools/get-time.ts';
import { createHarness } from './harness.ts';

const item = (
  id: string,
  kind: 'song' | 'story',
  title: string,
  tags: string[] = [],
  extra: Partial<MediaItem> = {},
): MediaItem => ({
  id,
  kind,
  format: 'audio',
  title,
  description: '',
  tags,
  language: 'en',
  ageMin: null,
  ageMax: null,
  durationSec: 60,
  mime: 'audio/wav',
  url: `/media/${id}`,
  ...extra,
});

const LIBRARY = [
  item('s1', 'song', 'Twinkle Twinkle Little Star', ['stars', 'lullaby']),
  item('s2', 'song', "Brahms' Lullaby", ['lullaby', 'sleep'], { ageMin: 0, ageMax: 8 }),
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

function setup(audience?: MediaAudience | (() => MediaAudience)) {
  const player = new RecordingPlayer();
  const registry = new ToolRegistry([getTimeTool, ...MEDIA_TOOLS]);
  const ctx: ToolContext = {
    signal: new AbortController().signal,
    now: new Date(),
    services: {
      mediaPlayer: player,
      catalog: new FakeLexicalCatalog(),
      ...(audience ? { mediaAudience: audience } : {}),
    },
  };
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

  it.each([
    'what is a tortoise',
    'why do stars twinkle',
    'can you stop being silly and tell me a joke',
    'i like stories',
    'play a game with me',
    'stop the car',
  ])('leaves "%s" to the LLM', (utterance) => {
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

  it('with no matching story, hands the request to the model to tell one (not an error, nothing plays)', async () => {
    const { player, run } = setup({ age: 1 });
    const { outcome } = await run('tell me a story about the tortoise');
    expect(outcome.result).toEqual({
      content:
        'No story found for "the tortoise" in the library. Tell the user a short story about the tortoise yourself, in a few simple sentences.',
      answerWithModel: true,
    });
    expect(player.current).toBeNull();
  });

  it('with no matching song, says so (a song cannot be made up)', async () => {
    const { player, run } = setup();
    const { outcome } = await run('play a song about dinosaurs');
    expect(outcome.result).toMatchObject({
      say: "Sorry, I couldn't find a song like that in the library.",
      endTurn: true,
    });
    expect(outcome.result.isError).toBeUndefined();
    expect(outcome.result.answerWithModel).toBeUndefined();
    expect(player.current).toBeNull();
  });

  it('filters by the audience asked for on each search: a persona switch changes what may play at once', async () => {
    let audience: MediaAudience = { language: 'en', ages: { min: 3, max: 10 } };
    const { player, run } = setup(() => audience);
    await run('tell me the story about the lion and the mouse');
    expect(player.current?.id).toBe('t2');
    // An adults' persona in French: the English children's stories are left out.
    audience = { language: 'fr', ages: { min: 18, max: 120 } };
    player.stop();
    expect((await run('tell me the story about the lion and the mouse')).outcome.result.answerWithModel).toBe(true);
    expect(player.current).toBeNull();
    // Toddlers: the 3–10 stories do not overlap 0–2, the 0–8 lullaby does.
    audience = { ages: { min: 0, max: 2 } };
    expect((await run('tell me a story')).outcome.result.answerWithModel).toBe(true);
    expect((await run('play a lullaby')).outcome.result.say).toMatch(/^Here's /);
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
    expect((await run('stop')).outcome.result).toMatchObject({
      content: 'Stopped "Twinkle Twinkle Little Star".',
      say: 'Okay, stopped.',
    });
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
    expect(french.result.answerWithModel).toBe(true);
    const frenchSong = await registry.execute('play_song', { query: 'lullaby', language: 'fr' }, ctx);
    expect(frenchSong.result.say).toMatch(/couldn't find/);
    expect((await registry.execute('play_song', { query: 42 }, ctx)).result.isError).toBe(true);
  });

  it('reports a missing player or catalog as a tool failure', async () => {
    const registry = new ToolRegistry(MEDIA_TOOLS);
    const outcome = await registry.execute(
      'stop',
      {},
      { signal: new AbortController().signal, now: new Date(), services: {} },
    );
    expect(outcome.result.isError).toBe(true);
    expect(outcome.error?.message).toMatch(/no media player/);
  });

  it('describes every tool for the LLM', () => {
    const specs = new ToolRegistry(MEDIA_TOOLS).specs();
    expect(specs.map((s) => s.name)).toEqual(['stop', 'pause', 'resume', 'next', 'volume', 'tell_story', 'play_song']);
  });
});

describe('"tell me a story" in a voice session: the library first, then the model', () => {
  function storySession(chat: string[][]) {
    const player = new RecordingPlayer();
    const h = createHarness({
      tools: new ToolRegistry(MEDIA_TOOLS),
      chat,
      session: { toolServices: { mediaPlayer: player, catalog: new FakeLexicalCatalog() } },
    });
    h.session.start();
    return { h, player };
  }

  it('a matching story plays from the library; the model is not asked', async () => {
    const { h, player } = storySession([]);
    void h.session.sendText('Tell me the story about the tortoise and the hare.');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(player.current?.id).toBe('t1');
    expect(h.llm.calls).toHaveLength(0);
    expect(h.tts.calls.map((c) => c.text)).toEqual(["Here's a story: The Tortoise and the Hare."]);
  });

  it('no matching story: the model tells one, seeing the tool answer as if it had asked the library itself', async () => {
    const { h, player } = storySession([
      ['Once', ' upon', ' a', ' time', ',', ' a', ' dragon', ' learned', ' to', ' fly', '.'],
    ]);
    void h.session.sendText('Tell me a story about a dragon.');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(player.current).toBeNull();
    expect(h.llm.calls).toHaveLength(1);
    const messages = h.llm.calls[0]!.messages;
    expect(messages.at(-3)).toEqual({ role: 'user', content: 'Tell me a story about a dragon.' });
    expect(messages.at(-2)).toMatchObject({
      role: 'assistant',
      toolCalls: [{ name: 'tell_story', arguments: { query: 'a dragon' } }],
    });
    expect(messages.at(-1)).toMatchObject({
      role: 'tool',
      name: 'tell_story',
      content: expect.stringMatching(
        /^No story found for "a dragon" in the library\. Tell the user a short story about a dragon yourself/,
      ),
    });
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Once upon a time, a dragon learned to fly.']);
    expect(h.of('error')).toEqual([]);
    // The conversation remembers the request and the story, not the behind-the-scenes tool call.
    expect(h.session.history.map((m) => m.role)).toEqual(['user', 'assistant']);
  });
});
