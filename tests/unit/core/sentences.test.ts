import { describe, expect, it } from 'vitest';
import { SentenceSegmenter, splitSentences } from '../../../src/core/index.ts';

/** Streams `text` in `size`-character deltas; returns [sentences, delta index each came out at]. */
function stream(text: string, size = 1): { sentences: string[]; rest: string | null } {
  const segmenter = new SentenceSegmenter();
  const sentences: string[] = [];
  for (let i = 0; i < text.length; i += size) sentences.push(...segmenter.push(text.slice(i, i + size)));
  return { sentences, rest: segmenter.flush() };
}

function all(text: string, size = 1): string[] {
  const { sentences, rest } = stream(text, size);
  return rest ? [...sentences, rest] : sentences;
}

describe('SentenceSegmenter', () => {
  it('splits on . ! ? and keeps the marks', () => {
    expect(all('Hello there! How are you? I am fine. Good.')).toEqual([
      'Hello there!',
      'How are you?',
      'I am fine.',
      'Good.',
    ]);
  });

  it('gives the same result for any delta size', () => {
    const text = 'Dr. Smith arrived at 3.14 p.m. today. "Wow!" she said. Then... silence. The end';
    const expected = all(text, 1);
    for (const size of [2, 3, 5, 8, 13, 1000]) expect(all(text, size)).toEqual(expected);
    expect(expected).toEqual([
      'Dr. Smith arrived at 3.14 p.m. today.',
      '"Wow!" she said.',
      'Then... silence.',
      'The end',
    ]);
  });

  it('emits a sentence as soon as the next word shows the boundary is real', () => {
    const segmenter = new SentenceSegmenter();
    expect(segmenter.push('Hello there.')).toEqual([]);
    expect(segmenter.push(' ')).toEqual([]);
    expect(segmenter.push('How')).toEqual(['Hello there.']);
    expect(segmenter.flush()).toBe('How');
  });

  it('emits on a newline straight away', () => {
    const segmenter = new SentenceSegmenter();
    expect(segmenter.push('First line\n')).toEqual(['First line']);
    expect(segmenter.push('\n\nSecond')).toEqual([]);
    expect(segmenter.flush()).toBe('Second');
  });

  it.each([
    ['Mr. Brown is here.', ['Mr. Brown is here.']],
    ['Mrs. Brown and Dr. Who met.', ['Mrs. Brown and Dr. Who met.']],
    ['Fruit, e.g. Apples, is good. Yes.', ['Fruit, e.g. Apples, is good.', 'Yes.']],
    ['That is, i.e. The point, clear. Ok.', ['That is, i.e. The point, clear.', 'Ok.']],
    ['Cats, dogs, etc. and birds. Ok.', ['Cats, dogs, etc. and birds.', 'Ok.']],
    ['Cats, dogs, etc. The end.', ['Cats, dogs, etc.', 'The end.']],
  ])('is not fooled by abbreviations: %s', (text, expected) => {
    expect(all(text)).toEqual(expected);
  });

  it('keeps decimals and version numbers together', () => {
    expect(all('Pi is 3.14159 roughly. Version 1.2.3 is out.')).toEqual([
      'Pi is 3.14159 roughly.',
      'Version 1.2.3 is out.',
    ]);
  });

  it('keeps initials with the name', () => {
    expect(all('J. R. R. Tolkien wrote it. Read it.')).toEqual(['J. R. R. Tolkien wrote it.', 'Read it.']);
  });

  it('handles ellipses mid-stream', () => {
    const segmenter = new SentenceSegmenter();
    expect(segmenter.push('Well.')).toEqual([]);
    expect(segmenter.push('.')).toEqual([]);
    expect(segmenter.push('. maybe')).toEqual([]); // lowercase: the same sentence goes on
    expect(segmenter.push(' not… Then')).toEqual(['Well... maybe not…']);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(all('He said "Stop." Then he left. (It was late.) Fine!')).toEqual([
      'He said "Stop."',
      'Then he left.',
      '(It was late.)',
      'Fine!',
    ]);
  });

  it('handles runs of marks like ?! and numbered list items', () => {
    expect(all('Really?! Yes.\n1. First thing\n2. Second thing')).toEqual([
      'Really?!',
      'Yes.',
      '1. First thing',
      '2. Second thing',
    ]);
  });

  it('splits a very long clause at its last comma or semicolon so TTS can start', () => {
    const clause = 'and the little turtle walked along the sandy shore';
    const text = `${clause}, ${clause}; ${clause}, ${clause}, ${clause}`;
    const segmenter = new SentenceSegmenter();
    const out = segmenter.push(text);
    expect(out.length).toBeGreaterThan(0);
    for (const piece of out) {
      expect(piece.length).toBeLessThanOrEqual(200);
      expect(piece).toMatch(/[,;]$/);
    }
    expect([...out, segmenter.flush()].join(' ')).toBe(text);
  });

  it('splits at a space when a run has no punctuation at all', () => {
    const words = Array(120).fill('la').join(' '); // 359 chars
    const segmenter = new SentenceSegmenter({ maxChars: 100 });
    const out = segmenter.push(words);
    expect(out.every((s) => s.length <= 200)).toBe(true);
    expect([...out, segmenter.flush()].join(' ')).toBe(words);
  });

  it('flush returns null when nothing is left', () => {
    const segmenter = new SentenceSegmenter();
    segmenter.push('Done. ');
    segmenter.push('Next');
    const flushed = new SentenceSegmenter();
    expect(flushed.flush()).toBeNull();
    expect(segmenter.flush()).toBe('Next');
  });

  it('splitSentences handles a whole text', () => {
    expect(splitSentences('One. Two! Three')).toEqual(['One.', 'Two!', 'Three']);
  });
});
