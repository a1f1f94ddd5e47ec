// Brings the catalog in line with the media folder. Unchanged files (same size, mtime and
// sidecar mtime) are not re-read; a file that fails to read keeps its previous entry and gets a
// problem recorded, so one bad edit never loses a song.
import fs from 'node:fs/promises';
import path from 'node:path';
import { readCoverArt } from './cover-art.ts';
import { IngestError, ingestFile } from './ingest.ts';
import { mediaFileRole, sidecarPathFor } from './media-files.ts';
import type { CatalogRepository } from './repository.ts';
import { DEFAULT_MEDIA_LIMITS, type MediaLimits } from './media-limits.ts';

export interface ScanReport {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  problems: { path: string; message: string }[];
}

/** Every file under `dir` as "/"-separated relative paths, skipping hidden folders. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.readdir(path.join(dir, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  await walk('');
  return out.sort();
}

async function mtimeOf(absolute: string): Promise<number | null> {
  const stat = await fs.stat(absolute).catch(() => null);
  return stat?.isFile() ? stat.mtimeMs : null;
}

export async function scanMediaFolder(
  mediaDir: string,
  repo: CatalogRepository,
  limits: MediaLimits = DEFAULT_MEDIA_LIMITS,
): Promise<ScanReport> {
  const report: ScanReport = { added: 0, updated: 0, removed: 0, unchanged: 0, problems: [] };
  const files = await listFiles(mediaDir);
  const mediaPaths = files.filter((f) => {
    const role = mediaFileRole(f);
    return role === 'audio' || role === 'text';
  });
  const known = new Map(repo.all().map((r) => [r.path, r]));
  const present = new Set(mediaPaths);

  for (const relative of mediaPaths) {
    const absolute = path.join(mediaDir, ...relative.split('/'));
    const previous = known.get(relative);
    if (previous) {
      const [stat, sidecarMtime] = await Promise.all([
        fs.stat(absolute).catch(() => null),
        mtimeOf(path.join(mediaDir, ...sidecarPathFor(relative).split('/'))),
      ]);
      if (
        stat &&
        stat.size === previous.bytes &&
        stat.mtimeMs === previous.mtimeMs &&
        sidecarMtime === previous.sidecarMtimeMs
      ) {
        // Catalogued before covers were kept: read its tags for one (no need to decode it again).
        if (previous.coverRead === false && previous.format === 'audio')
          repo.setCover(previous.id, await readCoverArt(absolute));
        report.unchanged++;
        continue;
      }
    }
    try {
      repo.upsert(await ingestFile(mediaDir, relative, limits));
      repo.clearProblem(relative);
      if (previous) report.updated++;
      else report.added++;
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      repo.setProblem(relative, err.message);
      report.problems.push({ path: relative, message: err.message });
    }
  }

  for (const record of known.values()) {
    if (present.has(record.path)) continue;
    repo.remove(record.id);
    report.removed++;
  }
  repo.retainProblems(present);
  return report;
}
