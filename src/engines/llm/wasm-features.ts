// wllama's main build needs JSPI and Memory64. Without them it would fetch a "compat" build
// from a CDN, which Hearth never does, so we check first and say what is missing.

export function missingWllamaFeatures(): string[] {
  const missing: string[] = [];
  if (!('Suspending' in WebAssembly)) missing.push('WebAssembly JSPI');
  try {
    new WebAssembly.Memory({ address: 'i64', initial: 1n } as unknown as WebAssembly.MemoryDescriptor);
  } catch {
    missing.push('WebAssembly Memory64');
  }
  return missing;
}
