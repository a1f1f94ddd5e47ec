// Which packs this page will fetch files from: composition of the engine plan (src/engines) and the
// server's model list (src/models-cache).
import type { EnginePlan } from '../../engines/select.ts';
import type { ListedRole } from '../../models-cache/wanted-packs.ts';

/** Same default as the classic voice engine (src/engines/tts/classic), which fetches its WASM from this pack. */
const CLASSIC_VOICE_PACK = 'flite-classic';

/**
 * Pack ids the page will fetch files from: the plan's engines (the optional end-of-turn model too, so
 * an offline page still has it), and the best ready embeddings pack
 * (memory and library search use the one the server indexed the library with, its best).
 */
export function plannedPackIds(plan: EnginePlan, roles: readonly ListedRole[] = []): string[] {
  const ids = [plan.vad.packId];
  if (plan.stt.engine !== 'none') ids.push(plan.stt.packId);
  if (plan.llm.engine !== 'none') ids.push(plan.llm.packId);
  ids.push(plan.tts.packId ?? CLASSIC_VOICE_PACK);
  if (plan.turnEnd?.engine === 'smart-turn') ids.push(plan.turnEnd.packId);
  const embeddings = roles.find((r) => r.role === 'embeddings')?.pack?.id;
  if (embeddings) ids.push(embeddings);
  return [...new Set(ids)];
}
