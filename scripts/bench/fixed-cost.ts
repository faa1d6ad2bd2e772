// The fixed cost of a signed-in request (docs/benchmark.md, "Fixed cost per request"): the built
// production server's `GET /api/v1/me`, with a session cookie and with a personal API token,
// against a bare node:http server that answers the same from one Postgres query
// (scripts/bench/bare-me.ts), in one run, in alternating rounds so the machine's drift cancels.
// Each build's /healthz (Express, the security headers and `select 1`) runs beside them, the floor of
// the server itself. Load comes from a second process: Debian's wrk (`apt-get install -y wrk`).
//
//   node --import tsx scripts/bench/fixed-cost.ts [--builds=before=/work/wt-base/apps/web,after=apps/web]
//        [--rounds=4] [--seconds=8] [--connections=16] [--warmup-seconds=3] [--json=path]
//
// --builds names each apps/web folder whose build/server.js runs (default: this checkout's, built
// when missing). Each build gets its own database, FIXED_COST_DATABASE_URL (default baken_fastpath
// on the local server) with `_<label>` appended, created when missing and migrated and seeded with
// the demo data by that build's server. Every server runs
// with a pool of 10 connections, as the bare server does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'
import { parseArgs } from './common.ts'
import { ensureBuild, residentMb, Session, startServer, WEB_DIR } from './load.ts'
import type { RunningServer } from '../../tests/http/support/server.ts'

const args = parseArgs(process.argv.slice(2))
const num = (key: string, fallback: number) => (typeof args[key] === 'string' ? Number(args[key]) : fallback)
const ROUNDS = num('rounds', 4)
const SECONDS = num('seconds', 8)
const CONNECTIONS = num('connections', 16)
const WARMUP_SECONDS = num('warmup-seconds', 3)
const DATABASE_URL = process.env.FIXED_COST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/baken_fastpath'
/** One account with one membership (a school's directeur): no organisation to choose. */
const ACCOUNT = 'directeur@branding.demo'
const builds = (typeof args.builds === 'string' ? args.builds : `this=${WEB_DIR}`).split(',').map((b) => {
  const [label, dir] = b.split('=')
  if (!label || !dir) throw new Error(`--builds: expected label=path, got ${b}`)
  return { label, webDir: resolve(dir) }
})
const log = (line = '') => console.log(line)
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')

if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is missing: apt-get install -y wrk')

