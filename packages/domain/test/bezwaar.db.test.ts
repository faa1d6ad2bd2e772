// Bezwaar, the search for another school and the board's oversight through the tenant transaction, as
// the routes call them: record → hearing → decision with the computed deadline; who may
// decide (bestuurder; directeur only under mandate, never on their own decision); a late bezwaar;
// a definitive verwijdering refused until another school admits (mbo: or 8 weeks of search).
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { demoDates, type DemoDates } from '@baken/db/demo'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bezwaarTerms, daysBetween, decideBezwaar, dutchDayName, findBezwaren, getBoardOversight, getMeasureBezwaar, hearingsOf, localDate, proposeMeasure, recordBezwaar, recordBezwaarHearing, recordRemovalHearing, recordSearchAttempt, searchAttemptsOf, transitionMeasure } from '../src/index.ts'
import { plusDays } from '../src/dates.ts'
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
// The day the demo was seeded: its measures and bezwaren are laid out around it, and the use cases
// below are called as on that day.
let seeded: DemoDates
let today: string
const BOARD = 'bestuur@kompas.demo'
const DIR = 'directeur@branding.demo'
const IB = 'ib@branding.demo'

const record = (email: string, measureId: string, input: Record<string, unknown>, on = today) =>
  run(email, recordBezwaar, { ...input, id: measureId }, on)
const hearing = (email: string, measureId: string, bezwaarId: string, hearingOn: string, on = today) =>
  run(email, recordBezwaarHearing, { hearingOn, id: measureId, bezwaarId }, on)
const decide = (email: string, measureId: string, bezwaarId: string, outcome = 'ongegrond', on = today) =>
  run(email, decideBezwaar, { decidedOn: on, outcome, reasons: 'De schorsing was evenredig gezien de ernst van de bedreiging.', id: measureId, bezwaarId }, on)
const step = (email: string, id: string, to: string, reason?: string) => run(email, transitionMeasure, { to, reason, id })
const attempt = (email: string, id: string, input: Record<string, unknown>) => run(email, recordSearchAttempt, { ...input, id })

async function demoMeasure(school: string, kind: 'schorsing' | 'verwijdering', state: string) {
  const [m] = await h.db
    .select()
    .from(schema.measures)
    .where(and(eq(schema.measures.schoolId, ctxOf[school]!.schoolId!), eq(schema.measures.kind, kind), eq(schema.measures.state, state)))
  return m!
}

let freePupils: string[] = []
async function decidedSchorsing(by: string) {
  const r = await run(DIR, proposeMeasure, {
      kind: 'schorsing',
      studentId: freePupils.shift()!,
      reasons: 'Ernstige bedreiging van een leerkracht tijdens de gymles.',
      startsOn: seeded.schoolDay('noord', 2, 'branding'),
      schoolDays: 1,
      skipJustification: 'De veiligheid van de leerkracht vraagt direct om een schorsing.',
    })
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
  const id = (r as { id: string }).id
  expect(await step(by, id, 'approved')).toMatchObject({ ok: true })
  return id
}

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  seeded = demoDates(seed!.at)
  today = seeded.today
  const branding = ctxOf[DIR]!.schoolId!
  const taken = new Set((await h.db.select({ id: schema.measures.studentId }).from(schema.measures)).map((m) => m.id))
  freePupils = (await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, branding)))
    .map((s) => s.id)
    .filter((id) => !taken.has(id))
})
afterAll(() => h?.close())

/** The day the seeded decision letter of a measure went out (its 'letter_sent' step). */
async function letterSentOn(measureId: string): Promise<string> {
  const steps = await h.db.select().from(schema.measureTransitions).where(eq(schema.measureTransitions.measureId, measureId))
  return localDate(steps.find((t) => t.toState === 'letter_sent')!.at)
}

