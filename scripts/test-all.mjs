#!/usr/bin/env node
// Runs every test suite of the repo in order and prints one total, as `pnpm test` (the README's test command).
//
//   node scripts/test-all.mjs                 # unit, db, http, browser
//   node scripts/test-all.mjs unit db         # only these, in the usual order
//
// Each suite runs as a child process whose normal output streams to the console; the counts come
// from the machine-readable report it writes to a fresh temp dir, never from scraping its output.
//   unit, db, http  vitest projects (vitest.config.ts), JSON reporter
//   browser         Playwright (playwright.config.ts), JSON reporter
// When http or browser is selected, the web app is built ONCE before the first of them (both run
// the built app; the http suite's globalSetup skips its own build on BAKEN_WEB_BUILT=1). When db or
// http is selected, the demo database is migrated and seeded ONCE, into a PGlite snapshot and a
// template database on the Postgres server, and both suites copy those (ADR 010).
// A suite that crashes without a report, a vitest file that fails to load, a web build that fails
// (1 for each suite that needed it), or a run that exits non-zero without a failed test in its
// report each count as 1 failed.
// Without Chromium (CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser) the browser suite
// counts as 1 failed, or as 1 skipped when BAKEN_ALLOW_NO_BROWSER=1.
//
// The summary gives each suite's (and the build's) wall-clock seconds and the run's total; the very
// last line of output is `N passed, N failed` (`, N skipped` when > 0), totals over all suites;
// the exit code is 0 iff nothing failed. BAKEN_SUITE_TIMEOUT_MIN (default 30) bounds each
// child process; one that runs over is killed and counts as 1 failed.
import { spawn } from 'node:child_process'
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const PNPM = 'pnpm@10.34.8'
const ALL_SUITES = ['unit', 'db', 'http', 'browser']
const SUITE_TIMEOUT_MS = Number(process.env.BAKEN_SUITE_TIMEOUT_MIN || 30) * 60_000

// ---- arguments ----------------------------------------------------------------------------------
const args = process.argv.slice(2).filter((a) => a !== '--')
if (args.includes('-h') || args.includes('--help')) {
  console.log(`usage: node scripts/test-all.mjs [${ALL_SUITES.join('|')} ...]   (default: all, in this order)`)
  process.exit(0)
}
const unknown = args.filter((a) => !ALL_SUITES.includes(a))
if (unknown.length > 0) {
  console.error(`test-all: unknown suite(s): ${unknown.join(', ')}; known: ${ALL_SUITES.join(', ')}`)
  console.log('0 passed, 1 failed')
  process.exit(2)
}
const selected = args.length > 0 ? ALL_SUITES.filter((s) => args.includes(s)) : ALL_SUITES

const reportDir = mkdtempSync(join(tmpdir(), 'baken-test-'))

// ---- child processes ----------------------------------------------------------------------------
const running = new Set()
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const child of running) killGroup(child, sig)
    rmSync(reportDir, { recursive: true, force: true })
    process.exit(130)
  })
}

function killGroup(child, sig) {
  try {
    process.kill(-child.pid, sig)
  } catch {
    try {
      child.kill(sig)
    } catch {
      /* already gone */
    }
  }
}

/** Runs a command with inherited stdio in its own process group; resolves {code, signal, timedOut}. */
function run(cmd, cmdArgs, extraEnv = {}) {
  console.log(`\n$ ${cmd} ${cmdArgs.join(' ')}`)
  return new Promise((resolvePromise) => {
    let child
    try {
      child = spawn(cmd, cmdArgs, {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, ...extraEnv },
        detached: true, // own process group, so a timeout kills the whole tree (e.g. Playwright's web server)
      })
    } catch (error) {
      console.error(`test-all: could not start ${cmd}: ${error.message}`)
      resolvePromise({ code: null, signal: null, timedOut: false })
      return
    }
    running.add(child)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      console.error(`test-all: ${cmd} ran over ${SUITE_TIMEOUT_MS / 60_000} min; killing it`)
      killGroup(child, 'SIGTERM')
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref()
    }, SUITE_TIMEOUT_MS)
    child.on('error', (error) => {
      console.error(`test-all: could not start ${cmd}: ${error.message}`)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      running.delete(child)
      resolvePromise({ code, signal, timedOut })
    })
  })
}

