// The measures' follow-up steps, through the tenant transaction as the routes call them: bezwaar and search
// attempt details in their own columns (migration 0018); hearings per sector before a verwijdering;
// the letter's sending moving a schorsing to "besluit verzonden"; the built-in templates for a
// stichting without its own; mail to the decision's recipients for time-outs, verwijderingen and
// bezwaar decisions; and every opening of a case in the access log.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { demoDates } from '@baken/db/demo'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decideBezwaar, findBezwaren, getLetterPdf, getMeasure, getMeasureBezwaar, hearingsOf, listLetters, listLetterTemplates, localDate, proposeMeasure, recordBezwaar, recordLetterSent, recordRemovalHearing, recordSearchAttempt, renderLetter, saveLetterTemplate, searchAttemptsOf, transitionMeasure } from '../src/index.ts'
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
const today = localDate(new Date())
/** A school day at De Branding shortly after the day the demo was seeded (on the demo calendar). */
let startAtBranding: string
const BOARD = 'bestuur@kompas.demo'
const DIR = 'directeur@branding.demo'
const LYC = 'directeur@lyceum.demo'
const step = (email: string, id: string, to: string, reason?: string) => run(email, transitionMeasure, { to, reason, id })
const hear = (email: string, id: string, party: string, heardOn = today) =>
  run(email, recordRemovalHearing, { ...{ party, heardOn, summary: `Gesprek met ${party} over het voorgenomen besluit.` }, id })
const outboxFor = (measureId: string) => h.db.select().from(schema.outbox).where(eq(schema.outbox.subjectRef, `measure:${measureId}`))

async function freePupil(email: string): Promise<string> {
  const school = ctxOf[email]!.schoolId!
  const taken = new Set((await h.db.select({ id: schema.measures.studentId }).from(schema.measures)).map((m) => m.id))
  const pupils = await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, school))
  return pupils.find((p) => !taken.has(p.id))!.id
}

async function guardianEmails(studentId: string): Promise<string[]> {
  const rows = await h.db
    .select({ email: schema.guardians.email })
    .from(schema.studentGuardians)
    .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
    .where(eq(schema.studentGuardians.studentId, studentId))
  return rows.map((r) => r.email).filter((e): e is string => !!e).sort()
}

async function proposeVerwijdering(email: string, studentId: string) {
  const r = await run(email, proposeMeasure, {
      kind: 'verwijdering',
      studentId,
      reasons: 'Herhaalde ernstige bedreigingen; schorsingen en afspraken hebben niet geholpen.',
      skipJustification: 'Na een wapenincident is terugkeer in de groep niet verantwoord.',
    })
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
  return (r as { id: string }).id
}

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  startAtBranding = demoDates(seed!.at).schoolDay('noord', 2, 'branding')
})
afterAll(() => h?.close())

