// Which LLM engine this device should run: WebLLM needs a real (non-fallback) WebGPU adapter
// and a ready MLC pack; otherwise wllama on the CPU with the best ready GGUF pack.
// The decision itself is the shared pure selector in ../select.ts; this adds the probe.

import { selectEngines, type DeviceCapabilities, type LlmPlan, type RoleStatusLike } from '../select.ts';

interface AdapterLike {
  info?: { isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

/** 'software' for SwiftShader-style fallback adapters: correct but far too slow for an LLM. */
export function classifyAdapter(adapter: AdapterLike | null): DeviceCapabilities['webgpu'] {
  if (!adapter) return 'none';
  return (adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false) ? 'software' : 'hardware';
}

export async function probeWebGpu(): Promise<DeviceCapabilities['webgpu']> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu;
  if (!gpu) return 'none';
  try {
    return classifyAdapter(await gpu.requestAdapter());
  } catch {
    return 'none';
  }
}

export function selectLlmEngine(roles: readonly RoleStatusLike[], webgpu: DeviceCapabilities['webgpu']): LlmPlan {
  return selectEngines(roles, { webgpu }).llm;
}

/**
 * Whether the chat model can pick out memories as constrained JSON (LLM fact extraction): every
 * chat pack can; a demo-tier pack (stories260K) only continues stories, so the rules alone learn.
 * The one place this is decided.
 */
export function canExtractMemories(plan: LlmPlan): boolean {
  if (plan.engine === 'webllm') return true;
  return plan.engine === 'wllama' && !plan.demo;
}
