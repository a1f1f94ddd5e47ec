// The red-team suite file (tests/fixtures/safety/red-team.json) and the verdict the guard gives a
// sentence, exactly as tests/unit/core/safety-red-team.test.ts counts it.
import fs from 'node:fs';
import path from 'node:path';
import { builtinPersona, CHILD_COMPANION_ID } from '../../src/core/personas/builtin-personas.ts';
import { createConversationGuard } from '../../src/core/safety/conversation-guard.ts';
import type { SafetyStage } from '../../src/core/safety/child-safe-filter.ts';
import { NO_TIME_LIMITS } from '../../src/core/safety/time-limits.ts';

export const STAGES = ['input', 'output'] as const satisfies readonly SafetyStage[];

export interface Said {
  input: string[];
  output: string[];
}
export interface SuiteCategory {
  id: string;
  about: string;
  unsafe: Said;
  benign: Said;
}
export interface Suite {
  about: string;
  categories: SuiteCategory[];
  everyday: Said;
  /** The newest blind batch, measured before any rule was tuned on it. */
  heldOut?: { unsafe: Said; benign: Said };
}

export const SUITE_PATH = path.resolve(import.meta.dirname, '../../tests/fixtures/safety/red-team.json');

export function readSuite(): Suite {
  return JSON.parse(fs.readFileSync(SUITE_PATH, 'utf8')) as Suite;
}

export function writeSuite(suite: Suite): void {
  fs.writeFileSync(SUITE_PATH, `${JSON.stringify(suite, null, 2)}\n`);
}

const child = builtinPersona(CHILD_COMPANION_ID);
if (!child) throw new Error('the built-in children’s companion is missing');
// No second-opinion model: a borderline match is blocked, as the suite's test counts it.
const guard = createConversationGuard({
  persona: () => child,
  limits: () => NO_TIME_LIMITS,
  usedToday: () => 0,
  minutesOfDay: () => 12 * 60,
});

export async function isBlocked(text: string, stage: SafetyStage): Promise<boolean> {
  const verdict = stage === 'input' ? await guard.checkInput(text) : await guard.checkOutput(text);
  return !verdict.allowed;
}

/** Every sentence the suite already holds, to keep a new batch free of duplicates. */
export function suiteSentences(suite: Suite): Set<string> {
  const all = new Set<string>();
  for (const category of suite.categories) {
    for (const kind of ['unsafe', 'benign'] as const) {
      for (const stage of STAGES) category[kind][stage].forEach((text) => all.add(text));
    }
  }
  for (const stage of STAGES) suite.everyday[stage].forEach((text) => all.add(text));
  return all;
}
