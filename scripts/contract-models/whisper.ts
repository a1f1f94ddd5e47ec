// whisper-contract: a Whisper pack in transformers.js layout (real tiny.en config/tokenizer files,
// generated encoder + merged decoder). The graphs are not a trained model; they honour the exact
// input/output contract and behave predictably so tests can assert the pipeline path:
//  - encoder: a "speech gate" from the loudest log-mel value (real speech ~ +1, digital silence
//    -1.5 after Whisper's normalisation) in channel 0, and a "long utterance" gate in channel 1
//    (more than LONG_SPEECH_FRAMES 10 ms frames within ~30 dB of the loudest), broadcast into
//    last_hidden_state [batch, 1500, d_model];
//  - decoder: a next-token table over two fixed phrases. With long speech the chain is
//    <|notimestamps|> -> " Tell" -> " me" -> " a" -> " story" -> "." -> <|endoftext|>; with a
//    short word (flite's "Stop it." has ~95 such frames, "Tell me a story." ~150) it is
//    <|notimestamps|> -> " Stop" -> "." -> <|endoftext|>, so a voice test can say "stop" too.
//    With silence it emits <|notimestamps|> once (end-of-text is suppressed at the first step by
//    the real begin_suppress_tokens) and then <|endoftext|>: an empty transcript.
import fs from 'node:fs';
import path from 'node:path';
import { GraphBuilder } from './onnx-graph.ts';
import type { GeneratedFile } from './pack.ts';

export const WHISPER_PACK_ID = 'whisper-contract';
/** The phrase the decoder spells when the features carry speech energy (an utterance longer than a word). */
export const WHISPER_SPEECH_PHRASE = ' Tell me a story.';
/** The phrase it spells for a short single word of speech ("Stop."). */
export const WHISPER_SHORT_PHRASE = ' Stop.';
/** Loud 10 ms frames above which speech counts as long (between flite's "Stop." and "Tell me a story."). */
export const LONG_SPEECH_FRAMES = 120;

const VOCAB = 51864; // tiny.en tokenizer; suppress-token ids must line up with the logits
const EOT = 50256;
const SOT = 50257;
const NO_TIMESTAMPS = 50362;
const PHRASE_TOKENS = [14026, 502, 257, 1621, 13]; // " Tell", " me", " a", " story", "."
const SHORT_PHRASE_TOKENS = [13707, 13]; // " Stop", "."
const D_MODEL = 16;
const HEADS = 2;
const HEAD_DIM = D_MODEL / HEADS;
const ENC_POSITIONS = 1500;
const LOGIT = 12; // winning logit; every other token gets 0

const TOKENIZER_FILES = [
  'generation_config.json',
  'preprocessor_config.json',
  'tokenizer.json',
  'tokenizer_config.json',
];

function encoderGraph(): Uint8Array {
  const g = new GraphBuilder('whisper_contract_encoder');
  const features = g.input('input_features', 'float32', ['batch_size', 80, 3000]);
  g.output('last_hidden_state', 'float32', ['batch_size', ENC_POSITIONS, D_MODEL]);
  // Loudest normalised log-mel value per item: > 0 for speech at normal levels, -1.5 for zeros.
  const loudest = g.op('ReduceMax', [features], { axes: [1, 2], keepdims: 1 }); // [b,1,1]
  const gate = g.op('Sigmoid', [
    g.op('Mul', [g.op('Sub', [loudest, g.f32('threshold', [-0.25])]), g.f32('sharpness', [12])]),
  ]);
  // How long the speech is: frames whose loudest bin is within ~30 dB of the clip's loudest value.
  const frameLoudest = g.op('ReduceMax', [features], { axes: [1], keepdims: 1 }); // [b,1,3000]
  const loudFrames = g.op('Sigmoid', [
    g.op('Mul', [g.op('Sub', [frameLoudest, g.f32('frame_threshold', [-0.25])]), g.f32('frame_sharpness', [12])]),
  ]);
  const frameCount = g.op('ReduceSum', [loudFrames, g.i64('frame_axes', [1, 2])], { keepdims: 1 }); // [b,1,1]
  const long = g.op('Mul', [
    gate,
    g.op('Sigmoid', [
      g.op('Mul', [
        g.op('Sub', [frameCount, g.f32('long_frames', [LONG_SPEECH_FRAMES])]),
        g.f32('long_sharpness', [0.5]),
      ]),
    ]),
  ]);
  const basis = new Float32Array(D_MODEL);
  basis[0] = 1; // channel 0 carries the speech gate; the decoder reads it back
  const longBasis = new Float32Array(D_MODEL);
  longBasis[1] = 1; // channel 1 the long-speech gate (never above the speech gate)
  const perItem = g.op('Add', [
    g.op('Mul', [gate, g.f32('basis', basis, [1, 1, D_MODEL])]),
    g.op('Mul', [long, g.f32('long_basis', longBasis, [1, 1, D_MODEL])]),
  ]); // [b,1,d]
  g.op('Expand', [perItem, g.i64('enc_shape', [1, ENC_POSITIONS, D_MODEL])], {}, 'last_hidden_state');
  return g.encode(17);
}

