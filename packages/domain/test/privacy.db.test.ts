// Data-subject rights, retention and the purge on the demo database, as the routes call them: the
// student export (no other pupil's name, the shares, who looked), requests with their deadline and
// the right requester, retention defaults (TS and SQL agree), the purge (dry run and purge agree, a
// legal hold stops it, nothing is due afterwards, every run logged) and tenant isolation.
import { accessLogConcerns, schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { demoDates, dutchMoment } from '@baken/db/demo'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  addCalendarMonths,
  daysBetween,
  plusDays,
  closeSubjectRequest,
  createSubjectRequest,
  displayName,
  dryRunPurge,
  exportStudent,
  getRetention,
  liftLegalHold,
  listLegalHolds,
  listPurgeRuns,
  listSubjectRequests,
  recordAccess,
  renderStudentExportPdf,
  RETENTION_DEFAULTS,
  runPurge,
  setLegalHold,
  setRetention,
  type Outcome,
  type PurgeReport,
  type StudentExport,
  type UseCase,
} from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'
import { pdfText } from './support/pdf-text.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const as = <T>(email: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, ctxOf[email]!, fn)
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown, now?: Date) => runAs(h.db, ctxOf[email]!, useCase, input, now)
/** The items of a list that must succeed. */
const itemsOf = <T>(outcome: Outcome<{ items: T[] }>): T[] => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome))
  return outcome.items
}
const DIR = 'directeur@branding.demo'
const FG = 'privacy@kompas.demo'
// The day the demo was seeded (its requests and leavers are dated relative to it), and that instant.
let TODAY: string
let NOW: Date

let brandingId: string
let focal: { id: string; firstName: string; infix: string | null; lastName: string }
const leaver: Record<string, string> = {}

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  ;({ today: TODAY, now: NOW } = demoDates(seed!.at))
  brandingId = ctxOf[DIR]!.schoolId!
  for (const ext of ['OUD-9001', 'OUD-9002', 'OUD-9003', 'OUD-9004']) {
    const [s] = await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.externalId, ext))
    leaver[ext] = s!.id
  }
  // A Branding pupil involved in an incident together with other pupils.
  const rows = await h.db
    .select({ id: schema.incidentPersons.studentId, incidentId: schema.incidentPersons.incidentId })
    .from(schema.incidentPersons)
    .innerJoin(schema.incidents, eq(schema.incidents.id, schema.incidentPersons.incidentId))
    .where(and(eq(schema.incidentPersons.schoolId, brandingId), eq(schema.incidents.status, 'submitted')))
  const perIncident = new Map<string, Set<string>>()
  for (const r of rows) if (r.id) perIncident.set(r.incidentId, (perIncident.get(r.incidentId) ?? new Set()).add(r.id))
  const score = new Map<string, number>()
  for (const ids of perIncident.values()) if (ids.size > 1) for (const id of ids) score.set(id, (score.get(id) ?? 0) + 1)
  const best = [...score].sort((a, b) => b[1] - a[1])[0]![0]
  const [s] = await h.db.select().from(schema.students).where(eq(schema.students.id, best))
  focal = s!

  // A share about the pupil (Wijkteam Centrum), made directly: the sharing area's demo is separate.
  const [partner] = await h.db.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.kind, 'police_unit'))
  const dirId = ctxOf[DIR]!.userId
  const [agreement] = await h.db
    .insert(schema.sharingAgreements)
    .values({
      stichtingId: ctxOf[DIR]!.stichtingId!,
      schoolId: brandingId,
      partnerId: partner!.id,
      title: 'Convenant veilige school (test)',
      publicInterest: 'Veiligheid op en rond school',
      partnership: 'School en wijkteam',
      purposes: ['strafbare_feiten'],
      dataCategories: ['incidenten'],
      conditions: 'Alleen wat nodig is',
      recipients: 'Wijkagenten',
      legalBasis: 'Wpg art. 20; AVG art. 6(1)(e)',
      validFrom: plusDays(TODAY, -300),
      validUntil: plusDays(TODAY, 700),
      retentionDays: 365,
      status: 'goedgekeurd',
      approvedById: dirId,
      approvedAt: dutchMoment(plusDays(TODAY, -299), 11),
      createdById: dirId,
    })
    .returning()
  const [share] = await h.db
    .insert(schema.shares)
    .values({
      stichtingId: agreement!.stichtingId,
      schoolId: brandingId,
      agreementId: agreement!.id,
      partnerId: partner!.id,
      purpose: 'strafbare_feiten',
      legalBasis: 'Wpg art. 20 (test)',
      fields: ['datum', 'type'],
      approvedById: dirId,
      expiresAt: dutchMoment(plusDays(TODAY, 70), 0),
      createdById: dirId,
    })
    .returning()
  await h.db.insert(schema.shareStudents).values({ stichtingId: share!.stichtingId, schoolId: brandingId, shareId: share!.id, studentId: focal.id })
  // Someone looked at the pupil's dossier.
  await as('ib@branding.demo', (tx) => recordAccess(tx, ctxOf['ib@branding.demo']!, { subjectType: 'student', subjectId: focal.id, studentId: focal.id }))
})
afterAll(() => h?.close())

