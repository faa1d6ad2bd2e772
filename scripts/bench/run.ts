// The performance budgets (listed in docs/benchmark.md) against the real server.
//
//   node --import tsx scripts/bench/generate.ts --scale=full     # once: the dataset
//   node --import tsx scripts/bench/run.ts                       # the benchmark; exit 1 when a budget fails
//
// Options: --workers=16 --requests=800 (per scenario, stopped after --scenario-seconds=60)
//          --warmup=300 --duration=30 (mixed run, s)
//          --rls-rounds=200 --no-fail (report only: budgets; unexpected answers still fail) --json=path
//          --only=board-oversight,board-counts (only these scenarios: no baselines, no mixed run)
//          --pglite (the embedded database: a fresh PGlite folder the server seeds with the demo data,
//          one demo school's staff, 4 workers by default; no BENCH_DATABASE_URL needed; --pglite-dir=path
//          uses and keeps that folder)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { BENCH_USERS, benchDatabaseUrl, CURRENT_SCHOOL_YEAR, parseArgs, PGLITE_USERS } from './common.ts'
import { ensureBuild, MemorySampler, percentile, residentMb, runLoad, Session, sessionRequest, startServer, type LoadRequest } from './load.ts'
import { measureRls } from './rls.ts'

type Role = keyof typeof BENCH_USERS

interface Scenario {
  key: string
  label: string
  role: Role
  /** p95 budget in ms. */
  budgetMs: number
  /** Weight in the mixed run. */
  weight: number
  expect: number[]
  /** The request as this session sends it. */
  request(session: Session): LoadRequest
}

interface Row {
  scenario: string
  n: number | string
  errors: number | string
  p50: string
  p95: string
  p99: string
  budget: string
  pass: boolean
}

const args = parseArgs(process.argv.slice(2))
const num = (key: string, fallback: number) => (args[key] === undefined || args[key] === true ? fallback : Number(args[key]))
/** The embedded database: the server's own PGlite, seeded with the demo data (docs/benchmark.md). */
const PGLITE = args.pglite === true
const WORKERS = num('workers', PGLITE ? 4 : 16)
const REQUESTS = num('requests', 800)
const WARMUP = num('warmup', 300)
const DURATION_S = num('duration', 30)
const SCENARIO_MAX_S = num('scenario-seconds', 60)
const RLS_ROUNDS = num('rls-rounds', 200)
const RLS_ONLY = args['rls-only'] === true
const NO_FAIL = args['no-fail'] === true
const ONLY = typeof args.only === 'string' ? new Set(args.only.split(',')) : null
const SERVER_NODE_OPTIONS = typeof args['server-node-options'] === 'string' ? args['server-node-options'] : undefined
if (PGLITE && RLS_ONLY) throw new Error('--rls-only needs the Postgres server (BENCH_DATABASE_URL), not --pglite')
const url = PGLITE ? '' : benchDatabaseUrl()
/** Who signs in for each role: the benchmark stichting's accounts, or the demo school's staff. */
const ACCOUNTS: Record<Role, readonly string[]> = PGLITE
  ? PGLITE_USERS
  : { directeur: [BENCH_USERS.directeur], leerkracht: [BENCH_USERS.leerkracht], bestuurder: [BENCH_USERS.bestuurder] }
const STAFF = PGLITE ? 'directeur/IB' : 'directeur'
const log = (line = '') => console.log(line)
const rand = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!
const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : '–')

// ---- what the dataset holds --------------------------------------------------------------------
interface Fixture {
  stichtingId: string
  schoolId: string
  directeurId: string
  bestuurderId: string
  incidentIds: string[]
  studentIds: string[]
  dossiers: { studentId: string; incidentIds: string[] }[]
  pageIds: string[]
  counts: { schools: number; students: number; incidents: number; stichtingen: number }
}

