// Where the board's oversight (GET /api/v1/stichtingen/{id}/oversight and /bestuur) spends its time:
// runs the use case once as the benchmark bestuurder, in the board's tenant transaction, records
// every SQL statement it sends, and runs each again under EXPLAIN (ANALYZE, BUFFERS) in the same
// context. Prints the statements by execution time, the slowest plans in full.
//
//   node --import tsx scripts/bench/explain-board.ts [--plans=3] [--repeat=20] [--schooljaar=2026-2027]
//
// BENCH_DATABASE_URL as for the benchmark (docs/benchmark.md).
import { applyContext, databaseRoleFor, type Database, type TenantContext } from '../../packages/db/src/index.ts'
import * as tables from '../../packages/db/src/tables.ts'
import { getBoardOversight } from '../../packages/domain/src/index.ts'
import { defineAbilityFor } from '../../packages/permissions/src/index.ts'
// drizzle-orm is a dependency of packages/db, not of the repository root where this script lives.
import { drizzle } from '../../packages/db/node_modules/drizzle-orm/postgres-js/index.js'
import postgres from 'postgres'
import { BENCH_USERS, benchDatabaseUrl, CURRENT_SCHOOL_YEAR, parseArgs } from './common.ts'

const args = parseArgs(process.argv.slice(2))
const PLANS = Number(args.plans ?? 3)
const REPEAT = Number(args.repeat ?? 20)
const schooljaar = typeof args.schooljaar === 'string' ? args.schooljaar : CURRENT_SCHOOL_YEAR
const client = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} })
const captured: { query: string; params: unknown[]; at: number }[] = []
const db = drizzle(client, { schema: tables, logger: { logQuery: (query, params) => captured.push({ query, params, at: performance.now() }) } }) as unknown as Database

try {
  const [m] = await client`select u.id as user_id, m.id as membership_id, m.stichting_id from users u
    join memberships m on m.user_id = u.id where u.email = ${BENCH_USERS.bestuurder}`
  if (!m) throw new Error(`No ${BENCH_USERS.bestuurder}: run scripts/bench/generate.ts first`)
  const tenant: TenantContext = {
    userId: m.user_id,
    membershipId: m.membership_id,
    role: 'bestuurder',
    stichtingId: m.stichting_id,
    schoolId: null,
    partnerId: null,
  }
  const ability = defineAbilityFor(tenant)
  const settings = { userId: tenant.userId, role: tenant.role, stichtingId: tenant.stichtingId, schoolId: null }
  const once = () =>
    db.transaction(async (tx) => {
      await applyContext(tx, settings)
      captured.length = 0
      return getBoardOversight.run(tx, { ability, tenant, now: new Date() }, { schooljaar })
    })
  const walls: number[] = []
  let outcome = await once()
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now()
    outcome = await once()
    walls.push(performance.now() - t0)
  }
  if (!outcome.ok) throw new Error(`oversight refused: ${JSON.stringify(outcome)}`)
  const end = performance.now()
  // Of the last run: from each statement's start to the next one's (its round trip and the
  // JavaScript after it), as the use case sends them.
  const gaps = captured.map((c, i) => ({ ms: (captured[i + 1]?.at ?? end) - c.at, sql: c.query.replace(/\s+/g, ' ').slice(0, 110) }))
  walls.sort((a, b) => a - b)
  console.log(`Oversight of ${schooljaar}: ${outcome.measures.length} measures, ${outcome.queue.length} in the queue, ` +
    `${outcome.deadlines.inspectie.length} notices and ${outcome.deadlines.bezwaren.length} bezwaren at risk; ${captured.length} statements; ` +
    `the use case alone (one connection, no HTTP), median of ${REPEAT}: ${walls[Math.floor(walls.length / 2)]?.toFixed(1) ?? '–'} ms`)

  console.log('Last run, statement by statement (round trip and the JavaScript after it):')
  for (const g of gaps) console.log(`${g.ms.toFixed(2).padStart(9)} ms  ${g.sql}`)
  const explained: { ms: number; planning: number; sql: string; plan: string }[] = []
  await client.begin(async (sql) => {
    await sql`select set_config('role', ${databaseRoleFor(tenant.role)}, true), set_config('app.user_id', ${tenant.userId}, true),
      set_config('app.role', ${tenant.role}, true), set_config('app.stichting_id', ${tenant.stichtingId!}, true)`
    for (const { query, params } of captured) {
      // The recorded statement with its own parameters, as the driver sent it.
      const rows = await sql.unsafe(`explain (analyze, buffers, format text) ${query}`, params as never[])
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n')
      const ms = Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN)
      const planning = Number(/Planning Time: ([\d.]+)/.exec(plan)?.[1] ?? NaN)
      explained.push({ ms, planning, sql: query.replace(/\s+/g, ' '), plan })
    }
  })
  explained.sort((a, b) => b.ms + b.planning - (a.ms + a.planning))
  for (const e of explained) console.log(`${e.ms.toFixed(2).padStart(9)} ms exec ${e.planning.toFixed(2).padStart(7)} ms plan  ${e.sql.slice(0, 150)}`)
  for (const e of explained.slice(0, PLANS)) console.log(`\n---- ${e.sql.slice(0, 300)}\n${e.plan}`)
} finally {
  await client.end({ timeout: 5 })
}