function readJson(file) {
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    console.error(`test-all: unreadable report ${file}: ${error.message}`)
    return undefined
  }
}

function secondsText(seconds) {
  return `${seconds.toFixed(1).padStart(7)} s`
}

function exitText({ code, signal, timedOut }) {
  if (timedOut) return 'timed out'
  if (signal) return `killed by ${signal}`
  return `exit code ${code}`
}

// ---- suites -------------------------------------------------------------------------------------
/** @returns {{passed:number, failed:number, skipped:number, note?:string}} */
async function vitestSuite(project, extraEnv = {}) {
  const file = join(reportDir, `vitest-${project}.json`)
  const exit = await run('npx', [
    '--no',
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ], extraEnv)
  const report = readJson(file)
  if (!report || typeof report.numPassedTests !== 'number') {
    return { passed: 0, failed: 1, skipped: 0, note: `no report (${exitText(exit)})` }
  }
  const files = Array.isArray(report.testResults) ? report.testResults : []
  // A file that fails to load (or fails in a hook outside any test) has status 'failed' but no
  // failed test in it: count each such file as one failure.
  const brokenFiles = files.filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  )
  const result = {
    passed: report.numPassedTests,
    failed: (report.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
  const notes = []
  if (brokenFiles.length > 0) {
    notes.push(`${brokenFiles.length} file(s) failed outside a test: ${brokenFiles.map((f) => f.name.replace(ROOT + '/', '')).join(', ')}`)
  }
  if (files.length === 0) notes.push('no test files')
  if ((exit.code !== 0 || report.success === false) && result.failed === 0) {
    // e.g. no test files found, an unhandled error, a failed globalSetup or a timeout
    result.failed = 1
    notes.push(`vitest reported failure (${exitText(exit)}) without a failed test`)
  }
  if (notes.length > 0) result.note = notes.join('; ')
  return result
}

function findChromium() {
  const candidates = process.env.CHROMIUM_PATH
    ? [process.env.CHROMIUM_PATH]
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK)
      return path
    } catch {
      /* next */
    }
  }
  return undefined
}

