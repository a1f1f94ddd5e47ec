// Which packs this page will fetch files from: composition of the engine plan (src/engines) and the
// server's model list (src/models-cache).
import type { VoiceRole } from '../../engines/engine-hub.ts';
import type { EnginePlan } from '../../engines/select.ts';
import type { ListedRole } from '../../models-cache/wanted-packs.ts';

/** Same default as the classic voice engine (src/engines/tts/classic), which fetches its WASM from this pack. */
const CLASSIC_VOICE_PACK = 'flite-classic';

/** The pack a voice role's engine fetches its files from (the classic voice: its WebAssembly's pack). */
export function packOfRole(plan: EnginePlan, role: VoiceRole): string | null {
  switch (role) {
    case 'vad':
      return plan.vad.packId;
    case 'stt':
      return plan.stt.engine === 'none' ? null : plan.stt.packId;
    case 'llm':
      return plan.llm.engine === 'none' ? null : plan.llm.packId;
    case 'tts':
      return plan.tts.packId ?? CLASSIC_VOICE_PACK;
  }
}

/** The optional end-of-turn model's pack (null with the rule-based policy). */
export function turnEndPackOf(plan: EnginePlan): string | null {
  return plan.turnEnd?.engine === 'smart-turn' ? plan.turnEnd.packId : null;
}

/**
 * Pack ids the page will fetch files from, in the order they are kept: voice detection and speech
 * recognition first (listening and the start of a turn), then the voice and the optional end-of-turn
 * model (small), the language model (usually the largest) and the best ready embeddings pack
 * (memory and library search use the one the server indexed the library with, its best). Each
 * engine starts once its own pack is in, so the small ones do not wait behind the largest.
 */
export function plannedPackIds(plan: EnginePlan, roles: readonly ListedRole[] = []): string[] {
  const ids = [packOfRole(plan, 'vad'), packOfRole(plan, 'stt'), packOfRole(plan, 'tts'), turnEndPackOf(plan)];
  ids.push(packOfRole(plan, 'llm'));
  ids.push(roles.find((r) => r.role === 'embeddings')?.pack?.id ?? null);
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
