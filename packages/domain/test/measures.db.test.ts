// The measure workflows through the tenant transaction, as the routes call them: every allowed and
// refused transition of the schorsing, the mandate rule, the sector maximum on the calendar, the
// ladder, and what a decision creates (tasks, mail in the outbox).
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { demoDates, type DemoDates } from '@baken/db/demo'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findMeasures, getMeasure, isoWeekday, localDate, openTransitions, plusDays, proposeMeasure, recordLetterSent, renderLetter, transitionMeasure, WORKFLOWS } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'
import type { Outcome, UseCase } from '../src/use-case.ts'
import type { z } from 'zod'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const as = <T>(email: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, ctxOf[email]!, fn)
const ability = (email: string) => defineAbilityFor(ctxOf[email]!)
/** Runs a use case as the user, on a Dutch day when given (at noon, so the day is the same in Amsterdam). */
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown, on?: string) =>
  runAs(h.db, ctxOf[email]!, useCase, input, on ? new Date(`${on}T12:00:00Z`) : undefined)
/** The value of an outcome that must have succeeded. */
const ok = <T extends object>(outcome: Outcome<T>) => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome))
  return outcome
}
const propose = (email: string, input: Record<string, unknown>) =>
  run(email, proposeMeasure, input)
const step = (email: string, id: string, to: string, reason?: string) =>
  run(email, transitionMeasure, { to, reason, id })

let pupil: string // a Branding pupil with an earlier time-out on record
let fresh: string // a Branding pupil without any measure
let vakPupil: string
// Pupils without any measure, one per schorsing below: two schorsingen of one pupil on the same days
// are refused (no extension, schorsing-chain.ts).
let pool: string[] = []
// The demo's calendar around the day it was seeded; measures start on the second school day after it.
let seeded: DemoDates
let start: string

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  seeded = demoDates(seed!.at)
  start = seeded.schoolDay('noord', 2, 'branding')
  const branding = ctxOf['directeur@branding.demo']!.schoolId!
  const withMeasure = await h.db.select({ id: schema.measures.studentId }).from(schema.measures).where(eq(schema.measures.schoolId, branding))
  const all = await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, branding))
  const taken = new Set(withMeasure.map((m) => m.id))
  const free = all.filter((s) => !taken.has(s.id))
  pupil = free[0]!.id
  fresh = free[1]!.id
  pool = free.slice(2).map((s) => s.id)
  // Give the pupil an adempauze and a time-out on record, so a schorsing does not skip a rung.
  expect((await propose('directeur@branding.demo', { kind: 'adempauze', studentId: pupil, reasons: 'Verstoorde de les herhaaldelijk.' })).ok).toBe(true)
  const timeOut = await propose('directeur@branding.demo', { kind: 'time_out', studentId: pupil, reasons: 'Sloeg een klasgenoot en was niet tot rust te brengen.', startsOn: start })
  expect(timeOut, JSON.stringify(timeOut)).toMatchObject({ ok: true, state: 'requested' })
  const vak = ctxOf['directeur@vakcollege.demo']!.schoolId!
  const [vp] = await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, vak))
  vakPupil = vp!.id
})
afterAll(() => h?.close())