describe('bezwaar and search details live in columns', () => {
  it('the decision’s reasons and decider, and a late bezwaar’s excuse, are columns; the view reads them, not the history', async () => {
    const [m] = await h.db
      .select()
      .from(schema.measures)
      .where(and(eq(schema.measures.schoolId, ctxOf[DIR]!.schoolId!), eq(schema.measures.kind, 'schorsing'), eq(schema.measures.state, 'ended')))
    const [demo] = await h.db.select().from(schema.bezwaren).where(eq(schema.bezwaren.measureId, m!.id))
    expect(demo).toMatchObject({ late: false, lateReason: null, reasons: null })
    const before = (await outboxFor(m!.id)).length
    const decided = await run(BOARD, decideBezwaar, { decidedOn: today, outcome: 'ongegrond', reasons: 'De schorsing was evenredig gezien de ernst van het incident.', id: m!.id, bezwaarId: demo!.id }, today)
    expect(decided).toMatchObject({ ok: true })
    const [row] = await h.db.select().from(schema.bezwaren).where(eq(schema.bezwaren.id, demo!.id))
    expect(row).toMatchObject({ reasons: 'De schorsing was evenredig gezien de ernst van het incident.', decidedById: ctxOf[BOARD]!.userId })
    // The bezwaar decision goes to the parents (po) through the outbox.
    const mails = (await outboxFor(m!.id)).slice(before)
    expect(mails.length).toBeGreaterThan(0)
    expect(mails.map((x) => x.toAddress).sort()).toEqual(await guardianEmails(m!.studentId))
    expect(mails.every((x) => x.subject.startsWith('Beslissing op het bezwaar'))).toBe(true)

    // A second bezwaar, received after the term (30 October), taken on as excusable.
    const late = await run(DIR, recordBezwaar, { receivedOn: today, late: true, lateReason: 'De ouders lagen tot half november in het ziekenhuis.', id: m!.id }, today)
    expect(late, JSON.stringify(late)).toMatchObject({ ok: true })
    const [lateRow] = await h.db.select().from(schema.bezwaren).where(eq(schema.bezwaren.id, (late as { id: string }).id))
    expect(lateRow).toMatchObject({ late: true, lateReason: 'De ouders lagen tot half november in het ziekenhuis.' })

    // Views read the columns: with the history's data wiped, nothing changes.
    await h.db.update(schema.measureTransitions).set({ data: null }).where(eq(schema.measureTransitions.measureId, m!.id))
    const list = await as(BOARD, (tx) => findBezwaren(tx, ability(BOARD), { measureId: m!.id }, today))
    expect(list.find((b) => b.id === demo!.id)).toMatchObject({ reasons: 'De schorsing was evenredig gezien de ernst van het incident.', decidedByName: expect.any(String), late: false })
    expect(list.find((b) => b.id === lateRow!.id)).toMatchObject({ late: true, lateReason: 'De ouders lagen tot half november in het ziekenhuis.' })
  })

  it('a search attempt’s note is a column; the demo attempts have notes', async () => {
    const [m] = await h.db
      .select()
      .from(schema.measures)
      .where(and(eq(schema.measures.schoolId, ctxOf[LYC]!.schoolId!), eq(schema.measures.kind, 'verwijdering'), eq(schema.measures.state, 'searching')))
    const demoRows = await h.db.select().from(schema.removalSearchAttempts).where(eq(schema.removalSearchAttempts.measureId, m!.id))
    expect(demoRows.every((a) => (a.note ?? '').length > 10)).toBe(true)
    const r = await run(LYC, recordSearchAttempt, { contactedOn: today, schoolName: 'Het Baken College', result: 'in behandeling', note: 'Intake op maandag.', id: m!.id })
    expect(r).toMatchObject({ ok: true })
    const [col] = await h.db.select().from(schema.removalSearchAttempts).where(eq(schema.removalSearchAttempts.id, (r as { id: string }).id))
    expect(col!.note).toBe('Intake op maandag.')
    await h.db.update(schema.measureTransitions).set({ data: null }).where(eq(schema.measureTransitions.measureId, m!.id))
    const list = await as(LYC, (tx) => searchAttemptsOf(tx, ability(LYC), m!.id))
    expect(list!.find((a) => a.id === col!.id)!.note).toBe('Intake op maandag.')
  })
})

