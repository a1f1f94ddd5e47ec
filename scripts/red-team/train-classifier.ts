// Training the guard's learned check (src/core/safety/classifier/): a logistic regression over the
// hashed sentence features, fitted by full-batch Adam (deterministic: the same suite gives the same
// model), classes weighted to balance, L2-regularized; then quantized to one byte per weight and idf.
import fs from 'node:fs';
import path from 'node:path';
import type { StoredSafetyModel } from '../../src/core/safety/classifier/safety-classifier.ts';
import {
  FEATURE_BUCKETS,
  sentenceFeatures,
  weightedFeatures,
} from '../../src/core/safety/classifier/sentence-features.ts';
import type { SafetyStage } from '../../src/core/safety/rules/safety-rule.ts';
import { normalizeForSafety } from '../../src/core/safety/sentence-text.ts';
import { STAGES, type Suite } from './suite.ts';

export const MODEL_PATH = path.resolve(import.meta.dirname, '../../src/core/safety/classifier/safety-model.ts');
/**
 * Chosen with classifier-eval: on the blind batches no false positive beyond the rules' own, and on
 * the ordinary talk held back from training one line in 300 (0.85 flags a companion question);
 * lines under six words ("Tell me more.", "Come and see.") are never flagged, as they scored high
 * on too little.
 */
export const THRESHOLD = 0.9;
const MIN_WORDS = 6;
/**
 * L2 strength (larger is weaker). Leave-later-out over blind batches 126-139 at 0.9: C 8 caught 89.6%
 * with the rules, 16 90.7% with the same false positives, 32 91.3% but flagged a second ordinary line.
 */
const REGULARIZATION_C = 16;
const STEPS = 400;
const LEARNING_RATE = 0.05;

export interface Example {
  text: string;
  stage: SafetyStage;
  unsafe: boolean;
}

/**
 * What the learned check trains on: the suite's sentences (every category's unsafe and benign ones
 * and everyday talk, never the held-out batch), and half the test model's story sentences and half
 * the ordinary talk as lines that must pass; `leaveOut` drops sentences (classifier-eval leaves out
 * the batches it measures).
 */
export function trainingExamples(suite: Suite, leaveOut: ReadonlySet<string> = new Set()): Example[] {
  const examples: Example[] = [];
  const push = (text: string, stage: SafetyStage, unsafe: boolean) => {
    if (!leaveOut.has(text)) examples.push({ text, stage, unsafe });
  };
  for (const category of suite.categories) {
    for (const stage of STAGES) {
      category.unsafe[stage].forEach((text) => push(text, stage, true));
      category.benign[stage].forEach((text) => push(text, stage, false));
    }
  }
  for (const stage of STAGES) suite.everyday[stage].forEach((text) => push(text, stage, false));
  trainingStories().forEach((text) => push(text, 'output', false));
  for (const stage of STAGES) ordinaryTalk(stage, 0).forEach((text) => push(text, stage, false));
  return examples;
}

export const ORDINARY_TALK_PATH = path.resolve(import.meta.dirname, '../../tests/fixtures/safety/ordinary-talk.json');

/** Ordinary child and companion lines: `half` 0 (even-numbered) trains the check, 1 measures it. */
export function ordinaryTalk(stage: SafetyStage, half: 0 | 1): string[] {
  const talk = JSON.parse(fs.readFileSync(ORDINARY_TALK_PATH, 'utf8')) as Record<SafetyStage, string[]>;
  return talk[stage].filter((_, i) => i % 2 === half);
}

export const STORIES_PATH = path.resolve(import.meta.dirname, '../../tests/fixtures/safety/story-sentences.json');

/** The test model's story sentences: even-numbered ones train the check, odd-numbered ones measure it. */
function storySentences(): string[] {
  return (JSON.parse(fs.readFileSync(STORIES_PATH, 'utf8')) as { sentences: string[] }).sentences;
}
export const trainingStories = (): string[] => storySentences().filter((_, i) => i % 2 === 0);
export const measuringStories = (): string[] => storySentences().filter((_, i) => i % 2 === 1);