/** From the benchmark database, before the server starts. */
async function fixtureFromDatabase(): Promise<Fixture> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const [me] = await sql`select u.id as user_id, m.id as membership_id, m.school_id, m.stichting_id
      from users u join memberships m on m.user_id = u.id where u.email = ${BENCH_USERS.directeur}`
    if (!me) throw new Error(`No ${BENCH_USERS.directeur} in ${url}: run scripts/bench/generate.ts first`)
    const schoolId = me.school_id as string
    const [board] = await sql`select id from users where email = ${BENCH_USERS.bestuurder}`
    const incidentIds = (await sql`select id from incidents where school_id = ${schoolId} and status = 'submitted' and not confidential
      order by random() limit 5000`).map((r) => r.id as string)
    const studentIds = (await sql`select id from students where school_id = ${schoolId} order by random() limit 2000`).map((r) => r.id as string)
    const dossiers = []
    for (const studentId of studentIds.slice(0, 40)) {
      const ids = (await sql`select incident_id from incident_persons where student_id = ${studentId}`).map((r) => r.incident_id as string)
      dossiers.push({ studentId, incidentIds: ids })
    }
    const pageIds = (
      await sql`select id from incidents where school_id = ${schoolId} and school_year = ${CURRENT_SCHOOL_YEAR}
        order by occurred_at desc, id desc limit 25`
    ).map((r) => r.id as string)
    const [counts] = await sql`select
        (select count(*)::int from schools s where s.stichting_id = ${me.stichting_id}) as schools,
        (select count(*)::int from students s where s.stichting_id = ${me.stichting_id}) as students,
        (select count(*)::int from incidents i where i.stichting_id = ${me.stichting_id}) as incidents,
        (select count(*)::int from stichtingen) as stichtingen`
    return {
      stichtingId: me.stichting_id as string,
      schoolId,
      directeurId: me.user_id as string,
      bestuurderId: board!.id as string,
      incidentIds,
      studentIds,
      dossiers,
      pageIds,
      counts: counts as Fixture['counts'],
    }
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/**
 * From the running server's API, as the demo school's directeur and the stichting's bestuurder: the
 * PGlite database belongs to the server process while it runs. The same choices as above: the
 * school's submitted, non-confidential incidents, its pupils, 40 pupils' dossiers, the first page.
 */