describe('hearings before a verwijdering, per sector', () => {
  it('po: the groepsleraar and the parents; the school step and the board’s decision are refused with WPO art. 40 lid 11 until both are heard; the decision mails the parents', async () => {
    const pupil = await freePupil(DIR)
    const id = await proposeVerwijdering(DIR, pupil)
    const view = await as(DIR, (tx) => hearingsOf(tx, ability(DIR), id, localDate(new Date())))
    expect(view!.required.map((r) => r.party)).toEqual(['groepsleraar', 'ouders'])
    expect(view!.complete).toBe(false)

    const early = await step(DIR, id, 'hearings_recorded')
    expect(early).toMatchObject({ ok: false, reason: 'conflict' })
    if (!early.ok) expect(early.errors[0]!.message).toMatch(/de betrokken groepsleraar, de ouders \(WPO art\. 40 lid 11/)
    // Not a party of the po rule; not in the future; a leerkracht (not the proposer) may not.
    expect(await hear(DIR, id, 'inspectie_overleg')).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'party' }] })
    expect(await hear(DIR, id, 'groepsleraar', plusDays(today, 1))).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'heardOn' }] })
    expect(await hear('leerkracht@branding.demo', id, 'groepsleraar')).toMatchObject({ ok: false, reason: 'not_found' })

    expect(await hear(DIR, id, 'groepsleraar')).toMatchObject({ ok: true })
    const half = await step(DIR, id, 'hearings_recorded')
    expect(half).toMatchObject({ ok: false, reason: 'conflict' })
    if (!half.ok) {
      expect(half.errors[0]!.message).toMatch(/nog niet gehoord: de ouders/)
      expect(half.errors[0]!.message).not.toMatch(/groepsleraar/)
    }
    expect(await hear(DIR, id, 'ouders')).toMatchObject({ ok: true })
    expect(await step(DIR, id, 'hearings_recorded')).toMatchObject({ ok: true, state: 'hearings_recorded' })

    const before = (await outboxFor(id)).length
    expect(await step(BOARD, id, 'decided')).toMatchObject({ ok: true, state: 'decided' })
    const mails = (await outboxFor(id)).slice(before)
    expect(mails.length).toBeGreaterThan(0)
    expect(mails.map((x) => x.toAddress).sort()).toEqual(await guardianEmails(pupil))
    expect(mails.every((x) => x.subject.startsWith('Besluit tot verwijdering'))).toBe(true)

    // Listed with the measure (GET /api/v1/measures/{id}); no more hearings after the decision.
    const detail = ok(await run(BOARD, getMeasure, { id }))
    expect(detail!.hearings!.hearings.map((x) => x.party)).toEqual(['groepsleraar', 'ouders'])
    expect(detail!.hearings!.complete).toBe(true)
    expect(await hear(DIR, id, 'ouders')).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('vo: the teachers, the pupil, the parents under 18 and the Inspectie consultation; at 18 the parents are not heard but, until 21, still receive the decision', async () => {
    const pupil = await freePupil(LYC)
    const id = await proposeVerwijdering(LYC, pupil)
    // A minor (the demo pupils are 12–17).
    await h.db.update(schema.students).set({ dateOfBirth: plusDays(today, -(16 * 365)) }).where(eq(schema.students.id, pupil))
    const minor = await as(LYC, (tx) => hearingsOf(tx, ability(LYC), id, localDate(new Date())))
    expect(minor!.required.map((r) => r.party)).toEqual(['leraren', 'leerling', 'ouders', 'inspectie_overleg'])
    for (const p of ['leraren', 'leerling', 'ouders']) expect(await hear(LYC, id, p)).toMatchObject({ ok: true })
    const noOverleg = await step(BOARD, id, 'decided')
    expect(noOverleg).toMatchObject({ ok: false, reason: 'conflict' })
    const school = await step(LYC, id, 'hearings_recorded')
    expect(school).toMatchObject({ ok: false, reason: 'conflict' })
    if (!school.ok) expect(school.errors[0]!.message).toMatch(/overleg met de Inspectie is nog niet vastgelegd \(WVO 2020 art\. 8\.15/)
    expect(await hear(LYC, id, 'inspectie_overleg')).toMatchObject({ ok: true })
    expect(await step(LYC, id, 'hearings_recorded')).toMatchObject({ ok: true })

    // A pupil who turned 18 today: the parents are no longer heard (Awb art. 4:8: the parents of a
    // minor), but until 21 they still receive the decision (Inrichtingsbesluit WVO art. 13, the
    // default); with the stichting's own age of 18 they do not. Baken has no pupil e-mail.
    const [y, mo, d] = today.split('-')
    const decideFor18 = async () => {
      const adult = await freePupil(LYC)
      const removal = await proposeVerwijdering(LYC, adult)
      await h.db.update(schema.students).set({ dateOfBirth: `${Number(y) - 18}-${mo}-${d}` }).where(eq(schema.students.id, adult))
      const grown = await as(LYC, (tx) => hearingsOf(tx, ability(LYC), removal, localDate(new Date())))
      expect(grown!.required.map((r) => r.party)).toEqual(['leraren', 'leerling'])
      expect(await hear(LYC, removal, 'ouders')).toMatchObject({ ok: false, reason: 'invalid' })
      for (const p of ['leraren', 'leerling']) expect(await hear(LYC, removal, p)).toMatchObject({ ok: true })
      expect(await step(LYC, removal, 'hearings_recorded')).toMatchObject({ ok: true })
      expect(await step(BOARD, removal, 'decided')).toMatchObject({ ok: true })
      return { adult, removal }
    }
    const byDefault = await decideFor18()
    expect((await guardianEmails(byDefault.adult)).length).toBeGreaterThan(0)
    expect(await outboxFor(byDefault.removal)).toHaveLength((await guardianEmails(byDefault.adult)).length)
    const stichtingId = ctxOf[LYC]!.stichtingId!
    await h.db.update(schema.stichtingSettings).set({ voDecisionAdultAge: 18 }).where(eq(schema.stichtingSettings.stichtingId, stichtingId))
    try {
      const chosen18 = await decideFor18()
      expect((await guardianEmails(chosen18.adult)).length).toBeGreaterThan(0)
      expect(await outboxFor(chosen18.removal)).toEqual([])
    } finally {
      await h.db.update(schema.stichtingSettings).set({ voDecisionAdultAge: null }).where(eq(schema.stichtingSettings.stichtingId, stichtingId))
    }
  })
})

