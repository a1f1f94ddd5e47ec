// src/core must run unchanged in the browser and in Node: it may import only its own files and
// the few pure npm packages below (no DOM or Node API in them), and must not touch DOM or Node globals.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Import specifiers: static imports/exports, dynamic import() and require(). */
function specifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    // A side-effect import starts its statement (a string 'import' inside a type is not one).
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1]!));
}

/** Source text without comments and string literals, so prose mentioning `window` is fine. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, "''");
}

const bare = (name: string) => new RegExp(`(?<![\\w.$])${name}(?![\\w$])`);

/** Bare identifiers, not properties (`.window`) or parts of longer names. */
const FORBIDDEN_GLOBALS: [string, RegExp][] = [
  ...[
    'window',
    'document',
    'navigator',
    'AudioContext',
    'AudioWorklet',
    'localStorage',
    'indexedDB',
    'fetch',
    'Worker',
    'self',
    'Buffer',
    '__dirname',
    'global',
    'globalThis',
  ].map((name): [string, RegExp] => [name, bare(name)]),
  // `process(frame)` is the Vad method; the Node global is used as `process.x`.
  ['process', /(?<![\w.$])process\s*\./],
  ['require', /(?<![\w.$])require\s*\(/],
];

/** npm packages that run unchanged in a browser, a worker and Node: full-text search and word stems. */
const PURE_PACKAGES = new Set(['minisearch', 'stemmer']);

const files = sourceFiles(CORE);

describe('src/core boundaries', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only relative files inside src/core', (_name, file) => {
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      if (PURE_PACKAGES.has(specifier)) continue;
      expect(specifier, `bare or node: import "${specifier}"`).toMatch(/^\.\.?\//);
      const target = resolve(dirname(file), specifier);
      expect(relative(CORE, target).startsWith('..'), `"${specifier}" escapes src/core`).toBe(false);
    }
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s uses no DOM or Node globals', (_name, file) => {
    const code = codeOnly(readFileSync(file, 'utf8'));
    for (const [name, pattern] of FORBIDDEN_GLOBALS) expect(code, `uses ${name}`).not.toMatch(pattern);
  });

  it('the scanner itself catches violations', () => {
    expect(specifiers(`import { x } from 'node:fs';\nimport type { Y } from '../../server/y.ts';`)).toEqual([
      'node:fs',
      '../../server/y.ts',
    ]);
    expect(specifiers(`export * from './a.ts'; const m = await import('ws');`)).toEqual(['./a.ts', 'ws']);
    expect(codeOnly(`// window\nconst s = 'document'; window.alert(1);`)).toMatch(bare('window'));
    expect(codeOnly('const env = process.env.X;')).toMatch(FORBIDDEN_GLOBALS.find(([n]) => n === 'process')![1]);
    expect(codeOnly(`// window\nconst s = 'document';`)).not.toMatch(/window|document/);
  });
});