describe('the demo bezwaar', () => {
  it('at De Branding: decision due as the rules compute it from the letter, 12 weeks and a few days on (a schorsing: Awb 7:10)', async () => {
    const [b] = await as(BOARD, (tx) => findBezwaren(tx, ability(BOARD), {}, today))
    const sentOn = await letterSentOn(b!.measureId)
    expect(b).toMatchObject({ schoolName: 'OBS De Branding', kindLabel: 'schorsing', state: 'hearing_held', overdue: false })
    // A schorsing: 6 weeks to object, then the Awb's 6 weeks from the day after (Awb art. 7:10 lid 1),
    // each end moved off a weekend or Atw feestdag: 84 days from the letter, and at most 8 more.
    expect(daysBetween(sentOn, b!.decisionDueOn)).toBeGreaterThanOrEqual(84)
    expect(daysBetween(sentOn, b!.decisionDueOn)).toBeLessThanOrEqual(92)
    expect(b!.decisionTerm).toMatchObject({ key: 'schorsing.bezwaarBeslistermijn', source: 'Awb art. 7:10 lid 1 en 3' })
    expect(b!.decisionDueOn > today).toBe(true)
    expect(b!.daysLeft).toBe(daysBetween(today, b!.decisionDueOn))
    const m = ok(await run(BOARD, getMeasureBezwaar, { id: b!.measureId }, today))
    const terms = bezwaarTerms({ sector: 'po', measureKind: 'schorsing', decisionSentOn: sentOn, receivedOn: b!.receivedOn })
    expect(m!.objection).toMatchObject({ decisionSentOn: sentOn, objectionDeadline: terms.objectionDeadline })
    expect(daysBetween(sentOn, terms.objectionDeadline)).toBeGreaterThanOrEqual(42)
    expect(terms.decisionDueOn).toBe(b!.decisionDueOn)
  })

  it('is overdue only once the deadline has passed (Dutch date)', async () => {
    const [b] = await as(BOARD, (tx) => findBezwaren(tx, ability(BOARD), {}, today))
    expect(await as(BOARD, (tx) => findBezwaren(tx, ability(BOARD), { overdueOnly: true }, b!.decisionDueOn))).toEqual([])
    const late = await as(BOARD, (tx) => findBezwaren(tx, ability(BOARD), { overdueOnly: true }, plusDays(b!.decisionDueOn, 1)))
    expect(late.map((b) => b.schoolName)).toEqual(['OBS De Branding'])
    expect(late[0]).toMatchObject({ overdue: true, daysLeft: -1 })
  })

  it('Horizon’s bestuurder sees only Horizon’s bezwaar; a leerkracht none', async () => {
    const horizon = await as('bestuur@horizon.demo', (tx) => findBezwaren(tx, ability('bestuur@horizon.demo'), {}, localDate(new Date())))
    expect(horizon.map((b) => b.schoolName)).toEqual(['CBS De Horizon'])
    expect(await as('leerkracht@branding.demo', (tx) => findBezwaren(tx, ability('leerkracht@branding.demo'), {}, localDate(new Date())))).toEqual([])
  })
})