async function fixtureFromApi(staff: Session, board: Session): Promise<Fixture> {
  const get = async <T>(session: Session, path: string): Promise<T> => {
    const r = await session.request('GET', path)
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.text.slice(0, 200)}`)
    return r.json<T>()
  }
  type Me = { user: { id: string }; organisation: { id: string } }
  type Page<T> = { items: T[]; total: number }
  const all = async <T>(path: string): Promise<T[]> => {
    const out: T[] = []
    for (let page = 1; ; page++) {
      const r = await get<Page<T>>(staff, `${path}${path.includes('?') ? '&' : '?'}pageSize=200&page=${page}`)
      out.push(...r.items)
      if (r.items.length === 0 || out.length >= r.total) return out
    }
  }
  const [me, boardMe] = [await get<Me>(staff, '/api/v1/me'), await get<Me>(board, '/api/v1/me')]
  const incidents = await all<{ id: string; confidential: boolean }>('/api/v1/incidents?status=submitted')
  const studentIds = (await all<{ id: string }>('/api/v1/students')).map((x) => x.id)
  const dossiers = []
  for (const studentId of studentIds.slice(0, 40)) {
    const d = await get<{ entries: { incidentId: string }[] }>(staff, `/api/v1/students/${studentId}/dossier`)
    dossiers.push({ studentId, incidentIds: d.entries.map((e) => e.incidentId) })
  }
  const firstPage = await get<Page<{ id: string }>>(staff, `/api/v1/incidents?schooljaar=${CURRENT_SCHOOL_YEAR}`)
  const everything = await get<Page<unknown>>(staff, '/api/v1/incidents?pageSize=1')
  return {
    stichtingId: boardMe.organisation.id,
    schoolId: me.organisation.id,
    directeurId: me.user.id,
    bestuurderId: boardMe.user.id,
    incidentIds: incidents.filter((x) => !x.confidential).map((x) => x.id),
    studentIds,
    dossiers,
    pageIds: firstPage.items.map((x) => x.id),
    counts: { schools: 1, students: studentIds.length, incidents: everything.total, stichtingen: 0 },
  }
}

log(`Baken benchmark — ${new Date().toISOString()}`)
log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
const datasetLine = (f: Fixture) =>
  PGLITE
    ? `Dataset: the demo data on PGlite (the server's own, one connection); the school of ${ACCOUNTS.directeur[0]} with ` +
      `${f.counts.students.toLocaleString('en')} pupils and ${f.counts.incidents.toLocaleString('en')} incidents`
    : `Dataset (${url}): Stichting Benchmark with ${f.counts.schools} schools, ${f.counts.students.toLocaleString('en')} pupils, ` +
      `${f.counts.incidents.toLocaleString('en')} incidents; ${f.counts.stichtingen} stichtingen in all`
let fixture!: Fixture
if (!PGLITE) {
  fixture = await fixtureFromDatabase()
  log(datasetLine(fixture))
}
log(
  `Load: ${WORKERS} concurrent workers, ${REQUESTS} requests per scenario (at most ${SCENARIO_MAX_S} s) after ${WARMUP} warm-up requests; ` +
    `mixed run ${DURATION_S} s`,
)
log()

// ---- the server and its sessions ---------------------------------------------------------------
const rows: Row[] = []
/** Answers other than the expected status, over all scenarios: any one fails the run, even with --no-fail. */
let errorCount = 0
// --pglite-dir=path: that folder instead of a fresh one, kept afterwards (a second run starts on the
// seeded database, as a restarted installation does).
const KEEP_PGLITE_DIR = typeof args['pglite-dir'] === 'string' ? args['pglite-dir'] : null
const pgliteDir = PGLITE ? (KEEP_PGLITE_DIR ?? mkdtempSync(join(tmpdir(), 'baken-bench-pglite-'))) : null
const removePgliteDir = () => {
  if (pgliteDir && !KEEP_PGLITE_DIR) rmSync(pgliteDir, { recursive: true, force: true })
}
if (!RLS_ONLY) {
  await ensureBuild(log)
  const startedAt = performance.now()
  // PGlite: a fresh folder, so the server migrates it and seeds the demo data at start, as a new
  // installation does; the RLS comparison below opens it once the server has stopped.
  const server = await startServer(url, {
    ...(pgliteDir ? { PGLITE_DATA_DIR: pgliteDir } : {}),
    ...(SERVER_NODE_OPTIONS === undefined ? {} : { NODE_OPTIONS: SERVER_NODE_OPTIONS }),
  })
  if (pgliteDir) log(`Server up in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (PGlite folder ${pgliteDir}${KEEP_PGLITE_DIR ? ', kept' : ': migrated and seeded at start'})`)
  const memory = new MemorySampler(server.pid)
  try {
    const sessions: Record<Role, Session[]> = { directeur: [], leerkracht: [], bestuurder: [] }
    for (const role of Object.keys(sessions) as Role[]) {
      for (let i = 0; i < WORKERS; i++) {
        const session = new Session(server.baseUrl)
        await session.login(ACCOUNTS[role][i % ACCOUNTS[role].length]!)
        sessions[role].push(session)
      }
    }
    if (PGLITE) {
      fixture = await fixtureFromApi(sessions.directeur[0]!, sessions.bestuurder[0]!)
      log(datasetLine(fixture))
    }
    const year = CURRENT_SCHOOL_YEAR
    const registerBody = () => {
      const [a, b] = [rand(fixture.studentIds), rand(fixture.studentIds)]
      return {
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        locationCode: 21,
        voorval: [3],
        situation: 'Twee leerlingen duwen elkaar op het plein; een van hen valt.',
        physicalAggression: true,
        physicalForm: 'duwen',
        persons: [
          { role: 'dader', kind: 'leerling', studentId: a },
          ...(a === b ? [] : [{ role: 'slachtoffer', kind: 'leerling', studentId: b }]),
        ],
        submit: true,
      }
    }
    const get = (s: Session, path: string) => sessionRequest(s, path, 'GET', path, [200])
    const scenarios: Scenario[] = [
      {
        key: 'list',
        label: `incident list (${STAFF}, schooljaar)`,
        role: 'directeur',
        budgetMs: 50,
        weight: 20,
        expect: [200],
        request: (s) => get(s, `/api/v1/incidents?schooljaar=${year}`),
      },
      {
        key: 'list-leerkracht',
        label: 'incident list (leerkracht, schooljaar)',
        role: 'leerkracht',
        budgetMs: 50,
        weight: 10,
        expect: [200],
        request: (s) => get(s, `/api/v1/incidents?schooljaar=${year}`),
      },
      {
        key: 'dossier',
        label: 'student dossier',
        role: 'directeur',
        budgetMs: 50,
        weight: 20,
        expect: [200],
        request: (s) => get(s, `/api/v1/students/${rand(fixture.studentIds)}/dossier`),
      },
      {
        key: 'detail',
        label: 'incident detail',
        role: 'directeur',
        budgetMs: 50,
        weight: 30,
        expect: [200],
        request: (s) => get(s, `/api/v1/incidents/${rand(fixture.incidentIds)}`),
      },
      {
        key: 'register',
        label: 'register incident (POST)',
        role: 'directeur',
        budgetMs: 100,
        weight: 10,
        expect: [201],
        request: (s) => sessionRequest(s, 'register', 'POST', '/api/v1/incidents', [201], registerBody()),
      },
      {
        key: 'board-oversight',
        label: 'board dashboard API (oversight)',
        role: 'bestuurder',
        budgetMs: 150,
        weight: 4,
        expect: [200],
        request: (s) => get(s, `/api/v1/stichtingen/${fixture.stichtingId}/oversight?schooljaar=${year}`),
      },
      {
        key: 'board-counts',
        label: 'board incident counts API',
        role: 'bestuurder',
        budgetMs: 150,
        weight: 4,
        expect: [200],
        request: (s) => get(s, `/api/v1/stichting/incident-counts?schooljaar=${year}`),
      },
      {
        key: 'board-page',
        label: 'board dashboard page (GET /bestuur)',
        role: 'bestuurder',
        budgetMs: 150,
        weight: 2,
        expect: [200],
        request: (s) => get(s, `/bestuur?schooljaar=${year}`),
      },
    ]
    if (ONLY) scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => ONLY.has(s.key)))
    const totalWeight = scenarios.reduce((a, s) => a + s.weight, 0)
    const pickWeighted = () => {
      let x = Math.random() * totalWeight
      for (const s of scenarios) if ((x -= s.weight) < 0) return s
      return scenarios[scenarios.length - 1]!
    }
    log(`Mixed weights: ${scenarios.map((s) => `${s.key} ${s.weight}`).join(', ')}`)
    const job = (s: Scenario, worker: number): LoadRequest => ({ ...s.request(sessions[s.role][worker]!), scenario: s.key, expect: s.expect })
    const baseUrl = server.baseUrl

    log(`Server memory after start and ${3 * WORKERS} logins${PGLITE ? ' (the server process holds PGlite: the database is in it)' : ''}: ${residentMb(server.pid)?.toFixed(0) ?? '?'} MB resident`)
    memory.start()
    log(`Warming up (${WARMUP} mixed requests) …`)
    const warm = await runLoad({ baseUrl, workers: WORKERS, requests: WARMUP, durationMs: SCENARIO_MAX_S * 1000, next: (w) => job(pickWeighted(), w) })
    if (warm.errors) {
      // A run whose requests are refused measures nothing (every request was a 401 once, when the
      // benchmark stichting had no second-factor policy): stop here, whatever --no-fail says.
      log(`\n!! ${warm.errors} of ${warm.latencies.length} warm-up requests got an unexpected answer, e.g.:`)
      for (const sample of warm.errorSamples) log(`!!   ${sample}`)
      log('!! Aborted: fix the dataset or the server before measuring (scripts/bench/generate.ts).')
      await server.stop()
      removePgliteDir()
      process.exit(2)
    }

    for (const s of scenarios) {
      const r = await runLoad({ baseUrl, workers: WORKERS, requests: REQUESTS, durationMs: SCENARIO_MAX_S * 1000, next: (w) => job(s, w) })
      const p95 = percentile(r.latencies, 95)
      const row: Row = {
        scenario: s.label,
        n: r.latencies.length,
        errors: r.errors,
        p50: fmt(percentile(r.latencies, 50)),
        p95: fmt(p95),
        p99: fmt(percentile(r.latencies, 99)),
        budget: `p95 ≤ ${s.budgetMs} ms`,
        pass: p95 <= s.budgetMs && r.errors === 0,
      }
      rows.push(row)
      errorCount += r.errors
      log(`  ${s.label}: p95 ${row.p95} ms (${(r.latencies.length / (r.elapsedMs / 1000)).toFixed(0)} req/s), load average ${loadavg()[0]!.toFixed(1)}`)
      if (r.errors) log(`!!  ${r.errors} of ${r.latencies.length} answers were not ${s.expect.join('/')}: FAILED. e.g. ${r.errorSamples.join(' | ')}`)
    }

    // Baselines without a budget: the fixed cost of any request (/healthz: no session, one trivial
    // query) and of an authenticated one (/api/v1/me: session, context, memberships).
    for (const [label, path] of (ONLY ? [] : [
      ['baseline: GET /healthz (info)', '/healthz'],
      ['baseline: GET /api/v1/me (info)', '/api/v1/me'],
    ] as const)) {
      const r = await runLoad({
        baseUrl,
        workers: WORKERS,
        requests: REQUESTS,
        durationMs: SCENARIO_MAX_S * 1000,
        next: (w) => sessionRequest(sessions.directeur[w]!, label, 'GET', path, [200]),
      })
      const perSecond = r.latencies.length / (r.elapsedMs / 1000)
      errorCount += r.errors
      if (r.errors) log(`!!  ${r.errors} of ${r.latencies.length} answers were not 200: FAILED. e.g. ${r.errorSamples.join(' | ')}`)
      rows.push({
        scenario: label,
        n: r.latencies.length,
        errors: r.errors,
        p50: fmt(percentile(r.latencies, 50)),
        p95: fmt(percentile(r.latencies, 95)),
        p99: fmt(percentile(r.latencies, 99)),
        budget: `none: ${perSecond.toFixed(0)} req/s`,
        pass: r.errors === 0,
      })
      log(`  ${label}: p95 ${fmt(percentile(r.latencies, 95))} ms (${perSecond.toFixed(0)} req/s)`)
    }

    if (!ONLY) {
      log(`Mixed run (${DURATION_S} s) …`)
      const mixed = await runLoad({ baseUrl, workers: WORKERS, durationMs: DURATION_S * 1000, next: (w) => job(pickWeighted(), w) })
      const rps = mixed.latencies.length / (mixed.elapsedMs / 1000)
      rows.push({
        scenario: 'mixed: the eight scenarios above, weighted',
        n: mixed.latencies.length,
        errors: mixed.errors,
        p50: fmt(percentile(mixed.latencies, 50)),
        p95: fmt(percentile(mixed.latencies, 95)),
        p99: fmt(percentile(mixed.latencies, 99)),
        budget: `≥ 300 req/s: ${rps.toFixed(0)} req/s`,
        pass: rps >= 300 && mixed.errors === 0,
      })
      errorCount += mixed.errors
      if (mixed.errors) log(`!!  ${mixed.errors} unexpected answers in the mixed run: FAILED. e.g. ${mixed.errorSamples.join(' | ')}`)
      for (const s of scenarios) {
        const b = mixed.perScenario.get(s.key)
        if (b) log(`  mixed · ${s.key}: n ${b.latencies.length}, p95 ${fmt(percentile(b.latencies, 95))} ms`)
      }
    }
    memory.stop()
    rows.push({
      scenario: 'server memory (max VmRSS under load)',
      n: '–',
      errors: '–',
      p50: '–',
      p95: '–',
      p99: '–',
      budget: `≤ 300 MB: ${memory.max().toFixed(0)} MB`,
      pass: memory.max() > 0 && memory.max() <= 300,
    })
  } finally {
    memory.stop()
    await server.stop()
  }
}