describe('student export', () => {
  // The first export's data, reused so that rendering it again logs no further access.
  let exported: StudentExport | undefined
  it('contains the pupil and no other pupil of the school by name, in the JSON and in the PDF', async () => {
    const r = await run(DIR, exportStudent, { id: focal.id }, NOW)
    expect(r.ok, JSON.stringify(r)).toBe(true)
    if (!r.ok) return
    exported = r.data
    expect(r.data.incidents.length).toBeGreaterThan(0)
    expect(r.data.incidents.some((i) => i.persons.some((p) => /^leerling [A-Z]+$/.test(p.who)))).toBe(true)
    const json = JSON.stringify(r.data)
    const pdf = await pdfText(await renderStudentExportPdf(r.data, { compress: false }))
    expect(json).toContain(displayName(focal))
    expect(pdf).toContain(displayName(focal))
    const others = await h.db.select().from(schema.students).where(eq(schema.students.schoolId, brandingId))
    const leaks = others
      .filter((o) => o.id !== focal.id && displayName(o) !== displayName(focal))
      .map((o) => displayName(o))
      .filter((name) => json.includes(name) || pdf.includes(name))
    expect(leaks).toEqual([])
    expect(r.filenameBase).not.toContain(focal.lastName)
  })

  it('prints names outside Latin-1 as written in the PDF (embedded Unicode font)', async () => {
    const data = exported!
    const names = 'Şahin Yıldız, Łukasz Wójcik, Nguyễn Văn An'
    const pdf = await renderStudentExportPdf({ ...data, student: { ...data.student, name: names } })
    const text = await pdfText(pdf)
    expect(text).toContain(`${names} — ${data.school.name}`)
    expect(text).toContain(`Naam: ${names}`)
  })

  it('lists the shares about the pupil and who looked, and logs the export itself', async () => {
    const r = await run(DIR, exportStudent, { id: focal.id })
    if (!r.ok) throw new Error(JSON.stringify(r))
    // This test's share, and any demo share that happens to be about the same pupil.
    const about = await h.db.select().from(schema.shareStudents).where(eq(schema.shareStudents.studentId, focal.id))
    expect(r.data.shares).toHaveLength(about.length)
    expect(r.data.shares).toContainEqual(
      expect.objectContaining({ partner: 'Wijkteam Centrum', purpose: 'strafbare_feiten', legalBasis: 'Wpg art. 20 (test)', fields: ['datum', 'type'], status: 'actief' }),
    )
    expect(r.data.accessHistory.some((a) => a.userName === 'Sanne Kuipers' && a.subjectType === 'student')).toBe(true)
    // The first export is in the history of the second.
    expect(r.data.accessHistory.some((a) => a.action === 'export' && a.subjectType === 'export')).toBe(true)
    const logged = await h.db
      .select()
      .from(schema.accessLog)
      .where(and(accessLogConcerns(focal.id), eq(schema.accessLog.action, 'export')))
    expect(logged.length).toBe(2)
    expect(logged[0]).toMatchObject({ subjectType: 'export', role: 'directeur', userId: ctxOf[DIR]!.userId })
  })

  it('is not available to a leerkracht, nor to a directeur of another stichting (404)', async () => {
    const t = 'leerkracht@branding.demo'
    const r1 = await run(t, exportStudent, { id: focal.id })
    expect(r1).toMatchObject({ ok: false, reason: 'not_found' })
    const hz = 'directeur@horizon.demo'
    const r2 = await run(hz, exportStudent, { id: focal.id })
    expect(r2).toMatchObject({ ok: false, reason: 'not_found' })
  })
})

