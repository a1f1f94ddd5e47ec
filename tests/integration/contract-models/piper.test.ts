// The piper-contract voice in onnxruntime-node with Piper's exact inputs (ids framed as
// ^ p _ p _ ... $, input_lengths, scales). Proves the ONNX contract the browser and server engines
// drive; the pitch per id lets a test see which ids were spoken.
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { phonemize } from 'phonemizer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPER_HOP, PIPER_PACK_ID, PIPER_SAMPLE_RATE, piperPitchHz } from '../../../scripts/contract-models/piper.ts';
import { generateIntoTempDir } from './generate-fixture.ts';
import { chunkClauses, parseVoiceConfig, phonemeIds } from '../../../src/core/tts/piper-voice-config.ts';

type VoiceConfig = ReturnType<typeof parseVoiceConfig> & {
  inference: { noise_scale: number; length_scale: number; noise_w: number };
};

/** Zero crossings per second / 2 over a steady segment. */
function pitchOf(samples: Float32Array): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1]! < 0 !== samples[i]! < 0) crossings++;
  return (crossings / 2) * (PIPER_SAMPLE_RATE / samples.length);
}

describe('piper-contract voice in onnxruntime-node', () => {
  const generated = generateIntoTempDir();
  const packDir = path.join(generated.outDir, PIPER_PACK_ID);
  let session: ort.InferenceSession;
  let config: VoiceConfig;

  beforeAll(async () => {
    config = parseVoiceConfig(
      JSON.parse(fs.readFileSync(path.join(packDir, 'voice.onnx.json'), 'utf8')),
    ) as VoiceConfig;
    session = await ort.InferenceSession.create(path.join(packDir, 'voice.onnx'));
  });
  afterAll(async () => {
    await session?.release();
    generated.cleanup();
  });

  const speak = async (ids: number[], lengthScale = 1): Promise<Float32Array> => {
    const { noise_scale, noise_w } = config.inference;
    const out = await session.run({
      input: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]),
      input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
      scales: new ort.Tensor('float32', Float32Array.from([noise_scale, lengthScale, noise_w]), [3]),
    });
    const output = out.output!;
    expect(output.dims.slice(0, 3)).toEqual([1, 1, 1]);
    return output.data as Float32Array;
  };

  it('has the voice config Piper requires', () => {
    expect(config.audio.sample_rate).toBe(22050);
    expect(config.num_speakers).toBe(1);
    expect(config.espeak.voice).toBe('en-us');
    expect(config.phoneme_id_map['_']).toEqual([0]);
    expect(config.phoneme_id_map['^']).toEqual([1]);
    expect(config.phoneme_id_map['$']).toEqual([2]);
    expect(Object.keys(config.phoneme_id_map).every((k) => [...k].length === 1)).toBe(true);
    expect([...session.inputNames].sort()).toEqual(['input', 'input_lengths', 'scales']);
    expect(session.outputNames).toEqual(['output']);
  });

  it('covers every phoneme espeak-ng (phonemizer) produces for test sentences', async () => {
    const text = 'Tell me a story about a brave turtle. The moon and the stars sing a lullaby; hello, world!';
    const phonemes = (await phonemize(text, config.espeak.voice)).join(' ');
    const unknown = [...phonemes.normalize('NFD')].filter((p) => !config.phoneme_id_map[p]);
    expect(unknown).toEqual([]);
  });

  it('speaks hop samples per id, scaled by length_scale', async () => {
    const ids = phonemeIds((await phonemize('Tell me a story.', 'en-us')).join(' '), config.phoneme_id_map);
    expect((await speak(ids)).length).toBe(ids.length * PIPER_HOP);
    expect((await speak(ids, 1.5)).length).toBe(ids.length * Math.floor(PIPER_HOP * 1.5));
  });

  it('frames ids the way the browser engine does (^ p _ p _ ... $) and chunks long sentences', async () => {
    const map = config.phoneme_id_map;
    const ids = phonemeIds('hə', map);
    expect(ids).toEqual([1, map['h']![0], 0, map['ə']![0], 0, 2]);
    const clauses = await phonemize(
      'Once upon a time a brave little turtle swam all the way across the wide blue sea, and sang.',
      'en-us',
    );
    const chunks = chunkClauses(clauses);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks[0]!.split(' ')).toHaveLength(6);
    expect(chunks.join(' ').split(' ')).toEqual(clauses.join(' ').split(' '));
  });

  it('sounds each phoneme id at its own pitch', async () => {
    for (const id of [20, 60]) {
      const audio = await speak([1, ...Array<number>(40).fill(id), 2]);
      const steady = audio.subarray(PIPER_HOP * 2, PIPER_HOP * 38);
      expect(Math.abs(pitchOf(steady) - piperPitchHz(id))).toBeLessThan(15);
      expect(Math.max(...steady.map(Math.abs))).toBeGreaterThan(0.4);
    }
  });
});
