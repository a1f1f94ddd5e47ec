// Voice detection's plan from the last visit, so the next one can start listening before the
// server's list of models is in (a kiosk's reloads: that list and the graphics check take longer
// than drawing the app). Only the pack's name is kept; a different plan later replaces it.
import { DEFAULT_VAD_PACK, type VadPlan } from '../../engines/index.ts';

const LAST_VAD_PACK_KEY = 'hearth.engines.last-vad-pack';

export function lastVadPlan(): VadPlan {
  let packId: string | null = null;
  try {
    packId = globalThis.localStorage?.getItem(LAST_VAD_PACK_KEY) ?? null;
  } catch {
    // Storage can be refused (private modes): the default pack is the usual plan anyway.
  }
  return { engine: 'silero', packId: packId || DEFAULT_VAD_PACK };
}

/** Written only when it changed: the engines are re-planned on every check of the server. */
export function rememberVadPlan(plan: VadPlan): void {
  try {
    const storage = globalThis.localStorage;
    if (storage && storage.getItem(LAST_VAD_PACK_KEY) !== plan.packId) storage.setItem(LAST_VAD_PACK_KEY, plan.packId);
  } catch {
    // Not kept: the next visit starts on the default pack's name, or waits for the plan.
  }
}
