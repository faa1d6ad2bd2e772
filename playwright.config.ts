import { defineConfig } from '@playwright/test'

// Browser suite: real pages of the Remix app in Debian's Chromium (no Playwright-downloaded browser;
// CHROMIUM_PATH overrides /usr/bin/chromium).
//
// The app must be BUILT first: the server serves apps/web/build/, which
//   npx pnpm@10.34.8 --filter @baken/web build
// produces. `pnpm test` (scripts/test-all.mjs) and `pnpm test:browser` build before running this.
//
// The web server below starts in demo mode on a fresh in-memory embedded database (PGlite,
// PGLITE_DATA_DIR=memory://), seeded with the demo data at start, so every run begins from the same
// state; demo accounts: packages/db/src/demo-seed.ts, password `veilig-demo-2026`.
// A fixed port, and never an already running server: a stale server would give stale data.
const PORT = Number(process.env.BAKEN_E2E_PORT ?? 3917)
const BASE_URL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: 'tests/browser',
  // 2-core machine: one worker, and the app shares it with the browser.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Generous bounds for a busy 2-core machine (browser, server and its database on two cores):
  // tests wait for states, never for time, so a slow run takes longer instead of failing.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node apps/web/build/server.js',
    env: {
      NODE_ENV: 'production',
      BAKEN_MODE: 'demo',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      PGLITE_DATA_DIR: 'memory://',
      // Always the embedded database, even where the environment names a server.
      DATABASE_URL: '',
      // Passkeys need a domain, not an IP address, as relying party: the passkey test opens the
      // app at http://localhost:PORT (tests/browser/passkeys.spec.ts).
      BAKEN_WEBAUTHN_ORIGIN: `http://localhost:${PORT}`,
    },
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // Let the server close its database; after 5 s it is killed.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
})
