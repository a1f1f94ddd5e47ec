// The picture on a Library card: the cover from the song's own tags when the server kept one,
// otherwise a picture made here from the item itself: warm colours, a few soft shapes and the
// title's first letter, all chosen from the item's id, so the same song always looks the same.
// Pure string work: no DOM, no network, nothing stored.
import type { MediaItem } from '../../core/media/types.ts';

/** Background and shape colours, light enough for dark letters to read on (WCAG AA for large text). */
const PALETTES: readonly { sky: string; glow: string; shape: string; ink: string }[] = [
  { sky: '#ffd6a5', glow: '#ffeccc', shape: '#ff9f68', ink: '#5a2a12' },
  { sky: '#caffbf', glow: '#eaffe4', shape: '#7ccf6b', ink: '#1f4a16' },
  { sky: '#9bf6ff', glow: '#ddfcff', shape: '#4cc3d9', ink: '#0f3d47' },
  { sky: '#bdb2ff', glow: '#e4deff', shape: '#8c7ae6', ink: '#2c2260' },
  { sky: '#ffc6ff', glow: '#ffe6ff', shape: '#e879c6', ink: '#5a1748' },
  { sky: '#fdffb6', glow: '#ffffe0', shape: '#f2c94c', ink: '#4f4210' },
  { sky: '#ffadad', glow: '#ffe0e0', shape: '#f47c7c', ink: '#5c1a1a' },
  { sky: '#a0c4ff', glow: '#dbe8ff', shape: '#5b8def', ink: '#142d5c' },
];

const SHAPES = ['hills', 'waves', 'stars', 'bubbles', 'moon'] as const;
export type GeneratedShape = (typeof SHAPES)[number];

/** 32-bit FNV-1a of a string: the seed of an item's picture. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast, repeatable random sequence from a seed. */
function randomFrom(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The title's first letter or digit, upper-cased, after a leading "The", "A" or "An" (so "The Fox
 * and the Grapes" shows F, not yet another T); a note or a star when it has none.
 */
export function initialOf(title: string, kind: MediaItem['kind']): string {
  const words = title.replace(/^[^\p{L}\p{N}]*(?:the|an?)\s+(?=[\p{L}\p{N}])/iu, '');
  const first = /[\p{L}\p{N}]/u.exec(words)?.[0];
  return first ? first.toLocaleUpperCase() : kind === 'song' ? '♪' : '★';
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const r1 = (n: number): string => String(Math.round(n * 10) / 10);

function shapeMarkup(shape: GeneratedShape, colour: string, random: () => number): string {
  switch (shape) {
    case 'hills': {
      const a = 60 + random() * 20;
      const b = 55 + random() * 25;
      return (
        `<path d="M0 ${r1(a)} Q25 ${r1(a - 22)} 50 ${r1(a)} T100 ${r1(b)} V100 H0 Z" fill="${colour}" opacity="0.75"/>` +
        `<path d="M0 ${r1(b + 12)} Q40 ${r1(b - 6)} 100 ${r1(a + 14)} V100 H0 Z" fill="${colour}"/>`
      );
    }
    case 'waves': {
      const y = 62 + random() * 12;
      return (
        `<path d="M0 ${r1(y)} C20 ${r1(y - 10)} 30 ${r1(y + 10)} 50 ${r1(y)} S80 ${r1(y - 10)} 100 ${r1(y)} V100 H0 Z" fill="${colour}" opacity="0.7"/>` +
        `<path d="M0 ${r1(y + 12)} C20 ${r1(y + 2)} 30 ${r1(y + 22)} 50 ${r1(y + 12)} S80 ${r1(y + 2)} 100 ${r1(y + 12)} V100 H0 Z" fill="${colour}"/>`
      );
    }
    case 'stars': {
      let out = '';
      for (let i = 0; i < 5; i++) {
        const x = 8 + random() * 84;
        const y = 8 + random() * 84;
        const s = 3 + random() * 4;
        out += `<path d="M${r1(x)} ${r1(y - s)} L${r1(x + s * 0.3)} ${r1(y - s * 0.3)} L${r1(x + s)} ${r1(y)} L${r1(x + s * 0.3)} ${r1(y + s * 0.3)} L${r1(x)} ${r1(y + s)} L${r1(x - s * 0.3)} ${r1(y + s * 0.3)} L${r1(x - s)} ${r1(y)} L${r1(x - s * 0.3)} ${r1(y - s * 0.3)} Z" fill="${colour}"/>`;
      }
      return out;
    }
    case 'bubbles': {
      let out = '';
      for (let i = 0; i < 6; i++) {
        out += `<circle cx="${r1(random() * 100)}" cy="${r1(random() * 100)}" r="${r1(5 + random() * 12)}" fill="${colour}" opacity="${r1(0.35 + random() * 0.4)}"/>`;
      }
      return out;
    }
    case 'moon': {
      const x = 70 + random() * 14;
      const y = 18 + random() * 10;
      return `<circle cx="${r1(x)}" cy="${r1(y)}" r="11" fill="${colour}"/><path d="M0 82 Q50 68 100 82 V100 H0 Z" fill="${colour}" opacity="0.6"/>`;
    }
  }
}

/** What a generated picture is made of, for an item (the same item always gets the same). */
export function generatedDesign(item: Pick<MediaItem, 'id' | 'title' | 'kind'>): {
  palette: (typeof PALETTES)[number];
  shape: GeneratedShape;
  initial: string;
  random: () => number;
} {
  const random = randomFrom(seedOf(item.id));
  const palette = PALETTES[Math.floor(random() * PALETTES.length)]!;
  const shape = SHAPES[Math.floor(random() * SHAPES.length)]!;
  return { palette, shape, initial: initialOf(item.title, item.kind), random };
}

/** The generated picture as SVG markup (100×100, scales to any card). */
export function generatedCoverSvg(item: Pick<MediaItem, 'id' | 'title' | 'kind'>): string {
  const { palette, shape, initial, random } = generatedDesign(item);
  const gradient = `g${seedOf(item.id).toString(16)}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">` +
    `<defs><radialGradient id="${gradient}" cx="30%" cy="25%" r="90%">` +
    `<stop offset="0" stop-color="${palette.glow}"/><stop offset="1" stop-color="${palette.sky}"/>` +
    `</radialGradient></defs>` +
    `<rect width="100" height="100" fill="url(#${gradient})"/>` +
    shapeMarkup(shape, palette.shape, random) +
    `<circle cx="50" cy="48" r="24" fill="#ffffff" opacity="0.85"/>` +
    `<text x="50" y="49" text-anchor="middle" dominant-baseline="central" font-family="system-ui, sans-serif" font-size="30" font-weight="700" fill="${palette.ink}">${escapeXml(initial)}</text>` +
    `</svg>`
  );
}

/** The generated picture as an image URL (data:, so it needs no network and no storage). */
export function generatedCoverUrl(item: Pick<MediaItem, 'id' | 'title' | 'kind'>): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(generatedCoverSvg(item))}`;
}

/** The card's picture: the tags' cover from Hearth's server, else the generated one. */
export function coverPicture(item: MediaItem): { src: string; fromTags: boolean } {
  return item.coverUrl ? { src: item.coverUrl, fromTags: true } : { src: generatedCoverUrl(item), fromTags: false };
}
