// A tiny SVG path reader: turns the subset of path data our icon uses (M/L/H/V/C/S/Z, absolute and
// relative) into closed polygons, flattening Béziers into short line segments.

export type Point = readonly [number, number];
export type Polygon = Point[];

const TOKEN = /[MmLlHhVvCcSsZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g;
const BEZIER_STEPS = 24;

export function pathToPolygons(d: string): Polygon[] {
  const tokens = d.match(TOKEN) ?? [];
  const polygons: Polygon[] = [];
  let current: Polygon = [];
  let x = 0;
  let y = 0;
  let lastControl: Point | null = null;
  let command = '';
  let i = 0;
  const num = (): number => {
    const token = tokens[i++];
    const value = Number(token);
    if (token === undefined || Number.isNaN(value))
      throw new Error(`svg path: expected a number at token ${i - 1} of "${d}"`);
    return value;
  };
  const close = (): void => {
    if (current.length > 2) polygons.push(current);
    current = [];
  };
  const cubic = (c1: Point, c2: Point, end: Point): void => {
    const start: Point = [x, y];
    for (let step = 1; step <= BEZIER_STEPS; step++) {
      const t = step / BEZIER_STEPS;
      const u = 1 - t;
      const px = u * u * u * start[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * end[0];
      const py = u * u * u * start[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * end[1];
      current.push([px, py]);
    }
    [x, y] = end;
    lastControl = c2;
  };

  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i++;
      if (command === 'Z' || command === 'z') {
        close();
        continue;
      }
    }
    const relative = command === command.toLowerCase();
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (command.toUpperCase()) {
      case 'M':
        close();
        x = ox + num();
        y = oy + num();
        current.push([x, y]);
        // Further pairs after a moveto are linetos (SVG rule).
        command = relative ? 'l' : 'L';
        lastControl = null;
        break;
      case 'L':
        x = ox + num();
        y = oy + num();
        current.push([x, y]);
        lastControl = null;
        break;
      case 'H':
        x = ox + num();
        current.push([x, y]);
        lastControl = null;
        break;
      case 'V':
        y = oy + num();
        current.push([x, y]);
        lastControl = null;
        break;
      case 'C': {
        const c1: Point = [ox + num(), oy + num()];
        const c2: Point = [ox + num(), oy + num()];
        cubic(c1, c2, [ox + num(), oy + num()]);
        break;
      }
      case 'S': {
        const c1: Point = lastControl ? [2 * x - lastControl[0], 2 * y - lastControl[1]] : [x, y];
        const c2: Point = [ox + num(), oy + num()];
        cubic(c1, c2, [ox + num(), oy + num()]);
        break;
      }
      default:
        throw new Error(`svg path: unsupported command "${command}" in "${d}"`);
    }
  }
  close();
  return polygons;
}