function decoderGraph(): Uint8Array {
  const g = new GraphBuilder('whisper_contract_decoder_merged');
  const ids = g.input('input_ids', 'int64', ['batch_size', 'decoder_sequence_length']);
  const enc = g.input('encoder_hidden_states', 'float32', ['batch_size', 'encoder_sequence_length', D_MODEL]);
  // Heads and head_dim are fixed integers: transformers.js builds the empty cache from these shapes.
  const pastDecK = g.input('past_key_values.0.decoder.key', 'float32', [
    'batch_size',
    HEADS,
    'past_decoder_sequence_length',
    HEAD_DIM,
  ]);
  const pastDecV = g.input('past_key_values.0.decoder.value', 'float32', [
    'batch_size',
    HEADS,
    'past_decoder_sequence_length',
    HEAD_DIM,
  ]);
  g.input('past_key_values.0.encoder.key', 'float32', ['batch_size', HEADS, 'encoder_sequence_length_out', HEAD_DIM]);
  g.input('past_key_values.0.encoder.value', 'float32', ['batch_size', HEADS, 'encoder_sequence_length_out', HEAD_DIM]);
  g.output('logits', 'float32', ['batch_size', 'decoder_sequence_length', VOCAB]);
  g.output('present.0.decoder.key', 'float32', ['batch_size', HEADS, 'past_decoder_sequence_length + 1', HEAD_DIM]);
  g.output('present.0.decoder.value', 'float32', ['batch_size', HEADS, 'past_decoder_sequence_length + 1', HEAD_DIM]);
  g.output('present.0.encoder.key', 'float32', ['batch_size', HEADS, 'encoder_sequence_length_out', HEAD_DIM]);
  g.output('present.0.encoder.value', 'float32', ['batch_size', HEADS, 'encoder_sequence_length_out', HEAD_DIM]);

  // State of each position: one-hot over both phrases' tokens -> [b, seq, states]. The long
  // phrase's chain, then the short phrase's one token it lacks (" Stop"; "." is shared).
  const chain = [NO_TIMESTAMPS, ...PHRASE_TOKENS, SHORT_PHRASE_TOKENS[0]!];
  const nextLong = [...PHRASE_TOKENS, EOT, EOT];
  const nextShort = [SHORT_PHRASE_TOKENS[0]!, ...PHRASE_TOKENS.slice(1), EOT, SHORT_PHRASE_TOKENS[1]!];
  const states = g.op(
    'Cast',
    [g.op('Equal', [g.op('Unsqueeze', [ids, g.i64('axis_last', [-1])]), g.i64('chain', chain)])],
    { to: 1 },
  );
  const onehotValues = g.f32('onehot_values', [0, LOGIT]);
  const vocabSize = g.i64('vocab', [VOCAB], []);
  const longLogits = g.op('MatMul', [
    states,
    g.op('OneHot', [g.i64('next_long', nextLong), vocabSize, onehotValues], { axis: -1 }),
  ]); // [b, seq, vocab]
  const shortLogits = g.op('MatMul', [
    states,
    g.op('OneHot', [g.i64('next_short', nextShort), vocabSize, onehotValues], { axis: -1 }),
  ]);

  // Silence: <|notimestamps|> on the first step (no past yet), then <|endoftext|>.
  const pastLen = g.op('Cast', [g.op('Gather', [g.op('Shape', [pastDecK]), g.i64('dim2', [2], [])], { axis: 0 })], {
    to: 1,
  });
  const later = g.op('Min', [pastLen, g.f32('one', [1], [])]);
  const weights = g.op(
    'Concat',
    [
      g.op('Sub', [g.f32('one_b', [1]), g.op('Unsqueeze', [later, g.i64('axis0', [0])])]),
      g.op('Unsqueeze', [later, g.i64('axis0b', [0])]),
    ],
    { axis: 0 },
  );
  const silenceTable = g.op(
    'OneHot',
    [g.i64('silence_next', [NO_TIMESTAMPS, EOT]), g.i64('vocab_b', [VOCAB], []), g.f32('onehot_values_b', [0, LOGIT])],
    { axis: -1 },
  );
  const silenceLogits = g.op('MatMul', [g.op('Unsqueeze', [weights, g.i64('axis0c', [0])]), silenceTable]); // [1, vocab]

  // The gates the encoder put in channels 0 (speech) and 1 (long speech), per batch item -> [b, 1, 1].
  const gate = g.op('ReduceMax', [enc], { axes: [1, 2], keepdims: 1 });
  const longChannel = g.op('Slice', [enc, g.i64('long_start', [1]), g.i64('long_end', [2]), g.i64('long_axis', [2])]);
  const long = g.op('ReduceMax', [longChannel], { axes: [1, 2], keepdims: 1 });
  const speechLogits = g.op('Add', [
    g.op('Mul', [long, longLogits]),
    g.op('Mul', [g.op('Sub', [gate, long]), shortLogits]),
  ]);
  const mixed = g.op('Add', [speechLogits, g.op('Mul', [g.op('Sub', [g.f32('one_c', [1]), gate]), silenceLogits])]);
  g.op('Identity', [mixed], {}, 'logits');

  // Self-attention cache: past plus this step's keys/values (from the token states), so the
  // cache grows one position per generated token exactly like a real decoder's.
  const padded = g.op('Pad', [states, g.i64('pads', [0, 0, 0, 0, 0, HEAD_DIM - chain.length])]); // [b, seq, head_dim]
  const stateKv = g.op('Expand', [
    g.op('Unsqueeze', [padded, g.i64('axis1', [1])]),
    g.i64('kv_shape', [1, HEADS, 1, 1]),
  ]);
  g.op('Concat', [pastDecK, stateKv], { axis: 2 }, 'present.0.decoder.key');
  g.op('Concat', [pastDecV, stateKv], { axis: 2 }, 'present.0.decoder.value');
  // Cross-attention cache: encoder states split into heads, [b, heads, enc_seq, head_dim].
  const split = g.op('Transpose', [g.op('Reshape', [enc, g.i64('heads_shape', [0, -1, HEADS, HEAD_DIM])])], {
    perm: [0, 2, 1, 3],
  });
  g.op('Identity', [split], {}, 'present.0.encoder.key');
  g.op('Identity', [split], {}, 'present.0.encoder.value');
  return g.encode(17);
}

