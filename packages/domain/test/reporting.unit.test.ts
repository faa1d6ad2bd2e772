// The reporting workflows as data: the afwegingskader's answers decide which step-5 decisions are
// allowed; the open steps follow the order and the role; every step has its Dutch texts.
import { describe, expect, it } from 'vitest'
import type { Role } from '@baken/db'
import { defineAbilityFor } from '@baken/permissions'
import { meldcodeAllowedDecisions, meldcodeStateAfter, openReportSteps, REPORT_WORKFLOWS, reportCaseActor, type ReportKind } from '../src/reporting/index.ts'

const SCHOOL = '11111111-1111-4111-8111-111111111111'
const STICHTING = '22222222-2222-4222-8222-222222222222'
const USER = '33333333-3333-4333-8333-333333333333'
/** The part a role plays in a case of the kind at its own school (from the CASL table), as its opener or not. */
const as = (role: Role, kind: ReportKind, opener: boolean) =>
  reportCaseActor(
    defineAbilityFor({ userId: USER, role, stichtingId: STICHTING, schoolId: role === 'bestuurder' ? null : SCHOOL, partnerId: null }),
    { id: '44444444-4444-4444-8444-444444444444', kind, schoolId: SCHOOL, stichtingId: STICHTING, openedById: opener ? USER : '55555555-5555-4555-8555-555555555555' },
    USER,
  )

const safe = { vermoeden: true, onveilig: false, hulpMogelijk: true, hulpAanvaard: true, veiligBinnenTermijn: true }

describe('the afwegingskader (Meldcode step 4 → 5)', () => {
  it('acute or structural unsafety: only reporting to Veilig Thuis', () => {
    expect(meldcodeAllowedDecisions({ ...safe, onveilig: true }).decisions).toEqual(['melden'])
  })
  it('help not possible, not accepted, or not safe in time: report', () => {
    for (const k of ['hulpMogelijk', 'hulpAanvaard', 'veiligBinnenTermijn'] as const) {
      expect(meldcodeAllowedDecisions({ ...safe, [k]: false }).decisions).toEqual(['melden'])
    }
  })
  it('help possible and accepted: organise help, or report anyway', () => {
    expect(meldcodeAllowedDecisions(safe).decisions).toEqual(['hulp_organiseren', 'melden'])
  })
  it('no suspicion: close, or organise help', () => {
    expect(meldcodeAllowedDecisions({ ...safe, vermoeden: false, onveilig: true }).decisions).toEqual(['geen_vermoeden', 'hulp_organiseren'])
  })
})

describe('open steps', () => {
  it('the zeden route: the board decides after the consultation; the reporter and the vertrouwenspersoon take no step', () => {
    expect(openReportSteps('zedendelict_medewerker', 'bestuur_geinformeerd', as('bestuurder', 'zedendelict_medewerker', false)).map((s) => s.step)).toEqual(['overleg_vertrouwensinspecteur'])
    expect(openReportSteps('zedendelict_medewerker', 'overleg_gevoerd', as('bestuurder', 'zedendelict_medewerker', false)).map((s) => s.step)).toEqual(['aangifte', 'geen_aangifte', 'overleg_vertrouwensinspecteur'])
    expect(openReportSteps('zedendelict_medewerker', 'bestuur_geinformeerd', as('leerkracht', 'zedendelict_medewerker', true))).toEqual([])
    expect(openReportSteps('zedendelict_medewerker', 'overleg_gevoerd', as('vertrouwenspersoon', 'zedendelict_medewerker', false))).toEqual([])
    expect(openReportSteps('zedendelict_medewerker', 'gesloten', as('bestuurder', 'zedendelict_medewerker', false))).toEqual([])
  })
  it('the Meldcode: the next step first, earlier steps may be revisited, nothing skipped; the opener adds signals only', () => {
    expect(openReportSteps('meldcode', 'stap_1', as('intern_begeleider', 'meldcode', false)).map((s) => s.step)).toEqual(['consultatie', 'signalen'])
    expect(openReportSteps('meldcode', 'stap_2', as('directeur', 'meldcode', false)).map((s) => s.step)).toEqual(['gesprek', 'signalen', 'consultatie'])
    expect(openReportSteps('meldcode', 'stap_4', as('vertrouwenspersoon', 'meldcode', false)).map((s) => s.step)).toEqual(['besluit', 'signalen', 'consultatie', 'gesprek', 'afweging'])
    expect(openReportSteps('meldcode', 'stap_2', as('leerkracht', 'meldcode', true)).map((s) => s.step)).toEqual(['signalen'])
    expect(openReportSteps('meldcode', 'stap_2', as('leerkracht', 'meldcode', false))).toEqual([])
    expect(openReportSteps('meldcode', 'hulp_en_volgen', as('intern_begeleider', 'meldcode', false)).map((s) => s.step)).toEqual(['besluit', 'vervolg', 'afsluiten'])
  })
  it('revisiting never moves the Meldcode back', () => {
    expect(meldcodeStateAfter('stap_3', 'signalen')).toBe('stap_3')
    expect(meldcodeStateAfter('stap_3', 'afweging')).toBe('stap_4')
  })
  it('every step has a Dutch label, a history label and an explanation; each workflow names its sources', () => {
    for (const wf of Object.values(REPORT_WORKFLOWS)) {
      expect(wf.sources.length).toBeGreaterThan(0)
      for (const s of wf.steps) {
        expect(s.label.length).toBeGreaterThan(3)
        expect(s.done.length).toBeGreaterThan(3)
        expect(s.explanation.length).toBeGreaterThan(40)
      }
    }
  })
})
