// The yearly overview and the RI&E analysis on the embedded database with the demo seed, through the
// tenant transaction (RLS as baken_app) and the role's CASL rules — as the routes call them.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { demoDates } from '@baken/db/demo'
import { defineAbilityFor, ForbiddenError } from '@baken/permissions'
import { and, count, eq, not } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getOverviewSchool, getRieAnalysis, getYearlyOverview, isoWeekday, listOverviewYears, schoolYearOf, type RieAnalysis } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
let branding: { id: string; stichtingId: string }
/** '2026' → '2026-2027' */
const yearFrom = (start: number) => `${start}-${start + 1}`
// The start year of the schooljaar the demo was seeded in, and the schooljaar before it, which has a
// whole year of demo incidents on any day (the current one has none yet in early August).
let current: number
let YEAR: string

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  current = demoDates(seed!.at).schoolYearStart
  YEAR = yearFrom(current - 1)
  const [school] = await h.db.select().from(schema.schools).where(eq(schema.schools.brin, '12AB'))
  branding = school!
  expect(ctxOf['directeur@branding.demo']!.schoolId).toBe(branding.id)
})
afterAll(() => h?.close())

const as = <T>(email: string, fn: (tx: Parameters<Parameters<typeof withTenant>[2]>[0], ability: ReturnType<typeof defineAbilityFor>) => Promise<T>) => {
  const ctx = ctxOf[email]!
  return withTenant(h.db, ctx, (tx) => fn(tx, defineAbilityFor(ctx)))
}
const analysisOf = (email: string, schooljaar = YEAR) => as(email, (tx, ability) => getRieAnalysis(tx, ability, { schooljaar }))
const overviewOf = (email: string, schooljaar = YEAR) => as(email, (tx, ability) => getYearlyOverview(tx, ability, { schooljaar }))

async function directCount(schooljaar: string, options: { withConfidential: boolean }) {
  const i = schema.incidents
  const [row] = await h.db
    .select({ n: count() })
    .from(i)
    .where(
      and(
        eq(i.schoolId, branding.id),
        eq(i.schoolYear, schooljaar),
        eq(i.status, 'submitted'),
        options.withConfidential ? undefined : not(i.confidential),
      ),
    )
  return row!.n
}

const sum = (items: { count: number }[]) => items.reduce((s, i) => s + i.count, 0)