function contractConfig(real: Record<string, unknown>): Record<string, unknown> {
  return {
    ...real,
    _name_or_path: 'hearth/whisper-contract',
    d_model: D_MODEL,
    encoder_layers: 1,
    decoder_layers: 1,
    num_hidden_layers: 1,
    encoder_attention_heads: HEADS,
    decoder_attention_heads: HEADS,
    encoder_ffn_dim: 4 * D_MODEL,
    decoder_ffn_dim: 4 * D_MODEL,
    vocab_size: VOCAB,
  };
}

export function buildWhisperPack(tokenizerDir: string): GeneratedFile[] {
  const missing = ['config.json', ...TOKENIZER_FILES].filter((f) => !fs.existsSync(path.join(tokenizerDir, f)));
  if (missing.length)
    throw new Error(
      `whisper tokenizer files missing in ${tokenizerDir}: ${missing.join(', ')} (pass --whisper-tokenizer-dir)`,
    );
  const realConfig = JSON.parse(fs.readFileSync(path.join(tokenizerDir, 'config.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  if (realConfig.vocab_size !== VOCAB || SOT !== realConfig.decoder_start_token_id) {
    throw new Error(`${tokenizerDir} is not the Whisper tiny.en tokenizer (vocab ${String(realConfig.vocab_size)})`);
  }
  const encoder = encoderGraph();
  const decoder = decoderGraph();
  return [
    { path: 'config.json', data: JSON.stringify(contractConfig(realConfig), null, 2) },
    ...TOKENIZER_FILES.map((f) => ({ path: f, data: fs.readFileSync(path.join(tokenizerDir, f)) })),
    // fp32 names (Node's default dtype) and q8 names (the browser's WASM default, and what the
    // real whisper-tiny-en pack ships); the graph is the same float graph under both names.
    { path: 'onnx/encoder_model.onnx', data: encoder },
    { path: 'onnx/decoder_model_merged.onnx', data: decoder },
    { path: 'onnx/encoder_model_quantized.onnx', data: encoder },
    { path: 'onnx/decoder_model_merged_quantized.onnx', data: decoder },
  ];
}
