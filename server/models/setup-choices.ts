// What a parent can choose to install from the browser: plain-worded bundles of packs sized to
// the machines, built from what the home server already has ready.
import { packApproxBytes, type ModelManifest, type ModelPack, type ModelRole } from './manifest.ts';
import type { PackStatus, RoleStatus } from './status.ts';
import type { SetupChoice, SetupChoiceId, SetupChoicePack } from '../../src/core/model-setup.ts';

export type { SetupChoice, SetupChoiceId, SetupChoicePack } from '../../src/core/model-setup.ts';

/** Talking in any browser: hearing, a voice, and a language model that runs on the processor. */
const SMALL_ROLES: ModelRole[] = ['stt', 'tts', 'llm-cpu'];
/** Also the faster graphics-card model, memory search and knowing sooner when a child has finished. */
const BETTER_ROLES: ModelRole[] = [...SMALL_ROLES, 'llm-webgpu', 'embeddings', 'end-of-turn'];

/**
 * The best pack of each role that is not ready yet and can be brought by download (files from a
 * URL; npm files come with `npm install`). A role whose best pack is ready needs nothing.
 */
export function packsToInstall(roles: RoleStatus[], manifest: ModelManifest, wanted: ModelRole[]): ModelPack[] {
  const out: ModelPack[] = [];
  for (const role of roles) {
    if (!wanted.includes(role.role)) continue;
    const best = role.packs[0]; // best tier first
    if (!best || best.state === 'ready' || best.state === 'verifying') continue;
    const pack = manifest.packs.find((p) => p.id === best.id);
    if (pack?.files.some((f) => f.source.kind === 'url')) out.push(pack);
  }
  return out;
}

export function choicePack(pack: ModelPack, status: PackStatus | undefined): SetupChoicePack {
  const exact = pack.files.every((f) => f.bytes !== null) ? pack.files.reduce((sum, f) => sum + (f.bytes ?? 0), 0) : null;
  return {
    id: pack.id,
    role: pack.role,
    title: pack.title,
    bytes: exact ?? status?.bytes ?? packApproxBytes(pack),
  };
}

export function setupChoices(roles: RoleStatus[], manifest: ModelManifest): SetupChoice[] {
  const statusOf = (id: string): PackStatus | undefined => roles.flatMap((r) => r.packs).find((p) => p.id === id);
  const build = (id: SetupChoiceId, wanted: ModelRole[]): Omit<SetupChoice, 'title' | 'description'> => {
    const packs = packsToInstall(roles, manifest, wanted).map((p) => choicePack(p, statusOf(p.id)));
    const sizes = packs.map((p) => p.bytes);
    return {
      id,
      needsGpu: packs.some((p) => p.role === 'llm-webgpu'),
      packs,
      bytes: sizes.every((b) => b !== null) ? sizes.reduce<number>((a, b) => a + (b ?? 0), 0) : null,
    };
  };
  const small = build('small', SMALL_ROLES);
  const better = build('better', BETTER_ROLES);
  const choices: SetupChoice[] = [];
  if (small.packs.length > 0)
    choices.push({
      ...small,
      title: 'Small',
      description: 'Quick to download, and fast on any laptop or home server.',
    });
  if (better.packs.length > small.packs.length)
    choices.push({
      ...better,
      title: 'Better',
      description: better.needsGpu
        ? 'Smoother chats on tablets and computers with a graphics card, plus memory search and quicker answers.'
        : 'Adds memory search and quicker answers.',
    });
  return choices;
}