describe('record → hearing → decision', () => {
  it('po: the school records, the board decides; each step in the history; the directeur and IB cannot decide without mandate', async () => {
    // The demo's decided schorsing at De Branding: decided on the last school day, no letter step
    // recorded, so the terms run from the decision.
    const m = await demoMeasure(DIR, 'schorsing', 'approved')
    const decidedOn = localDate(m.decidedAt!)
    expect(decidedOn < today).toBe(true)
    const r = await record(DIR, m.id, { receivedOn: decidedOn })
    const due = bezwaarTerms({ sector: 'po', measureKind: 'schorsing', decisionSentOn: decidedOn, receivedOn: decidedOn }).decisionDueOn
    // A schorsing: the objection term, then the Awb's 6 weeks from the day after it.
    expect(daysBetween(decidedOn, due)).toBeGreaterThanOrEqual(84)
    expect(r).toMatchObject({ ok: true, state: 'received', decisionDueOn: due })
    const id = (r as { id: string }).id
    expect(await record(IB, m.id, { receivedOn: today })).toMatchObject({ ok: false, reason: 'conflict' })

    expect(await decide(BOARD, m.id, id)).toMatchObject({ ok: false, reason: 'conflict', errors: [{ message: expect.stringContaining('Awb art. 7:2') }] })
    expect(await hearing(IB, m.id, id, plusDays(today, 1))).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'hearingOn' }] })
    expect(await hearing(IB, m.id, id, today)).toMatchObject({ ok: true, state: 'hearing_held' })
    expect(await hearing(IB, m.id, id, today)).toMatchObject({ ok: false, reason: 'conflict' })

    const denied = await decide(DIR, m.id, id)
    expect(denied).toMatchObject({ ok: false, reason: 'forbidden' })
    if (!denied.ok) expect(denied.errors[0]!.message).toMatch(/mandaat/)
    expect(await decide(IB, m.id, id)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await decide(BOARD, m.id, id, 'misschien')).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'outcome' }] })
    expect(await decide(BOARD, m.id, id)).toMatchObject({ ok: true, state: 'decided' })
    expect(await decide(BOARD, m.id, id)).toMatchObject({ ok: false, reason: 'conflict' })

    const [b] = await as(DIR, (tx) => findBezwaren(tx, ability(DIR), { measureId: m.id }, localDate(new Date())))
    expect(b).toMatchObject({ state: 'decided', outcome: 'ongegrond', decidedOn: today, hearingOn: today, overdue: false, daysLeft: null })
    expect(b!.reasons).toMatch(/evenredig/)
    // Who decided is a user row of the stichting: the board sees the name (RLS shows school staff only their school's users).
    const [seenByBoard] = await as(BOARD, (tx) => findBezwaren(tx, ability(BOARD), { measureId: m.id }, localDate(new Date())))
    expect(seenByBoard!.decidedByName).toBe('Marieke Bosman')
    const history = await h.db.select().from(schema.measureTransitions).where(eq(schema.measureTransitions.measureId, m.id))
    const events = history.filter((t) => (t.data as { event?: string } | null)?.event?.startsWith('bezwaar_'))
    expect(events.map((t) => (t.data as { event: string }).event)).toEqual(['bezwaar_ontvangen', 'bezwaar_hoorzitting', 'bezwaar_beslist'])
    expect(events.every((t) => t.fromState === 'approved' && t.toState === 'approved')).toBe(true)
    const [after] = await h.db.select().from(schema.measures).where(eq(schema.measures.id, m.id))
    expect(after!.state).toBe('approved')
  })

  it('vo counts from receipt: the Lyceum verwijdering, received today, is due 4 weeks on (or the next working day)', async () => {
    const m = await demoMeasure('directeur@lyceum.demo', 'verwijdering', 'searching')
    const r = await record('directeur@lyceum.demo', m.id, { receivedOn: today })
    expect(r).toMatchObject({ ok: true })
    const due = (r as { decisionDueOn: string }).decisionDueOn
    expect(due).toBe(bezwaarTerms({ sector: 'vo', measureKind: 'verwijdering', decisionSentOn: localDate(m.decidedAt!), receivedOn: today }).decisionDueOn)
    expect(daysBetween(today, due)).toBeGreaterThanOrEqual(28)
    expect(daysBetween(today, due)).toBeLessThanOrEqual(32)
  })

  it('refuses a bezwaar on a measure that was not decided, received before the decision, or in the future', async () => {
    const proposed = await demoMeasure(DIR, 'schorsing', 'proposed')
    expect(await record(DIR, proposed.id, { receivedOn: today })).toMatchObject({ ok: false, reason: 'conflict' })
    const id = await decidedSchorsing(BOARD)
    expect(await record(DIR, id, { receivedOn: plusDays(today, -1) })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'receivedOn' }] })
    expect(await record(DIR, id, { receivedOn: plusDays(today, 1) })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'receivedOn' }] })
    expect(await record('leerkracht@branding.demo', id, { receivedOn: today })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await record(DIR, id, { receivedOn: today, committeeFrom: today })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'committeeUntil' }] })
  })

  it('a committee period suspends the stored deadline', async () => {
    const id = await decidedSchorsing(BOARD)
    const plain = bezwaarTerms({ sector: 'po', measureKind: 'schorsing', decisionSentOn: today, receivedOn: today }).decisionDueOn
    const r = await record(DIR, id, { receivedOn: today, committeeFrom: today, committeeUntil: plusDays(today, 9) })
    expect(r.ok).toBe(true)
    const [row] = await h.db.select().from(schema.bezwaren).where(eq(schema.bezwaren.id, (r as { id: string }).id))
    expect(row!.decisionDueOn >= plusDays(plain, 10)).toBe(true)
    expect(row!.decisionDueOn <= plusDays(plain, 14)).toBe(true) // at most a run of Atw rest days further
  })
})