describe('a time-out informs the parents at once', () => {
  it('approving queues one mail per guardian address, in the same transaction', async () => {
    const pupil = await freePupil(DIR)
    const r = await run(DIR, proposeMeasure, { kind: 'time_out', studentId: pupil, reasons: 'Sloeg een klasgenoot en was niet tot rust te brengen.', startsOn: startAtBranding, skipJustification: 'Direct gevaar voor klasgenoten; een adempauze volstond niet.' })
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    const id = (r as { id: string }).id
    expect(await outboxFor(id)).toEqual([])
    expect(await step(DIR, id, 'approved')).toMatchObject({ ok: true })
    const mails = await outboxFor(id)
    expect(mails.length).toBeGreaterThan(0)
    expect(mails.map((x) => x.toAddress).sort()).toEqual(await guardianEmails(pupil))
    expect(mails[0]!.subject).toMatch(/^Time-out van /)
    expect(mails[0]!.status).toBe('pending')
  })
})

describe('the letter’s sending moves a schorsing to "besluit verzonden"', () => {
  async function decidedSchorsing() {
    const pupil = await freePupil(DIR)
    const r = await run(DIR, proposeMeasure, {
        kind: 'schorsing',
        studentId: pupil,
        reasons: 'Ernstige bedreiging van een leerkracht tijdens de gymles.',
        startsOn: startAtBranding,
        schoolDays: 2,
        skipJustification: 'De veiligheid van de leerkracht vraagt direct om een schorsing.',
      })
    const id = (r as { id: string }).id
    expect(await step(BOARD, id, 'approved')).toMatchObject({ ok: true })
    return { id, pupil }
  }
  const send = (email: string, id: string, letterId: string, input: Record<string, unknown>) =>
    run(email, recordLetterSent, { ...input, id, letterId })

  it('by e-mail: one outbox row per guardian, the state advances, the history says how; no manual step', async () => {
    const { id, pupil } = await decidedSchorsing()
    expect(ok(await run(DIR, getMeasure, { id })).next.map((n) => n.to)).toEqual([])
    const letter = await run(DIR, renderLetter, { id, kind: 'schorsing' })
    const letterId = (letter as { id: string }).id
    const before = (await outboxFor(id)).length
    const sent = await send(DIR, id, letterId, { channel: 'email' })
    expect(sent).toMatchObject({ ok: true, state: 'letter_sent' })
    const mails = (await outboxFor(id)).slice(before)
    expect(mails.map((x) => x.toAddress).sort()).toEqual(await guardianEmails(pupil))
    expect(mails[0]!.text).toContain(`kenmerk ${id.slice(0, 8)}, versie 1`)
    const [m] = await h.db.select().from(schema.measures).where(eq(schema.measures.id, id))
    expect(m!.state).toBe('letter_sent')
    const [t] = await h.db
      .select()
      .from(schema.measureTransitions)
      .where(and(eq(schema.measureTransitions.measureId, id), eq(schema.measureTransitions.toState, 'letter_sent')))
    expect(t).toMatchObject({ fromState: 'approved', data: { event: 'brief_verzonden', channel: 'email', letterId, sentOn: today } })
    // Sending again (a corrected version) is recorded but does not move the state.
    expect(await send(DIR, id, letterId, { channel: 'post', sentOn: today })).toMatchObject({ ok: true, state: 'letter_sent' })
    const letters = ok(await run(DIR, listLetters, { id }))
    expect(letters!.items[0]!.sent.map((s) => s.channel)).toEqual(['email', 'post'])
  })

  it('by post or handed over needs a date, not in the future; that date starts the objection term', async () => {
    const { id } = await decidedSchorsing()
    const letter = await run(DIR, renderLetter, { id, kind: 'schorsing' })
    const letterId = (letter as { id: string }).id
    expect(await send(DIR, id, letterId, { channel: 'post' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'sentOn' }] })
    expect(await send(DIR, id, letterId, { channel: 'post', sentOn: plusDays(today, 1) })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await send(DIR, id, letterId, { channel: 'fax', sentOn: today })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await send(DIR, id, crypto.randomUUID(), { channel: 'post', sentOn: today })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await send('leerkracht@branding.demo', id, letterId, { channel: 'post', sentOn: today })).toMatchObject({ ok: false })
    expect(await send('bestuur@horizon.demo', id, letterId, { channel: 'post', sentOn: today })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await send(DIR, id, letterId, { channel: 'uitgereikt', sentOn: today })).toMatchObject({ ok: true, state: 'letter_sent' })
    const bezwaar = ok(await run(DIR, getMeasureBezwaar, { id }, today))
    expect(bezwaar!.objection!.decisionSentOn).toBe(today)
  })
})

