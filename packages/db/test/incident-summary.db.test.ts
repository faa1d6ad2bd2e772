// Two invariants the database keeps for incidents (migrations 0042, 0043):
// - every part of an incident (codes, persons, versions, tasks, acknowledgements) carries its
//   incident's visibility columns, equal to the incident's after any change (composite foreign key
//   ON UPDATE CASCADE), so the parts' policies can test their own columns;
// - the board's summary tables (the month rows of 0043 and the type counts per schooljaar of 0052)
//   equal a full recount of the submitted incidents after any sequence of
//   inserts, edits, confidentiality changes, code changes and deletes (purges).
import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { beforeAll, expect, it } from 'vitest'
import { schoolYearOfDate } from '../src/calendar/calendar-dates.ts'
import type { Tx } from '../src/client.ts'
import { withContext } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

const PARTS = ['incident_codes', 'incident_persons', 'incident_versions', 'incident_tasks', 'incident_acknowledgements'] as const

/** Parts whose copies differ from their incident's columns (should be none). */
async function driftedParts(tx: Tx): Promise<string[]> {
  const out: string[] = []
  for (const t of PARTS) {
    const found = rows<{ incident_id: string }>(
      await tx.execute(
        sql.raw(`select p.incident_id from ${t} p join incidents i on i.id = p.incident_id
          where (p.incident_status, p.incident_confidential, p.incident_reported_by_id) is distinct from (i.status, i.confidential, i.reported_by_id)`),
      ),
    )
    out.push(...found.map((r) => `${t}: ${r.incident_id}`))
  }
  return out
}

/** Summary rows that differ from a recount (non-zero counts only), as readable lines. */
async function summaryDrift(tx: Tx): Promise<string[]> {
  const diff = rows<{ line: string }>(
    await tx.execute(sql`
      with summary as (
        select stichting_id, school_id, school_year, month, severity, confidential, sum(incidents)::int as n
          from board_incident_summary group by 1, 2, 3, 4, 5, 6 having sum(incidents) <> 0),
      recount as (
        select stichting_id, school_id, school_year, incident_month(occurred_at) as month, severity, confidential, count(*)::int as n
          from incidents where status = 'submitted' group by 1, 2, 3, 4, 5, 6),
      type_summary as (
        select stichting_id, school_id, school_year, month, code, severity, sum(incidents)::int as n
          from board_incident_type_summary group by 1, 2, 3, 4, 5, 6 having sum(incidents) <> 0),
      type_recount as (
        select i.stichting_id, i.school_id, i.school_year, incident_month(i.occurred_at) as month, c.code, i.severity, count(*)::int as n
          from incidents i join incident_codes c on c.incident_id = i.id and c.list = 'voorval'
         where i.status = 'submitted' group by 1, 2, 3, 4, 5, 6),
      type_year as (
        select stichting_id, school_id, school_year, code, incidents as n from board_incident_type_year where incidents <> 0),
      type_year_recount as (
        select i.stichting_id, i.school_id, i.school_year, c.code, count(*)::int as n
          from incidents i join incident_codes c on c.incident_id = i.id and c.list = 'voorval'
         where i.status = 'submitted' group by 1, 2, 3, 4)
      select 'counts ' || coalesce(s.school_year, r.school_year) || ' ' || coalesce(s.month, r.month) || ' ' || coalesce(s.severity, r.severity)
             || ' ' || coalesce(s.confidential, r.confidential) || ': summary ' || coalesce(s.n, 0) || ', recount ' || coalesce(r.n, 0) as line
        from summary s full join recount r using (stichting_id, school_id, school_year, month, severity, confidential)
       where coalesce(s.n, 0) <> coalesce(r.n, 0)
      union all
      select 'types ' || coalesce(s.school_year, r.school_year) || ' ' || coalesce(s.month, r.month) || ' code ' || coalesce(s.code, r.code)
             || ' ' || coalesce(s.severity, r.severity) || ': summary ' || coalesce(s.n, 0) || ', recount ' || coalesce(r.n, 0)
        from type_summary s full join type_recount r using (stichting_id, school_id, school_year, month, code, severity)
       where coalesce(s.n, 0) <> coalesce(r.n, 0)
      union all
      select 'types per year ' || coalesce(s.school_year, r.school_year) || ' code ' || coalesce(s.code, r.code)
             || ': summary ' || coalesce(s.n, 0) || ', recount ' || coalesce(r.n, 0)
        from type_year s full join type_year_recount r using (stichting_id, school_id, school_year, code)
       where coalesce(s.n, 0) <> coalesce(r.n, 0)`),
  )
  return diff.map((r) => r.line)
}