describe('subject requests', () => {
  it('refuses the parents of a 16-year-old and the student under 16, citing AVG art. 8 / UAVG art. 5', async () => {
    // Born 16 years before today: 16 today, 15 the day before.
    const born = `${Number(TODAY.slice(0, 4)) - 16}${TODAY.slice(4)}`
    const [s] = await h.db
      .insert(schema.students)
      .values({ stichtingId: ctxOf[DIR]!.stichtingId!, schoolId: brandingId, firstName: 'Test', lastName: 'Zestien', dateOfBirth: born })
      .returning()
    const base = { studentId: s!.id, kind: 'inzage', requesterName: 'Iemand', details: 'Graag inzage in het dossier.' }
    const parentsOnBirthday = await run(DIR, createSubjectRequest, { ...base, requestedBy: 'ouders', receivedOn: TODAY }, NOW)
    expect(parentsOnBirthday).toMatchObject({ ok: false, reason: 'invalid' })
    if (!parentsOnBirthday.ok) expect(parentsOnBirthday.errors[0]!.message).toMatch(/AVG art\. 8, UAVG art\. 5/)
    const studentDayBefore = await run(DIR, createSubjectRequest, { ...base, requestedBy: 'leerling', receivedOn: plusDays(TODAY, -1) }, NOW)
    expect(studentDayBefore).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'requestedBy' }] })
    const ok = await run(DIR, createSubjectRequest, { ...base, requestedBy: 'leerling', receivedOn: TODAY }, NOW)
    expect(ok).toMatchObject({ ok: true, dueOn: addCalendarMonths(TODAY, 1) })
  })

  it('lists with days left and overdue, and closes with an outcome', async () => {
    const items = itemsOf(await run(FG, listSubjectRequests, {}, NOW))
    // The demo's requests: one received 51 days before the seeding day (its month has passed), one 10.
    const overdue = items.find((i) => i.receivedOn === plusDays(TODAY, -51))
    const overdueDue = addCalendarMonths(plusDays(TODAY, -51), 1)
    expect(daysBetween(TODAY, overdueDue)).toBeLessThan(0)
    expect(overdue).toMatchObject({ status: 'open', dueOn: overdueDue, overdue: true, daysLeft: daysBetween(TODAY, overdueDue) })
    const open = items.find((i) => i.receivedOn === plusDays(TODAY, -10))
    const openDue = addCalendarMonths(plusDays(TODAY, -10), 1)
    expect(open).toMatchObject({ overdue: false, dueOn: openDue, daysLeft: daysBetween(TODAY, openDue) })
    expect(open!.daysLeft).toBeGreaterThan(0)
    expect(items.some((i) => i.status === 'afgewezen')).toBe(true)
    const bad = await run(FG, closeSubjectRequest, { id: open!.id, status: 'klaar', outcome: '' })
    expect(bad).toMatchObject({ ok: false, reason: 'invalid' })
    if (!bad.ok) expect(bad.errors.map((e) => e.path).sort()).toEqual(['outcome', 'status'])
    const closed = await run(FG, closeSubjectRequest, { id: open!.id, status: 'afgehandeld', outcome: 'Datum gecorrigeerd.' })
    expect(closed).toMatchObject({ ok: true })
    const again = await run(FG, closeSubjectRequest, { id: open!.id, status: 'afgehandeld', outcome: 'Nogmaals.' })
    expect(again).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('keeps stichtingen apart: an FG of Horizon sees no Kompas request; a directeur only the own school', async () => {
    const [horizon] = await h.db.select().from(schema.stichtingen).where(eq(schema.stichtingen.name, 'Stichting Horizon'))
    const [u] = await h.db.insert(schema.users).values({ email: 'privacy@horizon.test', name: 'FG Horizon', passwordHash: 'x' }).returning()
    const [m] = await h.db.insert(schema.memberships).values({ userId: u!.id, role: 'privacyfunctionaris', stichtingId: horizon!.id }).returning()
    ctxOf['privacy@horizon.test'] = { userId: u!.id, membershipId: m!.id, role: 'privacyfunctionaris', stichtingId: horizon!.id, schoolId: null, partnerId: null }
    const hz = itemsOf(await run('privacy@horizon.test', listSubjectRequests, {}))
    expect(hz.length).toBe(1)
    expect(hz.every((i) => i.schoolName === 'CBS De Horizon')).toBe(true)
    const kompas = itemsOf(await run(FG, listSubjectRequests, {}))
    const hzIds = new Set(hz.map((i) => i.id))
    expect(kompas.some((i) => hzIds.has(i.id))).toBe(false)
    // Closing a Kompas request from Horizon: not found.
    const r = await run('privacy@horizon.test', closeSubjectRequest, { id: kompas[0]!.id, status: 'afgehandeld', outcome: 'Niet van ons.' })
    expect(r).toMatchObject({ ok: false, reason: 'not_found' })
    const lyceum = itemsOf(await run('directeur@vakcollege.demo', listSubjectRequests, {}))
    expect(lyceum).toEqual([])
  })
})

