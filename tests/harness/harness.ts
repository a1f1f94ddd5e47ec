// Shared by harness pages: each page adds its functions to `window.hearthHarness`, which e2e tests
// call with page.evaluate. Values crossing that boundary must be JSON-friendly (no typed arrays).
export type HarnessApi = Record<string, (...args: never[]) => unknown>;

declare global {
  interface Window {
    hearthHarness?: HarnessApi & { ready?: boolean };
  }
}

export function exposeHarness(api: HarnessApi): void {
  window.hearthHarness = { ...window.hearthHarness, ...api, ready: true } as HarnessApi & { ready: boolean };
  document.body.dataset.harnessReady = 'true';
}

/** Error names and messages survive page.evaluate; Error objects do not. */
export async function settle<T>(
  work: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; name: string; message: string }> {
  try {
    return { ok: true, value: await work };
  } catch (err) {
    const e = err as { name?: string; message?: string };
    return { ok: false, name: e.name ?? 'Error', message: e.message ?? String(err) };
  }
}
