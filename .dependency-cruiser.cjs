// Hearth's layer rules (../shared/DESIGN.md, "Dependency rules"), checked by dependency-cruiser.
// tests/unit/layers.test.ts runs them on every `npm test` and lists, with a reason each, the few
// violations still known (they may only go away); `npx depcruise src server` prints them all.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core runs unchanged in the browser and in Node: it imports only src/core (no other layer, no Node built-in) and the few pure npm packages listed here, which use neither DOM nor Node APIs (full-text search and word stems).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^node_modules/(minisearch|stemmer)/'] },
    },
    {
      name: 'browser-parts-import-core-only',
      comment:
        'src/engines, src/audio, src/data, src/pwa and src/models-cache build on src/core only: never on each other, src/app or src/ui.',
      severity: 'error',
      from: { path: '^src/(engines|audio|data|pwa|models-cache)/' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/$1/'] },
    },
    {
      name: 'app-is-imported-by-ui-and-main-only',
      comment: 'src/app composes the browser side; only src/ui and src/main.ts use it (no upward imports).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/ui/', '^src/main[.]ts$'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'app-composes-the-browser-parts',
      comment:
        'src/app wires src/core, src/engines, src/audio, src/data, src/models-cache and src/pwa into the running companion; it never imports src/ui (the UI calls it, not the other way round).',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/', pathNot: '^src/(app|core|engines|audio|data|models-cache|pwa)/' },
    },
    {
      name: 'ui-is-imported-by-main-only',
      comment: 'src/ui renders; nothing below it imports it (no upward imports).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/ui/', '^src/main[.]ts$'] },
      to: { path: '^src/ui/' },
    },
    {
      name: 'ui-calls-app-not-the-parts',
      comment:
        'src/ui renders state and calls src/app (and pure src/core helpers); the engines, audio, data and storage parts are wired in src/app.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(engines|audio|data|pwa|models-cache)/' },
    },
    {
      name: 'browser-never-imports-server',
      comment: 'What both homes need lives in src/core.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-imports-only-core-of-src',
      comment:
        'The server uses src/core, never the browser-only src/engines, src/audio, src/data, src/ui, src/app, src/pwa or src/models-cache.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'no-circular',
      comment:
        'No run-time import cycles between files (a cycle closed only by an `import type` is harmless and allowed).',
      severity: 'error',
      from: { path: '^(src|server)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a layer that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/|^src/.*[.]test[.]ts$' },
  },
};
