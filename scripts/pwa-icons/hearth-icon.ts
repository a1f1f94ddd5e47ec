// Hearth's app icon, drawn from the same shapes as public/icon.svg (a 64-unit design): a warm
// rounded tile, a house, and a flame in its doorway. "maskable" fills the whole square and keeps
// the artwork inside the safe circle (80 % of the size) that launchers may crop to.

import { Canvas, hex } from './raster.ts';
import { pathToPolygons, type Point, type Polygon } from './svg-path.ts';

const DESIGN = 64;
const TILE = '#f6e3cf';
const SHAPES: { d: string; color: string }[] = [
  { d: 'M32 10 8 30h7v22h34V30h7z', color: '#c4572a' },
  {
    d: 'M32 49c-6.2 0-10-4.2-10-9.3 0-4.6 3.1-7.6 5.4-10.3.5 2.6 1.8 4.3 3.7 5.2-.4-4.8 1.6-8.8 5.6-11.6-.3 4.3 1.4 6.9 3.4 9.4 1.2 1.6 1.9 3.4 1.9 5.6 0 6.5-4.3 11-10 11z',
    color: '#ffd27a',
  },
  {
    d: 'M32 49c-3.3 0-5.4-2.2-5.4-5 0-2.6 1.7-4.3 3.1-6.2.4 1.7 1.3 2.7 2.6 3.1-.1-2.7.9-4.8 3-6.4 0 2.3.8 3.8 1.8 5.2.6.9 1 1.9 1 3.1 0 3.7-2.3 6.2-6.1 6.2z',
    color: '#fff4d6',
  },
];
/** Artwork scale inside a maskable icon: its farthest corner stays within the 40 % safe radius. */
const MASKABLE_ART_SCALE = 0.72;

export type IconPurpose = 'any' | 'maskable';

export function renderHearthIcon(size: number, purpose: IconPurpose): Canvas {
  const canvas = new Canvas(size, size);
  const unit = size / DESIGN;
  if (purpose === 'maskable') {
    canvas.fill([square(size)], hex(TILE));
  } else {
    canvas.fill([roundedRect(size, 16 * unit)], hex(TILE));
  }
  const scale = purpose === 'maskable' ? MASKABLE_ART_SCALE : 1;
  const toPixels = (p: Point): Point => [
    (DESIGN / 2 + (p[0] - DESIGN / 2) * scale) * unit,
    (DESIGN / 2 + (p[1] - DESIGN / 2) * scale) * unit,
  ];
  for (const shape of SHAPES) {
    canvas.fill(
      pathToPolygons(shape.d).map((polygon) => polygon.map(toPixels)),
      hex(shape.color),
    );
  }
  return canvas;
}

function square(size: number): Polygon {
  return [
    [0, 0],
    [size, 0],
    [size, size],
    [0, size],
  ];
}

function roundedRect(size: number, radius: number): Polygon {
  const points: Point[] = [];
  const corners: [number, number, number][] = [
    [size - radius, radius, -90],
    [size - radius, size - radius, 0],
    [radius, size - radius, 90],
    [radius, radius, 180],
  ];
  for (const [cx, cy, startDeg] of corners) {
    for (let step = 0; step <= 16; step++) {
      const angle = ((startDeg + (step / 16) * 90) * Math.PI) / 180;
      points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    }
  }
  return points;
}
