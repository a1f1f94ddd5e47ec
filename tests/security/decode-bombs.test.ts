import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudioFile, MediaDecodeError, openAudioStream } from '../../server/agent/media/decode-audio.ts';
import { DEFAULT_MEDIA_LIMITS } from '../../server/catalog/media-limits.ts';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { adminToken, catalogItems, upload } from './catalog-client.ts';

// Issue 12, finding 4: a 2 MB FLAC of 3 hours of silence was accepted (decoding it for a toy took
// 152 s and 12 GB), and a 60-byte truncated FLAC was accepted as a 3 s song. Now every audio file
// is decoded at ingest, streamed and capped (duration, sample rate, channels; flags change the
// caps), and a file that does not decode to the end, or holds more than its header says, is refused.
// The files are generated here with sox, not checked in.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bombs-'));
const file = (name: string) => path.join(dir, name);
const sox = (...args: string[]) => execFileSync('sox', args, { stdio: 'ignore' });

/** Rewrites a FLAC's STREAMINFO total-samples field (the 36 bits after rate, channels and depth). */
function claimSamples(flac: Buffer, samples: number): Buffer {
  const out = Buffer.from(flac);
  const field = out.readBigUInt64BE(18);
  out.writeBigUInt64BE((field & ~((1n << 36n) - 1n)) | BigInt(samples), 18);
  return out;
}

const servers: RunningServer[] = [];
let server: RunningServer;
let token: string;
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bombs-media-'));

beforeAll(async () => {
  sox('-n', '-r', '8000', '-c', '1', file('hour-and-more.flac'), 'trim', '0', String(61 * 60));
  sox('-n', '-r', '8000', '-c', '1', file('ten-minutes.flac'), 'trim', '0', '600');
  sox('-n', '-r', '8000', '-c', '1', file('two-minutes.flac'), 'trim', '0', '120');
  sox('-n', '-r', '44100', '-c', '2', file('song.flac'), 'synth', '3', 'sine', '440');
  sox('-n', '-r', '96000', '-c', '1', file('hi-res.flac'), 'synth', '1', 'sine', '440');
  sox('-n', '-r', '16000', '-c', '6', file('surround.flac'), 'synth', '1', 'sine', '440');
  const song = fs.readFileSync(file('song.flac'));
  fs.writeFileSync(file('sixty-bytes.flac'), song.subarray(0, 60));
  fs.writeFileSync(file('half.flac'), song.subarray(0, Math.floor(song.length / 2)));
  // Ten minutes of audio behind a header that claims three seconds.
  fs.writeFileSync(file('liar.flac'), claimSamples(fs.readFileSync(file('ten-minutes.flac')), 3 * 8000));
  // The same lie dropped straight into the media folder: the scan refuses it too.
  fs.mkdirSync(path.join(mediaDir, 'songs'));
  fs.copyFileSync(file('liar.flac'), path.join(mediaDir, 'songs', 'liar.flac'));
  fs.copyFileSync(file('song.flac'), path.join(mediaDir, 'songs', 'fine.flac'));

  server = await startHearthServer({ args: ['--media-dir', mediaDir, '--starter-library', 'off'] });
  servers.push(server);
  token = await adminToken(server);
}, 300_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(mediaDir, { recursive: true, force: true });
}, 120_000);

const send = (name: string, srv = server, tok = token) => upload(srv, tok, name, fs.readFileSync(file(name)));

describe('decompression bombs and truncated audio (finding 4)', { timeout: 400_000 }, () => {
  it('accepts a real song and reports the duration it decodes to', async () => {
    const res = await send('song.flac');
    expect(res.status, res.body.message).toBe(201);
    expect(res.body.item?.durationSec).toBeCloseTo(3, 1);
  });

  it.each([
    ['hour-and-more.flac', /61 min long; songs and stories may be at most 60 min.*--max-media-minutes/],
    ['liar.flac', /holds more audio than its header says/],
    ['sixty-bytes.flac', /no playable audio|cut short|could not be/],
    ['half.flac', /cut short/],
    ['hi-res.flac', /96000 Hz.*at most 48000 Hz.*--max-media-sample-rate/],
    ['surround.flac', /6 channels.*at most 2.*--max-media-channels/],
  ])('refuses %s with a 400 that says why', async (name, why) => {
    const res = await send(name);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.message).toMatch(why);
  });

  it('nothing refused reached the library; a lying file already in the folder is a problem, not a song', async () => {
    const titles = (await catalogItems(server)).map((i) => i.title).sort();
    expect(titles).toEqual(['Fine', 'Song']);
    expect(fs.readdirSync(path.join(mediaDir, 'uploads'))).toEqual(['song.flac']);
    const problems = (await (
      await fetch(`${server.url}/api/catalog/problems`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { problems: { path: string; message: string }[] };
    expect(problems.problems).toEqual([
      expect.objectContaining({
        path: 'songs/liar.flac',
        message: expect.stringMatching(/more audio than its header says/),
      }),
    ]);
  });

  it('takes its caps from the command line', async () => {
    expect((await send('two-minutes.flac')).status).toBe(201);
    const strict = await startHearthServer({
      media: 'empty',
      args: ['--starter-library', 'off', '--max-media-minutes', '1'],
    });
    servers.push(strict);
    const res = await send('two-minutes.flac', strict, await adminToken(strict));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/2 min long; songs and stories may be at most 1 min/);
  });

  it('decodes for toys within the same caps: a lying or over-long file stops just past the cap', async () => {
    const song = await decodeAudioFile(file('song.flac'), '"Song"');
    expect(song.sampleRate).toBe(44100);
    expect(song.samples.length).toBe(3 * 44100);
    // Catalogued (or claimed) as 3 s: decoding stops a little after that, not ten minutes later.
    await expect(decodeAudioFile(file('liar.flac'), '"Liar"', DEFAULT_MEDIA_LIMITS, 3)).rejects.toThrow(
      MediaDecodeError,
    );
    await expect(decodeAudioFile(file('liar.flac'), '"Liar"', DEFAULT_MEDIA_LIMITS, 3)).rejects.toThrow(
      /more audio than its header says/,
    );
    await expect(
      decodeAudioFile(file('two-minutes.flac'), '"Two"', { ...DEFAULT_MEDIA_LIMITS, maxDurationSec: 60 }),
    ).rejects.toThrow(/more than 1 min of audio/);
    await expect(decodeAudioFile(file('sixty-bytes.flac'), '"Cut"')).rejects.toThrow(MediaDecodeError);
  });

  it('streams for toys: ten minutes arrive piece by piece, never decoded whole', async () => {
    const pieces = await openAudioStream(file('ten-minutes.flac'), '"Ten"', DEFAULT_MEDIA_LIMITS, 600);
    let total = 0;
    let largest = 0;
    for await (const { pcm, sampleRate } of pieces) {
      expect(sampleRate).toBe(8000);
      total += pcm.length;
      largest = Math.max(largest, pcm.length);
    }
    expect(total).toBe(600 * 8000);
    expect(largest).toBeLessThan(600 * 8000 * 0.25);
    await expect(openAudioStream(file('missing.flac'), '"Gone"')).rejects.toThrow(/"Gone" could not be read/);
    const cut = await openAudioStream(file('half.flac'), '"Half"', DEFAULT_MEDIA_LIMITS, 3);
    await expect(
      (async () => {
        for await (const _ of cut);
      })(),
    ).rejects.toThrow(/cut short/);
  });
});
