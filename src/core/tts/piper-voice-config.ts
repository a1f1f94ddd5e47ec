// A Piper voice's .onnx.json and the pure steps around the model: phonemes -> ids, and cutting a
// sentence into chunks so the first audio comes before the whole sentence is synthesised.

export interface PiperVoiceConfig {
  audio: { sample_rate: number };
  espeak: { voice: string };
  num_speakers: number;
  phoneme_id_map: Record<string, number[]>;
  phoneme_type?: string;
  speaker_id_map?: Record<string, number>;
  inference?: { noise_scale?: number; length_scale?: number; noise_w?: number };
}

export function parseVoiceConfig(json: unknown): PiperVoiceConfig {
  const c = json as Partial<PiperVoiceConfig> | null;
  const problems: string[] = [];
  if (!c || typeof c !== 'object') throw new Error('Piper voice config is not a JSON object');
  if (!Number.isFinite(c.audio?.sample_rate)) problems.push('audio.sample_rate');
  if (typeof c.num_speakers !== 'number') problems.push('num_speakers');
  if (!c.phoneme_id_map || typeof c.phoneme_id_map !== 'object') problems.push('phoneme_id_map');
  if ((c.phoneme_type ?? 'espeak') === 'espeak' && typeof c.espeak?.voice !== 'string') problems.push('espeak.voice');
  if (problems.length) throw new Error(`Piper voice config lacks ${problems.join(', ')}`);
  return c as PiperVoiceConfig;
}

/**
 * Piper's id sequence: `^`, each phoneme followed by `_` (pad), then `$`. Phonemes are single
 * code points after NFD (as piper-phonemize splits them); ones the voice does not know are skipped.
 */
export function phonemeIds(phonemes: string, map: Record<string, number[]>): number[] {
  const pad = map['_'] ?? [];
  const ids = [...(map['^'] ?? [])];
  for (const p of phonemes.normalize('NFD')) {
    const id = map[p];
    if (id) ids.push(...id, ...pad);
  }
  ids.push(...(map['$'] ?? []));
  return ids;
}

/**
 * espeak-ng returns one phoneme string per clause (it splits at punctuation). Long clauses are cut
 * further at word boundaries; the first chunk is kept short so playback starts quickly.
 */
export function chunkClauses(clauses: string[], firstMaxWords = 6, maxWords = 14): string[] {
  const chunks: string[] = [];
  for (const clause of clauses) {
    const words = clause.trim().split(/\s+/).filter(Boolean);
    while (words.length > 0) {
      const limit = chunks.length === 0 ? firstMaxWords : maxWords;
      // Avoid a one-word tail: take everything when only a little would be left over.
      const take = words.length <= limit + 2 ? words.length : limit;
      chunks.push(words.splice(0, take).join(' '));
    }
  }
  return chunks;
}
