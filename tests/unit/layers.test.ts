// The layer rules of DESIGN.md, enforced: dependency-cruiser runs the rules in
// .dependency-cruiser.cjs over src/ and server/ (TypeScript and Svelte files, type-only imports
// included: those of .svelte files, which dependency-cruiser never sees, are read by
// svelte-script-imports.ts). A violation fails this test unless it is one of the KNOWN exceptions
// below, each with the reason it is still there; an exception that no longer happens also fails
// the test, so the list can only shrink.
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { svelteViolations } from './svelte-script-imports.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

interface KnownExceptions {
  /** Why these imports still break the rule, and what removes them. */
  reason: string;
  rule: string;
  /** [importing file, imported file], paths from the repository root. */
  imports: [string, string][];
}

// Empty: the last screens that opened the database themselves now call src/app (issue 16). A new
// exception needs its reason written here.
const KNOWN: KnownExceptions[] = [];

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs') as {
  forbidden: NonNullable<NonNullable<ICruiseOptions['ruleSet']>['forbidden']>;
  options: ICruiseOptions;
};

/** One violation as `rule: from -> to` (a cycle is named by its first step). */
function key(rule: string, from: string, to: string): string {
  return `${rule}: ${from} -> ${to}`;
}

type Rules = NonNullable<ICruiseOptions['ruleSet']>['forbidden'];

async function violations(paths: string[], forbidden: Rules = config.forbidden): Promise<IViolation[]> {
  // Paths in rules and results are relative to the repository root.
  const result = await cruise(paths, {
    ...config.options,
    baseDir: PROJECT_ROOT,
    ruleSet: { forbidden },
    validate: true,
    outputType: 'json',
  });
  const output =
    typeof result.output === 'string'
      ? (JSON.parse(result.output) as { summary: { violations: IViolation[] } })
      : result.output;
  return output.summary.violations;
}

/** Every violation as a key: dependency-cruiser's, and the type-only imports of .svelte files. */
async function violationKeys(paths: string[], forbidden: Rules = config.forbidden): Promise<Set<string>> {
  const exclude = config.options.exclude;
  const excluded = typeof exclude === 'object' && !Array.isArray(exclude) ? exclude.path : undefined;
  const cruised = (await violations(paths, forbidden)).map((v) => key(v.rule.name, v.from, v.to));
  const inSvelte = svelteViolations(
    PROJECT_ROOT,
    paths,
    forbidden,
    typeof excluded === 'string' ? new RegExp(excluded) : undefined,
  ).map((v) => key(v.rule, v.from, v.to));
  return new Set([...cruised, ...inSvelte]);
}

/** The rules with their paths moved under `root`, a folder laid out like the repository. */
function rulesUnder(root: string): Rules {
  return config.forbidden.map((rule) =>
    JSON.parse(
      JSON.stringify(rule)
        .replaceAll('^src/', `^${root}src/`)
        .replaceAll('^server/', `^${root}server/`)
        .replaceAll('^(src|server)/', `^${root}(src|server)/`),
    ),
  ) as Rules;
}

describe('layer rules (dependency-cruiser)', () => {
  it('src/ and server/ break no layer rule beyond the known, shrinking exceptions', async () => {
    const found = await violationKeys(['src', 'server']);
    const known = new Set(KNOWN.flatMap(({ rule, imports }) => imports.map(([from, to]) => key(rule, from, to))));
    const unexpected = [...found].filter((k) => !known.has(k));
    const gone = [...known].filter((k) => !found.has(k));
    expect(
      unexpected,
      'new layer violations: import through src/core or src/app instead (see .dependency-cruiser.cjs for each rule)',
    ).toEqual([]);
    expect(
      gone,
      'these known exceptions no longer happen: delete them from KNOWN in tests/unit/layers.test.ts',
    ).toEqual([]);
  }, 240_000);

  it('every rule catches what it forbids (planted violations in tests/fixtures/layers)', async () => {
    // tests/fixtures/layers/ is laid out like the repository, with one violation of each rule;
    // it is cruised with the same rules, their paths moved under that folder.
    const root = 'tests/fixtures/layers/';
    const caught = new Set((await violations([root], rulesUnder(root))).map((v) => v.rule.name));
    expect([...caught].sort()).toEqual(config.forbidden.map((r) => r.name).sort());
  }, 240_000);

  it('a type-only import in a .svelte file counts (planted in tests/fixtures/layers/src/ui/Panel.svelte)', async () => {
    // The Svelte compiler strips it before dependency-cruiser reads the file; the script reader sees it.
    const root = 'tests/fixtures/layers/';
    const panel = `${root}src/ui/Panel.svelte`;
    const cruised = (await violations([root], rulesUnder(root))).filter((v) => v.from === panel);
    expect(cruised).toEqual([]);
    const found = [...(await violationKeys([root], rulesUnder(root)))].filter((k) => k.includes(panel));
    expect(found).toEqual([key('ui-calls-app-not-the-parts', panel, `${root}src/data/store.ts`)]);
  }, 240_000);
});