describe('a late bezwaar', () => {
  it('is refused naming the term, unless taken on as excusable with a reason', async () => {
    const id = await decidedSchorsing(BOARD)
    // The decision went out 13 weeks ago: the 6-week term has long run out.
    const decidedOn = plusDays(today, -91)
    await h.db.update(schema.measures).set({ decidedAt: seeded.at(decidedOn, 11) }).where(eq(schema.measures.id, id))
    const receivedOn = plusDays(today, -1)
    const refused = await record(DIR, id, { receivedOn })
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'receivedOn' }] })
    if (!refused.ok) {
      const objectionDeadline = bezwaarTerms({ sector: 'po', measureKind: 'schorsing', decisionSentOn: decidedOn, receivedOn }).objectionDeadline
      expect(daysBetween(decidedOn, objectionDeadline)).toBeGreaterThanOrEqual(42)
      expect(refused.errors[0]!.message).toContain('bezwaartermijn van 6 weken (Awb art. 6:7 en 6:8 lid 1)')
      expect(refused.errors[0]!.message).toContain(dutchDayName(objectionDeadline))
    }
    expect(await record(DIR, id, { receivedOn, late: true })).toMatchObject({ ok: false, errors: [{ path: 'lateReason' }] })
    const taken = await record(DIR, id, { receivedOn, late: true, lateReason: 'De ouders waren aantoonbaar in het ziekenhuis.' })
    // Late but excusable: the Awb's 6 weeks count from receipt (the term's own start has passed).
    expect(taken).toMatchObject({ ok: true })
    const due = (taken as { decisionDueOn: string }).decisionDueOn
    expect(daysBetween(receivedOn, due)).toBeGreaterThanOrEqual(42)
    expect(daysBetween(receivedOn, due)).toBeLessThanOrEqual(46)
    const [b] = await as(BOARD, (tx) => findBezwaren(tx, ability(BOARD), { measureId: id }, localDate(new Date())))
    expect(b).toMatchObject({ late: true, lateReason: 'De ouders waren aantoonbaar in het ziekenhuis.' })
  })
})

describe('the mandate (Awb 10:1–10:3)', () => {
  it('with mandate the directeur decides a bezwaar on a schorsing the board decided, not on one she decided herself, never on a verwijdering', async () => {
    const byBoard = await decidedSchorsing(BOARD)
    // A mandate for both schools of the directeuren below (school_mandates; the owner writes past RLS).
    const mandates = await h.db
      .insert(schema.schoolMandates)
      .values(
        [DIR, 'directeur@lyceum.demo'].map((e) => ({
          stichtingId: ctxOf[e]!.stichtingId!, schoolId: ctxOf[e]!.schoolId!, version: 1, action: 'verleend' as const, maxSchoolDays: 5, startsOn: today, besluitOn: today,
        })),
      )
      .returning({ id: schema.schoolMandates.id })
    try {
      const byDirecteur = await decidedSchorsing(DIR)
      const bOwn = (await record(DIR, byDirecteur, { receivedOn: today })) as { id: string }
      const bBoard = (await record(DIR, byBoard, { receivedOn: today })) as { id: string }
      expect(await hearing(DIR, byDirecteur, bOwn.id, today)).toMatchObject({ ok: true })
      expect(await hearing(DIR, byBoard, bBoard.id, today)).toMatchObject({ ok: true })
      const own = await decide(DIR, byDirecteur, bOwn.id)
      expect(own).toMatchObject({ ok: false, reason: 'forbidden' })
      if (!own.ok) expect(own.errors[0]!.message).toContain('Awb art. 10:3 lid 3')
      expect(await decide(DIR, byBoard, bBoard.id, 'deels gegrond')).toMatchObject({ ok: true, state: 'decided' })
      expect(await decide(BOARD, byDirecteur, bOwn.id, 'gegrond')).toMatchObject({ ok: true })

      const verwijdering = await demoMeasure('directeur@lyceum.demo', 'verwijdering', 'searching')
      const [open] = await as('directeur@lyceum.demo', (tx) => findBezwaren(tx, ability('directeur@lyceum.demo'), { measureId: verwijdering.id }, localDate(new Date())))
      expect(await hearing('directeur@lyceum.demo', verwijdering.id, open!.id, today)).toMatchObject({ ok: true })
      expect(await decide('directeur@lyceum.demo', verwijdering.id, open!.id)).toMatchObject({ ok: false, reason: 'forbidden' })
    } finally {
      await h.db.update(schema.measures).set({ decidedUnderMandateId: null }).where(inArray(schema.measures.decidedUnderMandateId, mandates.map((m) => m.id)))
      await h.db.delete(schema.schoolMandates).where(inArray(schema.schoolMandates.id, mandates.map((m) => m.id)))
    }
  })
})