// ---- row-level security overhead (server stopped: nothing else on the database) -------------------
log(`Row-level security overhead (${RLS_ROUNDS} rounds each) …`)
const rls = await measureRls({
  url,
  database: pgliteDir ? { kind: 'pglite', dataDir: pgliteDir } : undefined,
  context: { userId: fixture.directeurId, role: 'directeur', stichtingId: fixture.stichtingId, schoolId: fixture.schoolId },
  boardContext: { userId: fixture.bestuurderId, role: 'bestuurder', stichtingId: fixture.stichtingId, schoolId: null },
  schoolYear: CURRENT_SCHOOL_YEAR,
  incidentIds: fixture.incidentIds,
  pageIds: fixture.pageIds,
  dossiers: fixture.dossiers,
  rounds: RLS_ROUNDS,
})
for (const f of rls) {
  log(`  ${f.name}: median ${f.ownerMedian.toFixed(2)} ms as owner, ${f.rlsMedian.toFixed(2)} ms with RLS (${f.ratio.toFixed(2)}×)`)
  for (const q of f.queries) log(`    ${q.ownerMedian.toFixed(2)} → ${q.rlsMedian.toFixed(2)} ms  ${q.sql}…`)
  rows.push({
    scenario: `RLS overhead: ${f.name}`,
    n: f.n,
    errors: '–',
    p50: `${f.ownerMedian.toFixed(2)} → ${f.rlsMedian.toFixed(2)}`,
    p95: '–',
    p99: '–',
    budget: `≤ 1.20×: ${f.ratio.toFixed(2)}×`,
    pass: f.ratio <= 1.2,
  })
}

