// The toy's media pieces without a room: decoding library files in Node (audio-decode), cutting
// them into 48 kHz frames, the ducking gain, and the RoomMediaPlayer driving a sink whose back-pressure the test controls, with a
// real WAV and a text story read by the real classic voice. The room track itself is covered end to
// end in toy-media.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudioFile, MediaDecodeError } from '../../../server/agent/media/decode-audio.ts';
import { decodedChunks, toFrames } from '../../../server/agent/media/media-frames.ts';
import { MediaGain } from '../../../server/agent/media/media-gain.ts';
import { catalogMediaLibrary } from '../../../server/agent/media/media-library.ts';
import { RoomMediaPlayer, type MediaSink } from '../../../server/agent/media/room-media-player.ts';
import { rmsOf } from '../../../server/agent/resampler.ts';
import { encodeWav } from '../../../server/agent/wav.ts';
import type { CatalogRecord } from '../../../server/catalog/record.ts';
import { catalogRecord } from './catalog-record.ts';
import { toMediaItem } from '../../../server/catalog/record.ts';
import { loadClassicVoice, type NodeTextToSpeech } from '../../../server/engines/tts-classic.ts';
import { lexicalSearch } from '../../../src/core/media/lexical-search.ts';

const FRAME = 960;

function tone(sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  return out;
}

const record = catalogRecord;

/**
 * The room track's back-pressure by hand: a frame is taken only when the test lets it through
 * (`release`), so how far the player gets is counted, never timed. `open()` takes every frame at once.
 */
class GatedSink implements MediaSink {
  readonly sampleRate = 48000;
  readonly frameSamples = FRAME;
  readonly frames: { rms: number }[] = [];
  clears = 0;
  private readonly gates: (() => void)[] = [];
  private readonly arrivals = new Set<() => void>();
  private opened = false;

  captureFrame(frame: Float32Array): Promise<void> {
    this.frames.push({ rms: rmsOf(frame) });
    for (const arrived of this.arrivals) arrived();
    if (this.opened) return Promise.resolve();
    return new Promise((resolve) => this.gates.push(resolve));
  }
  clear(): void {
    this.clears++;
  }
  /** Frames the player is waiting to hand over (0 or 1: it never gets ahead of its sink). */
  get waiting(): number {
    return this.gates.length;
  }
  /** Lets the frame the player is waiting on through. */
  release(): void {
    this.gates.shift()?.();
  }
  /** No more back-pressure: every frame is taken at once. */
  open(): void {
    this.opened = true;
    while (this.gates.length > 0) this.release();
  }
  /** Resolves once `count` frames have arrived in all. */
  async untilFrames(count: number): Promise<void> {
    while (this.frames.length < count) {
      await new Promise<void>((resolve) => {
        const arrived = () => {
          this.arrivals.delete(arrived);
          resolve();
        };
        this.arrivals.add(arrived);
      });
    }
  }
}

/** Resolves when the player's status becomes `status` (at once if it already is). */
function untilStatus(player: RoomMediaPlayer, status: string): Promise<void> {
  return new Promise((resolve) => {
    const off = player.subscribe((state) => {
      if (state.status !== status) return;
      queueMicrotask(() => off());
      resolve();
    });
  });
}

