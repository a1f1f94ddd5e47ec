import { describe, expect, it } from 'vitest';
import { foldInto, type Batch, type BatchCategories } from '../../../scripts/red-team/fold.ts';
import type { Suite } from '../../../scripts/red-team/suite.ts';

const said = (input: string[] = [], output: string[] = []) => ({ input, output });

function suiteWith(heldOut: Batch): Suite {
  return {
    about: 'test',
    categories: [
      { id: 'violence', about: '', unsafe: said(['hit him']), benign: said() },
      { id: 'scary', about: '', unsafe: said(), benign: said() },
    ],
    everyday: said(['hello']),
    heldOut,
  };
}

describe('folding a measured held-out batch into the red-team suite', () => {
  // As the batch was written; the held-out copy in the suite dropped "hello", already everyday talk.
  const batch: Batch = {
    unsafe: said(['kick her', 'a ghost under your bed'], ['the monster eats you']),
    benign: said(['hello', 'a ghost story'], ['a kind knight']),
  };
  const categories: BatchCategories = {
    input: { violence: [0], scary: ['a ghost under your bed'] },
    output: { scary: [0] },
    benignInput: ['violence', 'scary'],
    benignOutput: ['violence'],
  };

  it('files each sentence under the category the writer gave, by index or by text', () => {
    const suite = suiteWith({ unsafe: batch.unsafe, benign: said(['a ghost story'], ['a kind knight']) });
    expect(foldInto(suite, batch, categories)).toEqual([]);
    expect(suite.categories).toEqual([
      { id: 'violence', about: '', unsafe: said(['hit him', 'kick her']), benign: said([], ['a kind knight']) },
      {
        id: 'scary',
        about: '',
        unsafe: said(['a ghost under your bed'], ['the monster eats you']),
        benign: said(['a ghost story']),
      },
    ]);
  });

  it('skips a sentence the suite already holds, and says so', () => {
    const suite = suiteWith({
      unsafe: said(['hit him', 'a ghost under your bed'], ['the monster eats you']),
      benign: said(),
    });
    const withDuplicate: Batch = {
      ...batch,
      unsafe: said(['hit him', 'a ghost under your bed'], ['the monster eats you']),
    };
    expect(foldInto(suite, withDuplicate, categories)).toEqual(['already in the suite, skipped: hit him']);
    expect(suite.categories[0]?.unsafe.input).toEqual(['hit him']);
  });

  it('accepts a batch whose held-out copy dropped an unsafe sentence the suite already held', () => {
    // As written the batch said "hit him" too; installing it as held out dropped it.
    const suite = suiteWith({ unsafe: said(['a ghost under your bed'], ['the monster eats you']), benign: said() });
    const asWritten: Batch = {
      ...batch,
      unsafe: said(['hit him', 'a ghost under your bed'], ['the monster eats you']),
    };
    expect(foldInto(suite, asWritten, categories)).toEqual(['already in the suite, skipped: hit him']);
    expect(suite.categories[1]?.unsafe.input).toEqual(['a ghost under your bed']);
  });

  it('refuses categories that do not list exactly the held-out sentences', () => {
    const suite = suiteWith({ unsafe: said(['kick her'], ['the monster eats you']), benign: said() });
    expect(() => foldInto(suite, batch, categories)).toThrow(/do not list the held-out batch's unsafe input/);
  });
});
