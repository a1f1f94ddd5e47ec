// The learned check: a logistic regression over hashed sentence features, trained on the red-team
// suite's unsafe and benign sentences (never on the held-out batch) by
// `npm run red-team -- train`. It catches phrasing no rule was written for; what it flags is
// borderline (a second-opinion model may clear it, and without one it is blocked), so it adds a net
// under the rules and never overrules them.

import type { SafetyStage } from '../rules/safety-rule.ts';
import { FEATURE_BUCKETS, sentenceFeatures, weightedFeatures, WORDS } from './sentence-features.ts';

/** The trained model as stored: quantized weights and idf, base64. */
export interface StoredSafetyModel {
  buckets: number;
  bias: number;
  /** int8 weight per bucket, times weightScale. */
  weights: string;
  weightScale: number;
  /** uint8 per bucket: idf = 1 + value * idfScale. */
  idf: string;
  idfScale: number;
  /** Flag a sentence at or above this probability of being unsafe... */
  threshold: number;
  /** ...and of at least this many words: a short line ("Tell me more.") holds too little to go on. */
  minWords: number;
  /** What it was trained on, for the record. */
  trainedOn: { unsafe: number; benign: number };
}

export interface SafetyClassifier {
  /** Probability that `sentence` (normalized for safety) is unsafe. */
  score(sentence: string, stage: SafetyStage): number;
  /** Whether `sentence` has the words the check needs to judge it at all. */
  longEnough(sentence: string): boolean;
  /** Whether the check flags `sentence` (normalized for safety): long enough, and scored over the threshold. */
  flags(sentence: string, stage: SafetyStage): boolean;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function safetyClassifier(model: StoredSafetyModel): SafetyClassifier {
  if (model.buckets !== FEATURE_BUCKETS) {
    throw new Error(`the safety model has ${model.buckets} buckets; the features have ${FEATURE_BUCKETS}`);
  }
  const weights = new Int8Array(bytesOf(model.weights).buffer);
  const idfBytes = bytesOf(model.idf);
  const idf = new Float32Array(idfBytes.length);
  for (let i = 0; i < idfBytes.length; i++) idf[i] = 1 + idfBytes[i]! * model.idfScale;
  const score = (sentence: string, stage: SafetyStage): number => {
    let logit = model.bias;
    for (const [bucket, value] of weightedFeatures(sentenceFeatures(sentence, stage), idf)) {
      logit += value * (weights[bucket] ?? 0) * model.weightScale;
    }
    return 1 / (1 + Math.exp(-logit));
  };
  const longEnough = (sentence: string): boolean => (sentence.match(WORDS) ?? []).length >= model.minWords;
  return {
    score,
    longEnough,
    flags: (sentence, stage) => longEnough(sentence) && score(sentence, stage) >= model.threshold,
  };
}
