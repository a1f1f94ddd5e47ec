// voy-search in the browser (Vite bundles its wasm). Loaded on first use, so pages that never
// search do not fetch it.
import type { Voy } from 'voy-search';

export type VoyIndex = Voy;

export async function loadVoyIndex(serialized: string): Promise<VoyIndex> {
  const { Voy } = await import('voy-search');
  return Voy.deserialize(serialized);
}
