// piper-contract: a Piper voice (voice.onnx + voice.onnx.json) with the real input/output contract.
// Each phoneme id becomes `hop` samples (256 x length_scale) of a sine whose pitch depends on the
// id, so tests can check that the ids the engine sent are the ones that sounded.
import { GraphBuilder } from './onnx-graph.ts';
import type { GeneratedFile } from './pack.ts';

export const PIPER_PACK_ID = 'piper-contract';
export const PIPER_SAMPLE_RATE = 22050;
export const PIPER_HOP = 256;
/** Pitch of phoneme id `id` in Hz. */
export const piperPitchHz = (id: number): number => 100 + 12 * id;

// Piper's layout: pad, start, end first; then punctuation, latin letters and espeak-ng's IPA set.
const SPECIALS = ['_', '^', '$', ' '];
const PUNCTUATION = [...`!'(),-.:;?"`];
const LATIN = [...'abcdefghijklmnopqrstuvwxyz'];
const IPA = [
  ...'æçðøħŋœǀǁǂǃɐɑɒɓɔɕɖɗɘəɚɛɜɞɟɠɡɢɣɤɥɦɧɨɪɫɬɭɮɯɰɱɲɳɴɵɶɸɹɺɻɽɾʀʁʂʃʄʈʉʊʋʌʍʎʏʐʑʒʔʕʘʙʛʜʝʟʡʢʲˈˌːˑ˞βθχᵻⱱʰʼ↓↑→↗↘',
  '\u0303', // combining tilde (nasal)
  '\u0329', // combining syllabic
  '\u032a', // combining dental
  '\u032f', // combining non-syllabic
];

export function piperPhonemeIdMap(): Record<string, number[]> {
  const symbols = [...SPECIALS, ...PUNCTUATION, ...LATIN, ...IPA];
  if (new Set(symbols).size !== symbols.length) throw new Error('duplicate Piper symbol');
  return Object.fromEntries(symbols.map((s, i) => [s, [i]]));
}

function voiceGraph(): Uint8Array {
  const g = new GraphBuilder('piper_contract_voice');
  const input = g.input('input', 'int64', [1, 'phonemes']);
  const lengths = g.input('input_lengths', 'int64', [1]);
  const scales = g.input('scales', 'float32', [3]);
  g.output('output', 'float32', [1, 1, 1, 'samples']);

  const row = g.op('Gather', [input, g.i64('zero', [0], [])], { axis: 0 }); // [N]
  const ids = g.op('Slice', [row, g.i64('start', [0]), lengths, g.i64('axes', [0])]); // first input_lengths ids
  const lengthScale = g.op('Gather', [scales, g.i64('one', [1], [])], { axis: 0 });
  const hop = g.op('Max', [
    g.op('Cast', [g.op('Floor', [g.op('Mul', [lengthScale, g.f32('hop', [PIPER_HOP], [])])])], { to: 7 }),
    g.i64('min_hop', [1], []),
  ]);
  const total = g.op('Squeeze', [g.op('Mul', [g.op('Shape', [ids]), hop]), g.i64('sq_axes', [0])]);
  const t = g.op('Range', [g.i64('r0', [0], []), total, g.i64('r1', [1], [])]); // [T]
  const perSample = g.op('Gather', [ids, g.op('Div', [t, hop])], { axis: 0 });
  const freq = g.op('Add', [
    g.f32('f0', [piperPitchHz(0)], []),
    g.op('Mul', [g.f32('df', [piperPitchHz(1) - piperPitchHz(0)], []), g.op('Cast', [perSample], { to: 1 })]),
  ]);
  const phase = g.op('Mul', [
    g.op('Mul', [freq, g.op('Cast', [t], { to: 1 })]),
    g.f32('w', [(2 * Math.PI) / PIPER_SAMPLE_RATE], []),
  ]);
  const wave = g.op('Mul', [g.op('Sin', [phase]), g.f32('amp', [0.5], [])]);
  g.op('Reshape', [wave, g.i64('out_shape', [1, 1, 1, -1])], {}, 'output');
  return g.encode(15);
}

export function buildPiperPack(): GeneratedFile[] {
  const idMap = piperPhonemeIdMap();
  const config = {
    audio: { sample_rate: PIPER_SAMPLE_RATE, quality: 'contract' },
    espeak: { voice: 'en-us' },
    language: { code: 'en_US' },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_type: 'espeak',
    phoneme_map: {},
    phoneme_id_map: idMap,
    num_symbols: Object.keys(idMap).length,
    num_speakers: 1,
    speaker_id_map: {},
    hop_length: PIPER_HOP,
    piper_version: '1.0.0',
    dataset: 'hearth-contract',
  };
  return [
    { path: 'voice.onnx', data: voiceGraph() },
    { path: 'voice.onnx.json', data: JSON.stringify(config, null, 2) },
  ];
}
