// The reporting workflows as data: the afwegingskader's answers decide which step-5 decisions are
// allowed; the open steps follow the order and the role; every step has its Dutch texts.
import { describe, expect, it } from 'vitest'
import { meldcodeAllowedDecisions, meldcodeStateAfter, openReportSteps, REPORT_WORKFLOWS } from '../src/reporting/index.ts'

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
    expect(openReportSteps('zedendelict_medewerker', 'bestuur_geinformeerd', 'bestuurder', false).map((s) => s.step)).toEqual(['overleg_vertrouwensinspecteur'])
    expect(openReportSteps('zedendelict_medewerker', 'overleg_gevoerd', 'bestuurder', false).map((s) => s.step)).toEqual(['aangifte', 'geen_aangifte', 'overleg_vertrouwensinspecteur'])
    expect(openReportSteps('zedendelict_medewerker', 'bestuur_geinformeerd', 'leerkracht', true)).toEqual([])
    expect(openReportSteps('zedendelict_medewerker', 'overleg_gevoerd', 'vertrouwenspersoon', false)).toEqual([])
    expect(openReportSteps('zedendelict_medewerker', 'gesloten', 'bestuurder', false)).toEqual([])
  })
  it('the Meldcode: the next step first, earlier steps may be revisited, nothing skipped; the opener adds signals only', () => {
    expect(openReportSteps('meldcode', 'stap_1', 'intern_begeleider', false).map((s) => s.step)).toEqual(['consultatie', 'signalen'])
    expect(openReportSteps('meldcode', 'stap_2', 'directeur', false).map((s) => s.step)).toEqual(['gesprek', 'signalen', 'consultatie'])
    expect(openReportSteps('meldcode', 'stap_4', 'vertrouwenspersoon', false).map((s) => s.step)).toEqual(['besluit', 'signalen', 'consultatie', 'gesprek', 'afweging'])
    expect(openReportSteps('meldcode', 'stap_2', 'leerkracht', true).map((s) => s.step)).toEqual(['signalen'])
    expect(openReportSteps('meldcode', 'stap_2', 'leerkracht', false)).toEqual([])
    expect(openReportSteps('meldcode', 'hulp_en_volgen', 'intern_begeleider', false).map((s) => s.step)).toEqual(['besluit', 'vervolg', 'afsluiten'])
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
