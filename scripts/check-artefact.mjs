#!/usr/bin/env node
// Proves the production artefact the way infra/Dockerfile's runtime stage makes it, without Docker:
//   1. builds the web app (`pnpm --filter @baken/web build`: the Remix build and build/server.js);
//   2. installs @baken/web's production dependencies only into a clean temporary folder
//      (`pnpm deploy --prod`, as the Dockerfile) and copies build/ next to them;
//   3. starts it with plain `node build/server.js` (no tsx, no NODE_OPTIONS; tsx, vite, esbuild and
//      the workspace sources are not even installed there) on an in-memory demo database;
//   4. checks /healthz, a demo login (POST /login like tests/http/support/client.ts) and a PDF
//      export (argon2, PGlite, Remix and pdfkit's fonts all load from the artefact), then stops it.
// Exits 0 when all of that works, 1 with a message saying what failed.
//
// Environment: BAKEN_ARTEFACT_BUILD=0 reuses an existing apps/web/build; BAKEN_ARTEFACT_KEEP=1 keeps
// the temporary folder (its path is printed); PORT (default: a free port).
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('..', import.meta.url))
const web = path.join(repo, 'apps/web')
const pnpm = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).packageManager
const ACCOUNT = 'directeur@branding.demo'
const PASSWORD = 'veilig-demo-2026'
// Development tools and workspace sources that must not be in the production install.
const DEV_ONLY = ['tsx', 'vite', 'esbuild', '@remix-run/dev', '@baken']

const started = Date.now()
const step = (message) => console.log(`[artefact] ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
class CheckFailed extends Error {}
const fail = (message) => {
  throw new CheckFailed(message)
}

function run(args, options = {}) {
  const result = spawnSync('npx', ['--yes', pnpm, ...args], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'], ...options })
  if (result.status !== 0) fail(`\`pnpm ${args.join(' ')}\` exited with ${result.status ?? result.signal}`)
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/** Every top-level package in node_modules must live inside the artefact (no links to the repo). */
function checkSelfContained(app) {
  const modules = path.join(app, 'node_modules')
  for (const name of DEV_ONLY) {
    if (existsSync(path.join(modules, name))) fail(`${name} is installed in the production artefact`)
  }
  const store = readdirSync(path.join(modules, '.pnpm'))
  const devInStore = store.filter((dir) => DEV_ONLY.some((name) => dir.startsWith(`${name.replace('/', '+')}@`)))
  if (devInStore.length > 0) fail(`development packages in the production install: ${devInStore.join(', ')}`)
  const top = readdirSync(modules).filter((n) => !n.startsWith('.')).flatMap((n) => (n.startsWith('@') ? readdirSync(path.join(modules, n)).map((m) => `${n}/${m}`) : [n]))
  for (const name of top) {
    const where = path.join(modules, name)
    if (lstatSync(where).isSymbolicLink() && !realpathSync(where).startsWith(realpathSync(app) + path.sep)) {
      fail(`node_modules/${name} points outside the artefact (${realpathSync(where)})`)
    }
  }
}

async function request(base, method, pathname, { cookie, form } = {}) {
  const headers = {}
  if (cookie) headers.cookie = `baken_session=${cookie}`
  if (method !== 'GET') headers.origin = base
  let body
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(form).toString()
  }
  return fetch(base + pathname, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(30_000) })
}

