// minilm-contract: a BERT-style feature-extraction pack (WordPiece tokenizer + onnx/model.onnx)
// in transformers.js layout. The "model" is a fixed per-token embedding table in which words of
// one topic share a direction (turtle/tortoise, moon/star, ...) and function words are short
// vectors, so after mean pooling + normalisation, similarity ordering means something.
import { GraphBuilder } from './onnx-graph.ts';
import { gaussian, seededRandom, type GeneratedFile } from './pack.ts';

export const MINILM_PACK_ID = 'minilm-contract';
export const MINILM_DIMENSIONS = 32;

/** Words that land close together, by topic. */
export const MINILM_TOPICS: Record<string, string[]> = {
  turtle: ['turtle', 'turtles', 'tortoise', 'shell', 'slow', 'swim'],
  sky: ['moon', 'star', 'stars', 'night', 'sky', 'sleep', 'dream'],
  music: ['song', 'songs', 'sing', 'music', 'dance', 'lullaby'],
  story: ['story', 'stories', 'tale', 'book', 'read'],
  pets: ['dog', 'puppy', 'cat', 'kitten', 'pet'],
  food: ['apple', 'banana', 'pizza', 'eat', 'hungry', 'food'],
  weather: ['rain', 'sun', 'cloud', 'snow', 'weather'],
  colour: ['color', 'colour', 'blue', 'red', 'green', 'yellow'],
  naming: ['name', 'called', 'remember', 'birthday'],
};

/** Topic-free words: short vectors that barely move a sentence's mean. */
const FUNCTION_WORDS = [
  'a',
  'an',
  'the',
  'me',
  'my',
  'i',
  'you',
  'your',
  'is',
  'are',
  'am',
  'was',
  'about',
  'to',
  'of',
  'and',
  'tell',
  'play',
  'please',
  'what',
  'who',
  'like',
  'likes',
  'love',
  'loves',
  'do',
  'it',
  'with',
  'brave',
  'little',
  'big',
  'favourite',
  'favorite',
  'at',
  'in',
  'on',
  'for',
  'that',
  'this',
  'again',
  'today',
];
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
const PUNCT = ['.', ',', '?', '!', "'"];
const SUFFIXES = ['##s', '##ing', '##ed', '##y'];

export function minilmVocab(): string[] {
  const vocab = [...SPECIAL, ...PUNCT, ...Object.values(MINILM_TOPICS).flat(), ...FUNCTION_WORDS, ...SUFFIXES];
  if (new Set(vocab).size !== vocab.length) throw new Error('duplicate word in minilm-contract vocab');
  return vocab;
}

function unit(v: Float32Array): Float32Array {
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

function embeddingTable(vocab: string[]): Float32Array {
  const normal = gaussian(seededRandom(0x4e4152));
  const randomVec = (): Float32Array => Float32Array.from({ length: MINILM_DIMENSIONS }, normal);
  const topicOf = new Map<string, Float32Array>();
  for (const words of Object.values(MINILM_TOPICS)) {
    const direction = unit(randomVec());
    for (const w of words) topicOf.set(w, direction);
  }
  const table = new Float32Array(vocab.length * MINILM_DIMENSIONS);
  vocab.forEach((token, i) => {
    const noise = unit(randomVec());
    const topic = topicOf.get(token);
    // Topic words: the topic direction plus a little word-specific noise. Others: short and random.
    const row = topic
      ? topic.map((x, k) => x + 0.25 * (noise[k] ?? 0))
      : noise.map((x) => (SPECIAL.includes(token) ? 0 : 0.15 * x));
    table.set(row, i * MINILM_DIMENSIONS);
  });
  return table;
}

function modelGraph(vocab: string[]): Uint8Array {
  const g = new GraphBuilder('minilm_contract');
  const ids = g.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', 'int64', ['batch_size', 'sequence_length']);
  const types = g.input('token_type_ids', 'int64', ['batch_size', 'sequence_length']);
  g.output('last_hidden_state', 'float32', ['batch_size', 'sequence_length', MINILM_DIMENSIONS]);
  const words = g.op(
    'Gather',
    [g.f32('word_embeddings', embeddingTable(vocab), [vocab.length, MINILM_DIMENSIONS]), ids],
    { axis: 0 },
  );
  // BERT adds token-type embeddings; both rows are zero here, so segment A and B embed alike.
  const typeRows = g.op(
    'Gather',
    [g.f32('token_type_embeddings', new Float32Array(2 * MINILM_DIMENSIONS), [2, MINILM_DIMENSIONS]), types],
    { axis: 0 },
  );
  const keep = g.op('Unsqueeze', [g.op('Cast', [mask], { to: 1 }), g.i64('axis_last', [-1])]);
  g.op('Mul', [g.op('Add', [words, typeRows]), keep], {}, 'last_hidden_state');
  return g.encode(17);
}

function tokenizerJson(vocab: string[]): unknown {
  const id = (t: string): number => vocab.indexOf(t);
  const special = (t: string) => ({
    id: id(t),
    content: t,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
}

export function buildMinilmPack(): GeneratedFile[] {
  const vocab = minilmVocab();
  const model = modelGraph(vocab);
  const config = {
    _name_or_path: 'hearth/minilm-contract',
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: MINILM_DIMENSIONS,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: MINILM_DIMENSIONS,
    max_position_embeddings: 512,
    type_vocab_size: 2,
    vocab_size: vocab.length,
    pad_token_id: 0,
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: 512,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
  return [
    { path: 'config.json', data: JSON.stringify(config, null, 2) },
    { path: 'tokenizer.json', data: JSON.stringify(tokenizerJson(vocab), null, 2) },
    { path: 'tokenizer_config.json', data: JSON.stringify(tokenizerConfig, null, 2) },
    // fp32 name (Node default) and q8 name (browser WASM default; the real all-minilm-l6-v2 pack's file).
    { path: 'onnx/model.onnx', data: model },
    { path: 'onnx/model_quantized.onnx', data: model },
  ];
}
