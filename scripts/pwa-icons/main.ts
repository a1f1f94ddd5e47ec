// Regenerates the PWA icons in public/icons/ (committed; the web app manifest lists them).
// Pure Node, no ImageMagick:  npx tsx scripts/pwa-icons/main.ts  [--check]
// --check exits 1 when a committed icon differs from what this script draws.

import fs from 'node:fs';
import path from 'node:path';
import { renderHearthIcon, type IconPurpose } from './hearth-icon.ts';
import { encodePng } from './png.ts';

export const ICONS: { file: string; size: number; purpose: IconPurpose }[] = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
  // iOS home screens ignore the manifest and want an opaque 180 px touch icon.
  { file: 'apple-touch-icon-180.png', size: 180, purpose: 'maskable' },
];

export function iconPng(size: number, purpose: IconPurpose): Buffer {
  const canvas = renderHearthIcon(size, purpose);
  return encodePng(canvas.width, canvas.height, canvas.pixels);
}

function main(): void {
  const outDir = path.resolve(import.meta.dirname, '..', '..', 'public', 'icons');
  const check = process.argv.includes('--check');
  fs.mkdirSync(outDir, { recursive: true });
  let stale = 0;
  for (const icon of ICONS) {
    const target = path.join(outDir, icon.file);
    const png = iconPng(icon.size, icon.purpose);
    if (check) {
      const same = fs.existsSync(target) && fs.readFileSync(target).equals(png);
      if (!same) stale++;
      console.log(`${same ? 'ok     ' : 'STALE  '} ${icon.file}`);
    } else {
      fs.writeFileSync(target, png);
      console.log(`wrote ${path.relative(process.cwd(), target)} (${png.length} bytes)`);
    }
  }
  if (stale > 0) {
    console.error(`${stale} icon(s) differ: run  npx tsx scripts/pwa-icons/main.ts`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
