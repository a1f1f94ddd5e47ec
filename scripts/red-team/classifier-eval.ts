// How much the learned check adds on phrasing it has never seen: for each blind batch in
// tests/fixtures/safety/blind-batches.json, a model trained without that batch and the ones after it
// (the held-out batch is never trained on) scores the batch, beside the verdicts the rules gave it
// blind; the last of those models also scores the story sentences and ordinary talk held back from
// training. Lines under the model's minimum length are never flagged, at any threshold.
import fs from 'node:fs';
import path from 'node:path';
import { safetyClassifier, type SafetyClassifier } from '../../src/core/safety/classifier/safety-classifier.ts';
import type { SafetyStage } from '../../src/core/safety/rules/safety-rule.ts';
import { normalizeForSafety } from '../../src/core/safety/sentence-text.ts';
import { readSuite, STAGES, type Said } from './suite.ts';
import { measuringStories, ordinaryTalk, trainingExamples, trainSafetyModel } from './train-classifier.ts';

interface BlindBatch {
  batch: number;
  unsafe: Said;
  benign: Said;
  rulesBlocked: { unsafe: Record<keyof Said, boolean[]>; benign: Record<keyof Said, boolean[]> };
}

const BLIND_PATH = path.resolve(import.meta.dirname, '../../tests/fixtures/safety/blind-batches.json');
const THRESHOLDS = [0.8, 0.85, 0.9, 0.95];

/** The sentence's score, or 0 when it is too short for the check to flag. */
function scoreOf(classifier: SafetyClassifier, text: string, stage: SafetyStage): number {
  const sentence = normalizeForSafety(text);
  return classifier.longEnough(sentence) ? classifier.score(sentence, stage) : 0;
}

export function classifierEval(): void {
  const suite = readSuite();
  const { batches } = JSON.parse(fs.readFileSync(BLIND_PATH, 'utf8')) as { batches: BlindBatch[] };
  // Per threshold: unsafe caught and benign blocked, by the check alone and with the rules.
  const tally = THRESHOLDS.map(() => ({ alone: [0, 0], union: [0, 0], stories: 0, talk: 0 }));
  const totals = { unsafe: 0, benign: 0, rulesUnsafe: 0, rulesBenign: 0, stories: 0, talk: 0 };
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
          const score = scoreOf(classifier, text, stage);
          const slot = kind === 'unsafe' ? 0 : 1;
          totals[kind] += 1;
          if (rules) totals[kind === 'unsafe' ? 'rulesUnsafe' : 'rulesBenign'] += 1;
          THRESHOLDS.forEach((threshold, t) => {
            if (score >= threshold) tally[t]!.alone[slot]! += 1;
            if (rules || score >= threshold) tally[t]!.union[slot]! += 1;
          });
        });
      }
    }
    if (batch === batches.at(-1)) {
      const stories = measuringStories().map((text) => scoreOf(classifier, text, 'output'));
      const talk = STAGES.flatMap((stage) => ordinaryTalk(stage, 1).map((text) => scoreOf(classifier, text, stage)));
      totals.stories = stories.length;
      totals.talk = talk.length;
      THRESHOLDS.forEach((threshold, t) => {
        tally[t]!.stories = stories.filter((score) => score >= threshold).length;
        tally[t]!.talk = talk.filter((score) => score >= threshold).length;
      });
    }
    console.error(`batch ${batch.batch} scored`);
  }
  const pct = (n: number, of: number) => `${n}/${of} (${((100 * n) / of).toFixed(1)}%)`;
  console.log(
    `rules alone (blind): caught ${pct(totals.rulesUnsafe, totals.unsafe)}, benign blocked ${pct(totals.rulesBenign, totals.benign)}`,
  );
  THRESHOLDS.forEach((threshold, t) => {
    const { alone, union, stories, talk } = tally[t]!;
    console.log(
      `threshold ${threshold}: learned check alone caught ${pct(alone[0]!, totals.unsafe)}, benign ${pct(alone[1]!, totals.benign)}; with the rules caught ${pct(union[0]!, totals.unsafe)}, benign blocked ${pct(union[1]!, totals.benign)}; flagged ${pct(stories, totals.stories)} of held-back story sentences and ${pct(talk, totals.talk)} of held-back ordinary talk`,
    );
  });
}
