// How much the learned check adds on phrasing it has never seen: for each blind batch in
// tests/fixtures/safety/blind-batches.json, a model trained without that batch and the ones after it
// (the held-out batch is never trained on) scores the batch, beside the verdicts the rules gave it blind.
import fs from 'node:fs';
import path from 'node:path';
import { safetyClassifier } from '../../src/core/safety/classifier/safety-classifier.ts';
import { normalizeForSafety } from '../../src/core/safety/sentence-text.ts';
import { readSuite, STAGES, type Said } from './suite.ts';
import { measuringStories, trainingExamples, trainSafetyModel } from './train-classifier.ts';

interface BlindBatch {
  batch: number;
  unsafe: Said;
  benign: Said;
  rulesBlocked: { unsafe: Record<keyof Said, boolean[]>; benign: Record<keyof Said, boolean[]> };
}

const BLIND_PATH = path.resolve(import.meta.dirname, '../../tests/fixtures/safety/blind-batches.json');
const THRESHOLDS = [0.7, 0.8, 0.85, 0.9, 0.95];

export function classifierEval(): void {
  const suite = readSuite();
  const { batches } = JSON.parse(fs.readFileSync(BLIND_PATH, 'utf8')) as { batches: BlindBatch[] };
  // Per threshold: unsafe caught and benign blocked, by the check alone and with the rules.
  const tally = THRESHOLDS.map(() => ({ alone: [0, 0], union: [0, 0], stories: 0 }));
  const totals = { unsafe: 0, benign: 0, rulesUnsafe: 0, rulesBenign: 0, stories: 0 };
  for (const batch of batches) {
    const leaveOut = new Set<string>();
    for (const later of batches.filter(({ batch: n }) => n >= batch.batch))
      for (const kind of ['unsafe', 'benign'] as const)
        for (const stage of STAGES) later[kind][stage].forEach((text) => leaveOut.add(text));
    const classifier = safetyClassifier(trainSafetyModel(trainingExamples(suite, leaveOut)));
    for (const kind of ['unsafe', 'benign'] as const) {
      for (const stage of STAGES) {
        batch[kind][stage].forEach((text, i) => {
          const rules = batch.rulesBlocked[kind][stage][i] === true;
          const score = classifier.score(normalizeForSafety(text), stage);
          totals[kind] += 1;
          if (rules) totals[kind === 'unsafe' ? 'rulesUnsafe' : 'rulesBenign'] += 1;
          THRESHOLDS.forEach((threshold, t) => {
            const slot = kind === 'unsafe' ? 0 : 1;
            if (score >= threshold) tally[t]!.alone[slot]! += 1;
            if (rules || score >= threshold) tally[t]!.union[slot]! += 1;
          });
        });
      }
    }
    if (batch === batches.at(-1)) {
      const stories = measuringStories();
      THRESHOLDS.forEach((threshold, t) => {
        tally[t]!.stories = stories.filter(
          (text) => classifier.score(normalizeForSafety(text), 'output') >= threshold,
        ).length;
      });
      totals.stories = stories.length;
    }
    console.error(`batch ${batch.batch} scored`);
  }
  const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / of).toFixed(1)}%)`;
  console.log(
    `rules alone (blind): caught ${pct(totals.rulesUnsafe, totals.unsafe)}, benign blocked ${pct(totals.rulesBenign, totals.benign)}`,
  );
  THRESHOLDS.forEach((threshold, t) => {
    const { alone, union, stories } = tally[t]!;
    console.log(
      `threshold ${threshold}: learned check alone caught ${pct(alone[0]!, totals.unsafe)}, benign ${pct(alone[1]!, totals.benign)}; with the rules caught ${pct(union[0]!, totals.unsafe)}, benign blocked ${pct(union[1]!, totals.benign)}; story sentences flagged ${pct(stories, totals.stories)}`,
    );
  });
}
