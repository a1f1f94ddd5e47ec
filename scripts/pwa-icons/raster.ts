// Anti-aliased polygon fill into an RGBA buffer: scanlines at several sub-rows per pixel, exact
// horizontal coverage per span. Even-odd fill, which is all a flat icon needs.

import type { Polygon } from './svg-path.ts';

const SUB_ROWS = 8;

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  /** Paints `polygons` (already in pixel space) in `color`, "over" what is there. */
  fill(polygons: Polygon[], color: Rgba): void {
    const coverage = new Float32Array(this.width * this.height);
    for (let row = 0; row < this.height; row++) {
      for (let sub = 0; sub < SUB_ROWS; sub++) {
        const y = row + (sub + 0.5) / SUB_ROWS;
        const crossings = scanline(polygons, y);
        for (let k = 0; k + 1 < crossings.length; k += 2) {
          this.#addSpan(coverage, row, crossings[k]!, crossings[k + 1]!, 1 / SUB_ROWS);
        }
      }
    }
    for (let p = 0; p < coverage.length; p++) {
      const alpha = (Math.min(1, coverage[p]!) * color.a) / 255;
      if (alpha <= 0) continue;
      const at = p * 4;
      const under = this.pixels[at + 3]! / 255;
      const out = alpha + under * (1 - alpha);
      const mix = (src: number, dst: number): number => Math.round((src * alpha + dst * under * (1 - alpha)) / out);
      this.pixels[at] = mix(color.r, this.pixels[at]!);
      this.pixels[at + 1] = mix(color.g, this.pixels[at + 1]!);
      this.pixels[at + 2] = mix(color.b, this.pixels[at + 2]!);
      this.pixels[at + 3] = Math.round(out * 255);
    }
  }

  #addSpan(coverage: Float32Array, row: number, from: number, to: number, weight: number): void {
    const x0 = Math.max(0, from);
    const x1 = Math.min(this.width, to);
    if (x1 <= x0) return;
    const base = row * this.width;
    for (let col = Math.floor(x0); col < Math.ceil(x1); col++) {
      const overlap = Math.min(x1, col + 1) - Math.max(x0, col);
      if (overlap > 0) coverage[base + col]! += overlap * weight;
    }
  }
}

/** Sorted x positions where the horizontal line at `y` crosses the polygons' edges. */
function scanline(polygons: Polygon[], y: number): number[] {
  const xs: number[] = [];
  for (const polygon of polygons) {
    for (let i = 0; i < polygon.length; i++) {
      const [ax, ay] = polygon[i]!;
      const [bx, by] = polygon[(i + 1) % polygon.length]!;
      if ((ay <= y && by > y) || (by <= y && ay > y)) xs.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
    }
  }
  return xs.sort((a, b) => a - b);
}

export function hex(color: string): Rgba {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new Error(`not a #rrggbb colour: ${color}`);
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16), a: 255 };
}
