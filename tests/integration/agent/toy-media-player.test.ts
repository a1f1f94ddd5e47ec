// The toy's media pieces without a room: decoding library files in Node (audio-decode), cutting
// them into 48 kHz frames, the ducking gain, and the RoomMediaPlayer driving a real-time sink with a
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
import { toMediaItem } from '../../../server/catalog/record.ts';
import { loadClassicVoice, type NodeTextToSpeech } from '../../../server/engines/tts-classic.ts';
import { lexicalSearch } from '../../../src/core/media/lexical-search.ts';

const FRAME = 960;

function tone(sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * 440 * i) / sampleRate);
  return out;
}

function record(
  id: string,
  relPath: string,
  format: 'audio' | 'text',
  title: string,
  words: string | null = null,
): CatalogRecord {
  return {
    id,
    path: relPath,
    kind: format === 'audio' ? 'song' : 'story',
    format,
    title,
    description: '',
    tags: [],
    language: 'en',
    ageMin: null,
    ageMax: null,
    durationSec: null,
    mime: format === 'audio' ? 'audio/wav' : 'text/markdown',
    words,
    bytes: 0,
    mtimeMs: 0,
    sidecarMtimeMs: null,
    origin: 'folder',
  };
}

/** Takes frames in real time (20 ms each), like the room track's back-pressure, and keeps them. */
class PacedSink implements MediaSink {
  readonly sampleRate = 48000;
  readonly frameSamples = FRAME;
  readonly frames: { atMs: number; rms: number }[] = [];
  clears = 0;
  async captureFrame(frame: Float32Array): Promise<void> {
    this.frames.push({ atMs: Date.now(), rms: rmsOf(frame) });
    await new Promise((r) => setTimeout(r, 20));
  }
  clear(): void {
    this.clears++;
  }
  since(ms: number) {
    return this.frames.filter((f) => f.atMs >= ms);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

  it('plays a file in real time, pauses, resumes, goes to the next item, and stops', async () => {
    const sink = new PacedSink();
    const player = new RoomMediaPlayer({ library: library(), sink, voice });
    const states: string[] = [];
    player.onChange((s) => states.push(s.status));
    const started = Date.now();
    await player.play(item('tune'), { upNext: [item('short')] });
    expect(player.status).toBe('playing');
    await sleep(500);
    // Real time: about 25 frames of 20 ms in 500 ms, not the whole 3 s file.
    expect(sink.frames.length).toBeGreaterThan(10);
    expect(sink.frames.length).toBeLessThan(40);
    expect(sink.frames.at(-1)!.rms).toBeCloseTo((0.5 / Math.SQRT2) * player.volume, 2); // at the default volume
    expect(player.pause()).toBe(true);
    const pausedAt = Date.now();
    await sleep(400);
    expect(sink.since(pausedAt + 50).length).toBe(0);
    expect(player.resume()).toBe(true);
    await sleep(300);
    expect(sink.since(pausedAt + 400).length).toBeGreaterThan(5);
    expect(await player.next()).toEqual(item('short'));
    expect(player.current?.id).toBe('short');
    // short.wav is 0.5 s: it ends by itself and the player goes idle.
    for (let i = 0; i < 100 && player.status !== 'idle'; i++) await sleep(20);
    expect(player.status).toBe('idle');
    expect(player.current).toBeNull();
    await player.play(item('tune'));
    player.stop();
    const stoppedAt = Date.now();
    await sleep(200);
    expect(sink.since(stoppedAt + 30).length).toBe(0);
    expect(states).toContain('paused');
    expect(Date.now() - started).toBeGreaterThan(1000);
  });

  it('reads a text story aloud with the voice, sentence by sentence', async () => {
    const sink = new PacedSink();
    const player = new RoomMediaPlayer({ library: library(), sink, voice });
    await player.play(item('fox'));
    for (let i = 0; i < 300 && player.status !== 'idle'; i++) await sleep(50);
    expect(player.status).toBe('idle');
    expect(player.state.error).toBeNull();
    const audible = sink.frames.filter((f) => f.rms > 0.01).length;
    // Four short sentences (title included): a few seconds of speech.
    expect(audible).toBeGreaterThan(100);
  });

  it('a file that cannot be played fails the play with a clear error and leaves the player idle', async () => {
    const sink = new PacedSink();
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
