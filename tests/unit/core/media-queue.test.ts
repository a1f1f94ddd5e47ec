// The core MediaQueue that both players (Web Audio in the browser, PCM frames in a toy's room) are
// built on: queue order, next at the end, pause/resume, stop, volume, ducking and the events, driven
// through a recording output that makes no sound (the real outputs are covered by the players' own
// tests: tests/integration/agent/toy-media-player.test.ts and the library e2e tests).
import { describe, expect, it } from 'vitest';
import { MediaLevel, MediaQueue, type MediaPlayerState } from '../../../src/core/media/media-queue.ts';
import type { MediaItem } from '../../../src/core/media/types.ts';

function item(id: string): MediaItem {
  return {
    id,
    kind: 'song',
    format: 'audio',
    title: `Song ${id}`,
    description: '',
    tags: [],
    language: 'en',
    ageMin: null,
    ageMax: null,
    durationSec: null,
    mime: 'audio/wav',
    url: `/media/${id}`,
  };
}

/** An output that records what the queue asked of it; `failWith` makes the next start reject. */
class RecordingQueue extends MediaQueue {
  readonly calls: string[] = [];
  readonly signals: AbortSignal[] = [];
  failWith: Error | null = null;
  levelChanges = 0;

  constructor(duckTo?: number) {
    super(new MediaLevel(duckTo));
  }

  protected async startOutput(item: MediaItem, signal: AbortSignal): Promise<void> {
    this.calls.push(`start ${item.id}`);
    this.signals.push(signal);
    await Promise.resolve();
    const failure = this.failWith;
    this.failWith = null;
    if (failure) throw failure;
  }
  protected haltOutput(): void {
    this.calls.push('halt');
  }
  protected pauseOutput(): void {
    this.calls.push('pause');
  }
  protected resumeOutput(): void {
    this.calls.push('resume');
  }
  protected override levelChanged(): void {
    this.levelChanges++;
  }
  /** The output reports the item's end, as a finished song or story does. */
  end(): void {
    this.finished();
  }
  /** The output breaks mid-item, as a decode or network error does. */
  breakDown(err: Error): void {
    this.fail(err);
  }
}

