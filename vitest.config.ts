import { defineConfig } from 'vitest/config'

// Three suites, run together by `pnpm test` (scripts/test-all.mjs) and the browser suite (Playwright).
export default defineConfig({
  test: {
    // Files run one at a time: each db file has its own database, each http file its own server,
    // and the machine has 2 cores.
    fileParallelism: false,
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