describe('opening a case is logged', () => {
  it('the bestuurder opening a school’s case leaves an access_log row with "toezicht bevoegd gezag"; a directeur’s has no reason; the PDF too', async () => {
    const [m] = await h.db
      .select()
      .from(schema.measures)
      .where(and(eq(schema.measures.schoolId, ctxOf[DIR]!.schoolId!), eq(schema.measures.kind, 'schorsing'), eq(schema.measures.state, 'approved')))
    const rows = () => h.db.select().from(schema.accessLog).where(and(eq(schema.accessLog.subjectType, 'measure'), eq(schema.accessLog.subjectId, m!.id)))
    const before = (await rows()).length
    expect(await run(BOARD, getMeasure, { id: m!.id })).toMatchObject({ ok: true })
    const board = (await rows()).slice(before)
    expect(board).toHaveLength(1)
    expect(board[0]).toMatchObject({
      userId: ctxOf[BOARD]!.userId,
      role: 'bestuurder',
      action: 'read',
      studentId: null,
      studentIds: [m!.studentId],
      schoolId: m!.schoolId,
      stichtingId: m!.stichtingId,
      reason: 'toezicht bevoegd gezag',
      breakGlass: false,
    })
    await run(DIR, getMeasure, { id: m!.id })
    expect((await rows()).at(-1)).toMatchObject({ userId: ctxOf[DIR]!.userId, reason: null })
    // Not visible → no row (Horizon's bestuurder).
    const count = (await rows()).length
    expect(await run('bestuur@horizon.demo', getMeasure, { id: m!.id })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await rows()).toHaveLength(count)
    const letter = await run(DIR, renderLetter, { id: m!.id, kind: 'schorsing' })
    expect(await run(BOARD, getLetterPdf, { id: m!.id, letterId: (letter as { id: string }).id })).toMatchObject({ ok: true })
    expect((await rows()).at(-1)).toMatchObject({ userId: ctxOf[BOARD]!.userId, reason: 'toezicht bevoegd gezag' })
  })
})