async function browserSuite() {
  const chromium = findChromium()
  if (!chromium) {
    const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not executable` : 'none at /usr/bin/chromium or /usr/bin/chromium-browser'
    console.log(`\nbrowser suite not run: no Chromium found (install Debian's chromium or set CHROMIUM_PATH) [${where}]`)
    if (process.env.BAKEN_ALLOW_NO_BROWSER === '1') {
      return { passed: 0, failed: 0, skipped: 1, note: 'not run: no Chromium (BAKEN_ALLOW_NO_BROWSER=1)' }
    }
    return { passed: 0, failed: 1, skipped: 0, note: 'not run: no Chromium found' }
  }

  const file = join(reportDir, 'playwright.json')
  const exit = await run('npx', ['--no', 'playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    CHROMIUM_PATH: chromium,
  })
  const report = readJson(file)
  const stats = report?.stats
  if (!stats || typeof stats.expected !== 'number') {
    return { passed: 0, failed: 1, skipped: 0, note: `no report (${exitText(exit)})` }
  }
  const result = {
    passed: stats.expected + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  }
  const notes = []
  if (stats.flaky) notes.push(`${stats.flaky} flaky (passed on retry)`)
  const errors = Array.isArray(report.errors) ? report.errors : []
  if (errors.length > 0) {
    // e.g. the web server did not start, a spec failed to load, or no tests found
    notes.push(`errors outside tests: ${errors.map((e) => (e.message ?? String(e)).split('\n')[0]).join(' | ')}`)
    if (result.failed === 0) result.failed = 1
  }
  if (exit.code !== 0 && result.failed === 0) {
    result.failed = 1
    notes.push(`playwright failed (${exitText(exit)}) without a failed test`)
  }
  if (notes.length > 0) result.note = notes.join('; ')
  return result
}

/** A step done at most once per run, for the suites that need it; timed for the summary. */
function onceTimed(title, body) {
  const step = () =>
    (step.result ??= (async () => {
      console.log(`\n==== ${title} ====`)
      const started = performance.now()
      try {
        return await body()
      } finally {
        step.seconds = (performance.now() - started) / 1000
      }
    })())
  return step
}

const SEEDED_CLI = 'packages/db/test/support/seeded-template-cli.ts'

// The db and http suites start every file from one seeded PGlite snapshot and one seeded template
// database (packages/db/test/support/seeded-template.ts), made here once for both. Resolves the
// environment that names them, or {} (each suite's globalSetup then makes its own).
const seedOnce = onceTimed('seeded snapshot and template database (for the db and http suites)', async () => {
  const made = await run('node', ['--import', 'tsx', SEEDED_CLI, 'create', reportDir])
  const env = made.code === 0 ? readJson(join(reportDir, 'seeded-env.json')) : undefined
  if (!env) console.log(`test-all: no shared seeded snapshot (${exitText(made)}); each suite makes its own`)
  return env ?? {}
})

async function dropSeeded() {
  const template = seedOnce.result && (await seedOnce.result).BAKEN_TEST_PG_TEMPLATE
  if (template) await run('node', ['--import', 'tsx', SEEDED_CLI, 'drop', template])
}

// Resolves undefined when built, else why not.
const buildWebOnce = onceTimed('web build (for the http and browser suites)', async () => {
  const build = await run('npx', ['--yes', PNPM, '--filter', '@baken/web', 'build'])
  return build.code === 0 ? undefined : `web build failed (${exitText(build)})`
})

// ---- main ---------------------------------------------------------------------------------------
const runStarted = performance.now()
const results = []
for (const suite of selected) {
  // The build, which the first of http/browser waits for, is timed on its own summary line.
  const buildFailure = suite === 'http' || suite === 'browser' ? await buildWebOnce() : undefined
  const seededEnv = suite === 'db' || suite === 'http' ? await seedOnce() : {}
  const started = performance.now()
  console.log(`\n==== test suite: ${suite} ====`)
  let result
  if (buildFailure) result = { passed: 0, failed: 1, skipped: 0, note: `${buildFailure}; ${suite} tests not run` }
  else if (suite === 'browser') result = await browserSuite()
  else result = await vitestSuite(suite, suite === 'http' ? { ...seededEnv, BAKEN_WEB_BUILT: '1' } : seededEnv)
  results.push({ suite, seconds: (performance.now() - started) / 1000, ...result })
}
await dropSeeded()
rmSync(reportDir, { recursive: true, force: true })
const totalSeconds = (performance.now() - runStarted) / 1000

const total = { passed: 0, failed: 0, skipped: 0 }
console.log('\n==== summary ====')
for (const r of results) {
  total.passed += r.passed
  total.failed += r.failed
  total.skipped += r.skipped
  const mark = r.failed > 0 ? 'FAIL' : 'ok  '
  // Indented and prefixed, so that only the final total is a bare `N passed, N failed` line.
  console.log(
    `  ${mark} ${r.suite.padEnd(8)} ${secondsText(r.seconds)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? `  (${r.note})` : ''}`,
  )
}
if (seedOnce.seconds !== undefined) console.log(`       ${'seed'.padEnd(8)} ${secondsText(seedOnce.seconds)} (migrated and seeded once for db and http)`)
if (buildWebOnce.seconds !== undefined) console.log(`       ${'build'.padEnd(8)} ${secondsText(buildWebOnce.seconds)} (apps/web, once for http and browser)`)
console.log(`       ${'total'.padEnd(8)} ${secondsText(totalSeconds)}`)
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`)
process.exitCode = total.failed === 0 ? 0 : 1
