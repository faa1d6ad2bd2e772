// The reporting duties through the tenant transaction, as the routes call them: every allowed and
// refused step of the zeden route and of the Meldcode, the board's notification in the outbox, and
// what the reporter, the board and others see of a case.
import { schema, type DatabaseHandle, type TenantContext } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getReportCase, listReportCases, openReportCase, recordReportStep } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const open = (email: string, input: Record<string, unknown>) => runAs(h.db, ctxOf[email]!, openReportCase, { ...input, baseUrl: 'https://baken.test' })
const step = (email: string, id: string, input: Record<string, unknown>) => runAs(h.db, ctxOf[email]!, recordReportStep, { ...input, id })
/** The case as the caller sees it, or null when it is not visible. */
const view = async (email: string, id: string) => {
  const o = await runAs(h.db, ctxOf[email]!, getReportCase, { id })
  return o.ok ? o : null
}
const listAs = async (email: string) => {
  const o = await runAs(h.db, ctxOf[email]!, listReportCases, {})
  return o.ok ? o.items : []
}
const idOf = (r: unknown) => (r as { id: string }).id

const TEACHER = 'leerkracht@branding.demo'
const BOARD = 'bestuur@kompas.demo'
const VP = 'vertrouwenspersoon@branding.demo'
const IB = 'ib@branding.demo'
const DIRECTEUR = 'directeur@branding.demo'
const overleg = { step: 'overleg_vertrouwensinspecteur', date: '2026-11-19', contact: 'Vertrouwensinspecteur, kenmerk VI-1', advice: 'Redelijk vermoeden; aangifte doen.' }
const aangifte = { step: 'aangifte', reasons: 'Na overleg met de vertrouwensinspecteur is er een redelijk vermoeden.', date: '2026-11-20', policeUnit: 'Politie eenheid Noord-Holland', reference: 'PL-2026-123' }
let pupils: string[] = []

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const schools = await h.db.select().from(schema.schools)
  const key = (name: string) => ({ 'OBS De Branding': 'branding', 'Kompas Lyceum': 'lyceum', 'Kompas Vakcollege': 'vakcollege', 'CBS De Horizon': 'horizon' })[name]!
  const students = await h.db.select({ id: schema.students.id, schoolId: schema.students.schoolId }).from(schema.students)
  const bySchool: Record<string, { id: string }[]> = {}
  for (const s of schools) bySchool[key(s.name)] = students.filter((x) => x.schoolId === s.id)
  pupils = bySchool.branding!.map((s) => s.id)
})
afterAll(() => h?.close())

