// Tools for the safety red-team rounds (README → "Safety guard"): score the held-out batch, list
// every suite verdict (to diff before and after a rule change), explain which rules match a
// sentence, and fold the held-out batch into the suite when the next blind batch arrives.
//   npm run red-team -- held-out
//   npm run red-team -- verdicts > before.txt
//   npm run red-team -- check output "Throw stones at it."
//   npm run red-team -- fold <held-out batch.json> <its categories.json> <next batch.json>
//   npm run red-team -- train              (the learned check, from the suite without the held-out batch)
//   npm run red-team -- classifier-eval    (what it adds on blind batches it was not trained on)
import { CATEGORY_RULES, whatClears } from '../../src/core/safety/child-safe-filter.ts';
import { learnedCheck } from '../../src/core/safety/classifier/learned-check.ts';
import { normalizeForSafety } from '../../src/core/safety/sentence-text.ts';
import { toldOfHarm } from '../../src/core/safety/redirects.ts';
import { classifierEval } from './classifier-eval.ts';
import { foldHeldOut } from './fold.ts';
import { trainingExamples, trainSafetyModel, writeSafetyModel } from './train-classifier.ts';
import { isBlocked, readSuite, STAGES, type Said } from './suite.ts';

async function heldOut(): Promise<void> {
  const held = readSuite().heldOut;
  if (!held) throw new Error('the suite has no held-out batch');
  let caught = 0;
  let unsafe = 0;
  let wronglyBlocked = 0;
  let benign = 0;
  for (const stage of STAGES) {
    for (const text of held.unsafe[stage]) {
      unsafe++;
      if (await isBlocked(text, stage)) caught++;
      else console.log(`MISS ${stage}: ${text}`);
    }
    for (const text of held.benign[stage]) {
      benign++;
      if (!(await isBlocked(text, stage))) continue;
      wronglyBlocked++;
      console.log(`FP ${stage}: ${text}`);
    }
  }
  console.log(`held-out caught ${caught}/${unsafe}, benign blocked ${wronglyBlocked}/${benign}`);
}

async function verdicts(): Promise<void> {
  const suite = readSuite();
  const sections: [string, Said][] = suite.categories.flatMap((c): [string, Said][] => [
    [`${c.id}.unsafe`, c.unsafe],
    [`${c.id}.benign`, c.benign],
  ]);
  sections.push(['everyday', suite.everyday]);
  if (suite.heldOut) sections.push(['heldout.unsafe', suite.heldOut.unsafe], ['heldout.benign', suite.heldOut.benign]);
  for (const [section, said] of sections) {
    for (const stage of STAGES) {
      for (const text of said[stage])
        console.log(`${section} ${stage} ${(await isBlocked(text, stage)) ? 'B' : 'P'} ${text}`);
    }
  }
}

/** The normal form and every rule whose pattern matches, with what clears it. */
function check(stage: string | undefined, texts: string[]): void {
  if (stage !== 'input' && stage !== 'output')
    throw new Error('check: give the stage, input or output, then the sentences');
  const learned = learnedCheck();
  for (const text of texts) {
    const sentence = normalizeForSafety(text);
    console.log(`normal form: ${sentence}`);
    const score = learned.score(sentence, stage);
    console.log(`  learned check: ${score.toFixed(3)} (${learned.flags(sentence, stage) ? 'flags' : 'passes'})`);
    for (const { category, rules, unless } of CATEGORY_RULES) {
      rules.forEach((rule, index) => {
        if (rule.stage && rule.stage !== stage) return;
        const match = rule.pattern.exec(sentence);
        if (!match) return;
        const cleared = whatClears(rule, unless, sentence, match.index);
        const kind = rule.borderline ? ' (borderline)' : '';
        const verdict = cleared ? `cleared: ${cleared}` : 'blocks';
        console.log(`  ${category}[${index}]${kind} "${match[0]}" ${verdict}`);
        if (!cleared && stage === 'input' && toldOfHarm(category, text)) {
          console.log('    answered as a child telling of harm done to them');
        }
      });
    }
  }
}

/** Retrains the learned check on the suite as it stands and writes its model. */
function train(): void {
  const model = trainSafetyModel(trainingExamples(readSuite()));
  writeSafetyModel(model);
  console.log(
    `learned check trained on ${model.trainedOn.unsafe} unsafe and ${model.trainedOn.benign} benign sentences`,
  );
}

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'held-out':
    await heldOut();
    break;
  case 'verdicts':
    await verdicts();
    break;
  case 'check':
    check(args[0], args.slice(1));
    break;
  case 'train':
    train();
    break;
  case 'classifier-eval':
    classifierEval();
    break;
  case 'fold': {
    const [batchPath, categoriesPath, nextPath] = args;
    if (!batchPath || !categoriesPath || !nextPath) {
      throw new Error('fold: give the held-out batch as written, its categories and the next batch');
    }
    foldHeldOut(batchPath, categoriesPath, nextPath).forEach((line) => console.log(line));
    // The folded batch is now training data; the new held-out batch never is.
    train();
    break;
  }
  default:
    console.log(
      'usage: npm run red-team -- held-out | verdicts | check <input|output> <sentence>... | fold <batch.json> <categories.json> <next.json> | train | classifier-eval',
    );
    process.exitCode = command ? 1 : 0;
}