describe('retention and the purge', () => {
  it('uses the guideline defaults, the same in TS and SQL', async () => {
    const settings = itemsOf(await run(FG, getRetention, {}))
    expect(settings.map((s) => [s.category, s.months, s.isDefault])).toEqual([
      ['leerlingdossier', 24, true],
      ['administratie', 60, true],
      ['gedeelde_gegevens', 12, true],
      ['toegangslog', 60, true],
    ])
    const dry = await run(FG, dryRunPurge, { asOf: TODAY })
    if (!dry.ok) throw new Error(JSON.stringify(dry))
    expect(dry.report.months).toEqual(Object.fromEntries(Object.entries(RETENTION_DEFAULTS).map(([k, v]) => [k, v.months])))
  })

  it('refuses the purge to anyone but the FG, and retention changes to the directeur', async () => {
    expect(await run(DIR, dryRunPurge, {})).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await run(DIR, setRetention, { category: 'administratie', months: 12 })).toMatchObject({ ok: false, reason: 'forbidden' })
    // And the database refuses the definer function to another role, whatever the domain says.
    await expect(as(DIR, (tx) => tx.execute(sql`select privacy_purge_report(${TODAY}::date)`))).rejects.toThrow()
  })

  it('dry run and purge agree; a legal hold stops it; afterwards nothing is due; runs are logged', async () => {
    const [merel, thijs, noor, sem] = ['OUD-9001', 'OUD-9002', 'OUD-9003', 'OUD-9004'].map((k) => leaver[k]!) as [string, string, string, string]
    const dry = await run(FG, dryRunPurge, { asOf: TODAY })
    if (!dry.ok) throw new Error(JSON.stringify(dry))
    const r: PurgeReport = dry.report
    const entry = (id: string) => r.leerlingdossier.find((e) => e.studentId === id)
    expect(entry(merel)).toMatchObject({ incidentsDeleted: [expect.any(String)], incidentsAnonymised: [], guardians: [expect.any(String)] })
    expect(entry(merel)!.measures.length).toBe(1)
    expect(entry(thijs)).toMatchObject({ incidentsDeleted: [], incidentsAnonymised: [expect.any(String)] })
    expect(entry(noor)).toBeUndefined()
    expect(r.heldStudents).toContain(noor)
    expect(r.administratie.map((a) => a.studentId)).toEqual([sem])
    expect(JSON.stringify(r)).not.toMatch(/Oosterhuis|Vlasblom|Wolters/)
    expect(dry.summary.anythingDue).toBe(true)

    // Something changes after the dry run (a new hold): the purge refuses and touches nothing.
    const hold = await run(FG, setLegalHold, { studentId: merel, reason: 'Klacht bij de geschillencommissie loopt.' })
    expect(hold).toMatchObject({ ok: true })
    const refused = await run(FG, runPurge, { dryRunId: dry.runId })
    expect(refused).toMatchObject({ ok: false, reason: 'conflict' })
    const held = await run(FG, dryRunPurge, { asOf: TODAY })
    if (!held.ok) throw new Error('dry run')
    expect(held.report.leerlingdossier.some((e) => e.studentId === merel)).toBe(false)
    expect(held.report.heldStudents).toContain(merel)
    const holds = itemsOf(await run(FG, listLegalHolds, {}))
    const lifted = await run(FG, liftLegalHold, { id: holds.find((x) => x.studentId === merel && x.active)!.id })
    expect(lifted).toMatchObject({ ok: true })

    // A fresh dry run, confirmed: the purge reports exactly the same and does it.
    const dry2 = await run(FG, dryRunPurge, { asOf: TODAY })
    if (!dry2.ok) throw new Error('dry run')
    expect(dry2.report).toEqual(r)
    const merelIncident = entry(merel)!.incidentsDeleted[0]!
    const thijsIncident = entry(thijs)!.incidentsAnonymised[0]!
    const purged = await run(FG, runPurge, { dryRunId: dry2.runId })
    if (!purged.ok) throw new Error(JSON.stringify(purged))
    expect(purged.report).toEqual(dry2.report)
    expect(purged.summary).toEqual(dry2.summary)

    expect(await h.db.select().from(schema.incidents).where(eq(schema.incidents.id, merelIncident))).toEqual([])
    expect(await h.db.select().from(schema.measures).where(eq(schema.measures.studentId, merel))).toEqual([])
    const [kept] = await h.db.select().from(schema.incidents).where(eq(schema.incidents.id, thijsIncident))
    expect(kept!.situation).not.toMatch(/Thijs|Vlasblom/)
    const persons = await h.db.select().from(schema.incidentPersons).where(eq(schema.incidentPersons.incidentId, thijsIncident))
    expect(persons.filter((p) => p.kind === 'leerling').length).toBe(1)
    expect(persons.some((p) => p.kind === 'externe' && p.studentId === null)).toBe(true)
    expect(await h.db.select().from(schema.students).where(eq(schema.students.id, sem))).toEqual([])
    expect(await h.db.select().from(schema.students).where(inArray(schema.students.id, [merel, thijs, noor]))).toHaveLength(3)
    expect(await h.db.select().from(schema.incidentPersons).where(eq(schema.incidentPersons.studentId, noor))).toHaveLength(1)

    const after = await run(FG, dryRunPurge, { asOf: TODAY })
    if (!after.ok) throw new Error('dry run')
    expect(after.summary.anythingDue).toBe(false)
    expect(after.report.leerlingdossier).toEqual([])
    expect(after.report.administratie).toEqual([])
    expect(after.report.heldStudents).toEqual([noor])

    const runs = itemsOf(await run(FG, listPurgeRuns, {}))
    expect(runs.map((x) => x.dryRun)).toEqual(expect.arrayContaining([true, false]))
    expect(runs.filter((x) => !x.dryRun)).toHaveLength(1)
    expect(runs.length).toBeGreaterThanOrEqual(5)
  })

  it('changes a term (FG only) and the dry run follows it', async () => {
    expect(await run(FG, setRetention, { category: 'leerlingdossier', months: 0 })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await run(FG, setRetention, { category: 'leerlingdossier', months: 36 })).toMatchObject({ ok: true })
    const settings = itemsOf(await run(FG, getRetention, {}))
    expect(settings[0]).toMatchObject({ category: 'leerlingdossier', months: 36, isDefault: false })
    const dry = await run(FG, dryRunPurge, { asOf: TODAY })
    if (!dry.ok) throw new Error('dry run')
    expect(dry.report.months.leerlingdossier).toBe(36)
  })
})