describe('proposing a schorsing', () => {
  it('refuses more school days than the sector allows, naming the rule and its source', async () => {
    const r = await propose('directeur@branding.demo', { kind: 'schorsing', studentId: pupil, reasons: 'Herhaalde fysieke agressie tegen medeleerlingen.', startsOn: start, schoolDays: 6, skipJustification: '' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.reason).toBe('invalid')
      expect(r.errors[0]!.message).toMatch(/ten hoogste 5 schooldagen/)
      expect(r.errors[0]!.message).toMatch(/WPO/)
    }
  })

  it('counts school days on the calendar: 5 days from a Thursday end on the Wednesday after the weekend', async () => {
    // The first Thursday ahead from which Thursday to Wednesday are all school days at De Branding.
    const calendar = seeded.calendar('noord', 'branding')
    let thursday = start
    while (isoWeekday(thursday) !== 4 || ![0, 1, 4, 5, 6].every((d) => calendar.isSchoolDay(plusDays(thursday, d)))) thursday = plusDays(thursday, 1)
    const r = await propose('directeur@branding.demo', { kind: 'schorsing', studentId: pupil, reasons: 'Herhaalde fysieke agressie tegen medeleerlingen.', startsOn: thursday, schoolDays: 5 })
    expect(r.ok).toBe(true)
    const [m] = await h.db.select().from(schema.measures).where(eq(schema.measures.id, (r as { id: string }).id))
    expect(m).toMatchObject({ startsOn: thursday, endsOn: plusDays(thursday, 6), schoolDays: 5, state: 'proposed', sector: 'po' })
  })

  it('refuses a start on a day without school (a study day of the school)', async () => {
    const branding = ctxOf['directeur@branding.demo']!.schoolId!
    const studyDays = await h.db.select().from(schema.calendarEntries).where(and(eq(schema.calendarEntries.schoolId, branding), eq(schema.calendarEntries.kind, 'studiedag')))
    const studyDay = studyDays.map((e) => e.startsOn).filter((d) => d > seeded.today).sort()[0]!
    // A weekday: only the study day makes it a day without school.
    expect(isoWeekday(studyDay)).toBeLessThanOrEqual(5)
    const r = await propose('directeur@branding.demo', { kind: 'schorsing', studentId: pupil, reasons: 'Herhaalde fysieke agressie tegen medeleerlingen.', startsOn: studyDay, schoolDays: 1 })
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'startsOn' }] })
  })

  it('mbo: one week, 5 school days; 6 are refused naming the law and its Kamerstuk', async () => {
    const input = {
      kind: 'schorsing', studentId: vakPupil, reasons: 'Bedreiging van een docent tijdens de praktijkles.', startsOn: seeded.schoolDay('noord', 2, 'vakcollege'),
      skipJustification: 'Direct gevaar voor de docent; een lichtere maatregel volstaat niet.',
    }
    const refused = await propose('directeur@vakcollege.demo', { ...input, schoolDays: 6 })
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'schoolDays', message: expect.stringContaining('Kamerstuk 35 625') }] })
    expect((await propose('directeur@vakcollege.demo', { ...input, schoolDays: 5 })).ok).toBe(true)
  })

  it('a skipped rung needs a written justification', async () => {
    const bare = await propose('directeur@branding.demo', { kind: 'schorsing', studentId: fresh, reasons: 'Ernstige bedreiging van een leerkracht.', startsOn: start, schoolDays: 1 })
    expect(bare).toMatchObject({ ok: false, errors: [{ path: 'skipJustification' }] })
    const justified = await propose('directeur@branding.demo', {
      kind: 'schorsing', studentId: fresh, reasons: 'Ernstige bedreiging van een leerkracht.', startsOn: start, schoolDays: 1,
      skipJustification: 'De veiligheid van de leerkracht vraagt direct een schorsing; een time-out is onvoldoende.',
    })
    expect(justified.ok).toBe(true)
  })

  it('a leerkracht may request a time-out but not propose a schorsing', async () => {
    expect((await propose('leerkracht@branding.demo', { kind: 'adempauze', studentId: fresh, reasons: 'Leerling gooide met spullen in de klas.' })).ok).toBe(true)
    expect((await propose('leerkracht@branding.demo', { kind: 'time_out', studentId: fresh, reasons: 'Leerling gooide met stoelen in de klas.', startsOn: start })).ok).toBe(true)
    expect(await propose('leerkracht@branding.demo', { kind: 'schorsing', studentId: fresh, reasons: 'Leerling gooide met stoelen in de klas.', startsOn: start, schoolDays: 1, skipJustification: 'x'.repeat(30) })).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('another school’s pupil is unknown', async () => {
    expect(await propose('directeur@branding.demo', { kind: 'adempauze', studentId: vakPupil, reasons: 'Leerling verstoorde de les.' })).toMatchObject({ ok: false, errors: [{ path: 'studentId' }] })
  })
})

