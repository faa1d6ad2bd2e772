// The HTTP suite's globalSetup. Each test file starts its own server process (support/server.ts)
// on its own in-memory embedded database, loaded from the run's one seeded snapshot (ADR 010), so
// here: the snapshot, and the web app's build unless the caller built it already
// (scripts/test-all.mjs builds once for the http and browser suites and sets BAKEN_WEB_BUILT=1).
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { seededTemplatesGlobalSetup } from '../../packages/db/test/support/seeded-template.ts'

function buildWeb(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--yes', 'pnpm@10.34.8', '--filter', '@baken/web', 'build'], { cwd: root, stdio: 'inherit' })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`web build failed (exit code ${code})`))))
  })
}

export default async function setup() {
  const build = process.env.BAKEN_WEB_BUILT === '1' ? Promise.resolve() : buildWeb()
  // Only PGlite: the one server-backed HTTP file (postgres-server.test.ts) tests the real start
  // that migrates and seeds an empty server database.
  const [templates, built] = await Promise.allSettled([seededTemplatesGlobalSetup({ postgres: false }), build])
  if (built.status === 'rejected') {
    if (templates.status === 'fulfilled') await templates.value()
    throw built.reason
  }
  if (templates.status === 'rejected') throw templates.reason
  return templates.value
}
