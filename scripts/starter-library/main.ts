// CLI: npm run starter-library [-- --media-dir <dir>]
// Builds the starter library (narrated fables, synthesized tunes) into <media dir>/starter/ now,
// instead of on the server's first start. Existing files are kept.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installStarterLibrary } from '../../server/catalog/starter/install-starter.ts';

const { values } = parseArgs({ options: { 'media-dir': { type: 'string' } } });
const mediaDir = path.resolve(values['media-dir'] ?? process.env.HEARTH_MEDIA_DIR ?? 'media');
const started = performance.now();
const report = await installStarterLibrary(mediaDir);
for (const file of report.written) console.log(`wrote ${file}`);
for (const file of report.asText) console.log(`installed as text (no narrator): ${file}`);
console.log(
  `${report.written.length} written, ${report.kept.length} kept, narrator: ${report.narrator ?? 'none needed'} (${((performance.now() - started) / 1000).toFixed(1)} s) -> ${path.join(mediaDir, 'starter')}`,
);
