import { defineConfig } from 'vitest/config'

// Three suites, run together by `pnpm test` (scripts/test-all.mjs) and the browser suite (Playwright).
export default defineConfig({
  test: {
    // Files run side by side: each db file has its own copy of the seeded database and each http
    // file its own server on its own copy (ADR 010), so no two files share state. Two workers for
    // the 2-core CI machine; BAKEN_TEST_WORKERS overrides (1 runs the files one at a time).
    maxWorkers: Number(process.env.BAKEN_TEST_WORKERS || 2),
    minWorkers: 1,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.unit.test.ts', 'apps/web/test/**/*.unit.test.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['packages/*/test/**/*.db.test.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          // Migrates and seeds once: the PGlite snapshot and the Postgres template the files copy.
          globalSetup: ['packages/db/test/support/global-setup.ts'],
          // A worker keeps its loaded modules (and PGlite's compiled WebAssembly) from one file to
          // the next: each file still opens databases of its own, and none mocks a module.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'http',
          include: ['tests/http/**/*.test.ts'],
          setupFiles: ['tests/setup/fail-on-console-error.ts'],
          globalSetup: ['tests/http/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
