import { describe, expect, it } from 'vitest';
import type { EnginePlan } from '../../../src/engines/select.ts';
import { plannedPackIds } from '../../../src/app/models/planned-packs.ts';
import { packFiles, parseModelUrl, type ListedRole } from '../../../src/models-cache/wanted-packs.ts';

const ORIGIN = 'http://hearth.local:8787';

const roles: ListedRole[] = [
  {
    role: 'vad',
    packs: [
      {
        id: 'silero-vad-v5',
        title: 'Silero VAD v5',
        role: 'vad',
        state: 'ready',
        files: [{ path: 'silero_vad_v5.onnx', bytes: 2_300_000, sha256: null }],
      },
    ],
  },
  {
    role: 'stt',
    packs: [
      {
        id: 'whisper-tiny-en',
        title: 'Whisper tiny.en',
        role: 'stt',
        state: 'ready',
        files: [
          { path: 'config.json', bytes: 1_000, sha256: 'a'.repeat(64) },
          { path: 'onnx/encoder model.onnx', bytes: 10_000_000, sha256: 'b'.repeat(64) },
        ],
      },
    ],
  },
  {
    role: 'llm-cpu',
    packs: [
      { id: 'qwen-gguf', title: 'Qwen', role: 'llm-cpu', state: 'missing', files: [{ path: 'q.gguf', bytes: null }] },
    ],
  },
  {
    role: 'tts',
    packs: [
      {
        id: 'flite-classic',
        title: 'Classic voice',
        role: 'tts',
        state: 'ready',
        files: [{ path: 'flite.wasm', bytes: 3_000_000 }],
      },
    ],
  },
];

const plan: EnginePlan = {
  vad: { engine: 'silero', packId: 'silero-vad-v5' },
  stt: { engine: 'whisper', packId: 'whisper-tiny-en', title: 'Whisper tiny.en' },
  llm: { engine: 'wllama', packId: 'qwen-gguf', title: 'Qwen', file: 'q.gguf', demo: false },
  tts: { engine: 'classic', packId: null },
};

describe('plannedPackIds', () => {
  it('names every pack the chosen engines fetch, the classic voice included, the language model after the small ones', () => {
    expect(plannedPackIds(plan)).toEqual(['silero-vad-v5', 'whisper-tiny-en', 'flite-classic', 'qwen-gguf']);
  });

  it('adds the best ready embeddings pack (memory and library search)', () => {
    const withEmbeddings: ListedRole[] = [...roles, { role: 'embeddings', pack: { id: 'minilm' }, packs: [] }];
    expect(plannedPackIds(plan, withEmbeddings)).toEqual([
      'silero-vad-v5',
      'whisper-tiny-en',
      'flite-classic',
      'qwen-gguf',
      'minilm',
    ]);
    expect(plannedPackIds(plan, [...roles, { role: 'embeddings', pack: null, packs: [] }])).toHaveLength(4);
  });

  it('leaves out roles with no engine', () => {
    expect(plannedPackIds({ ...plan, stt: { engine: 'none', fix: null }, llm: { engine: 'none', fix: null } })).toEqual(
      ['silero-vad-v5', 'flite-classic'],
    );
  });
});

describe('packFiles', () => {
  it('lists the ready packs’ files with the exact URLs the engines fetch', () => {
    const packs = packFiles(roles, plannedPackIds(plan), ORIGIN);
    expect(packs.map((p) => p.id)).toEqual(['silero-vad-v5', 'whisper-tiny-en', 'flite-classic']); // qwen is not on the server yet
    const whisper = packs[1]!;
    expect(whisper.files[1]).toEqual({
      packId: 'whisper-tiny-en',
      path: 'onnx/encoder model.onnx',
      url: `${ORIGIN}/models/whisper-tiny-en/onnx/encoder%20model.onnx`,
      bytes: 10_000_000,
      sha256: 'b'.repeat(64),
    });
    expect(packs[2]!.files[0]!.sha256).toBeNull(); // an older server that sends no hash: verified by size
  });

  it('parses a cache key back into its pack and path', () => {
    expect(parseModelUrl(`${ORIGIN}/models/whisper-tiny-en/onnx/encoder%20model.onnx`)).toEqual({
      packId: 'whisper-tiny-en',
      path: 'onnx/encoder model.onnx',
    });
    expect(parseModelUrl(`${ORIGIN}/api/models`)).toBeNull();
  });
});