// ---- the databases ---------------------------------------------------------------------------------
/** One database per build (`<database>_<label>`), so each runs on exactly its own migrations. */
const databaseOf = (label: string) => {
  const url = new URL(DATABASE_URL)
  url.pathname = `${url.pathname}_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`
  return url.href
}
{
  const admin = postgres(Object.assign(new URL(DATABASE_URL), { pathname: '/postgres' }).href, { max: 1, onnotice: () => {} })
  for (const build of builds) {
    const dbName = new URL(databaseOf(build.label)).pathname.slice(1)
    const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`
    if (!exists) await admin.unsafe(`create database "${dbName}"`)
  }
  await admin.end()
}

// ---- the servers -----------------------------------------------------------------------------------
interface Target {
  label: string
  url: string
  headers: Record<string, string>
}
const servers: { label: string; server: RunningServer }[] = []
const targets: Target[] = []
let bare: ChildProcess | null = null
const stopAll = async () => {
  bare?.kill('SIGTERM')
  await Promise.all(servers.map((s) => s.server.stop()))
}
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)))

log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average at start ${load()}`)
log(`Databases ${builds.map((b) => new URL(databaseOf(b.label)).pathname.slice(1)).join(', ')}; wrk -t1 -c${CONNECTIONS}, ${ROUNDS} rounds of ${SECONDS} s per target, alternating`)
try {
  for (const build of builds) {
    if (build.webDir === resolve(WEB_DIR)) await ensureBuild(log)
    const server = await startServer(
      databaseOf(build.label),
      // The sealer has nothing to seal here (GET /api/v1/me logs no read); off, so no timer runs beside the load.
      { BAKEN_SEED_DEMO: '1', BAKEN_ACCESS_LOG_SEALER: '0', DATABASE_POOL_MAX: '10' },
      { webDir: build.webDir },
    )
    servers.push({ label: build.label, server })
    const session = new Session(server.baseUrl)
    await session.login(ACCOUNT)
    const me = (await session.get('/api/v1/me')).json<{ membership: { id: string } }>()
    const minted = await session.post('/account', { intent: 'create-token', name: 'fixed-cost benchmark', days: '1', membershipId: me.membership.id })
    const token = /bkn_[a-z2-7]{32}/.exec(minted.text)?.[0]
    if (!token) throw new Error(`${build.label}: no API token minted (${minted.status})`)
    targets.push(
      // The server's own floor: Express, the security headers and one `select 1`, no session, no Remix.
      { label: `${build.label}: /healthz`, url: `${server.baseUrl}/healthz`, headers: {} },
      { label: `${build.label}: cookie`, url: `${server.baseUrl}/api/v1/me`, headers: { cookie: `baken_session=${session.cookie}` } },
      { label: `${build.label}: token`, url: `${server.baseUrl}/api/v1/me`, headers: { authorization: `Bearer ${token}` } },
    )
    log(`${build.label}: ${build.webDir}/build/server.js on ${server.baseUrl}, ${residentMb(server.pid)?.toFixed(0) ?? '?'} MB resident`)
  }
  // The bare server answers from the first build's database, for the session and token made there.
  const barePort = 4100 + Math.floor(Math.random() * 800)
  bare = spawn(process.execPath, [fileURLToPath(new URL('./bare-me.ts', import.meta.url))], {
    env: { ...process.env, DATABASE_URL: databaseOf(builds[0]!.label), PORT: String(barePort), HOST: '127.0.0.1', DATABASE_POOL_MAX: '10' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((ok, fail) => {
    bare!.stdout!.once('data', () => ok())
    bare!.once('exit', (code) => fail(new Error(`bare-me.ts exited with ${code}`)))
  })
  const bareUrl = `http://127.0.0.1:${barePort}/api/v1/me`
  const first = targets.filter((t) => t.label.startsWith(`${builds[0]!.label}: `) && t.url.endsWith('/me'))
  targets.unshift({ label: 'bare: cookie', url: bareUrl, headers: first[0]!.headers }, { label: 'bare: token', url: bareUrl, headers: first[1]!.headers })

  // Every target must give the same answer (apart from how it was authenticated) before its speed means anything.
  const answers: string[] = []
  for (const t of targets.filter((t) => t.url.endsWith('/me'))) {
    const res = await fetch(t.url, { headers: t.headers })
    const body = (await res.json()) as Record<string, unknown>
    const via = t.label.endsWith('token') ? 'token' : 'session'
    if (res.status !== 200 || body.authenticatedBy !== via) throw new Error(`${t.label}: ${res.status} ${JSON.stringify(body)}`)
    // Each build has its own database, so the ids differ between builds, not the rest.
    answers.push(JSON.stringify({ ...body, authenticatedBy: undefined }).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>'))
    if (answers.at(-1) !== answers[0]) throw new Error(`${t.label} answers differently from ${targets[0]!.label}:\n${answers.at(-1)}\n${answers[0]}`)
  }

  // ---- the load ------------------------------------------------------------------------------------
  const dir = mkdtempSync(join(tmpdir(), 'fixed-cost-'))
  const script = join(dir, 'report.lua')
  writeFileSync(
    script,
    `done = function(s, latency, requests)
  io.write(string.format('{"requests":%d,"duration_us":%d,"status_errors":%d,"socket_errors":%d,"p50":%f,"p95":%f,"p99":%f}\\n',
    s.requests, s.duration, s.errors.status, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`,
  )
  interface Sample {
    rps: number
    p50: number
    p95: number
    p99: number
    errors: number
    load: string
  }
  const wrk = (t: Target, seconds: number): Sample => {
    const headerArgs = Object.entries(t.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`])
    const out = spawnSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, ...headerArgs, t.url], { encoding: 'utf8' })
    const line = out.stdout.split('\n').find((l) => l.startsWith('{'))
    if (!line) throw new Error(`wrk gave no report for ${t.label}:\n${out.stdout}\n${out.stderr}`)
    const r = JSON.parse(line) as { requests: number; duration_us: number; status_errors: number; socket_errors: number; p50: number; p95: number; p99: number }
    return { rps: r.requests / (r.duration_us / 1e6), p50: r.p50 / 1000, p95: r.p95 / 1000, p99: r.p99 / 1000, errors: r.status_errors + r.socket_errors, load: load() }
  }
  for (const t of targets) wrk(t, WARMUP_SECONDS)
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.label, []]))
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts one target further on, so no target always runs first or after the same one.
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!)
    log(`round ${round + 1}, load average ${load()}`)
    for (const t of order) {
      const s = wrk(t, SECONDS)
      samples.get(t.label)!.push(s)
      log(`  ${t.label.padEnd(22)} ${s.rps.toFixed(0).padStart(6)} req/s  p50 ${s.p50.toFixed(2).padStart(7)} ms  p95 ${s.p95.toFixed(2).padStart(7)} ms  errors ${s.errors}  (load ${s.load})`)
    }
  }

  // ---- the report ----------------------------------------------------------------------------------
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b)
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
  }
  const summary = targets.map((t) => {
    const ss = samples.get(t.label)!
    return {
      target: t.label,
      rps: median(ss.map((s) => s.rps)),
      p50: median(ss.map((s) => s.p50)),
      p95: median(ss.map((s) => s.p95)),
      p99: median(ss.map((s) => s.p99)),
      errors: ss.reduce((n, s) => n + s.errors, 0),
    }
  })
  log()
  log(`Medians of ${ROUNDS} rounds, ${CONNECTIONS} connections; ratio = bare req/s ÷ target req/s (the goal: ≤ 3×)`)
  log('| target | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare |')
  log('|---|---|---|---|---|---|---|')
  for (const s of summary) {
    // /healthz is compared with the bare server's cookie answer: one query each, no authentication.
    const ref = summary.find((b) => b.target === (s.target.endsWith('token') ? 'bare: token' : 'bare: cookie'))!
    log(`| ${s.target} | ${s.rps.toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.errors} | ${(ref.rps / s.rps).toFixed(2)}× |`)
  }
  for (const { label, server } of servers) log(`${label}: ${residentMb(server.pid)?.toFixed(0) ?? '?'} MB resident at the end`)
  log(`Load average at end ${load()}`)
  if (typeof args.json === 'string') writeFileSync(args.json, JSON.stringify({ connections: CONNECTIONS, rounds: ROUNDS, seconds: SECONDS, summary, samples: Object.fromEntries(samples) }, null, 2))
  if (summary.some((s) => s.errors > 0)) process.exitCode = 1
} finally {
  await stopAll()
}
