/**
 * Mutation testing of the pure rules: `npm run test:mutation` (see docs/mutation-testing.md).
 * Stryker copies the project to a sandbox under .stryker-tmp, mutates the rule files there and
 * runs the rule tests once per mutant: Node runs the .ts sources directly (type stripping), so
 * there is no build, no type checker and no per-test coverage (the command runner has none).
 */

/** The pure rule files: no I/O, no clock, decided by the tests below in a few seconds. */
const rules = [
  'src/inventory/decide.ts',
  'src/orders/decide.ts',
  'src/presale/rules.ts',
  'src/promising/allocate.ts',
  'src/promising/compensation.ts',
  'src/purchasing/decide.ts',
]

/**
 * The rule tests, in one process (no per-file process to start for each mutant): every pure
 * `*-rules*` file, the allocation properties, and the pure halves of two files whose other half
 * runs the app on both stores (those suites, named "(sqlite)"/"(postgres)", are skipped).
 */
const command = [
  'node --test --test-isolation=none --test-reporter=dot',
  "--test-skip-pattern='\\((sqlite|postgres)\\)'",
  "'test/*-rules*.test.ts' test/promising-allocate.test.ts test/orders-lifecycle.test.ts test/promising-compensation.test.ts",
].join(' ')

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: rules,
  testRunner: 'command',
  commandRunner: { command },
  checkers: [],
  coverageAnalysis: 'off',
  concurrency: 2,
  // Inside the repository (and in .gitignore): the sandbox resolves node_modules by walking up to
  // the project's own, which may itself be a symlink; Stryker's symlinking does not follow one.
  tempDirName: '.stryker-tmp',
  symlinkNodeModules: false,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  // The machine is shared: a slow run is not a killed mutant. Only loops a mutant makes endless time out.
  timeoutMS: 10000,
  // Every rule file scores 94 % or more (docs/mutation-testing.md): a run below 90 % fails.
  thresholds: { high: 95, low: 90, break: 90 },
}