describe('a stichting without templates uses the standard ones', () => {
  it('letters come from the built-in text; /sjablonen shows "standaard" until the stichting saves its own', async () => {
    // A new stichting with one po school, a directeur, a stichtingbeheerder and a pupil with a parent.
    const stichtingId = crypto.randomUUID()
    const schoolId = crypto.randomUUID()
    await h.db.insert(schema.stichtingen).values({ id: stichtingId, name: 'Stichting Nieuwland' })
    await h.db.insert(schema.schools).values({ id: schoolId, stichtingId, name: 'OBS De Nieuwe Haven', brin: '99ZZ', sector: 'po', holidayRegion: 'noord' })
    const tenant = { stichtingId, schoolId }
    const people: Record<string, TenantContext> = {}
    for (const [email, role, school] of [
      ['directeur@nieuwland.test', 'directeur', schoolId],
      ['beheer@nieuwland.test', 'stichtingbeheerder', null],
    ] as const) {
      const [u] = await h.db.insert(schema.users).values({ email, name: email.split('@')[0]!, passwordHash: 'x' }).returning()
      const [mem] = await h.db.insert(schema.memberships).values({ userId: u!.id, role, stichtingId, schoolId: school }).returning()
      people[email] = { userId: u!.id, membershipId: mem!.id, role, stichtingId, schoolId: school, partnerId: null }
    }
    const dir = people['directeur@nieuwland.test']!
    const beheer = people['beheer@nieuwland.test']!
    const [pupil] = await h.db.insert(schema.students).values({ ...tenant, firstName: 'Noor', lastName: 'Visser', dateOfBirth: '2016-03-02' }).returning()
    const [parent] = await h.db.insert(schema.guardians).values({ ...tenant, name: 'Sanne Visser', email: 'sanne.visser@example.org' }).returning()
    await h.db.insert(schema.studentGuardians).values({ ...tenant, studentId: pupil!.id, guardianId: parent!.id, relation: 'moeder' })
    const measureId = crypto.randomUUID()
    await h.db.insert(schema.measures).values({
      id: measureId,
      ...tenant,
      studentId: pupil!.id,
      kind: 'schorsing',
      state: 'approved',
      sector: 'po',
      ruleSetId: 'wet-po-2026',
      reasons: 'Gooide een stoel naar de leerkracht.',
      startsOn: today,
      endsOn: today,
      schoolDays: 1,
      proposedById: dir.userId,
      decidedById: dir.userId,
      decidedAt: new Date(Date.now() - 3600_000),
      decidedUnderMandate: true,
    })
    expect(await h.db.select().from(schema.letterTemplates).where(eq(schema.letterTemplates.stichtingId, stichtingId))).toEqual([])

    const overview = ok(await runAs(h.db, beheer, listLetterTemplates, {})).items
    expect(overview.every((t) => t.usesStandard && t.latest === null && t.standard.includes('{{ondertekening}}'))).toBe(true)

    const made = await runAs(h.db, dir, renderLetter, { id: measureId, kind: 'schorsing' })
    expect(made, JSON.stringify(made)).toMatchObject({ ok: true, version: 1 })
    const [stored] = await h.db.select().from(schema.measureLetters).where(eq(schema.measureLetters.measureId, measureId))
    expect(stored!.templateId).toBeNull()
    const list = ok(await runAs(h.db, dir, listLetters, { id: measureId }))
    expect(list!.items[0]!.templateVersion).toBeNull()
    // Sent by e-mail to the parent of the new stichting.
    expect(await runAs(h.db, dir, recordLetterSent, { channel: 'email', id: measureId, letterId: (made as { id: string }).id })).toMatchObject({
      ok: true,
      state: 'letter_sent',
      mails: 1,
    })
    expect((await outboxFor(measureId)).map((x) => x.toAddress)).toEqual(['sanne.visser@example.org'])

    // Saving its own version ends the standard for that kind only.
    const own = overview.find((t) => t.kind === 'schorsing')!.standard.replace('Met vriendelijke groet,', 'Met hartelijke groet,')
    expect(await runAs(h.db, beheer, saveLetterTemplate, { kind: 'schorsing', body: own })).toMatchObject({ ok: true, version: 1 })
    const after = ok(await runAs(h.db, beheer, listLetterTemplates, {})).items
    expect(after.find((t) => t.kind === 'schorsing')).toMatchObject({ usesStandard: false, latest: { version: 1 } })
    expect(after.filter((t) => t.usesStandard).map((t) => t.kind).sort()).toEqual(['bezwaar_beslissing', 'time_out_kennisgeving', 'verwijdering'])
    // Demo stichtingen are untouched by this one.
    const kompas = ok(await run('beheer@kompas.demo', listLetterTemplates, {})).items
    expect(kompas.every((t) => !t.usesStandard)).toBe(true)
  })
})