describe('RI&E analysis', () => {
  it('the total equals a direct count of the submitted incidents of the schooljaar', async () => {
    const a = await analysisOf('directeur@branding.demo')
    expect(a.total).toBeGreaterThan(100)
    expect(a.total).toBe(await directCount(YEAR, { withConfidential: true }))
  })

  it('months (August to July), weekdays, hours, severities and locations each sum to the total', async () => {
    const a = await analysisOf('ib@branding.demo')
    expect(a.perMonth.map((m) => m.key)).toEqual([8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7])
    expect(a.perMonth[0]!.label).toBe('augustus')
    expect(a.perWeekday.map((d) => d.label)).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'])
    expect(a.perHour.map((h) => h.key)).toEqual(Array.from({ length: 24 }, (_, k) => k))
    expect(a.perSeverity.map((s) => s.key)).toEqual(['overig', 'ernstig', 'zeer_ernstig'])
    for (const list of [a.perMonth, a.perWeekday, a.perHour, a.perSeverity, a.perLocation] as { count: number }[][]) {
      expect(sum(list)).toBe(a.total)
    }
    // Every incident has at least one type; an incident with two types counts for both.
    expect(sum(a.perType)).toBeGreaterThanOrEqual(a.total)
    expect(a.perType[0]!.count).toBeGreaterThanOrEqual(a.perType.at(-1)!.count)
    // The demo puts incidents on school days during school hours (Dutch time).
    expect(a.perWeekday[5]!.count + a.perWeekday[6]!.count).toBe(0)
  })

  it('confidential incidents are counted for the directeur, not for the IB', async () => {
    const confidential = (await directCount(YEAR, { withConfidential: true })) - (await directCount(YEAR, { withConfidential: false }))
    expect(confidential).toBeGreaterThan(0)
    const directeur = await analysisOf('directeur@branding.demo')
    const ib = await analysisOf('ib@branding.demo')
    expect(ib.total).toBe(await directCount(YEAR, { withConfidential: false }))
    expect(directeur.total - ib.total).toBe(confidential)
    // Sexual intimidation (IRIS voorval 8) is confidential in the demo: only the directeur counts it.
    expect(directeur.perType.find((t) => t.key === 8)?.count ?? 0).toBeGreaterThan(0)
    expect(ib.perType.find((t) => t.key === 8)).toBeUndefined()
    // And the overview rows agree.
    const directeurRows = await overviewOf('directeur@branding.demo')
    const ibRows = await overviewOf('ib@branding.demo')
    expect(directeurRows.some((r) => r.vertrouwelijk)).toBe(true)
    expect(ibRows.some((r) => r.vertrouwelijk)).toBe(false)
  })

  it('an incident at 23:30 on 31 July belongs to the old schooljaar, one at 00:30 on 1 August to the new', async () => {
    // The turn of the demo's previous and current schooljaar.
    const [oldYear, newYear] = [YEAR, yearFrom(current)]
    const before = { old: await analysisOf('directeur@branding.demo', oldYear), new: await analysisOf('directeur@branding.demo', newYear) }
    const lateJuly = new Date(`${current}-07-31T21:30:00Z`) // 23:30 CEST
    const earlyAugust = new Date(`${current}-07-31T22:30:00Z`) // 00:30 CEST, 1 August
    expect([schoolYearOf(lateJuly), schoolYearOf(earlyAugust)]).toEqual([oldYear, newYear])
    const [pupil] = await h.db.select().from(schema.students).where(eq(schema.students.schoolId, branding.id)).limit(1)
    const ids: string[] = []
    for (const occurredAt of [lateJuly, earlyAugust]) {
      const [row] = await h.db
        .insert(schema.incidents)
        .values({
          stichtingId: branding.stichtingId,
          schoolId: branding.id,
          status: 'submitted',
          submittedAt: occurredAt,
          schoolYear: schoolYearOf(occurredAt),
          occurredAt,
          locationCode: 21,
          situation: 'Grensgeval voor het schooljaar.',
          reportedById: ctxOf['directeur@branding.demo']!.userId,
        })
        .returning()
      ids.push(row!.id)
      const tenant = { stichtingId: branding.stichtingId, schoolId: branding.id, incidentId: row!.id }
      await h.db.insert(schema.incidentCodes).values([
        { ...tenant, list: 'voorval', code: 1 },
        { ...tenant, list: 'afhandeling', code: 6 },
        { ...tenant, list: 'afhandeling', code: 2 },
      ])
      await h.db.insert(schema.incidentPersons).values({ ...tenant, role: 'dader', kind: 'leerling', studentId: pupil!.id, groupId: pupil!.groupId })
    }
    const after = { old: await analysisOf('directeur@branding.demo', oldYear), new: await analysisOf('directeur@branding.demo', newYear) }
    const delta = (b: RieAnalysis, a: RieAnalysis, pick: (x: RieAnalysis) => { key: unknown; count: number }[], key: unknown) =>
      (pick(a).find((i) => i.key === key)?.count ?? 0) - (pick(b).find((i) => i.key === key)?.count ?? 0)
    expect(after.old.total - before.old.total).toBe(1)
    expect(after.new.total - before.new.total).toBe(1)
    expect(delta(before.old, after.old, (x) => x.perMonth, 7)).toBe(1)
    expect(delta(before.old, after.old, (x) => x.perHour, 23)).toBe(1)
    expect(delta(before.old, after.old, (x) => x.perWeekday, isoWeekday(`${current}-07-31`))).toBe(1)
    expect(delta(before.new, after.new, (x) => x.perMonth, 8)).toBe(1)
    expect(delta(before.new, after.new, (x) => x.perHour, 0)).toBe(1)
    expect(delta(before.new, after.new, (x) => x.perWeekday, isoWeekday(`${current}-08-01`))).toBe(1)

    const oldRows = (await overviewOf('directeur@branding.demo', oldYear)).filter((r) => ids.includes(r.incidentId))
    const newRows = (await overviewOf('directeur@branding.demo', newYear)).filter((r) => ids.includes(r.incidentId))
    expect(oldRows.map((r) => [r.incidentId, r.datum])).toEqual([[ids[0], `${current}-07-31`]])
    expect(newRows.map((r) => [r.incidentId, r.datum])).toEqual([[ids[1], `${current}-08-01`]])
    // Sanctie: only the afhandeling codes of group 'schoolmaatregel' (6 waarschuwing, not 2 inzet ouders).
    expect(newRows[0]).toMatchObject({ incident: 'verbaal geweld', sanctie: 'waarschuwing', rol: 'dader', ernst: 'overig' })
  })
})

