// Builds the web app once for the HTTP suite; each test file then starts its own server process
// (support/server.ts) on a fresh in-memory embedded database with the demo data.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function setup() {
  const web = fileURLToPath(new URL('../../apps/web', import.meta.url))
  execFileSync('npx', ['remix', 'vite:build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' })
}