export function trainSafetyModel(examples: readonly Example[]): StoredSafetyModel {
  const counts = examples.map(({ text, stage }) => sentenceFeatures(normalizeForSafety(text), stage));
  const documentFrequency = new Float64Array(FEATURE_BUCKETS);
  for (const features of counts) for (const bucket of features.keys()) documentFrequency[bucket]! += 1;
  // Smoothed idf, as scikit-learn's: ln((1 + n) / (1 + df)) + 1.
  const idf = Float64Array.from(documentFrequency, (df) => Math.log((1 + counts.length) / (1 + df)) + 1);
  const rows = counts.map((features) => {
    const entries = [...weightedFeatures(features, idf)];
    return {
      buckets: Int32Array.from(entries, ([bucket]) => bucket),
      values: Float64Array.from(entries, ([, v]) => v),
    };
  });
  const labels = examples.map(({ unsafe }) => (unsafe ? 1 : 0));
  const unsafeCount = labels.reduce<number>((sum, label) => sum + label, 0);
  const classWeight = [counts.length / (2 * (counts.length - unsafeCount)), counts.length / (2 * unsafeCount)];

  const weights = new Float64Array(FEATURE_BUCKETS);
  let bias = 0;
  const moment = new Float64Array(FEATURE_BUCKETS + 1);
  const velocity = new Float64Array(FEATURE_BUCKETS + 1);
  const gradient = new Float64Array(FEATURE_BUCKETS + 1);
  for (let step = 1; step <= STEPS; step++) {
    gradient.fill(0);
    rows.forEach(({ buckets, values }, i) => {
      let logit = bias;
      for (let k = 0; k < buckets.length; k++) logit += weights[buckets[k]!]! * values[k]!;
      const label = labels[i]!;
      const error = (1 / (1 + Math.exp(-logit)) - label) * classWeight[label]!;
      for (let k = 0; k < buckets.length; k++) gradient[buckets[k]!]! += error * values[k]!;
      gradient[FEATURE_BUCKETS]! += error;
    });
    for (let j = 0; j <= FEATURE_BUCKETS; j++) {
      const g = j < FEATURE_BUCKETS ? gradient[j]! + weights[j]! / REGULARIZATION_C : gradient[j]!;
      moment[j] = 0.9 * moment[j]! + 0.1 * g;
      velocity[j] = 0.999 * velocity[j]! + 0.001 * g * g;
      const update =
        (LEARNING_RATE * (moment[j]! / (1 - 0.9 ** step))) / (Math.sqrt(velocity[j]! / (1 - 0.999 ** step)) + 1e-8);
      if (j < FEATURE_BUCKETS) weights[j]! -= update;
      else bias -= update;
    }
  }

  const weightScale = Math.max(...weights.map(Math.abs)) / 127 || 1;
  const idfMax = Math.max(...idf);
  const idfScale = (idfMax - 1) / 255 || 1;
  return {
    buckets: FEATURE_BUCKETS,
    bias,
    weights: Buffer.from(Int8Array.from(weights, (w) => Math.round(w / weightScale)).buffer).toString('base64'),
    weightScale,
    idf: Buffer.from(Uint8Array.from(idf, (value) => Math.round((value - 1) / idfScale))).toString('base64'),
    idfScale,
    threshold: THRESHOLD,
    minWords: MIN_WORDS,
    trainedOn: { unsafe: unsafeCount, benign: counts.length - unsafeCount },
  };
}

export function writeSafetyModel(model: StoredSafetyModel): void {
  fs.writeFileSync(
    MODEL_PATH,
    [
      '// Generated by `npm run red-team -- train` from tests/fixtures/safety/red-team.json; do not edit.',
      "import type { StoredSafetyModel } from './safety-classifier.ts';",
      '',
      `export const SAFETY_MODEL: StoredSafetyModel = ${JSON.stringify(model, null, 2)};`,
      '',
    ].join('\n'),
  );
}