describe('the zeden route', () => {
  let id: string

  it('any staff member opens it; opening informs every bestuurder of the stichting by mail, without names or details', async () => {
    const r = await open(TEACHER, { kind: 'zedendelict_medewerker', studentId: pupils[0], summary: 'Leerling vertelde dat meester X haar ongepast aanraakte na de gymles.' })
    expect(r).toMatchObject({ ok: true, state: 'bestuur_geinformeerd', boardNotified: 1 })
    id = idOf(r)
    const mail = await h.db.select().from(schema.outbox).where(eq(schema.outbox.subjectRef, `report_case:${id}`))
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({ toAddress: BOARD, schoolId: null, subject: 'Baken: een melding vraagt uw aandacht' })
    expect(mail[0]!.text).toContain(`https://baken.test/meldplicht/${id}`)
    expect(mail[0]!.text).not.toMatch(/meester|aanraakte|gymles|Joyce|Smit|zeden/i)
    const steps = await h.db.select().from(schema.reportCaseSteps).where(eq(schema.reportCaseSteps.caseId, id))
    expect(steps.map((s) => s.step)).toEqual(['melding'])
  })

  it('the directeur and the IB may open one too (any staff member)', async () => {
    for (const who of [DIRECTEUR, IB, VP]) {
      expect((await open(who, { kind: 'zedendelict_medewerker', summary: 'Een vermoeden, gemeld door een ouder bij mij.' })).ok).toBe(true)
    }
  })

  it('refuses a case without a description, and the stichting roles cannot open one (no school)', async () => {
    expect(await open(TEACHER, { kind: 'zedendelict_medewerker', summary: 'kort' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'summary' }] })
    expect(await open(BOARD, { kind: 'zedendelict_medewerker', summary: 'Een vermoeden van iets ernstigs.' })).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('the reporter and the vertrouwenspersoon may not take the board’s steps', async () => {
    for (const who of [TEACHER, VP]) {
      const r = await step(who, id, overleg)
      expect(r).toMatchObject({ ok: false, reason: 'forbidden' })
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/bevoegd gezag.*WPO art\. 4a/)
    }
  })

  it('the directeur, the IB, the other teacher and another stichting get 404', async () => {
    for (const who of [DIRECTEUR, IB, 'leerkracht2@branding.demo', 'bestuur@horizon.demo', 'directeur@lyceum.demo']) {
      expect(await step(who, id, overleg)).toMatchObject({ ok: false, reason: 'not_found' })
      expect(await view(who, id)).toBeNull()
    }
  })

  it('no decision on aangifte, nor informing, nor closing before the consultation', async () => {
    for (const input of [aangifte, { step: 'geen_aangifte', reasons: 'Geen redelijk vermoeden gebleken.' }, { step: 'betrokkenen_geinformeerd', staffInformedOn: '2026-11-20', parentsInformedOn: '2026-11-20' }, { step: 'afsluiten', note: 'Klaar.' }]) {
      const r = await step(BOARD, id, input)
      expect(r, input.step).toMatchObject({ ok: false, reason: 'conflict' })
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/WPO art\. 4a/)
    }
    const r = await step(BOARD, id, aangifte)
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/Eerst het overleg met de vertrouwensinspecteur/)
  })

  it('the board records the consultation (date, contact, advice), and may record another', async () => {
    expect(await step(BOARD, id, { ...overleg, advice: '' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'advice' }] })
    expect(await step(BOARD, id, overleg)).toMatchObject({ ok: true, state: 'overleg_gevoerd' })
    expect(await step(BOARD, id, { ...overleg, date: '2026-11-20' })).toMatchObject({ ok: true, state: 'overleg_gevoerd' })
    const [s] = await h.db.select().from(schema.reportCaseSteps).where(and(eq(schema.reportCaseSteps.caseId, id), eq(schema.reportCaseSteps.step, 'overleg_vertrouwensinspecteur')))
    expect(s).toMatchObject({ byId: ctxOf[BOARD]!.userId, data: { date: '2026-11-19', contact: 'Vertrouwensinspecteur, kenmerk VI-1' } })
  })

  it('informing or closing still waits for the decision', async () => {
    expect(await step(BOARD, id, { step: 'betrokkenen_geinformeerd', staffInformedOn: '2026-11-20', parentsInformedOn: '2026-11-20' })).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await step(BOARD, id, { step: 'afsluiten', note: 'Klaar.' })).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('aangifte needs the reasons, date, police unit and reference; then it is recorded with the decision', async () => {
    expect(await step(BOARD, id, { ...aangifte, policeUnit: '' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'policeUnit' }] })
    expect(await step(BOARD, id, { ...aangifte, reasons: 'kort' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'reasons' }] })
    expect(await step(BOARD, id, { ...aangifte, expectedState: 'bestuur_geinformeerd' })).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'expectedState' }] })
    expect(await step(BOARD, id, { ...aangifte, expectedState: 'overleg_gevoerd' })).toMatchObject({ ok: true, state: 'aangifte_gedaan' })
    const [c] = await h.db.select().from(schema.reportCases).where(eq(schema.reportCases.id, id))
    expect(c).toMatchObject({ decision: 'aangifte', closedAt: null })
  })

  it('after the decision: no second decision, no further consultation, no closing before informing', async () => {
    expect(await step(BOARD, id, { step: 'geen_aangifte', reasons: 'Toch geen redelijk vermoeden.' })).toMatchObject({ ok: false, reason: 'conflict' })
    const r = await step(BOARD, id, overleg)
    expect(r).toMatchObject({ ok: false, reason: 'conflict' })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/besluit over aangifte is al genomen/)
    expect(await step(BOARD, id, { step: 'afsluiten', note: 'Klaar.' })).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('those involved informed (dates required), then closed; nothing after closing', async () => {
    expect(await step(BOARD, id, { step: 'betrokkenen_geinformeerd', staffInformedOn: '2026-11-20' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'parentsInformedOn' }] })
    expect(await step(VP, id, { step: 'betrokkenen_geinformeerd', staffInformedOn: '2026-11-20', parentsInformedOn: '2026-11-20' })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await step(BOARD, id, { step: 'betrokkenen_geinformeerd', staffInformedOn: '2026-11-20', parentsInformedOn: '2026-11-20' })).toMatchObject({ ok: true, state: 'betrokkenen_geinformeerd' })
    expect(await step(BOARD, id, { step: 'afsluiten', note: 'Aangifte gedaan, betrokkenen geïnformeerd.' })).toMatchObject({ ok: true, state: 'gesloten' })
    const [c] = await h.db.select().from(schema.reportCases).where(eq(schema.reportCases.id, id))
    expect(c!.closedAt).not.toBeNull()
    expect(await step(BOARD, id, { step: 'afsluiten', note: 'Nog eens.' })).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await step(BOARD, id, { step: 'melding', note: 'x' })).toMatchObject({ ok: false, reason: 'invalid' })
  })

  it('without reasonable suspicion: the decision not to report, with reasons', async () => {
    const r = await open(TEACHER, { kind: 'zedendelict_medewerker', summary: 'Een gerucht onder leerlingen over een stagiair.' })
    const other = idOf(r)
    expect(await step(BOARD, other, overleg)).toMatchObject({ ok: true })
    expect(await step(BOARD, other, { step: 'geen_aangifte', reasons: 'kort' })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await step(BOARD, other, { step: 'geen_aangifte', reasons: 'De vertrouwensinspecteur ziet geen redelijk vermoeden: het gerucht is weerlegd.' })).toMatchObject({ ok: true, state: 'geen_aangifte' })
    expect(await step(BOARD, other, aangifte)).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await step(BOARD, other, { step: 'betrokkenen_geinformeerd', staffInformedOn: '2026-11-21', parentsInformedOn: '2026-11-21' })).toMatchObject({ ok: true })
  })

  it('the reporter sees only that the board was informed; the board and the vertrouwenspersoon see everything; every look is logged', async () => {
    const mine = await view(TEACHER, id)
    expect(mine).toMatchObject({ limited: true, state: null, decision: null, closedAt: null, next: [] })
    expect(mine!.steps.map((s) => s.step)).toEqual(['melding'])
    expect(mine!.stateLabel).toBe('bestuur geïnformeerd')
    for (const who of [BOARD, VP]) {
      const full = await view(who, id)
      expect(full).toMatchObject({ limited: false, state: 'gesloten', decision: 'aangifte' })
      expect(full!.steps.map((s) => s.step)).toEqual(['melding', 'overleg_vertrouwensinspecteur', 'overleg_vertrouwensinspecteur', 'aangifte', 'betrokkenen_geinformeerd', 'afsluiten'])
    }
    const log = await h.db.select().from(schema.accessLog).where(and(eq(schema.accessLog.subjectType, 'report_case'), eq(schema.accessLog.subjectId, id)))
    expect(log.map((l) => l.role).sort()).toEqual(['bestuurder', 'leerkracht', 'vertrouwenspersoon'])
    expect(log.find((l) => l.role === 'bestuurder')).toMatchObject({ schoolId: ctxOf[TEACHER]!.schoolId, studentId: null, studentIds: [pupils[0]] })
  })

  it('lists: the reporter sees own cases as "bestuur geïnformeerd"; the directeur sees no zeden case', async () => {
    const list = await listAs(TEACHER)
    expect(list.find((c) => c.id === id)).toMatchObject({ stateLabel: 'bestuur geïnformeerd', closed: false, mine: true })
    const dir = await listAs(DIRECTEUR)
    expect(dir.filter((c) => c.kind === 'zedendelict_medewerker' && !c.mine)).toEqual([])
    const board = await listAs(BOARD)
    expect(board.some((c) => c.id === id)).toBe(true)
    expect(board.every((c) => c.kind === 'zedendelict_medewerker')).toBe(true)
  })
})

