// Optional metadata beside a media file (`song.mp3` + `song.json`). Strict, so a typo such as
// "titel" is reported instead of silently ignored.
import { z } from 'zod';

export const sidecarSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(40).optional(),
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/, 'must be a language code such as "en" or "en-GB"')
      .optional(),
    ageMin: z.number().int().min(0).max(120).optional(),
    ageMax: z.number().int().min(0).max(120).optional(),
    kind: z.enum(['song', 'story']).optional(),
    lyrics: z.string().max(100_000).optional(),
    text: z.string().max(200_000).optional(),
    /** Who made it and under what licence (the starter library fills these in). */
    credit: z.string().max(500).optional(),
    license: z.string().max(200).optional(),
  })
  .strict()
  .refine((s) => s.ageMin === undefined || s.ageMax === undefined || s.ageMin <= s.ageMax, {
    message: 'ageMin must not be above ageMax',
    path: ['ageMin'],
  });

export type Sidecar = z.infer<typeof sidecarSchema>;

export class SidecarError extends Error {
  override name = 'SidecarError';
}

/** Parses sidecar JSON text; throws SidecarError with every problem spelled out. */
export function parseSidecar(json: string, label: string): Sidecar {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new SidecarError(`${label} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = sidecarSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new SidecarError(`${label} has invalid metadata: ${problems}`);
  }
  return parsed.data;
}
