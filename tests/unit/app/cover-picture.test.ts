// The Library's generated pictures (src/app/media/cover-picture.ts): the same item always gets the
// same picture, different items look different, and the markup is well-formed SVG that needs
// nothing from the network; and what counts as new (src/app/media/whats-new.ts).
import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../src/core/media/types.ts';
import {
  coverPicture,
  generatedCoverSvg,
  generatedCoverUrl,
  generatedDesign,
  initialOf,
} from '../../../src/app/media/cover-picture.ts';
import { isNew, newItems, NEW_FOR_DAYS } from '../../../src/app/media/whats-new.ts';

function item(id: string, title: string, extra: Partial<MediaItem> = {}): MediaItem {
  return {
    id,
    title,
    kind: 'song',
    format: 'audio',
    description: '',
    tags: [],
    language: null,
    ageMin: null,
    ageMax: null,
    durationSec: 60,
    mime: 'audio/mpeg',
    url: `/media/${id}`,
    ...extra,
  };
}

/** A small XML well-formedness check: one root, every tag closed in order, attributes quoted. */
function wellFormed(xml: string): { ok: boolean; root: string | null; problem?: string } {
  const stack: string[] = [];
  let root: string | null = null;
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(xml))) {
    const [, closing, name, , selfClosing, text, stray] = match;
    if (stray) return { ok: false, root, problem: `stray < at ${match.index}` };
    if (text !== undefined) {
      if (stack.length === 0) return { ok: false, root, problem: 'text outside the root' };
      if (/&(?!#\d+;|amp;|lt;|gt;|quot;|apos;)/.test(text)) return { ok: false, root, problem: 'bare &' };
      continue;
    }
    if (closing) {
      if (stack.pop() !== name) return { ok: false, root, problem: `</${name}> closes the wrong tag` };
    } else {
      if (stack.length === 0) {
        if (root !== null) return { ok: false, root, problem: 'two roots' };
        root = name!;
      }
      if (!selfClosing) stack.push(name!);
    }
  }
  return stack.length === 0 && root ? { ok: true, root } : { ok: false, root, problem: `unclosed ${stack.join(',')}` };
}

describe('generated pictures', () => {
  const samples = [
    item('0123456789abcdef', 'Twinkle Twinkle Little Star'),
    item('fedcba9876543210', 'The Tortoise and the Hare', { kind: 'story', format: 'text' }),
    item('a1b2c3d4e5f60718', '“Élan” & <friends>'),
    item('1111222233334444', '123 counting song'),
    item('9999888877776666', '!!!', { kind: 'story' }),
  ];

  it('is the same picture every time for the same item', () => {
    for (const sample of samples) {
      expect(generatedCoverSvg(sample)).toBe(generatedCoverSvg({ ...sample }));
      expect(generatedCoverUrl(sample)).toBe(generatedCoverUrl(sample));
    }
  });

  it('differs between items (colours and shapes come from the id)', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `item-${i}-${i * 7919}`);
    const designs = ids.map((id) => generatedDesign(item(id, 'Song')));
    expect(new Set(designs.map((d) => d.palette.sky)).size).toBeGreaterThan(4);
    expect(new Set(designs.map((d) => d.shape)).size).toBeGreaterThan(3);
    expect(new Set(ids.map((id) => generatedCoverSvg(item(id, 'Song')))).size).toBe(ids.length);
  });

  it('is well-formed SVG with the first letter, and refers to nothing outside itself', () => {
    for (const sample of samples) {
      const svg = generatedCoverSvg(sample);
      const check = wellFormed(svg);
      expect(check, `${sample.title}: ${check.problem ?? ''}`).toMatchObject({ ok: true, root: 'svg' });
      expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(svg).toContain('viewBox="0 0 100 100"');
      // No links, scripts, images or fonts to fetch: only the local gradient is referenced.
      expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")|href|<script|<image|@import|url\((?!#)/);
      expect(svg).toContain(`>${initialOf(sample.title, sample.kind)}</text>`);
    }
    expect(initialOf('Twinkle', 'song')).toBe('T');
    expect(initialOf('The Fox and the Grapes', 'story')).toBe('F');
    expect(initialOf('A Moon Song', 'song')).toBe('M');
    expect(initialOf('An Ant', 'story')).toBe('A');
    expect(initialOf('Theodore', 'song')).toBe('T');
    expect(initialOf('The', 'song')).toBe('T');
    expect(initialOf('“élan”', 'song')).toBe('É');
    expect(initialOf('123 go', 'song')).toBe('1');
    expect(initialOf('!!!', 'song')).toBe('♪');
    expect(initialOf('', 'story')).toBe('★');
  });

  it('is a data: URL of that SVG, used only when the tags gave no cover', () => {
    const plain = samples[0]!;
    const url = generatedCoverUrl(plain);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(generatedCoverSvg(plain));
    expect(coverPicture(plain)).toEqual({ src: url, fromTags: false });
    const tagged = { ...plain, coverUrl: `/media/${plain.id}/cover?v=abc` };
    expect(coverPicture(tagged)).toEqual({ src: tagged.coverUrl, fromTags: true });
  });
});

describe('what is new', () => {
  const now = Date.UTC(2026, 11, 3, 9);
  const day = 24 * 60 * 60 * 1000;

  it('is what the household added in the last week, newest first; never the starter library', () => {
    const items = [
      item('a', 'Old', { addedAt: new Date(now - (NEW_FOR_DAYS + 1) * day).toISOString() }),
      item('b', 'Yesterday', { addedAt: new Date(now - day).toISOString() }),
      item('c', 'Starter', { addedAt: null }),
      item('d', 'Just now', { addedAt: new Date(now - 5000).toISOString() }),
      item('e', 'Unknown'),
      item('f', 'Garbled', { addedAt: 'not a date' }),
    ];
    expect(newItems(items, now).map((i) => i.title)).toEqual(['Just now', 'Yesterday']);
    expect(isNew({ addedAt: new Date(now - NEW_FOR_DAYS * day + 1000).toISOString() }, now)).toBe(true);
    expect(isNew({ addedAt: new Date(now + 10 * day).toISOString() }, now)).toBe(false);
  });
});