describe('the search for another school', () => {
  it('vo: definitive refused with the rule until an attempt is "toegelaten", then allowed', async () => {
    const m = await demoMeasure('directeur@lyceum.demo', 'verwijdering', 'searching')
    const demo = await as(BOARD, (tx) => searchAttemptsOf(tx, ability(BOARD), m.id))
    expect(demo!.map((a) => a.result)).toEqual(['geen plaats', 'in behandeling'])
    const refused = await step(BOARD, m.id, 'definitive')
    expect(refused).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'to' }] })
    if (!refused.ok) expect(refused.errors[0]!.message).toContain('WVO 2020 art. 8.15')
    expect(await attempt('directeur@lyceum.demo', m.id, { contactedOn: plusDays(today, 1), schoolName: 'Duinzicht College', result: 'toegelaten' })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await attempt('directeur@lyceum.demo', m.id, { contactedOn: today, schoolName: 'Duinzicht College', result: 'misschien' })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await attempt('mentor@lyceum.demo', m.id, { contactedOn: today, schoolName: 'Duinzicht College', result: 'toegelaten' })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await attempt('directeur@lyceum.demo', m.id, { contactedOn: today, schoolName: 'Duinzicht College', result: 'toegelaten', note: 'Plaats in 3 havo per 1 december.' })).toMatchObject({ ok: true })
    const list = await as(BOARD, (tx) => searchAttemptsOf(tx, ability(BOARD), m.id))
    expect(list!.at(-1)).toMatchObject({ result: 'toegelaten', note: 'Plaats in 3 havo per 1 december.', recordedByName: 'Peter Jansen' })
    expect(await step('directeur@lyceum.demo', m.id, 'definitive')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await step(BOARD, m.id, 'definitive')).toMatchObject({ ok: true, state: 'definitive' })
    // Attempts belong to the search: not after it.
    expect(await attempt('directeur@lyceum.demo', m.id, { contactedOn: today, schoolName: 'X College', result: 'geen plaats' })).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('mbo: definitive after 8 weeks of documented search counted from the decision, not before; attempts from before the decision are refused', async () => {
    const dir = 'directeur@vakcollege.demo'
    const school = ctxOf[dir]!.schoolId!
    const taken = new Set((await h.db.select({ id: schema.measures.studentId }).from(schema.measures)).map((m) => m.id))
    const pupil = (await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, school))).find((s) => !taken.has(s.id))!
    const r = await run(dir, proposeMeasure, {
        kind: 'verwijdering',
        studentId: pupil.id,
        reasons: 'Herhaalde bedreiging van docenten; schorsingen en afspraken hebben niet geholpen.',
        skipJustification: 'Na een wapenincident is terugkeer in de groep niet verantwoord.',
      })
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    const id = (r as { id: string }).id
    expect(await attempt(dir, id, { contactedOn: today, schoolName: 'ROC Zeeweg', result: 'geen plaats' })).toMatchObject({ ok: false, reason: 'conflict' })
    // The hearings the mbo rule set asks (the student, and under 18 the parents) come first.
    const unheard = await step(dir, id, 'hearings_recorded')
    expect(unheard).toMatchObject({ ok: false, reason: 'conflict' })
    if (!unheard.ok) expect(unheard.errors[0]!.message).toMatch(/de leerling.*WEB art\. 8\.1\.7d/)
    const required = (await as(dir, (tx) => hearingsOf(tx, ability(dir), id, localDate(new Date()))))!.required
    expect(required.map((r) => r.party)).toContain('leerling')
    for (const r of required) {
      const heard = await run(dir, recordRemovalHearing, { party: r.party, heardOn: today, summary: 'Gehoord over het voorgenomen besluit.', id })
      expect(heard, r.party).toMatchObject({ ok: true })
    }
    expect(await step(dir, id, 'hearings_recorded')).toMatchObject({ ok: true })
    expect(await step(BOARD, id, 'decided')).toMatchObject({ ok: true })
    expect(await step(dir, id, 'searching')).toMatchObject({ ok: true })
    const none = await step(BOARD, id, 'definitive')
    expect(none).toMatchObject({ ok: false, reason: 'conflict' })
    if (!none.ok) expect(none.errors[0]!.message).toMatch(/8 weken.*WEB art\. 8\.1\.7d/)
    // Decided today: an attempt dated before the decision is refused (the search starts with it), and
    // one made today does not make the verwijdering definitive today.
    const before = await attempt(dir, id, { contactedOn: plusDays(today, -56), schoolName: 'ROC Zeeweg', result: 'geen plaats' })
    expect(before).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'contactedOn' }] })
    if (!before.ok) expect(before.errors[0]!.message).toContain(`vóór het besluit tot verwijdering (${dutchDayName(today)})`)
    expect(await attempt(dir, id, { contactedOn: today, schoolName: 'ROC Zeeweg', result: 'geen plaats' })).toMatchObject({ ok: true })
    const decidedToday = await step(BOARD, id, 'definitive')
    expect(decidedToday).toMatchObject({ ok: false, reason: 'conflict' })
    if (!decidedToday.ok) expect(decidedToday.errors[0]!.message).toContain(`dus dat kan vanaf ${dutchDayName(plusDays(today, 56))}`)
    // As if the board had decided 55 days ago (the decision's step in the history dates the search):
    // an attempt of that day counts, one of the day before does not, and a day of the term is left.
    const decidedDaysAgo = (days: number) =>
      h.db
        .update(schema.measureTransitions)
        .set({ at: seeded.at(plusDays(today, -days), 12) })
        .where(and(eq(schema.measureTransitions.measureId, id), eq(schema.measureTransitions.toState, 'decided')))
    await decidedDaysAgo(55)
    expect(await attempt(dir, id, { contactedOn: plusDays(today, -56), schoolName: 'Vakschool Duinrand', result: 'geweigerd' })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await attempt(dir, id, { contactedOn: plusDays(today, -55), schoolName: 'Vakschool Duinrand', result: 'geweigerd' })).toMatchObject({ ok: true })
    const aDayShort = await step(BOARD, id, 'definitive')
    expect(aDayShort).toMatchObject({ ok: false, reason: 'conflict' })
    if (!aDayShort.ok) expect(aDayShort.errors[0]!.message).toContain(`dus dat kan vanaf ${dutchDayName(plusDays(today, 1))}`)
    await decidedDaysAgo(56)
    expect(await step(BOARD, id, 'definitive')).toMatchObject({ ok: true, state: 'definitive' })
  })
})

