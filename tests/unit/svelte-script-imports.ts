// dependency-cruiser reads a .svelte file after the Svelte 5 compiler has turned it into
// JavaScript, so every type-only import in a component is gone before the layer rules see it. This
// reads the <script> blocks of .svelte files with the TypeScript parser instead and applies the
// same forbidden rules (their path conditions) to every relative import, type-only ones included.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** A forbidden rule of .dependency-cruiser.cjs, as far as it is read here. */
export interface LayerRule {
  name?: string;
  from?: object;
  to?: object;
}

export interface SvelteViolation {
  rule: string;
  from: string;
  to: string;
}

const SCRIPT_BLOCK = /<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g;
// The path conditions handled here; a rule with any other condition must be taught first.
const PATH_CONDITIONS = new Set(['path', 'pathNot']);

/** Every .svelte file under `dirs` (paths from `root`, with forward slashes). */
export function svelteFiles(root: string, dirs: string[], exclude?: RegExp): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.svelte'))
      .map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
      .filter((file) => !exclude?.test(file)),
  );
}

/** The modules a .svelte file's scripts import by relative path, as paths from `root`. */
export function relativeImports(root: string, file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8');
  const specifiers: string[] = [];
  for (const [, script = ''] of source.matchAll(SCRIPT_BLOCK)) {
    const parsed = ts.createSourceFile(file, script, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    collectSpecifiers(parsed, specifiers);
  }
  return specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(root, path.posix.dirname(file), s));
}

function collectSpecifiers(node: ts.Node, into: string[]): void {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
    if (ts.isStringLiteral(node.moduleSpecifier)) into.push(node.moduleSpecifier.text);
  } else if (ts.isImportTypeNode(node)) {
    const argument = node.argument;
    if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) into.push(argument.literal.text);
  }
  ts.forEachChild(node, (child) => collectSpecifiers(child, into));
}

/** Our imports name the file with its extension; an index or extension-less import is tried too. */
function resolve(root: string, fromDir: string, specifier: string): string {
  const target = path.posix.normalize(path.posix.join(fromDir, specifier));
  const candidates = [target, `${target}.ts`, `${target}/index.ts`];
  return candidates.find((candidate) => existsSync(path.join(root, candidate))) ?? target;
}

/** Whether importing `to` from `from` breaks `rule` (dependency-cruiser's path semantics, $1 included). */
export function breaksRule(rule: LayerRule, from: string, to: string): boolean {
  const fromCondition = (rule.from ?? {}) as Record<string, unknown>;
  const toCondition = (rule.to ?? {}) as Record<string, unknown>;
  // A cycle is a property of the whole graph, left to dependency-cruiser.
  if ('circular' in toCondition) return false;
  for (const key of [...Object.keys(fromCondition), ...Object.keys(toCondition)]) {
    if (!PATH_CONDITIONS.has(key)) throw new Error(`rule ${rule.name}: condition '${key}' is not handled here`);
  }
  const fromPaths = patterns(fromCondition.path);
  const fromMatch = fromPaths.map((p) => new RegExp(p).exec(from)).find((m) => m !== null);
  if (fromPaths.length > 0 && !fromMatch) return false;
  if (patterns(fromCondition.pathNot).some((p) => new RegExp(p).test(from))) return false;
  // `$1` in the `to` side stands for what the `from` path's first group matched.
  const groups = fromMatch ?? [];
  const withGroups = (p: string) => p.replace(/\$(\d)/g, (_, n: string) => groups[Number(n)] ?? '');
  const toPaths = patterns(toCondition.path).map(withGroups);
  if (toPaths.length > 0 && !toPaths.some((p) => new RegExp(p).test(to))) return false;
  return !patterns(toCondition.pathNot)
    .map(withGroups)
    .some((p) => new RegExp(p).test(to));
}

function patterns(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as string[]) : [value as string];
}

/** The layer rules broken by the imports of the .svelte files under `dirs`. */
export function svelteViolations(
  root: string,
  dirs: string[],
  rules: LayerRule[],
  exclude?: RegExp,
): SvelteViolation[] {
  return svelteFiles(root, dirs, exclude).flatMap((from) =>
    relativeImports(root, from).flatMap((to) =>
      rules.filter((rule) => breaksRule(rule, from, to)).map((rule) => ({ rule: rule.name ?? '', from, to })),
    ),
  );
}
