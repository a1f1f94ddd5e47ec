// How a toy's memories and the ledger's read to a parent (src/app/memory/memories-to-read.ts): about
// the child by name (from the memories, else the toy profile's), with the words each came from and
// one date; the stored records stay as they are.
import { describe, expect, it } from 'vitest';
import { ledgerMemoriesToRead, memoriesToRead } from '../../../src/app/memory/memories-to-read.ts';

const memory = (id: string, slot: string, text: string, fromWords: string | null = null, updatedAt = 1000) => ({
  id,
  slot,
  text,
  fromWords,
  updatedAt,
  source: 'rules' as const,
  forgetAfter: null,
});

describe('memories as a parent reads them', () => {
  it('names the child from the name memory, keeps the words each came from and its date', () => {
    const stored = [
      memory('m1', 'likes:dinosaurs', 'The user loves dinosaurs.', 'I love dinosaurs!', 2000),
      memory('m2', 'name', "The user's name is Maya Rose.", 'My name is Maya Rose.'),
      memory('m3', 'pet', 'The user has a cat.'),
    ];
    const read = memoriesToRead(stored, 'Sam');
    expect(read.map((m) => m.text)).toEqual(['Maya loves dinosaurs.', 'Their name is Maya Rose.', 'Maya has a cat.']);
    expect(read.map((m) => m.fromWords)).toEqual(['I love dinosaurs!', 'My name is Maya Rose.', null]);
    expect(read.map((m) => m.at)).toEqual([2000, 1000, 1000]);
    // The record itself is untouched: the prompt, dedup and forgetting still read "The user ...".
    expect(read[0]?.memory).toBe(stored[0]);
    expect(stored[0]?.text).toBe('The user loves dinosaurs.');
  });

  it('uses the name on the toy’s profile when no memory holds one, else reads without a name', () => {
    const stored = [memory('m1', 'likes:kites', 'The user loves kites.', '  ')];
    expect(memoriesToRead(stored, ' Leo ').map((m) => [m.text, m.fromWords])).toEqual([['Leo loves kites.', null]]);
    expect(memoriesToRead(stored, '').map((m) => m.text)).toEqual(['Loves kites.']);
    expect(memoriesToRead(stored).map((m) => m.text)).toEqual(['Loves kites.']);
  });

  it('words the ledger’s exported items and leaves out what is not a memory', () => {
    const items: unknown[] = [
      { id: 'm1', slot: 'name', text: "The user's name is Maya.", source: 'rules', updatedAt: 5 },
      { id: 'm2', slot: 'likes:kites', text: 'The user loves kites.', fromWords: 'I love kites.', updatedAt: 6 },
      { id: 'x', text: 'no slot', updatedAt: 1 },
      null,
      'The user is hiding',
    ];
    expect(ledgerMemoriesToRead(items).map((m) => [m.memory.id, m.text, m.fromWords, m.at])).toEqual([
      ['m1', 'Their name is Maya.', null, 5],
      ['m2', 'Maya loves kites.', 'I love kites.', 6],
    ]);
  });
});