describe('yearly overview', () => {
  it('has one row per pupil involved in a submitted incident, in date order, with names and groups', async () => {
    const rows = await overviewOf('directeur@branding.demo')
    const p = schema.incidentPersons
    const i = schema.incidents
    const [expected] = await h.db
      .select({ n: count() })
      .from(p)
      .innerJoin(i, eq(i.id, p.incidentId))
      .where(and(eq(i.schoolId, branding.id), eq(i.schoolYear, YEAR), eq(i.status, 'submitted'), eq(p.kind, 'leerling')))
    expect(rows.length).toBe(expected!.n)
    expect(rows.map((r) => r.occurredAt.getTime())).toEqual([...rows.map((r) => r.occurredAt.getTime())].sort((a, b) => a - b))
    for (const r of rows.slice(0, 20)) {
      expect(r.naam).toMatch(/\S+ \S+/)
      expect(r.datum).toMatch(new RegExp(`^${current - 1}-(0[89]|1[0-2])-\\d\\d$|^${current}-0[1-7]-\\d\\d$`))
      expect(r.groep).toMatch(/^groep \d$/)
      expect(r.incident.length).toBeGreaterThan(0)
    }
    // A vechtpartij (voorval 3, afhandeling 1, 6, 2) carries only the warning as sanctie.
    expect(rows.find((r) => r.incident === 'fysiek geweld')?.sanctie).toBe('waarschuwing')
  })

  it('lists the schooljaren with incidents, and refuses a bad schooljaar in Dutch', async () => {
    const years = await as('ib@branding.demo', (tx, ability) => listOverviewYears(tx, ability))
    // The two demo years, then the years of the old incidents of pupils who left (demo-privacy.ts:
    // four and five schooljaren before the current one).
    expect(years).toEqual([yearFrom(current), yearFrom(current - 1), yearFrom(current - 4), yearFrom(current - 5)])
    await expect(overviewOf('ib@branding.demo', '2025-2027')).rejects.toThrow(/opeenvolgende jaren/)
    await expect(analysisOf('ib@branding.demo', '2025')).rejects.toThrow(/twee jaartallen/)
  })

  it('is only for the directeur and the IB of the school', async () => {
    await expect(overviewOf('leerkracht@branding.demo')).rejects.toBeInstanceOf(ForbiddenError)
    await expect(analysisOf('vertrouwenspersoon@branding.demo')).rejects.toBeInstanceOf(ForbiddenError)
    expect(await as('directeur@branding.demo', (tx, ability) => getOverviewSchool(tx, ability, branding.id))).toEqual({
      id: branding.id,
      name: expect.any(String),
      brin: '12AB',
    })
    const lyceum = ctxOf['directeur@lyceum.demo']!.schoolId!
    expect(await as('directeur@branding.demo', (tx, ability) => getOverviewSchool(tx, ability, lyceum))).toBeNull()
    expect(await as('directeur@branding.demo', (tx, ability) => getOverviewSchool(tx, ability, 'not-a-uuid'))).toBeNull()
    expect(await as('leerkracht@branding.demo', (tx, ability) => getOverviewSchool(tx, ability, branding.id))).toBeNull()
  })
})