/** A few turns of the event loop: long enough for a player that should be parked to show it is not. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('toy media pieces', () => {
  let dir: string;
  let voice: NodeTextToSpeech;
  const records = new Map<string, CatalogRecord>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-toy-media-'));
    fs.writeFileSync(path.join(dir, 'tune.wav'), encodeWav({ sampleRate: 22050, samples: tone(22050, 3) }));
    fs.writeFileSync(path.join(dir, 'short.wav'), encodeWav({ sampleRate: 16000, samples: tone(16000, 0.5) }));
    fs.writeFileSync(path.join(dir, 'broken.mp3'), 'this is not audio at all, just words');
    fs.writeFileSync(
      path.join(dir, 'fox.md'),
      '# The Fox\n\nA fox saw some grapes. They were too high. "They are sour anyway," said the fox.',
    );
    records.set('tune', record('tune', 'tune.wav', 'audio', 'A Tune'));
    records.set('short', record('short', 'short.wav', 'audio', 'Short One'));
    records.set('broken', record('broken', 'broken.mp3', 'audio', 'Broken'));
    records.set('fox', record('fox', 'fox.md', 'text', 'The Fox and the Grapes'));
    records.set('escape', record('escape', '../outside.wav', 'audio', 'Escape'));
    voice = await loadClassicVoice(null);
  });

  afterAll(async () => {
    await voice?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const library = () =>
    catalogMediaLibrary({
      mediaDir: dir,
      repo: { get: (id) => records.get(id) ?? null },
      search: { search: async (q) => lexicalSearch([...records.values()].map(toMediaItem), q) },
    });
  const item = (id: string) => toMediaItem(records.get(id)!);

  it('decodes WAV files (two at once stay apart) and refuses what is not audio with a clear error', async () => {
    const [tune, short] = await Promise.all([
      decodeAudioFile(path.join(dir, 'tune.wav')),
      decodeAudioFile(path.join(dir, 'short.wav')),
    ]);
    expect(tune.sampleRate).toBe(22050);
    expect(tune.samples.length).toBe(22050 * 3);
    expect(rmsOf(tune.samples)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(short.sampleRate).toBe(16000);
    expect(short.samples.length).toBe(8000);
    await expect(decodeAudioFile(path.join(dir, 'broken.mp3'), '"Broken"')).rejects.toThrow(MediaDecodeError);
    await expect(decodeAudioFile(path.join(dir, 'broken.mp3'), '"Broken"')).rejects.toThrow(
      /"Broken" could not be decoded/,
    );
    await expect(decodeAudioFile(path.join(dir, 'missing.wav'), '"Missing"')).rejects.toThrow(
      /"Missing" could not be read/,
    );
  });

  it('cuts decoded audio into 20 ms frames at 48 kHz, padding only the last', async () => {
    const decoded = await decodeAudioFile(path.join(dir, 'tune.wav'));
    const frames: Float32Array[] = [];
    for await (const f of toFrames(decodedChunks(decoded), 48000, FRAME)) frames.push(f);
    expect(frames.every((f) => f.length === FRAME)).toBe(true);
    expect(frames.length).toBeGreaterThanOrEqual(149);
    expect(frames.length).toBeLessThanOrEqual(151);
    expect(rmsOf(frames[75]!)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('ducks by the duck factor with a short glide, and keeps the volume apart from ducking', () => {
    const gain = new MediaGain({ duckTo: 0.25 });
    gain.setVolume(1);
    gain.settle();
    const level = () => rmsOf(gain.apply(new Float32Array(FRAME).fill(1)));
    expect(level()).toBeCloseTo(1, 5);
    expect(gain.duck('listening', true)).toBe(true);
    expect(gain.duck('speaking', true)).toBe(false);
    const first = level();
    expect(first).toBeLessThan(1);
    expect(first).toBeGreaterThan(0.25);
    for (let i = 0; i < 20; i++) level();
    expect(level()).toBeCloseTo(0.25, 3);
    gain.duck('listening', false);
    for (let i = 0; i < 20; i++) level();
    expect(level()).toBeCloseTo(0.25, 3); // still ducked for "speaking"
    gain.duck('speaking', false);
    gain.setVolume(0.5);
    for (let i = 0; i < 20; i++) level();
    expect(level()).toBeCloseTo(0.5, 3);
    expect(gain.volume).toBe(0.5);
    // The toy's profile volume scales on top, without changing the listener's volume.
    gain.setOutputLevel(0.5);
    for (let i = 0; i < 20; i++) level();
    expect(level()).toBeCloseTo(0.25, 3);
    expect(gain.volume).toBe(0.5);
  });

  it('plays a file at the pace of its sink, pauses, resumes, goes to the next item, and stops', async () => {
    const sink = new GatedSink();
    const player = new RoomMediaPlayer({ library: library(), sink, voice });
    const states: string[] = [];
    player.onChange((s) => states.push(s.status));
    await player.play(item('tune'), { upNext: [item('short')] });
    expect(player.status).toBe('playing');
    // Paced by the sink: 25 frames let through, 25 (+ the one waiting) taken, not the whole 3 s file.
    await sink.untilFrames(1);
    for (let i = 1; i <= 24; i++) {
      sink.release();
      await sink.untilFrames(i + 1);
    }
    expect(sink.frames.length).toBe(25);
    expect(sink.waiting).toBe(1);
    expect(sink.frames.at(-1)!.rms).toBeCloseTo((0.5 / Math.SQRT2) * player.volume, 2); // at the default volume

    // Paused: the frame in hand is dropped from the track (clear) and nothing more is handed over.
    const clearsBefore = sink.clears;
    expect(player.pause()).toBe(true);
    expect(sink.clears).toBeGreaterThan(clearsBefore);
    sink.release();
    await settle();
    expect(sink.frames.length).toBe(25);
    expect(sink.waiting).toBe(0);
    expect(player.resume()).toBe(true);
    await sink.untilFrames(26);

    expect(await player.next()).toEqual(item('short'));
    expect(player.current?.id).toBe('short');
    // short.wav is 0.5 s: it ends by itself and the player goes idle.
    const idle = untilStatus(player, 'idle');
    sink.open();
    await idle;
    expect(player.current).toBeNull();

    // Stopped: the frame in hand is dropped and nothing follows it.
    const stopping = new GatedSink();
    const second = new RoomMediaPlayer({ library: library(), sink: stopping, voice });
    await second.play(item('tune'));
    await stopping.untilFrames(1);
    second.stop();
    expect(second.status).toBe('idle');
    stopping.release();
    await settle();
    expect(stopping.frames.length).toBe(1);
    expect(stopping.clears).toBeGreaterThan(0);
    expect(states).toContain('paused');
  });

  it('reads a text story aloud with the voice, sentence by sentence', async () => {
    const sink = new GatedSink();
    sink.open();
    const player = new RoomMediaPlayer({ library: library(), sink, voice });
    await player.play(item('fox'));
    expect(player.status).toBe('playing');
    await untilStatus(player, 'idle');
    expect(player.state.error).toBeNull();
    const audible = sink.frames.filter((f) => f.rms > 0.01).length;
    // Four short sentences (title included): a few seconds of speech.
    expect(audible).toBeGreaterThan(100);
  });

  it('a file that cannot be played fails the play with a clear error and leaves the player idle', async () => {
    const sink = new GatedSink();
    sink.open();
    const player = new RoomMediaPlayer({ library: library(), sink, voice });
    await expect(player.play(item('broken'))).rejects.toThrow(/"Broken" could not be decoded/);
    expect(player.status).toBe('idle');
    expect(player.state.error).toMatch(/could not be decoded/);
    await expect(player.play(item('escape'))).rejects.toThrow(/outside the media folder/);
    await expect(player.play({ ...item('tune'), id: 'gone' })).rejects.toThrow(/no longer in the library/);
    // And it still plays what it can.
    await player.play(item('short'));
    expect(player.status).toBe('playing');
    player.stop();
  });
});
