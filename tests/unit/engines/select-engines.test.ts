import { describe, expect, it } from 'vitest';
import { selectEngines, type PackStatusLike, type RoleStatusLike } from '../../../src/engines/select.ts';

function pack(
  id: string,
  engine: string,
  state: string,
  tier = 'recommended',
  files: string[] = ['model.bin'],
): PackStatusLike {
  return { id, title: id, engine, state, tier, files: files.map((path) => ({ path })) };
}

function role(name: string, packs: PackStatusLike[], fix: string | null = null): RoleStatusLike {
  return { role: name, status: packs.some((p) => p.state === 'ready') ? 'ready' : 'missing', fix, packs };
}

/** What a fresh Hearth server reports: only the shipped packs and the demo LLM are ready. */
function freshServer(overrides: Partial<Record<string, PackStatusLike[]>> = {}): RoleStatusLike[] {
  return [
    role('vad', overrides.vad ?? [pack('silero-vad-v5', 'silero', 'ready')]),
    role(
      'stt',
      overrides.stt ?? [pack('whisper-tiny-en', 'whisper-transformersjs', 'missing')],
      'npm run models -- download whisper-tiny-en',
    ),
    role('llm-webgpu', overrides['llm-webgpu'] ?? [pack('qwen-mlc', 'webllm', 'missing')]),
    role(
      'llm-cpu',
      overrides['llm-cpu'] ?? [
        pack('qwen-gguf', 'llama.cpp', 'missing', 'recommended', ['qwen.gguf']),
        pack('stories260K', 'llama.cpp', 'ready', 'demo', ['stories260K.gguf']),
      ],
    ),
    role(
      'tts',
      overrides.tts ?? [
        pack('piper-lessac', 'piper', 'missing'),
        pack('flite-classic', 'flite', 'ready', 'fallback', ['flite.wasm']),
      ],
    ),
  ];
}

describe('selectEngines', () => {
  it('on a fresh server: Silero, no STT (with the fix command), the demo GGUF on wllama, the classic voice', () => {
    const plan = selectEngines(freshServer(), { webgpu: 'none' });
    expect(plan.vad).toEqual({ engine: 'silero', packId: 'silero-vad-v5' });
    expect(plan.stt).toEqual({ engine: 'none', fix: 'npm run models -- download whisper-tiny-en' });
    expect(plan.llm).toEqual({
      engine: 'wllama',
      packId: 'stories260K',
      title: 'stories260K',
      file: 'stories260K.gguf',
      demo: true,
    });
    expect(plan.tts).toEqual({ engine: 'classic', packId: 'flite-classic' });
  });

  it('prefers a ready recommended GGUF over the demo one', () => {
    const plan = selectEngines(
      freshServer({
        'llm-cpu': [
          pack('stories260K', 'llama.cpp', 'ready', 'demo', ['stories260K.gguf']),
          pack('qwen-gguf', 'llama.cpp', 'ready', 'recommended', ['qwen.gguf']),
        ],
      }),
      { webgpu: 'none' },
    );
    expect(plan.llm).toMatchObject({ engine: 'wllama', packId: 'qwen-gguf', file: 'qwen.gguf', demo: false });
  });

  it('uses WebLLM only with a real (non-fallback) WebGPU adapter and a ready MLC pack', () => {
    const roles = freshServer({ 'llm-webgpu': [pack('qwen-mlc', 'webllm', 'ready')] });
    expect(selectEngines(roles, { webgpu: 'hardware' }).llm).toMatchObject({ engine: 'webllm', packId: 'qwen-mlc' });
    expect(selectEngines(roles, { webgpu: 'software' }).llm).toMatchObject({ engine: 'wllama' });
    expect(selectEngines(freshServer(), { webgpu: 'hardware' }).llm).toMatchObject({ engine: 'wllama' });
  });

  it('uses Whisper and Piper once their packs are ready', () => {
    const plan = selectEngines(
      freshServer({
        stt: [pack('whisper-tiny-en', 'whisper-transformersjs', 'ready')],
        tts: [pack('piper-lessac', 'piper', 'ready'), pack('flite-classic', 'flite', 'ready', 'fallback')],
      }),
      { webgpu: 'none' },
    );
    expect(plan.stt).toMatchObject({ engine: 'whisper', packId: 'whisper-tiny-en' });
    expect(plan.tts).toMatchObject({ engine: 'piper', packId: 'piper-lessac' });
  });

  it('keeps the classic voice over a demo-tier Piper pack (a test fixture that beeps)', () => {
    const plan = selectEngines(
      freshServer({
        tts: [pack('piper-contract', 'piper', 'ready', 'demo'), pack('flite-classic', 'flite', 'ready', 'fallback')],
      }),
      { webgpu: 'none' },
    );
    expect(plan.tts).toEqual({ engine: 'classic', packId: 'flite-classic' });
  });

  it('ignores damaged or partial packs', () => {
    const plan = selectEngines(
      freshServer({
        stt: [pack('whisper-tiny-en', 'whisper-transformersjs', 'corrupt')],
        tts: [pack('piper-lessac', 'piper', 'partial')],
      }),
      { webgpu: 'none' },
    );
    expect(plan.stt.engine).toBe('none');
    expect(plan.tts.engine).toBe('classic');
  });

  it('still has a VAD and a voice when the server lists nothing (they ship with the app); no LLM', () => {
    const plan = selectEngines([], { webgpu: 'none' });
    expect(plan.vad.engine).toBe('silero');
    expect(plan.tts).toEqual({ engine: 'classic', packId: null });
    expect(plan.llm).toEqual({ engine: 'none', fix: null });
  });
});
