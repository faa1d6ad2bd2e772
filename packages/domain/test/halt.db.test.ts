// The Halt spreekuur through the tenant transaction, as the routes call it: referring with
// consent and the chosen facts (a purpose-bound share), what Halt sees (only the shared facts, no
// incident or student rows), Halt's workflow, closing with only the agreed fields and the mail, what
// the school sees (never Halt's notes), a school without a link to the region, and the overview.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { dutchMoment } from '@baken/db/demo'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  addAppointment,
  addHaltNote,
  addJim,
  addRestorativeStep,
  ageOn,
  closeReferral,
  createReferral,
  decideReferral,
  getHaltCase,
  getReferral,
  getHaltOverview,
  listHaltQueue,
  listReferrals,
  localDate,
  parseLocalDateTime,
  plusDays,
  percentiles,
  saveComponents,
  setAttendance,
  type Outcome,
  type UseCase,
} from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'
import { daderIncidents, ensureHaltAgreement } from './support/halt-fixture.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const as = <T>(email: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, ctxOf[email]!, fn)
const ability = (email: string) => defineAbilityFor(ctxOf[email]!)
const DIR = 'directeur@vakcollege.demo'
const HALT = 'halt@haltnoord.demo'
const NOTE = 'Geheime sessienotitie: thuissituatie besproken'
const COMPONENT_NOTE = 'Componentnotitie alleen voor Halt'

let incident: { incidentId: string; studentId: string }
// The referral rules (consent, age, the agreement's term) are checked on the real day.
const today = localDate(new Date())
/** A date of birth that makes the student `years` old today (born on 1 January). */
const bornAged = (years: number) => `${Number(today.slice(0, 4)) - years}-01-01`
const intakeDay = plusDays(today, 3)
let vak: string

const base = () => ({
  studentId: incident.studentId,
  incidentIds: [incident.incidentId],
  reason: 'Herhaaldelijk grensoverschrijdend gedrag in de les; school wil een pedagogisch alternatief.',
  incidentTypes: ['fysieke_agressie', 'bedreiging'],
  schoolActions: 'Gesprek met student en ouders, time-out.',
  contactName: 'Wendy Hoekstra',
  contactEmail: 'w.hoekstra@vakcollege.demo',
  studentConsentOn: plusDays(today, -1),
  shareFields: ['datum', 'type'],
  reportFields: ['uitkomst', 'onderdelen'],
})
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown) => runAs(h.db, ctxOf[email]!, useCase, input)
/** The use case's own checks on the record, without its permission gate (what a role that got past it would see). */
const runPast = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: z.output<S>) =>
  as(email, (tx) => useCase.run(tx, { ability: ability(email), tenant: ctxOf[email]!, now: new Date() }, input))
/** A read's view, or null when the caller may not see it. */
/** A list's items (an empty list for a refusal). */
const items = async <T>(o: Promise<Outcome<{ items: T[] }>>) => {
  const r = await o
  return r.ok ? r.items : []
}
const found = <T extends object>(o: Outcome<T>) => (o.ok ? o : null)
const refer = (email: string, input: Record<string, unknown>) => run(email, createReferral, input)
const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[]

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  vak = ctxOf[DIR]!.schoolId!
  await ensureHaltAgreement(h.db, { stichtingId: ctxOf[DIR]!.stichtingId!, schoolId: vak, partnerId: ctxOf[HALT]!.partnerId!, createdById: demo.userOf[DIR]! })
  const list = await daderIncidents(h.db, vak)
  expect(list.length).toBeGreaterThan(0)
  incident = list[0]!
  // Make the student 17, so the parents' consent is not needed by default.
  await h.db.update(schema.students).set({ dateOfBirth: bornAged(17) }).where(eq(schema.students.id, incident.studentId))
})
afterAll(() => h?.close())