describe('MediaQueue', () => {
  it('plays the item, then what is queued in order; next at the end stops and returns null', async () => {
    const player = new RecordingQueue();
    await player.play(item('a'), { upNext: [item('b'), item('c')] });
    expect(player.status).toBe('playing');
    expect(player.current?.id).toBe('a');
    expect(player.state.upNext).toBe(2);
    expect((await player.next())?.id).toBe('b');
    expect(player.state.upNext).toBe(1);
    expect((await player.next())?.id).toBe('c');
    expect(player.state.upNext).toBe(0);
    expect(await player.next()).toBeNull();
    expect(player.status).toBe('idle');
    expect(player.current).toBeNull();
    expect(player.calls.filter((c) => c.startsWith('start'))).toEqual(['start a', 'start b', 'start c']);
    // Each new item silences the one before and aborts its signal.
    expect(player.signals.map((s) => s.aborted)).toEqual([true, true, true]);
  });

  it('a new play replaces the queue', async () => {
    const player = new RecordingQueue();
    await player.play(item('a'), { upNext: [item('b')] });
    await player.play(item('x'));
    expect(player.state.upNext).toBe(0);
    expect(await player.next()).toBeNull();
  });

  it('pauses only while playing and resumes only while paused', async () => {
    const player = new RecordingQueue();
    expect(player.pause()).toBe(false);
    expect(player.resume()).toBe(false);
    await player.play(item('a'));
    expect(player.resume()).toBe(false);
    expect(player.pause()).toBe(true);
    expect(player.status).toBe('paused');
    expect(player.pause()).toBe(false);
    expect(player.resume()).toBe(true);
    expect(player.status).toBe('playing');
    expect(player.calls.filter((c) => c === 'pause' || c === 'resume')).toEqual(['pause', 'resume']);
  });

  it('stop silences the item, clears the queue and goes idle', async () => {
    const player = new RecordingQueue();
    await player.play(item('a'), { upNext: [item('b')] });
    player.calls.length = 0;
    player.stop();
    expect(player.calls).toEqual(['halt']);
    expect(player.signals[0]!.aborted).toBe(true);
    expect(player.state).toMatchObject({ status: 'idle', current: null, upNext: 0 });
    expect(await player.next()).toBeNull();
  });

  it('stop while the item is still starting leaves it stopped, not playing', async () => {
    const player = new RecordingQueue();
    const playing = player.play(item('a'));
    player.stop();
    await playing;
    expect(player.status).toBe('idle');
    expect(player.current).toBeNull();
  });

  it('an item that ends by itself goes idle and keeps the queue for next', async () => {
    const player = new RecordingQueue();
    await player.play(item('a'), { upNext: [item('b')] });
    player.end();
    expect(player.state).toMatchObject({ status: 'idle', current: null, upNext: 1 });
    expect((await player.next())?.id).toBe('b');
  });

  it('a start that fails rejects, keeps the message and goes idle; the next play clears it', async () => {
    const player = new RecordingQueue();
    player.failWith = new Error('"Broken" could not be decoded');
    await expect(player.play(item('broken'))).rejects.toThrow(/could not be decoded/);
    expect(player.state).toMatchObject({ status: 'idle', current: null, error: '"Broken" could not be decoded' });
    await player.play(item('a'));
    expect(player.state.error).toBeNull();
    player.breakDown(new Error('network gone'));
    expect(player.state).toMatchObject({ status: 'idle', current: null, error: 'network gone' });
    expect(player.calls.at(-1)).toBe('halt');
  });

  it('clamps the volume to 0..1 and keeps it apart from ducking', () => {
    const player = new RecordingQueue();
    expect(player.volume).toBe(0.8);
    player.setVolume(1.7);
    expect(player.volume).toBe(1);
    player.setVolume(-0.2);
    expect(player.volume).toBe(0);
    player.setVolume(0.5);
    player.duck('speaking', true);
    expect(player.volume).toBe(0.5);
    expect(player.levelChanges).toBe(4);
  });

  it('ducks while any reason holds, and tells the output only when that changes', () => {
    const player = new RecordingQueue(0.2);
    const level = new MediaLevel(0.2);
    player.duck('listening', true);
    player.duck('speaking', true);
    expect(player.state.ducked).toBe(true);
    expect(player.levelChanges).toBe(1);
    player.duck('listening', false);
    expect(player.state.ducked).toBe(true);
    player.duck('speaking', false);
    expect(player.state.ducked).toBe(false);
    expect(player.levelChanges).toBe(2);
    // The gain the output plays at: the volume, times duckTo while ducked.
    level.setVolume(0.5);
    expect(level.target).toBe(0.5);
    expect(level.duck('speaking', true)).toBe(true);
    expect(level.duck('speaking', true)).toBe(false);
    expect(level.target).toBeCloseTo(0.1, 10);
  });

  it('tells listeners every change; subscribe also gives the state now; unsubscribe stops it', async () => {
    const player = new RecordingQueue();
    const changes: MediaPlayerState[] = [];
    const subscribed: MediaPlayerState[] = [];
    const off = player.onChange((s) => changes.push(s));
    player.subscribe((s) => subscribed.push(s));
    expect(changes).toHaveLength(0);
    expect(subscribed.map((s) => s.status)).toEqual(['idle']);
    await player.play(item('a'), { upNext: [item('b')] });
    player.pause();
    player.resume();
    player.setVolume(0.3);
    player.duck('speaking', true);
    player.duck('listening', true); // already ducked: no event
    player.stop();
    expect(changes.map((s) => [s.status, s.current?.id ?? null, s.volume, s.ducked])).toEqual([
      ['loading', 'a', 0.8, false],
      ['playing', 'a', 0.8, false],
      ['paused', 'a', 0.8, false],
      ['playing', 'a', 0.8, false],
      ['playing', 'a', 0.3, false],
      ['playing', 'a', 0.3, true],
      ['idle', null, 0.3, true],
    ]);
    expect(subscribed).toHaveLength(changes.length + 1);
    off();
    player.setVolume(0.9);
    expect(changes).toHaveLength(7);
    expect(subscribed).toHaveLength(9);
    player.dispose();
    expect(subscribed).toHaveLength(10); // dispose stops (one event), then drops the listeners
    player.setVolume(0.1);
    expect(subscribed).toHaveLength(10);
  });
});