describe('the board’s oversight', () => {
  it('the bestuurder of Kompas: queue, deadlines at risk, cases and counts of all three schools', async () => {
    // As on the sixth day before the demo bezwaar's deadline, so it is among the deadlines at risk
    // (7 days ahead) whatever holidays lie between the seeding day and it.
    const [demoBezwaar] = await as(BOARD, (tx) => findBezwaren(tx, ability(BOARD), {}, today))
    const on = plusDays(demoBezwaar!.decisionDueOn, -6)
    // The seeding day's schooljaar, or in early August (no incidents in it yet) the one before.
    const [anyIncident] = await h.db.select({ id: schema.incidents.id }).from(schema.incidents).where(eq(schema.incidents.schoolYear, seeded.schoolYear)).limit(1)
    const schooljaar = anyIncident ? seeded.schoolYear : seeded.schoolYears[1]!
    const o = ok(await run(BOARD, getBoardOversight, { schooljaar }, on))
    expect(o).not.toBeNull()
    expect(o!.stichting.name).toBe('Stichting Kompas')
    expect(o!.queue.length).toBeGreaterThanOrEqual(3)
    expect(o!.queue.every((m) => (m.kind === 'schorsing' && m.state === 'proposed') || (m.kind === 'verwijdering' && m.state === 'hearings_recorded'))).toBe(true)
    expect(new Set(o!.queue.map((m) => m.schoolName))).toEqual(new Set(['OBS De Branding', 'Kompas Lyceum', 'Kompas Vakcollege']))
    expect(o!.measures.every((m) => m.kind === 'schorsing' || m.kind === 'verwijdering')).toBe(true)
    expect(o!.deadlines.inspectie.length).toBeGreaterThan(0)
    expect(o!.deadlines.inspectie.every((t) => t.overdue === t.dueOn < on)).toBe(true)
    expect(o!.deadlines.bezwaren.some((b) => b.schoolName === 'OBS De Branding' && b.decisionDueOn === demoBezwaar!.decisionDueOn)).toBe(true)
    expect(o!.deadlines.bezwaren.every((b) => b.state !== 'decided' && b.decisionDueOn <= plusDays(on, 7))).toBe(true)
    expect(o!.measuresPerSchool.map((s) => s.name).sort()).toEqual(['Kompas Lyceum', 'Kompas Vakcollege', 'OBS De Branding'])
    const branding = o!.measuresPerSchool.find((s) => s.name === 'OBS De Branding')!
    // Schorsingen of the schooljaar by their first day, refused and withdrawn ones left out, as counted
    // directly (around the summer the demo's schorsingen straddle two schooljaren).
    const first = `${schooljaar.slice(0, 4)}-08-01`
    const last = `${schooljaar.slice(5)}-07-31`
    const brandingSchorsingen = (await h.db.select().from(schema.measures).where(and(eq(schema.measures.schoolId, ctxOf[DIR]!.schoolId!), eq(schema.measures.kind, 'schorsing'))))
      .filter((x) => !['refused', 'withdrawn'].includes(x.state))
      .filter((x) => (x.startsOn ?? localDate(x.createdAt)) >= first && (x.startsOn ?? localDate(x.createdAt)) <= last)
    expect(brandingSchorsingen.length).toBeGreaterThan(0)
    expect(branding.counts.schorsing).toBe(brandingSchorsingen.length)
    expect(o!.incidentsPerSchool.length).toBe(3)
    // The IRIS comparison: per type, counts for each school, summing to the type's total.
    expect(o!.irisComparison.schools.map((s) => s.name).sort()).toEqual(['Kompas Lyceum', 'Kompas Vakcollege', 'OBS De Branding'])
    const fight = o!.irisComparison.rows.find((r) => r.label === 'fysiek geweld')!
    expect(fight.total).toBeGreaterThan(0)
    expect(Object.values(fight.perSchool).reduce((a, b) => a + b, 0)).toBe(fight.total)
  })

  it('nobody else: a directeur and the stichtingbeheerder get null; Horizon sees only Horizon', async () => {
    expect(await run(DIR, getBoardOversight, {})).toMatchObject({ ok: false })
    expect(await run('beheer@kompas.demo', getBoardOversight, {})).toMatchObject({ ok: false })
    const [horizonBezwaar] = await as('bestuur@horizon.demo', (tx) => findBezwaren(tx, ability('bestuur@horizon.demo'), {}, today))
    const on = plusDays(horizonBezwaar!.decisionDueOn, -6)
    const horizon = ok(await run('bestuur@horizon.demo', getBoardOversight, {}, on))
    expect(horizon!.measuresPerSchool.map((s) => s.name)).toEqual(['CBS De Horizon'])
    expect(new Set([...horizon!.measures, ...horizon!.queue].map((m) => m.schoolName))).toEqual(new Set(['CBS De Horizon']))
    expect(horizon!.deadlines.bezwaren.map((b) => b.schoolName)).toEqual(['CBS De Horizon'])
  })

  it('reads through RLS: the app role sees no bezwaren without a context', async () => {
    const rows = await withTenant(h.db, { ...ctxOf[BOARD]!, stichtingId: null }, (tx) => tx.execute(sql`select count(*)::int as n from bezwaren`))
    const n = (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows)[0] as { n: number }
    expect(n.n).toBe(0)
  })
})