describe('pure helpers', () => {
  it('computes age on a day, percentiles and Dutch local time', () => {
    expect(ageOn('2010-11-22', '2026-11-21')).toBe(15)
    expect(ageOn('2010-11-21', '2026-11-21')).toBe(16)
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ median: 5.5, p90: 9 })
    expect(percentiles([])).toEqual({ median: null, p90: null })
    expect(parseLocalDateTime('2026-11-24T10:00')!.toISOString()).toBe('2026-11-24T09:00:00.000Z')
    expect(parseLocalDateTime('2026-06-24T10:00')!.toISOString()).toBe('2026-06-24T08:00:00.000Z')
  })
})

describe('referring (school side)', () => {
  it('refuses a referral without the student’s consent', async () => {
    const r = await refer(DIR, { ...base(), studentConsentOn: '' })
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'studentConsentOn' }] })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/toestemming van de student/)
  })

  it('refuses a student under 16 without the parents’ consent, and accepts it with', async () => {
    await h.db.update(schema.students).set({ dateOfBirth: bornAged(15) }).where(eq(schema.students.id, incident.studentId))
    try {
      const r = await refer(DIR, base())
      expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'parentConsentOn' }] })
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/jonger dan 16 jaar.*toestemming van de ouders/)
      const ok = await refer(DIR, { ...base(), parentConsentOn: today })
      expect(ok.ok).toBe(true)
    } finally {
      await h.db.update(schema.students).set({ dateOfBirth: bornAged(17) }).where(eq(schema.students.id, incident.studentId))
    }
  })

  it('refuses a school that is not linked to a Halt region (domain)', async () => {
    const lyceum = 'directeur@lyceum.demo'
    const r = await refer(lyceum, base())
    expect(r).toMatchObject({ ok: false, reason: 'forbidden' })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/niet gekoppeld aan een Halt-regio/)
  })

  it('refuses facts outside the agreement’s data categories? no: refuses unknown fields and an empty choice', async () => {
    expect(await refer(DIR, { ...base(), shareFields: [] })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'shareFields' }] })
    expect(await refer(DIR, { ...base(), incidentTypes: [] })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'incidentTypes' }] })
  })

  it('records the referral with a halt_spreekuur share of only the chosen fields', async () => {
    const r = await refer(DIR, base())
    expect(r.ok, JSON.stringify(r)).toBe(true)
    if (!r.ok) return
    const [share] = await h.db.select().from(schema.shares).where(eq(schema.shares.id, r.shareId))
    expect(share).toMatchObject({ purpose: 'halt_spreekuur', origin: 'halt_verwijzing', fields: ['datum', 'type'], partnerId: ctxOf[HALT]!.partnerId })
    const items = await h.db.select().from(schema.shareItems).where(eq(schema.shareItems.shareId, r.shareId))
    expect(items).toHaveLength(1)
    expect(Object.keys(items[0]!.payload as object).sort()).toEqual(['datum', 'type'])
  })
})

describe('declining', () => {
  it('a declined referral shows the reason to the school and takes no appointments', async () => {
    const r = await refer(DIR, base())
    expect(r.ok).toBe(true)
    const id = (r as { id: string }).id
    expect(await run(HALT, decideReferral, { id, decision: 'decline', reason: 'Past niet bij het spreekuur: doorverwijzen naar zorg.' })).toMatchObject({
      ok: true,
      status: 'afgewezen',
    })
    const school = await found(await run(DIR, getReferral, { id }))
    expect(school).toMatchObject({ status: 'afgewezen', declineReason: 'Past niet bij het spreekuur: doorverwijzen naar zorg.' })
    expect(await run(HALT, addAppointment, { id, kind: 'intake', startsAt: `${intakeDay}T10:00` })).toMatchObject({ ok: false, reason: 'conflict' })
    // The school cannot decide for Halt.
    expect(await run(DIR, decideReferral, { id, decision: 'accept' })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await runPast(DIR, decideReferral, { id, decision: 'accept' })).toMatchObject({ ok: false, reason: 'not_found' })
  })
})

