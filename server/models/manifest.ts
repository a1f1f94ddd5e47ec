// The model manifest: which packs exist for each role and where their files come from.
// Source URLs live only in models/manifest.json, never in run-time code.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const MODEL_ROLES = ['vad', 'stt', 'llm-webgpu', 'llm-cpu', 'tts', 'embeddings', 'end-of-turn'] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

export const MODEL_TIERS = ['recommended', 'small', 'demo', 'fallback'] as const;
export type ModelTier = (typeof MODEL_TIERS)[number];

/** Lower is better: a role uses its best ready pack. */
export function tierRank(tier: ModelTier): number {
  return MODEL_TIERS.indexOf(tier);
}

export const ROLE_LABELS: Record<ModelRole, string> = {
  vad: 'Voice detection',
  stt: 'Speech recognition',
  'llm-webgpu': 'Conversation (WebGPU)',
  'llm-cpu': 'Conversation (CPU)',
  tts: 'Voice',
  embeddings: 'Memory search',
  'end-of-turn': 'Knowing when you have finished',
};

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex characters');

/** A path inside a pack folder: relative, forward slashes, no '..', never a .part file. */
export const packRelativePath = z
  .string()
  .min(1)
  .refine(isSafeRelativePath, 'must be a relative path inside the pack (no "..", no leading "/", no "\\")');

export function isSafeRelativePath(p: string): boolean {
  if (p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  if (p.endsWith('.part')) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

const urlSource = z.strictObject({
  kind: z.literal('url'),
  url: z.url(),
  /** false: this host's ETag is not the content's sha256 even when it looks like one (e.g. GitHub raw). */
  etagIsSha256: z.boolean().optional(),
});
const npmSource = z.strictObject({ kind: z.literal('npm'), package: z.string().min(1), path: packRelativePath });
export const fileSourceSchema = z.discriminatedUnion('kind', [urlSource, npmSource]);
export type FileSource = z.infer<typeof fileSourceSchema>;

export const packFileSchema = z.strictObject({
  path: packRelativePath,
  bytes: z.int().nonnegative().nullable(),
  /**
   * About how big the file is, for choosing and for progress before its exact size is known. The
   * public hosts change exact sizes with each re-upload, so a pinned `bytes` would make the
   * downloader reject a good file; exact bytes go into the lock at download instead.
   */
  approxBytes: z.int().positive().optional(),
  sha256: sha256Hex.nullable(),
  source: fileSourceSchema,
  /**
   * This file is an index naming more files of the pack. "ndarray-cache": an MLC/WebLLM
   * tensor-cache.json (formerly ndarray-cache.json) whose records[].dataPath are weight shards next to it; after it is on disk
   * the downloader and the store add those shards (URL resolved relative to this file's URL).
   */
  listsFiles: z.literal('ndarray-cache').optional(),
});
export type PackFile = z.infer<typeof packFileSchema>;

export const modelPackSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'pack id must be a plain folder name'),
  role: z.enum(MODEL_ROLES),
  title: z.string().min(1),
  engine: z.string().min(1),
  tier: z.enum(MODEL_TIERS),
  license: z.string().min(1),
  description: z.string(),
  files: z.array(packFileSchema).min(1),
});
export type ModelPack = z.infer<typeof modelPackSchema>;

/** The pack's size from each file's exact or approximate bytes; null when a file has neither. */
export function packApproxBytes(pack: ModelPack): number | null {
  const sizes = pack.files.map((f) => f.bytes ?? f.approxBytes ?? null);
  return sizes.every((b) => b !== null) ? sizes.reduce<number>((sum, b) => sum + (b ?? 0), 0) : null;
}

export const manifestSchema = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.literal(1),
    packs: z.array(modelPackSchema),
  })
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    for (const pack of m.packs) {
      if (ids.has(pack.id)) ctx.addIssue({ code: 'custom', message: `duplicate pack id ${pack.id}` });
      ids.add(pack.id);
      const paths = new Set<string>();
      for (const f of pack.files) {
        if (paths.has(f.path)) ctx.addIssue({ code: 'custom', message: `duplicate file ${pack.id}/${f.path}` });
        paths.add(f.path);
      }
    }
  });
export type ModelManifest = z.infer<typeof manifestSchema>;

export async function loadManifest(manifestPath: string): Promise<ModelManifest> {
  const text = await readFile(manifestPath, 'utf8');
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`invalid model manifest ${manifestPath}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
