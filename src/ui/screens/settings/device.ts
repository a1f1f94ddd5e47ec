// What this browser/device offers the on-device engines. Read-only feature detection.

export type WebGpuSupport =
  | { kind: 'hardware'; description: string | null }
  | { kind: 'software'; description: string | null }
  | { kind: 'no-adapter' }
  | { kind: 'unsupported' };

export interface DeviceInfo {
  webgpu: WebGpuSupport;
  crossOriginIsolated: boolean;
  cores: number | null;
  /** navigator.deviceMemory in GB (rounded and capped at 8 by browsers), when reported. */
  memoryGb: number | null;
}

// WebGPU is not in TypeScript's DOM lib yet; describe just the parts we read.
interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: GpuAdapterInfoLike;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance' }): Promise<GpuAdapterLike | null>;
}
interface NavigatorExtras {
  gpu?: GpuLike;
  deviceMemory?: number;
}

function describeAdapter(info: GpuAdapterInfoLike | undefined): string | null {
  if (!info) return null;
  const text = info.description || [info.vendor, info.architecture].filter(Boolean).join(' ');
  return text.trim() === '' ? null : text.trim();
}

export async function detectWebGpu(nav: Navigator = navigator): Promise<WebGpuSupport> {
  const gpu = (nav as Navigator & NavigatorExtras).gpu;
  if (!gpu || typeof gpu.requestAdapter !== 'function') return { kind: 'unsupported' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { kind: 'no-adapter' };
    const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    const description = describeAdapter(adapter.info);
    return fallback ? { kind: 'software', description } : { kind: 'hardware', description };
  } catch {
    return { kind: 'no-adapter' };
  }
}

export function detectBasics(nav: Navigator = navigator): Omit<DeviceInfo, 'webgpu'> {
  const extras = nav as Navigator & NavigatorExtras;
  const cores =
    typeof nav.hardwareConcurrency === 'number' && nav.hardwareConcurrency > 0 ? nav.hardwareConcurrency : null;
  const memoryGb = typeof extras.deviceMemory === 'number' && extras.deviceMemory > 0 ? extras.deviceMemory : null;
  return { crossOriginIsolated: globalThis.crossOriginIsolated === true, cores, memoryGb };
}
