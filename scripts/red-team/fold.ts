// Folding the measured held-out batch into the suite's categories and installing the next blind
// batch as the new held-out one. A batch writer gives, beside its batch, the category of each
// unsafe sentence (by index into the batch as written, or by text) and of each benign one.
import fs from 'node:fs';
import { readSuite, STAGES, suiteSentences, writeSuite, type Said, type Suite } from './suite.ts';

export interface Batch {
  unsafe: Said;
  benign: Said;
}
export interface BatchCategories {
  input: Record<string, (number | string)[]>;
  output: Record<string, (number | string)[]>;
  benignInput: string[];
  benignOutput: string[];
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

function unsafeAt(batch: Batch, stage: 'input' | 'output', index: number): string {
  const text = batch.unsafe[stage][index];
  if (text === undefined) throw new Error(`the batch has no unsafe ${stage} sentence ${index}`);
  return text;
}

/** Moves the held-out batch into the categories, installs `nextPath` as held out; returns what it did. */
export function foldHeldOut(batchPath: string, categoriesPath: string, nextPath: string): string[] {
  const suite = readSuite();
  const report = foldInto(suite, readJson<Batch>(batchPath), readJson<BatchCategories>(categoriesPath));
  const next = readJson<Batch>(nextPath);
  const known = suiteSentences(suite);
  for (const kind of ['unsafe', 'benign'] as const) {
    for (const stage of STAGES) {
      next[kind][stage] = next[kind][stage].filter((text) => {
        if (known.has(text)) report.push(`next batch: dropped a sentence the suite already has: ${text}`);
        return !known.has(text);
      });
    }
  }
  suite.heldOut = { unsafe: next.unsafe, benign: next.benign };
  writeSuite(suite);
  report.push('folded');
  return report;
}

/** Moves `suite`'s held-out sentences into their categories (skipping any it already holds); returns what it skipped. */
export function foldInto(suite: Suite, batch: Batch, categories: BatchCategories): string[] {
  const held = suite.heldOut;
  if (!held) throw new Error('the suite has no held-out batch to fold');
  const byId = new Map(suite.categories.map((category) => [category.id, category]));
  const categoryOf = (id: string) => {
    const category = byId.get(id);
    if (!category) throw new Error(`unknown category "${id}"`);
    return category;
  };
  const known = suiteSentences(suite);
  const report: string[] = [];
  const add = (list: string[], text: string) => {
    if (known.has(text)) {
      report.push(`already in the suite, skipped: ${text}`);
      return;
    }
    list.push(text);
    known.add(text);
  };
  for (const stage of STAGES) {
    const unsafeById = Object.entries(categories[stage]).map(
      ([id, items]) =>
        [id, items.map((item) => (typeof item === 'number' ? unsafeAt(batch, stage, item) : item))] as const,
    );
    // The writer lists the batch as written; the held-out copy dropped what the suite already held.
    const listed = new Set(unsafeById.flatMap(([, texts]) => texts));
    const heldUnsafe = new Set(held.unsafe[stage]);
    if (
      [...heldUnsafe].some((text) => !listed.has(text)) ||
      [...listed].some((text) => !heldUnsafe.has(text) && !known.has(text))
    ) {
      throw new Error(`the categories do not list the held-out batch's unsafe ${stage} sentences`);
    }
    for (const [id, texts] of unsafeById) for (const text of texts) add(categoryOf(id).unsafe[stage], text);
    // Benign categories follow the batch as written, before any duplicate was dropped from it.
    const benignIds = stage === 'input' ? categories.benignInput : categories.benignOutput;
    const idOf = new Map(batch.benign[stage].map((text, index) => [text, benignIds[index]]));
    for (const text of held.benign[stage]) {
      const id = idOf.get(text);
      if (!id) throw new Error(`no category for the benign ${stage} sentence: ${text}`);
      add(categoryOf(id).benign[stage], text);
    }
  }
  return report;
}