describe('the Meldcode', () => {
  let id: string
  const consult = { step: 'consultatie', date: '2026-11-19', consulted: 'Aandachtsfunctionaris', advice: 'Gesprek met ouders voeren.', veiligThuis: 'nee' }
  const gesprek = { step: 'gesprek', date: '2026-11-20', with: 'ouders', note: 'Ouders herkennen de signalen.' }
  const afweging = (over: Record<string, string> = {}) => ({ step: 'afweging', vermoeden: 'ja', onveilig: 'nee', hulpMogelijk: 'ja', hulpAanvaard: 'ja', veiligBinnenTermijn: 'ja', note: 'Afweging gemaakt met het kader.', ...over })

  it('any staff member opens it with the signals (step 1); the pupil is required', async () => {
    expect(await open(TEACHER, { kind: 'meldcode', summary: 'Blauwe plekken op de armen, vaak moe.' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'studentId' }] })
    expect(await open(TEACHER, { kind: 'meldcode', studentId: ctxOf[TEACHER]!.userId, summary: 'Blauwe plekken op de armen, vaak moe.' })).toMatchObject({ ok: false, reason: 'invalid' })
    const r = await open(TEACHER, { kind: 'meldcode', studentId: pupils[1], summary: 'Blauwe plekken op de armen, vaak moe.' })
    expect(r).toMatchObject({ ok: true, state: 'stap_1' })
    expect(r).not.toHaveProperty('boardNotified')
    id = idOf(r)
    const mail = await h.db.select().from(schema.outbox).where(eq(schema.outbox.subjectRef, `report_case:${id}`))
    expect(mail).toEqual([])
  })

  it('steps in order: no conversation before consultation, no weighing before the conversation, no decision before steps 1–4', async () => {
    const r = await step(IB, id, gesprek)
    expect(r).toMatchObject({ ok: false, reason: 'conflict' })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/Eerst stap 2.*meldcode/)
    expect(await step(IB, id, afweging())).toMatchObject({ ok: false, reason: 'conflict' })
    const d = await step(IB, id, { step: 'besluit', decision: 'melden', date: '2026-11-20', reference: 'VT-1', note: 'Melden.' })
    expect(d).toMatchObject({ ok: false, reason: 'conflict' })
    if (!d.ok) expect(d.errors[0]!.message).toMatch(/stap 1 tot en met 4/)
  })

  it('the opener (leerkracht) may add signals but not take the next steps; others of the school without the role cannot see it', async () => {
    expect(await step(TEACHER, id, { step: 'signalen', note: 'Vandaag opnieuw een blauwe plek gezien.' })).toMatchObject({ ok: true, state: 'stap_1' })
    const r = await step(TEACHER, id, consult)
    expect(r).toMatchObject({ ok: false, reason: 'forbidden' })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/aandachtsfunctionaris/)
    for (const who of ['leerkracht2@branding.demo', BOARD, 'directeur@lyceum.demo', 'bestuur@horizon.demo']) {
      expect(await step(who, id, consult)).toMatchObject({ ok: false, reason: 'not_found' })
      expect(await view(who, id)).toBeNull()
    }
  })

  it('step 2: consultation (and whether Veilig Thuis was asked) by the IB; the directeur and VP see it', async () => {
    expect(await step(IB, id, { ...consult, veiligThuis: undefined })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'veiligThuis' }] })
    expect(await step(IB, id, consult)).toMatchObject({ ok: true, state: 'stap_2' })
    expect((await view(DIRECTEUR, id))!.steps.map((s) => s.step)).toEqual(['signalen', 'signalen', 'consultatie'])
    expect((await view(VP, id))!.state).toBe('stap_2')
    expect((await view(TEACHER, id))!.limited).toBe(false)
  })

  it('step 3: the conversation needs date and with whom, or a reason why it was skipped', async () => {
    expect(await step(IB, id, { ...gesprek, date: '' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'date' }] })
    expect(await step(IB, id, { step: 'gesprek', skipped: 'ja', note: 'Gevaar' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'note' }] })
    expect(await step(IB, id, gesprek)).toMatchObject({ ok: true, state: 'stap_3' })
  })

  it('an earlier step may be revisited (appended) without going back', async () => {
    expect(await step(DIRECTEUR, id, { ...consult, veiligThuis: 'ja', advice: 'Veilig Thuis adviseert melden als het zo blijft.' })).toMatchObject({ ok: true, state: 'stap_3' })
  })

  it('step 4 and 5: with acute or structural unsafety only a report to Veilig Thuis is allowed, with a reference', async () => {
    expect(await step(IB, id, afweging({ onveilig: 'misschien' }))).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'onveilig' }] })
    expect(await step(IB, id, afweging({ onveilig: 'ja' }))).toMatchObject({ ok: true, state: 'stap_4' })
    const help = await step(IB, id, { step: 'besluit', decision: 'hulp_organiseren', date: '2026-11-21', note: 'Hulp via wijkteam.' })
    expect(help).toMatchObject({ ok: false, reason: 'conflict' })
    if (!help.ok) expect(help.errors[0]!.message).toMatch(/noodzakelijk.*afwegingskader/)
    expect(await step(IB, id, { step: 'besluit', decision: 'melden', date: '2026-11-21', note: 'Melden.' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'reference' }] })
    expect(await step(TEACHER, id, { step: 'besluit', decision: 'melden', date: '2026-11-21', reference: 'VT-1', note: 'Melden.' })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await step(IB, id, { step: 'besluit', decision: 'melden', date: '2026-11-21', reference: 'VT-2026-77', note: 'Gemeld bij Veilig Thuis.' })).toMatchObject({ ok: true, state: 'gemeld_veilig_thuis' })
    const [c] = await h.db.select().from(schema.reportCases).where(eq(schema.reportCases.id, id))
    expect(c).toMatchObject({ decision: 'melden' })
    expect(c!.closedAt).not.toBeNull()
    expect(await step(IB, id, { step: 'vervolg', note: 'Nog iets.' })).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('when help is possible: organise help and follow up; report after all if it fails; or close', async () => {
    const r = await open(IB, { kind: 'meldcode', studentId: pupils[2], summary: 'Leerling vertelt over ruzies thuis en slaapt slecht.' })
    const other = idOf(r)
    for (const s of [consult, gesprek, afweging()]) expect(await step(IB, other, s)).toMatchObject({ ok: true })
    expect(await step(IB, other, { step: 'vervolg', note: 'Te vroeg.' })).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await step(IB, other, { step: 'besluit', decision: 'hulp_organiseren', date: '2026-11-21', note: 'Schoolmaatschappelijk werk ingeschakeld.' })).toMatchObject({ ok: true, state: 'hulp_en_volgen' })
    expect(await step(IB, other, { step: 'vervolg', note: 'Eerste gesprek SMW gevoerd.' })).toMatchObject({ ok: true, state: 'hulp_en_volgen' })
    expect(await step(IB, other, { step: 'besluit', decision: 'hulp_organiseren', date: '2026-11-22', note: 'Nog eens.' })).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await step(IB, other, { step: 'besluit', decision: 'melden', date: '2026-11-28', reference: 'VT-2026-80', note: 'Hulp bood geen veiligheid.' })).toMatchObject({ ok: true, state: 'gemeld_veilig_thuis' })

    const third = idOf(await open(VP, { kind: 'meldcode', studentId: pupils[3], summary: 'Leerling lijkt verwaarloosd: vaak zonder eten.' }))
    for (const s of [consult, gesprek, afweging({ vermoeden: 'nee' })]) expect(await step(VP, third, s)).toMatchObject({ ok: true })
    expect(await step(VP, third, { step: 'besluit', decision: 'geen_vermoeden', date: '2026-11-21', note: 'Ontbijt vergeten; geen zorgen.' })).toMatchObject({ ok: true, state: 'gesloten' })
  })

  it('the demo cases: the zeden case at De Branding waits for the decision on aangifte; the Lyceum Meldcode is at step 3', async () => {
    const [z] = await h.db.select().from(schema.reportCases).where(and(eq(schema.reportCases.kind, 'zedendelict_medewerker'), eq(schema.reportCases.state, 'overleg_gevoerd')))
    const board = await view(BOARD, z!.id)
    expect(board!.next.map((n) => n.step)).toEqual(['aangifte', 'geen_aangifte', 'overleg_vertrouwensinspecteur'])
    const lyceum = ctxOf['directeur@lyceum.demo']!
    const [m] = await h.db.select().from(schema.reportCases).where(and(eq(schema.reportCases.kind, 'meldcode'), eq(schema.reportCases.schoolId, lyceum.schoolId!)))
    expect(m!.state).toBe('stap_3')
    const v = await view('directeur@lyceum.demo', m!.id)
    expect(v!.next.map((n) => n.step)).toEqual(['afweging', 'signalen', 'consultatie', 'gesprek'])
    expect(await view('mentor@lyceum.demo', m!.id)).not.toBeNull()
  })
})
