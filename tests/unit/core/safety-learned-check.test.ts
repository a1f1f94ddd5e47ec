import { describe, expect, it } from 'vitest';
import { findUnsafe } from '../../../src/core/safety/child-safe-filter.ts';
import { learnedCheck } from '../../../src/core/safety/classifier/learned-check.ts';
import { SAFETY_MODEL } from '../../../src/core/safety/classifier/safety-model.ts';
import { FEATURE_BUCKETS, sentenceFeatures } from '../../../src/core/safety/classifier/sentence-features.ts';
import { normalizeForSafety } from '../../../src/core/safety/sentence-text.ts';
import type { SafetyJudge } from '../../../src/core/safety/safety-judge.ts';
import { readSuite } from '../../../scripts/red-team/suite.ts';
import { childGuardWith } from './child-guard.ts';
import { trainingExamples } from '../../../scripts/red-team/train-classifier.ts';

// No rule matches it (checked below); the learned check reads a stranger's lure in it.
const LURE = 'the man in the blue van keeps waving at me and says he has puppies for me to see if i come on my own';

/** A judge with a fixed answer that records what it was asked about. */
function fixedJudge(verdict: 'safe' | 'unsafe', asked: string[]): SafetyJudge {
  return {
    judge: (sentence, _stage, suspected) => {
      asked.push(`${suspected}: ${sentence}`);
      return Promise.resolve(verdict);
    },
  };
}

describe('the learned check', () => {
  it('hashes the same sentence to the same buckets, within the model, and tells who said it', () => {
    const input = sentenceFeatures('come to the park on your own', 'input');
    expect(sentenceFeatures('come to the park on your own', 'input')).toEqual(input);
    expect([...input.keys()].every((bucket) => bucket >= 0 && bucket < FEATURE_BUCKETS)).toBe(true);
    expect(sentenceFeatures('come to the park on your own', 'output')).not.toEqual(input);
  });

  it('was trained on the suite as it stands (retrain with `npm run red-team -- train` after a fold)', () => {
    const examples = trainingExamples(readSuite());
    expect(SAFETY_MODEL.trainedOn).toEqual({
      unsafe: examples.filter(({ unsafe }) => unsafe).length,
      benign: examples.filter(({ unsafe }) => !unsafe).length,
    });
  });

  it('after quantizing to a byte a weight, flags most of the unsafe sentences it learned from and almost none of the benign ones', () => {
    const learned = learnedCheck();
    const examples = trainingExamples(readSuite());
    const flagged = (unsafe: boolean) =>
      examples.filter(
        (example) => example.unsafe === unsafe && learned.flags(normalizeForSafety(example.text), example.stage),
      ).length / examples.filter((example) => example.unsafe === unsafe).length;
    expect(flagged(true)).toBeGreaterThan(0.7);
    expect(flagged(false)).toBeLessThan(0.005);
  });

  it('never flags a line under six words, whatever it scores ("Tell me more.", "Come and see.")', () => {
    const learned = learnedCheck();
    for (const line of ['tell me more.', 'come and see.', 'i want more.', 'and one more.', 'let me see.']) {
      expect(learned.flags(line, 'input')).toBe(false);
      expect(learned.flags(line, 'output')).toBe(false);
    }
  });

  it('flags a sentence no rule matches as a borderline hit of its own', () => {
    const learned = learnedCheck();
    expect(findUnsafe(LURE, 'input')).toBeNull();
    expect(findUnsafe(LURE, 'input', learned)).toEqual({
      category: 'flagged',
      match: normalizeForSafety(LURE),
      borderline: true,
    });
    expect(findUnsafe('my nan took me to the park and we fed the ducks', 'input', learned)).toBeNull();
  });

  it('in the guard: blocked without a second opinion, cleared by a judge that says safe, and never asked about a sure rule', async () => {
    const blocked = await childGuardWith(null).checkInput(LURE);
    expect(blocked).toMatchObject({ allowed: false, reason: 'flagged' });
    const asked: string[] = [];
    expect(await childGuardWith(fixedJudge('safe', asked)).checkInput(LURE)).toEqual({ allowed: true });
    expect(asked).toEqual([`flagged: ${LURE}`]);
    expect(
      await childGuardWith(fixedJudge('safe', asked)).checkOutput('Put a plastic bag over your head.'),
    ).toMatchObject({
      allowed: false,
    });
    expect(asked).toHaveLength(1);
  });
});