type Op =
  | { op: 'insert'; school: number; submitted: boolean; severity: number; confidential: boolean; day: number; codes: number[] }
  | { op: 'submit' | 'unsubmit' | 'toggleConfidential' | 'delete'; pick: number }
  | { op: 'severity'; pick: number; severity: number }
  | { op: 'move'; pick: number; day: number }
  | { op: 'addCode' | 'removeCode'; pick: number; code: number }

const SEVERITIES = ['overig', 'ernstig', 'zeer_ernstig'] as const
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    school: fc.nat(2),
    submitted: fc.boolean(),
    severity: fc.nat(2),
    confidential: fc.boolean(),
    day: fc.integer({ min: -500, max: 0 }),
    codes: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
  }),
  fc.record({ op: fc.constantFrom('submit' as const, 'unsubmit' as const, 'toggleConfidential' as const, 'delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('severity' as const), pick: fc.nat(), severity: fc.nat(2) }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), day: fc.integer({ min: -500, max: 0 }) }),
  fc.record({ op: fc.constantFrom('addCode' as const, 'removeCode' as const), pick: fc.nat(), code: fc.integer({ min: 1, max: 6 }) }),
)

describeEachDriver('incident parts and board summaries', (getDb) => {
  let f: DemoFixture
  let schools: { id: string; stichtingId: string; reporter: string }[]
  beforeAll(async () => {
    f = await loadDemoFixture(getDb().owner)
    schools = [
      { id: f.schools.branding, stichtingId: f.stichtingen.kompas, reporter: f.users['leerkracht@branding.demo']! },
      { id: f.schools.lyceum, stichtingId: f.stichtingen.kompas, reporter: f.users['directeur@lyceum.demo']! },
      { id: f.schools.horizon, stichtingId: f.stichtingen.horizon, reporter: f.users['directeur@horizon.demo']! },
    ]
  })

  it('the seeded parts carry their incident’s visibility and the summaries equal a recount', async () => {
    await inRolledBackTransaction(getDb().owner, async (tx) => {
      expect(await driftedParts(tx)).toEqual([])
      expect(await summaryDrift(tx)).toEqual([])
      const [n] = rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from board_incident_summary where incidents > 0`))
      expect(n!.n).toBeGreaterThan(0)
    })
  })

  it('a leerkracht’s draft, submitted and then made confidential, rewrites its parts; the summary follows', async () => {
    const leerkracht = f.contextOf('leerkracht@branding.demo')
    const directeur = f.contextOf('directeur@branding.demo')
    const [student] = rows<{ id: string }>(await getDb().owner.execute(sql`select id from students where school_id = ${f.schools.branding} limit 1`))
    // Two months before today, at 10:00 UTC (the same day and month in Amsterdam), in its schooljaar.
    const occurred = new Date(Date.now() - 60 * 24 * 3600_000)
    occurred.setUTCHours(10, 0, 0, 0)
    const day = occurred.toISOString().slice(0, 10)
    const schoolYear = schoolYearOfDate(day)
    const month = `${day.slice(0, 7)}-01`
    const id = await withContext(getDb().app, leerkracht, async (tx) => {
      const [row] = rows<{ id: string }>(
        await tx.execute(sql`insert into incidents (stichting_id, school_id, school_year, occurred_at, reported_by_id)
          values (${f.stichtingen.kompas}, ${f.schools.branding}, ${schoolYear}, ${occurred.toISOString()}, ${leerkracht.userId}) returning id`),
      )
      // The application writes no copies: the trigger fills them from the incident.
      await tx.execute(sql`insert into incident_codes (stichting_id, school_id, incident_id, list, code)
        values (${f.stichtingen.kompas}, ${f.schools.branding}, ${row!.id}, 'voorval', 3)`)
      await tx.execute(sql`insert into incident_persons (stichting_id, school_id, incident_id, role, kind, student_id)
        values (${f.stichtingen.kompas}, ${f.schools.branding}, ${row!.id}, 'dader', 'leerling', ${student!.id})`)
      return row!.id
    })
    const copies = async () =>
      rows<{ t: string; status: string; confidential: boolean; reporter: string }>(
        await getDb().owner.execute(sql`
          select 'codes' as t, incident_status as status, incident_confidential as confidential, incident_reported_by_id as reporter from incident_codes where incident_id = ${id}
          union all
          select 'persons', incident_status, incident_confidential, incident_reported_by_id from incident_persons where incident_id = ${id}`),
      )
    const typeCount = async () =>
      rows<{ n: number }>(
        await getDb().owner.execute(sql`select coalesce(sum(incidents), 0)::int as n from board_incident_type_summary
          where school_id = ${f.schools.branding} and school_year = ${schoolYear} and month = ${month} and code = 3`),
      )[0]!.n
    const before = await typeCount()
    expect((await copies()).map((c) => [c.status, c.confidential, c.reporter])).toEqual([
      ['draft', false, leerkracht.userId],
      ['draft', false, leerkracht.userId],
    ])

    await withContext(getDb().app, leerkracht, (tx) =>
      tx.execute(sql`update incidents set status = 'submitted', submitted_at = now() where id = ${id}`),
    )
    expect((await copies()).map((c) => c.status)).toEqual(['submitted', 'submitted'])
    expect(await typeCount()).toBe(before + 1)

    await withContext(getDb().app, directeur, (tx) => tx.execute(sql`update incidents set confidential = true where id = ${id}`))
    expect((await copies()).map((c) => c.confidential)).toEqual([true, true])
    // Confidential now: the leerkracht sees neither the incident nor its parts, the directeur both.
    const partsSeen = (ctx: typeof leerkracht) =>
      withContext(getDb().app, ctx, async (tx) =>
        rows<{ n: number }>(
          await tx.execute(sql`select (select count(*) from incident_codes where incident_id = ${id})
            + (select count(*) from incident_persons where incident_id = ${id}) as n`),
        )[0]!.n,
      )
    expect(Number(await partsSeen(leerkracht))).toBe(0)
    expect(Number(await partsSeen(directeur))).toBe(2)
    expect(await typeCount()).toBe(before + 1)

    await withContext(getDb().app, directeur, (tx) => tx.execute(sql`update incidents set confidential = false where id = ${id}`))
    expect((await copies()).map((c) => c.confidential)).toEqual([false, false])
    expect(Number(await partsSeen(leerkracht))).toBe(2)

    await inRolledBackTransaction(getDb().owner, async (tx) => expect(await driftedParts(tx)).toEqual([]))
    await getDb().owner.execute(sql`delete from incidents where id = ${id}`)
    expect(await typeCount()).toBe(before)
    await inRolledBackTransaction(getDb().owner, async (tx) => expect(await summaryDrift(tx)).toEqual([]))
  })

  it('a copy cannot be set apart from its incident', async () => {
    const [code] = rows<{ incident_id: string }>(
      await getDb().owner.execute(sql`select incident_id from incident_codes where school_id = ${f.schools.branding} limit 1`),
    )
    const outcome = await attempt(() =>
      inRolledBackTransaction(getDb().owner, (tx) =>
        tx.execute(sql`update incident_codes set incident_confidential = not incident_confidential where incident_id = ${code!.incident_id}`),
      ),
    )
    expect(outcome.ok ? null : outcome.error.code).toBe('23503')
  })

  it('the summaries equal a full recount after random inserts, edits, confidentiality changes, code changes and purges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        await inRolledBackTransaction(getDb().owner, async (tx) => {
          const mine: string[] = []
          const pick = (n: number) => mine[n % mine.length]
          for (const o of ops) {
            if (o.op === 'insert') {
              const s = schools[o.school]!
              const at = new Date(Date.UTC(2026, 5, 30) + o.day * 86_400_000)
              const year = at.getUTCMonth() >= 7 ? `${at.getUTCFullYear()}-${at.getUTCFullYear() + 1}` : `${at.getUTCFullYear() - 1}-${at.getUTCFullYear()}`
              const [row] = rows<{ id: string }>(
                await tx.execute(sql`insert into incidents (stichting_id, school_id, school_year, occurred_at, reported_by_id, status, submitted_at, severity, suggested_severity, confidential)
                  values (${s.stichtingId}, ${s.id}, ${year}, ${at.toISOString()}, ${s.reporter}, ${o.submitted ? 'submitted' : 'draft'},
                    ${o.submitted ? at.toISOString() : null}, ${SEVERITIES[o.severity]!}, 'overig', ${o.confidential}) returning id`),
              )
              mine.push(row!.id)
              for (const code of o.codes) {
                await tx.execute(sql`insert into incident_codes (stichting_id, school_id, incident_id, list, code) values (${s.stichtingId}, ${s.id}, ${row!.id}, 'voorval', ${code})`)
              }
              await tx.execute(sql`insert into incident_codes (stichting_id, school_id, incident_id, list, code) values (${s.stichtingId}, ${s.id}, ${row!.id}, 'afhandeling', 1)`)
              continue
            }
            const id = pick(o.pick)
            if (!id) continue
            if (o.op === 'submit') await tx.execute(sql`update incidents set status = 'submitted', submitted_at = coalesce(submitted_at, now()) where id = ${id}`)
            else if (o.op === 'unsubmit') await tx.execute(sql`update incidents set status = 'draft', submitted_at = null where id = ${id}`)
            else if (o.op === 'toggleConfidential') await tx.execute(sql`update incidents set confidential = not confidential where id = ${id}`)
            else if (o.op === 'severity') await tx.execute(sql`update incidents set severity = ${SEVERITIES[o.severity]!} where id = ${id}`)
            else if (o.op === 'move') {
              // Another day (possibly another month and schooljaar), as an edit of occurred_at does.
              const at = new Date(Date.UTC(2026, 5, 30) + o.day * 86_400_000)
              const year = at.getUTCMonth() >= 7 ? `${at.getUTCFullYear()}-${at.getUTCFullYear() + 1}` : `${at.getUTCFullYear() - 1}-${at.getUTCFullYear()}`
              await tx.execute(sql`update incidents set occurred_at = ${at.toISOString()}, school_year = ${year} where id = ${id}`)
            } else if (o.op === 'addCode') {
              await tx.execute(sql`insert into incident_codes (stichting_id, school_id, incident_id, list, code)
                select stichting_id, school_id, id, 'voorval', ${o.code} from incidents where id = ${id} on conflict do nothing`)
            } else if (o.op === 'removeCode') {
              await tx.execute(sql`delete from incident_codes where incident_id = ${id} and list = 'voorval' and code = ${o.code}`)
            } else {
              // A purge: the incident and, by cascade, all its parts.
              await tx.execute(sql`delete from incidents where id = ${id}`)
              mine.splice(mine.indexOf(id), 1)
            }
          }
          expect(await summaryDrift(tx)).toEqual([])
          expect(await driftedParts(tx)).toEqual([])
        })
      }),
      { numRuns: 30 },
    )
  })
})
