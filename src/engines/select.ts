// Which engine and model pack each role uses on this device, decided from the server's model
// status (GET /api/models) and what the browser offers. Pure: no loading, no DOM.

/** The parts of /api/models this needs (structurally the UI's RoleStatus). */
export interface PackStatusLike {
  id: string;
  title: string;
  tier: string;
  engine: string;
  state: string;
  files: readonly { path: string }[];
}

export interface RoleStatusLike {
  role: string;
  status: string;
  fix: string | null;
  packs: readonly PackStatusLike[];
}

export interface DeviceCapabilities {
  /** 'hardware' only for a real, non-fallback WebGPU adapter. */
  webgpu: 'hardware' | 'software' | 'none';
}

export type VadPlan = { engine: 'silero'; packId: string };
export type SttPlan = { engine: 'whisper'; packId: string; title: string } | { engine: 'none'; fix: string | null };
export type LlmPlan =
  | { engine: 'webllm'; packId: string; title: string }
  | { engine: 'wllama'; packId: string; title: string; file: string; demo: boolean }
  | { engine: 'none'; fix: string | null };
export type TtsPlan = { engine: 'piper'; packId: string; title: string } | { engine: 'classic'; packId: string | null };
/** The optional audio end-of-turn model (Smart Turn); without one the words decide when a turn ends. */
export type TurnEndPlan = { engine: 'smart-turn'; packId: string; title: string } | { engine: 'none' };

export interface EnginePlan {
  vad: VadPlan;
  stt: SttPlan;
  llm: LlmPlan;
  tts: TtsPlan;
  /** Optional, loaded after the rest and never waited for (absent: none). */
  turnEnd?: TurnEndPlan;
}

export const DEFAULT_VAD_PACK = 'silero-vad-v5';

// Recommended packs first, the "demo" ones (stories260K) only when nothing better is ready.
const TIER_RANK: Record<string, number> = { recommended: 0, fallback: 2, demo: 3 };

function readyPacks(roles: readonly RoleStatusLike[], role: string, engine?: string): PackStatusLike[] {
  const packs = roles.find((r) => r.role === role)?.packs ?? [];
  return packs
    .map((pack, index) => ({ pack, index }))
    .filter(({ pack }) => pack.state === 'ready' && (engine === undefined || pack.engine === engine))
    .sort((a, b) => (TIER_RANK[a.pack.tier] ?? 1) - (TIER_RANK[b.pack.tier] ?? 1) || a.index - b.index)
    .map(({ pack }) => pack);
}

function fixFor(roles: readonly RoleStatusLike[], role: string): string | null {
  return roles.find((r) => r.role === role)?.fix ?? null;
}

export function selectEngines(roles: readonly RoleStatusLike[], device: DeviceCapabilities): EnginePlan {
  return {
    vad: { engine: 'silero', packId: readyPacks(roles, 'vad')[0]?.id ?? DEFAULT_VAD_PACK },
    stt: selectStt(roles),
    llm: selectLlm(roles, device),
    tts: selectTts(roles),
    turnEnd: selectTurnEnd(roles),
  };
}

function selectStt(roles: readonly RoleStatusLike[]): SttPlan {
  const whisper = readyPacks(roles, 'stt').find((pack) => pack.engine.startsWith('whisper'));
  return whisper
    ? { engine: 'whisper', packId: whisper.id, title: whisper.title }
    : { engine: 'none', fix: fixFor(roles, 'stt') };
}

function selectLlm(roles: readonly RoleStatusLike[], device: DeviceCapabilities): LlmPlan {
  // WebLLM only on a real GPU: a software adapter is correct but far too slow.
  const mlc = device.webgpu === 'hardware' ? readyPacks(roles, 'llm-webgpu', 'webllm')[0] : undefined;
  if (mlc) return { engine: 'webllm', packId: mlc.id, title: mlc.title };
  for (const pack of readyPacks(roles, 'llm-cpu')) {
    const gguf = pack.files.find((file) => file.path.toLowerCase().endsWith('.gguf'));
    if (gguf)
      return { engine: 'wllama', packId: pack.id, title: pack.title, file: gguf.path, demo: pack.tier === 'demo' };
  }
  return { engine: 'none', fix: fixFor(roles, 'llm-cpu') };
}

function selectTts(roles: readonly RoleStatusLike[]): TtsPlan {
  // A demo-tier Piper pack (a test fixture) is no voice to talk to: the classic one is better.
  const piper = readyPacks(roles, 'tts', 'piper').find((pack) => pack.tier !== 'demo');
  if (piper) return { engine: 'piper', packId: piper.id, title: piper.title };
  // The classic voice ships with the app, so it is there even when the server lists nothing.
  return { engine: 'classic', packId: readyPacks(roles, 'tts', 'flite')[0]?.id ?? null };
}

/** The server's ready end-of-turn pack (recommended first), run by the Smart Turn engine. */
export function selectTurnEnd(roles: readonly RoleStatusLike[]): TurnEndPlan {
  const pack = readyPacks(roles, 'end-of-turn', 'smart-turn-onnx')[0];
  return pack ? { engine: 'smart-turn', packId: pack.id, title: pack.title } : { engine: 'none' };
}

/** A key that changes exactly when a role's plan changes (to reload only what changed). */
export function planKey(plan: EnginePlan[keyof EnginePlan]): string {
  return JSON.stringify(plan);
}