describe('Halt’s workspace and the school’s view', () => {
  let id: string
  let intakeId: string

  beforeAll(async () => {
    const r = await refer(DIR, { ...base(), shareFields: ['datum', 'type', 'naam_dader'], reportFields: ['uitkomst', 'onderdelen', 'afspraken'] })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    id = (r as { id: string }).id
  })

  it('Halt sees the referral in its queue with only the shared facts, and no incident or student rows', async () => {
    const queue = await items(run(HALT, listHaltQueue, {}))
    const item = queue.find((q) => q.id === id)
    expect(item).toMatchObject({ status: 'aangemeld', schoolName: 'Kompas Vakcollege' })
    expect(item!.studentLabel).toBeTruthy()
    const c = found(await run(HALT, getHaltCase, { id }))
    expect(c).not.toBeNull()
    expect(c!.facts).toHaveLength(1)
    expect(Object.keys(c!.facts[0] as object).sort()).toEqual(['datum', 'naam_dader', 'type'])
    const counts = await as(HALT, async (tx) =>
      rows(await tx.execute(sql`select (select count(*)::int from incidents) as i, (select count(*)::int from students) as s, (select count(*)::int from incident_persons) as p`))[0],
    )
    expect(counts).toEqual({ i: 0, s: 0, p: 0 })
    // The look was logged in the stichting's chain, as Halt.
    const logged = await h.db
      .select()
      .from(schema.accessLog)
      .where(and(eq(schema.accessLog.subjectId, id), eq(schema.accessLog.userId, ctxOf[HALT]!.userId)))
    expect(logged[0]).toMatchObject({ subjectType: 'referral', stichtingId: ctxOf[DIR]!.stichtingId, partnerId: ctxOf[HALT]!.partnerId, studentId: null, studentIds: [incident.studentId] })
  })

  it('a decline needs a reason; Halt accepts, plans the intake and records attendance', async () => {
    const h1 = await run(HALT, decideReferral, { id, decision: 'decline' })
    expect(h1).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'reason' }] })
    expect(await run(HALT, decideReferral, { id, decision: 'accept' })).toMatchObject({ ok: true, status: 'geaccepteerd' })
    expect(await run(HALT, decideReferral, { id, decision: 'accept' })).toMatchObject({ ok: false, reason: 'conflict' })
    const a = await run(HALT, addAppointment, { id, kind: 'intake', startsAt: `${intakeDay}T10:00` })
    expect(a).toMatchObject({ ok: true, status: 'intake_gepland' })
    intakeId = (a as { appointmentId: string }).appointmentId
    expect(await run(HALT, setAttendance, { id, appointmentId: intakeId, attendance: 'aanwezig' })).toMatchObject({ ok: true, status: 'lopend' })
  })

  it('Halt records components, a JIM, a restorative step and its notes', async () => {
    const c = await run(HALT, saveComponents, {
        id,
        components: [
          { component: 'reflectie', done: true, note: COMPONENT_NOTE },
          { component: 'netwerk_jim', done: true },
          { component: 'opdrachten', done: false, note: 'nog niet' },
        ],
      })
    expect(c).toMatchObject({ ok: true })
    expect((c as { components: string[] }).components.sort()).toEqual(['netwerk_jim', 'reflectie'])
    expect(await run(HALT, addJim, { id, name: 'Tante Ria', relation: 'tante', contact: '06-12345678', agreements: 'Helpt bij nieuwe afspraken over boosheid.' })).toMatchObject({ ok: true })
    expect(await run(HALT, addRestorativeStep, { id, kind: 'gesprek_slachtoffer', on: today, note: 'Slachtoffer wilde praten' })).toMatchObject({ ok: true })
    expect(await run(HALT, addHaltNote, { id, body: NOTE })).toMatchObject({ ok: true })
    // The school cannot touch Halt's workspace: as school staff, Halt's tables are empty.
    for (const email of [DIR, 'docent@vakcollege.demo', 'bestuur@kompas.demo', 'politie@wijkteam.demo']) {
      const n = await as(email, async (tx) =>
        rows(
          await tx.execute(sql`select (select count(*)::int from halt_notes) + (select count(*)::int from halt_components)
            + (select count(*)::int from halt_jims) + (select count(*)::int from halt_appointments)
            + (select count(*)::int from halt_restorative_steps) as n`),
        )[0]!.n,
      )
      expect(n, email).toBe(0)
    }
  })

  it('the school sees status and intake date, not Halt’s workspace, and the look is logged', async () => {
    const r = await found(await run(DIR, getReferral, { id }))
    expect(r).toMatchObject({ status: 'lopend', closingReport: null })
    expect(r!.intakeAt).toBe(dutchMoment(intakeDay, 10).toISOString())
    expect(JSON.stringify(r)).not.toContain(NOTE)
    expect(JSON.stringify(r)).not.toContain(COMPONENT_NOTE)
    expect(JSON.stringify(r)).not.toContain('Tante Ria')
    const logged = await h.db.select().from(schema.accessLog).where(and(eq(schema.accessLog.subjectId, id), eq(schema.accessLog.userId, ctxOf[DIR]!.userId)))
    expect(logged).toHaveLength(1)
    // The leerkracht of the school sees the referral too; the Lyceum's directeur and politie do not.
    expect((await items(run('docent@vakcollege.demo', listReferrals, {}))).some((x) => x.id === id)).toBe(true)
    expect(found(await run('directeur@lyceum.demo', getReferral, { id }))).toBeNull()
    expect(found(await run('directeur@horizon.demo', getReferral, { id }))).toBeNull()
    expect(found(await run('politie@wijkteam.demo', getHaltCase, { id }))).toBeNull()
  })

  it('closing stores only the agreed fields and queues the mail without Halt’s notes', async () => {
    const bad = await run(HALT, closeReferral, { id, outcome: 'voortijdig_gestopt' })
    expect(bad).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'outcomeReason' }] })
    const r = await run(HALT, closeReferral, { id, outcome: 'afgerond', afspraken: 'Nieuwe afspraken met mentor en JIM.', advies_school: 'Niet afgesproken advies' })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    const [row] = await h.db.select().from(schema.haltReferrals).where(eq(schema.haltReferrals.id, id))
    expect(row!.status).toBe('afgesloten')
    expect(Object.keys(row!.closingReport as object).sort()).toEqual(['afspraken', 'onderdelen', 'uitkomst'])
    expect(row!.closingReport).toMatchObject({ uitkomst: 'Afgerond', afspraken: 'Nieuwe afspraken met mentor en JIM.' })
    expect(JSON.stringify(row!.closingReport)).not.toContain(COMPONENT_NOTE)
    const mails = await h.db.select().from(schema.outbox).where(eq(schema.outbox.subjectRef, `halt_referral:${id}`))
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ toAddress: 'w.hoekstra@vakcollege.demo', schoolId: vak })
    expect(mails[0]!.text).toContain('Nieuwe afspraken met mentor en JIM.')
    expect(mails[0]!.text).not.toContain(NOTE)
    expect(mails[0]!.text).not.toContain(COMPONENT_NOTE)
    expect(mails[0]!.text).not.toContain('Niet afgesproken advies')
    // Closing twice is refused; the school now reads the report.
    expect(await run(HALT, closeReferral, { id, outcome: 'afgerond' })).toMatchObject({ ok: false, reason: 'conflict' })
    const school = await found(await run(DIR, getReferral, { id }))
    expect(school!.closingReport).toEqual(row!.closingReport)
    expect(JSON.stringify(school)).not.toContain(NOTE)
  })

  it('the overview counts per school, type and month, completion and waiting time', async () => {
    const o = found(await run(HALT, getHaltOverview, {}))!
    expect(o.total).toBeGreaterThanOrEqual(3)
    expect(o.perSchool.map((s) => s.schoolName)).toEqual(['Kompas Vakcollege'])
    expect(o.perType.find((t) => t.type === 'bedreiging')!.count).toBeGreaterThanOrEqual(3)
    expect(o.completion.completed).toBeGreaterThanOrEqual(1)
    expect(o.waitingDays.count).toBeGreaterThanOrEqual(1)
    expect(o.waitingDays.median).not.toBeNull()
    // Another role sees nothing.
    expect((found(await runPast(DIR, getHaltOverview, {}))!).total).toBe(0)
  })
})
