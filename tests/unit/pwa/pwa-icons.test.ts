import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICONS, iconPng } from '../../../scripts/pwa-icons/main.ts';
import { PROJECT_ROOT } from '../../helpers/server.ts';

/** Reads a PNG written by scripts/pwa-icons (RGBA, filter 0 rows) back into pixels. */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  return {
    width,
    height,
    pixel: (x, y) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)],
  };
}

describe('PWA icons', () => {
  it('committed icons are exactly what scripts/pwa-icons draws', () => {
    for (const icon of ICONS) {
      const committed = fs.readFileSync(path.join(PROJECT_ROOT, 'public', 'icons', icon.file));
      expect(
        committed.equals(iconPng(icon.size, icon.purpose)),
        `${icon.file} is stale: run npx tsx scripts/pwa-icons/main.ts`,
      ).toBe(true);
    }
  });

  it('draws the tile, the house and the flame; maskable icons are opaque to the edge', () => {
    const any = decode(iconPng(192, 'any'));
    expect([any.width, any.height]).toEqual([192, 192]);
    expect(any.pixel(0, 0)[3]).toBe(0); // rounded corner: transparent
    expect(any.pixel(96, 8)).toEqual([0xf6, 0xe3, 0xcf, 255]); // tile above the roof
    expect(any.pixel(60, 150)).toEqual([0xc4, 0x57, 0x2a, 255]); // house wall
    expect(any.pixel(96, 141)).toEqual([0xff, 0xf4, 0xd6, 255]); // inner flame
    const maskable = decode(iconPng(512, 'maskable'));
    expect(maskable.pixel(0, 0)).toEqual([0xf6, 0xe3, 0xcf, 255]);
    expect(maskable.pixel(511, 511)[3]).toBe(255);
  });
});