describe('the schorsing workflow', () => {
  async function proposed() {
    const r = await propose('directeur@branding.demo', {
      kind: 'schorsing', studentId: pool.shift()!, reasons: 'Herhaalde fysieke agressie tegen medeleerlingen.', startsOn: start, schoolDays: 3,
      skipJustification: 'De veiligheid van de medeleerlingen vraagt direct een schorsing.',
    })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    return (r as { id: string }).id
  }

  it('without mandate the directeur cannot decide; the bestuurder can, and the rules create the tasks and mail', async () => {
    const id = await proposed()
    const denied = await step('directeur@branding.demo', id, 'approved')
    expect(denied).toMatchObject({ ok: false, reason: 'forbidden' })
    if (!denied.ok) expect(denied.errors[0]!.message).toMatch(/mandaat/)
    const before = await h.db.select().from(schema.outbox)
    expect(await step('bestuur@kompas.demo', id, 'approved')).toMatchObject({ ok: true, state: 'approved' })
    const tasks = await h.db.select().from(schema.measureTasks).where(eq(schema.measureTasks.measureId, id))
    expect(tasks.map((t) => t.kind).sort()).toEqual(['huiswerk', 'inspectie_melding', 'leerplicht_afschrift', 'toetsen'])
    expect(tasks.find((t) => t.kind === 'inspectie_melding')!.summary).toMatch(/3 schooldagen/)
    const after = await h.db.select().from(schema.outbox)
    expect(after.length).toBeGreaterThan(before.length)
    expect(after.filter((m) => m.subjectRef === `measure:${id}`).every((m) => m.subject.startsWith('Besluit tot schorsing'))).toBe(true)
    const [m] = await h.db.select().from(schema.measures).where(eq(schema.measures.id, id))
    expect(m).toMatchObject({ state: 'approved', decidedUnderMandate: false })
  })

  it('with the school’s mandate the directeur decides, recorded as under mandate with its version', async () => {
    const id = await proposed()
    const dir = ctxOf['directeur@branding.demo']!
    const [mandate] = await h.db
      .insert(schema.schoolMandates)
      .values({ stichtingId: dir.stichtingId!, schoolId: dir.schoolId!, version: 1, action: 'verleend', maxSchoolDays: 5, startsOn: localDate(new Date()), besluitOn: localDate(new Date()) })
      .returning()
    try {
      expect(await step('directeur@branding.demo', id, 'approved')).toMatchObject({ ok: true })
      const [m] = await h.db.select().from(schema.measures).where(eq(schema.measures.id, id))
      expect(m).toMatchObject({ decidedUnderMandate: true, decidedUnderMandateId: mandate!.id })
    } finally {
      await h.db.update(schema.measures).set({ decidedUnderMandateId: null }).where(eq(schema.measures.id, id))
      await h.db.delete(schema.schoolMandates).where(eq(schema.schoolMandates.id, mandate!.id))
    }
  })

  it('walks every allowed step to the end; skipping or going back is refused; each step is recorded', async () => {
    const id = await proposed()
    expect(await step('ib@branding.demo', id, 'letter_sent')).toMatchObject({ ok: false, reason: 'conflict' })
    expect((await step('bestuur@kompas.demo', id, 'approved')).ok).toBe(true)
    // "Besluit verzonden" follows from the letter (letters.ts, recordLetterSent), not from a button.
    const manual = await step('ib@branding.demo', id, 'letter_sent')
    expect(manual).toMatchObject({ ok: false, reason: 'conflict' })
    if (!manual.ok) expect(manual.errors[0]!.message).toMatch(/Brieven/)
    const letter = await run('ib@branding.demo', renderLetter, { id, kind: 'schorsing' })
    expect(letter.ok).toBe(true)
    const sent = await run('ib@branding.demo', recordLetterSent, { channel: 'uitgereikt', sentOn: localDate(new Date()), id, letterId: (letter as { id: string }).id })
    expect(sent).toMatchObject({ ok: true, state: 'letter_sent' })
    for (const to of ['in_effect', 'meeting_held', 'report_signed', 'ended']) {
      expect(await step('ib@branding.demo', id, to), to).toMatchObject({ ok: true, state: to })
    }
    expect(await step('ib@branding.demo', id, 'in_effect')).toMatchObject({ ok: false, reason: 'conflict' })
    const transitions = await h.db.select().from(schema.measureTransitions).where(eq(schema.measureTransitions.measureId, id))
    expect(transitions.map((t) => t.toState)).toEqual(['proposed', 'approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'])
  })

  it('refusing needs a reason', async () => {
    const id = await proposed()
    expect(await step('bestuur@kompas.demo', id, 'refused')).toMatchObject({ ok: false, errors: [{ path: 'reason' }] })
    expect(await step('bestuur@kompas.demo', id, 'refused', 'Eerst een gesprek met ouders en leerling; schorsing nu niet evenredig.')).toMatchObject({ ok: true, state: 'refused' })
  })

  it('Horizon’s bestuurder cannot see or decide a Kompas schorsing', async () => {
    const id = await proposed()
    expect(await step('bestuur@horizon.demo', id, 'approved')).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await as('bestuur@horizon.demo', (tx) => findMeasures(tx, ability('bestuur@horizon.demo'), { id }))).toEqual([])
  })
})

describe('who sees which measures', () => {
  it('the bestuurder sees time-outs, schorsingen and verwijderingen of all Kompas schools, no adempauzes', async () => {
    const list = await as('bestuur@kompas.demo', (tx) => findMeasures(tx, ability('bestuur@kompas.demo')))
    expect(new Set(list.map((m) => m.kind))).toEqual(new Set(['time_out', 'schorsing', 'verwijdering']))
    expect(new Set(list.map((m) => m.schoolName)).size).toBe(3)
  })

  it('a leerkracht sees only the measures she proposed', async () => {
    const list = await as('leerkracht@branding.demo', (tx) => findMeasures(tx, ability('leerkracht@branding.demo')))
    expect(list.length).toBeGreaterThan(0)
    const me = ctxOf['leerkracht@branding.demo']!.userId
    const rows = await h.db.select().from(schema.measures).where(and(eq(schema.measures.proposedById, me)))
    expect(list.map((m) => m.id).sort()).toEqual(rows.map((m) => m.id).sort())
  })

  it('the detail lists the steps open to the caller', async () => {
    const [one] = await as('bestuur@kompas.demo', (tx) => findMeasures(tx, ability('bestuur@kompas.demo'), { kind: 'schorsing', state: 'proposed' }))
    const detail = ok(await run('bestuur@kompas.demo', getMeasure, { id: one!.id }))
    expect(detail!.next.map((n) => n.to).sort()).toEqual(['approved', 'refused'])
    const dir = ctxOf['directeur@branding.demo']!
    expect(openTransitions(ability('directeur@branding.demo'), { stichtingId: dir.stichtingId!, schoolId: dir.schoolId!, kind: 'schorsing', proposedById: dir.userId, state: 'proposed', mandated: false })).toEqual([])
    expect(Object.keys(WORKFLOWS)).toEqual(['adempauze', 'time_out', 'schorsing', 'verwijdering'])
  })
})