async function main() {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 24) fail(`the artefact targets Node.js 24 or later (engines); this is ${process.version}`)
  step(`node ${process.version}`)

  if (process.env.BAKEN_ARTEFACT_BUILD !== '0') {
    step('building @baken/web')
    run(['--filter', '@baken/web', 'build'])
  }

  const tmp = mkdtempSync(path.join(tmpdir(), 'baken-artefact-'))
  let child
  try {
    // The runtime stage copies exactly three things: build/ (first, while it is fresh), and the
    // package.json and node_modules of the production install.
    const app = path.join(tmp, 'app')
    cpSync(path.join(web, 'build'), path.join(app, 'build'), { recursive: true })
    for (const file of ['build/server.js', 'build/server/index.js', 'build/client']) {
      if (!existsSync(path.join(app, file))) fail(`apps/web/${file} is missing after the build`)
    }
    // The same command as the Dockerfile's build stage, into a clean folder.
    step(`installing production dependencies into ${tmp}`)
    const deploy = path.join(tmp, 'deploy')
    run(['--config.inject-workspace-packages=true', '--filter', '@baken/web', 'deploy', '--prod', deploy])
    cpSync(path.join(deploy, 'package.json'), path.join(app, 'package.json'))
    renameSync(path.join(deploy, 'node_modules'), path.join(app, 'node_modules'))
    rmSync(deploy, { recursive: true, force: true })
    checkSelfContained(app)

    const port = Number(process.env.PORT ?? (await freePort()))
    const base = `http://127.0.0.1:${port}`
    step(`starting node build/server.js on ${base}`)
    const env = { ...process.env, NODE_ENV: 'production', BAKEN_MODE: 'demo', PGLITE_DATA_DIR: 'memory://', DATABASE_URL: '', HOST: '127.0.0.1', PORT: String(port), BAKEN_MAIL_WORKER: '0' }
    delete env.NODE_OPTIONS
    delete env.DATABASE_OWNER_URL
    let log = ''
    child = spawn(process.execPath, ['build/server.js'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (d) => (log += d))
    child.stderr.on('data', (d) => (log += d))
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)))

    const bootStart = Date.now()
    const deadline = bootStart + 150_000 // the demo seed takes a while on a busy 2-core machine
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) fail(`the server exited (${child.exitCode ?? child.signalCode}) before /healthz answered:\n${log}`)
      const res = await request(base, 'GET', '/healthz').catch(() => null)
      if (res?.status === 200) {
        const body = await res.json()
        if (body.status !== 'ok') fail(`/healthz answered ${JSON.stringify(body)}`)
        break
      }
      if (Date.now() > deadline) fail(`/healthz did not answer 200 within 150 s:\n${log}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    step(`/healthz ok after ${((Date.now() - bootStart) / 1000).toFixed(1)} s`)

    // Plain node: the command line is exactly `node build/server.js`, with no loader flags.
    if (existsSync(`/proc/${child.pid}/cmdline`)) {
      const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
      if (argv.length !== 2 || argv[1] !== 'build/server.js') fail(`the server runs as \`${argv.join(' ')}\`, not \`node build/server.js\``)
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]
      if (rss) step(`resident memory ${Math.round(Number(rss) / 1024)} MB`)
    }

    const login = await request(base, 'POST', '/login', { form: { email: ACCOUNT, password: PASSWORD } })
    const cookie = login.headers.getSetCookie().map((c) => /^baken_session=([^;]+)/.exec(c)?.[1]).find(Boolean)
    if (login.status !== 302 || !cookie) fail(`login as ${ACCOUNT} answered ${login.status} without a session (${(await login.text()).slice(0, 200)})`)
    const me = await request(base, 'GET', '/api/v1/me', { cookie })
    if (me.status !== 200) fail(`/api/v1/me after login answered ${me.status}`)
    step(`login as ${ACCOUNT} ok`)

    const students = await request(base, 'GET', '/api/v1/students?pageSize=1', { cookie })
    const pupil = students.status === 200 ? (await students.json()).items?.[0] : undefined
    if (!pupil) fail(`/api/v1/students answered ${students.status} without a pupil`)
    const pdf = await request(base, 'GET', `/api/v1/students/${pupil.id}/export?format=pdf`, { cookie })
    const bytes = Buffer.from(await pdf.arrayBuffer())
    if (pdf.status !== 200 || bytes.subarray(0, 5).toString() !== '%PDF-') fail(`the pupil's PDF export answered ${pdf.status} (${bytes.subarray(0, 200).toString()})`)
    // The embedded Unicode font (dejavu-fonts-ttf, resolved from node_modules at run time), subset as /XXXXXX+DejaVuSans.
    if (!/\/BaseFont \/[A-Z]{6}\+DejaVuSans/.test(bytes.toString('latin1'))) fail("the pupil's PDF export does not embed the DejaVu Sans font")
    step(`PDF export ok (${bytes.length} bytes)`)

    child.kill('SIGTERM')
    const stopped = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 10_000))])
    if (stopped === 'timeout') fail('the server did not stop within 10 s of SIGTERM')
    child = undefined
    step('stopped')
  } finally {
    if (child && child.exitCode === null) child.kill('SIGKILL')
    if (process.env.BAKEN_ARTEFACT_KEEP === '1') console.log(`[artefact] kept ${tmp}`)
    else rmSync(tmp, { recursive: true, force: true })
  }
}

main().then(
  () => console.log(`[artefact] ok in ${((Date.now() - started) / 1000).toFixed(1)} s`),
  (error) => {
    console.error(`[artefact] FAILED: ${error instanceof CheckFailed ? error.message : (error?.stack ?? error)}`)
    process.exitCode = 1
  },
)
