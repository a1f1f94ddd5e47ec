import { describe, expect, it } from 'vitest';
import { chooseThreadCount } from '../../../src/engines/llm/threads.ts';
import { findModelLib, webLlmModelRecord } from '../../../src/engines/llm/webllm-config.ts';

describe('chooseThreadCount', () => {
  it('uses one thread on small machines and without cross-origin isolation', () => {
    expect(chooseThreadCount({ hardwareConcurrency: 2, crossOriginIsolated: true })).toBe(1);
    expect(chooseThreadCount({ hardwareConcurrency: 16, crossOriginIsolated: false })).toBe(1);
    expect(chooseThreadCount({ hardwareConcurrency: 16, crossOriginIsolated: false, requested: 4 })).toBe(1);
  });
  it('uses half the cores on bigger machines, or what was asked for', () => {
    expect(chooseThreadCount({ hardwareConcurrency: 8, crossOriginIsolated: true })).toBe(4);
    expect(chooseThreadCount({ hardwareConcurrency: 4, crossOriginIsolated: true })).toBe(2);
    expect(chooseThreadCount({ hardwareConcurrency: 64, crossOriginIsolated: true })).toBe(8);
    expect(chooseThreadCount({ hardwareConcurrency: 8, crossOriginIsolated: true, requested: 1 })).toBe(1);
  });
});

describe('WebLLM model record', () => {
  const origin = 'http://192.168.1.20:8787';
  const record = webLlmModelRecord({
    packId: 'qwen2.5-0.5b-instruct-mlc',
    libFile: 'Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm',
    origin,
  });

  it('points every file at our server, never at a model hub', () => {
    expect(record.model_lib).toBe(
      `${origin}/models/qwen2.5-0.5b-instruct-mlc/Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm`,
    );
    // What WebLLM does with the model URL: keep it when it has /resolve/x/, then resolve files against it.
    expect(/.+\/resolve\/.+\//.test(record.model)).toBe(true);
    expect(new URL('mlc-chat-config.json', new URL(record.model).href).href).toBe(
      `${origin}/models/qwen2.5-0.5b-instruct-mlc/mlc-chat-config.json`,
    );
    expect(new URL('params_shard_0.bin', record.model).href).toBe(
      `${origin}/models/qwen2.5-0.5b-instruct-mlc/params_shard_0.bin`,
    );
  });

  it('finds the compiled model library among the pack files', () => {
    expect(findModelLib([{ path: 'tokenizer.json' }, { path: 'x-webgpu.wasm' }])).toBe('x-webgpu.wasm');
    expect(findModelLib([{ path: 'tokenizer.json' }])).toBeNull();
  });
});