// ---- report -----------------------------------------------------------------------------------
log()
log(`Load average at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
const header: (keyof Row)[] = ['scenario', 'n', 'errors', 'p50', 'p95', 'p99', 'budget', 'pass']
const cells = (r: Row) => header.map((h) => (h === 'pass' ? (r.pass ? 'PASS' : 'FAIL') : String(r[h])))
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => cells(r)[i]!.length)))
const line = (xs: string[]) => xs.map((x, i) => (i === 0 || i === 6 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ')
log(line(header.map((h) => (h === 'pass' ? 'result' : h === 'p50' ? 'p50 ms' : h === 'p95' ? 'p95 ms' : h === 'p99' ? 'p99 ms' : h))))
for (const r of rows) log(line(cells(r)))
log('(RLS rows: median planning + execution time in ms on the database, owner without RLS → baken_app with RLS.)')
const failed = rows.filter((r) => !r.pass)
// (Baseline rows have no budget: they fail only on unexpected answers.)
log(failed.length ? `\n${failed.length} budget(s) FAILED` : '\nAll budgets met.')
if (errorCount) log(`!! ${errorCount} unexpected answers in all: the figures above do not measure the scenarios (exit 1, also with --no-fail).`)
if (typeof args.json === 'string') {
  writeFileSync(args.json, JSON.stringify({ at: new Date().toISOString(), workers: WORKERS, counts: fixture.counts, rows }, null, 2))
}
removePgliteDir()
process.exit(errorCount || (failed.length && !NO_FAIL) ? 1 : 0)
