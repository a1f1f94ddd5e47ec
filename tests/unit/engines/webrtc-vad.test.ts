// The quick voice detection (src/engines/vad/webrtc-vad.ts) on the real libfvad WebAssembly build
// (@echogarden/fvad-wasm, the file the app bundles), in Node: flite speech padded with silence by
// sox is heard as speech, the silence is not; streams answer each frame by its number.
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebRtcVad, type WebRtcVad } from '../../../src/engines/vad/webrtc-vad.ts';
import { makeUtteranceWav, readWav } from '../../helpers/utterance.ts';

const require = createRequire(import.meta.url);
const WASM_PATH = path.join(path.dirname(require.resolve('@echogarden/fvad-wasm')), 'fvad.wasm');
const FRAME = 512;

function frames(samples: Float32Array): Float32Array[] {
  const out: Float32Array[] = [];
  for (let start = 0; start + FRAME <= samples.length; start += FRAME) out.push(samples.slice(start, start + FRAME));
  return out;
}

describe('WebRTC voice detection (libfvad in WebAssembly)', () => {
  let vad: WebRtcVad;
  // One second of silence, the sentence, one second of silence.
  let utterance: Float32Array;
  beforeAll(async () => {
    vad = await createWebRtcVad({ wasmUrl: WASM_PATH });
    utterance = readWav(
      makeUtteranceWav('Tell me a story about a brave little turtle.', { silenceBeforeS: 1, silenceAfterS: 1 }),
    ).samples;
  });
  afterAll(() => vad.dispose());

  it('hears the spoken sentence as speech and the silence around it as silence', async () => {
    vad.reset();
    const probabilities: number[] = [];
    for (const frame of frames(utterance)) probabilities.push(await vad.process(frame));
    const secondFrames = Math.floor(16000 / FRAME);
    const lead = probabilities.slice(0, secondFrames - 2);
    const tail = probabilities.slice(-(secondFrames - 8));
    const speech = probabilities.slice(secondFrames + 2, -(secondFrames + 2));
    expect(Math.max(...lead)).toBe(0);
    expect(Math.max(...tail)).toBe(0);
    // Most of the sentence is speech (with the gaps between words it is not all of it).
    expect(speech.filter((p) => p >= 0.5).length / speech.length).toBeGreaterThan(0.6);
    expect(vad.info).toMatchObject({ role: 'vad', engine: 'libfvad', backend: 'wasm' });
  });

  it('answers a stream frame by frame number, the same as frame by frame, and starts over on reset', async () => {
    const all = frames(utterance);
    vad.reset();
    const direct: number[] = [];
    for (const frame of all) direct.push(await vad.process(frame));

    const stream = vad.openStream();
    all.forEach((frame, i) => stream.push(i, frame));
    const streamed: number[] = [];
    for (let i = 0; i < all.length; i++) streamed.push(await stream.result(i));
    expect(streamed).toEqual(direct);
    expect(() => stream.push(3, all[3]!)).toThrow(/must grow/);

    // After a reset the next frames are answered as by a fresh detector.
    stream.reset();
    const again = all.length + 10;
    all.forEach((frame, i) => stream.push(again + i, frame));
    const second: number[] = [];
    for (let i = 0; i < all.length; i++) second.push(await stream.result(again + i));
    expect(second).toEqual(direct);

    await stream.close();
    expect(() => stream.push(again + all.length, all[0]!)).toThrow(/closed/);
  });

  it('refuses work once unloaded', async () => {
    const other = await createWebRtcVad({ wasmUrl: WASM_PATH });
    const stream = other.openStream();
    other.dispose();
    await expect(other.process(new Float32Array(FRAME))).rejects.toThrow(/unloaded/);
    stream.push(0, new Float32Array(FRAME));
    await expect(stream.result(0)).rejects.toThrow(/unloaded/);
  });
});
