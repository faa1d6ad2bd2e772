// Decision letters without a database: the placeholder check, filling, the values the law asks for
// (legal basis with its articles, the objection clause on and off, the Inspectie line, the
// definitive-removal condition per sector), the salutation around the age of 18, and the PDF.
import { describe, expect, it } from 'vitest'
import {
  checkLetterTemplate,
  decisionRecipients,
  fillLetterTemplate,
  LETTER_KINDS,
  letterKindsFor,
  letterPlaceholdersIn,
  letterSalutation,
  letterTemplateProblems,
  letterValues,
  renderLetterPdf,
  ruleSetFor,
  DEFAULT_LETTER_TEMPLATES,
  type LetterFacts,
} from '../src/measures/index.ts'
import { pdfText } from './support/pdf-text.ts'

const facts = (over: Partial<LetterFacts> = {}): LetterFacts => ({
  kind: 'schorsing',
  measureKind: 'schorsing',
  sector: 'po',
  ruleSet: ruleSetFor('po', '2026-11-21'),
  pupilName: 'Sam de Vries',
  recipients: ['ouders'],
  guardianNames: ['Anna de Vries', 'Piet de Vries'],
  schoolName: 'OBS De Branding',
  stichtingName: 'Stichting Kompas',
  letterDate: '2026-11-21',
  startsOn: '2026-11-18',
  endsOn: '2026-11-20',
  schoolDays: 3,
  reasons: 'Ernstige bedreiging van een leerkracht.',
  decidedOn: '2026-11-17',
  decidedUnderMandate: false,
  objectionClauseSchorsing: true,
  signer: { name: 'Bram Bestuur', title: 'namens het bevoegd gezag van Stichting Kompas' },
  ...over,
})

const letter = (over: Partial<LetterFacts> = {}) => {
  const f = facts(over)
  return fillLetterTemplate(DEFAULT_LETTER_TEMPLATES[f.kind], letterValues(f))
}

describe('the placeholder check', () => {
  it('accepts the default template of every kind', () => {
    for (const kind of LETTER_KINDS) expect(checkLetterTemplate(kind, DEFAULT_LETTER_TEMPLATES[kind]), kind).toEqual({ missing: [], unknown: [] })
  })

  it('names every required placeholder a template lacks, and unknown ones', () => {
    const body = DEFAULT_LETTER_TEMPLATES.schorsing.replace('{{redenen}}', '{{reden}}').replace('{{bezwaarclausule}}', '')
    const check = checkLetterTemplate('schorsing', body)
    expect(check).toEqual({ missing: ['redenen', 'bezwaarclausule'], unknown: ['reden'] })
    expect(letterTemplateProblems(check)).toEqual([
      'Het sjabloon mist verplichte plaatshouders: {{redenen}}, {{bezwaarclausule}}.',
      'Onbekende plaatshouders: {{reden}}.',
    ])
  })

  it('requires what the law asks per kind: the definitive condition for a verwijdering, the appeal for a bezwaar decision', () => {
    expect(checkLetterTemplate('verwijdering', DEFAULT_LETTER_TEMPLATES.verwijdering.replace('{{voorwaarde_definitief}}', 'er een school is')).missing).toEqual([
      'voorwaarde_definitief',
    ])
    expect(checkLetterTemplate('bezwaar_beslissing', 'Beste {{aanhef}}').missing).toEqual(['leerling', 'uitkomst', 'redenen', 'wettelijke_grondslag', 'beroepsclausule', 'ondertekening'])
  })

  it('reads placeholders with spaces inside the braces', () => {
    expect(letterPlaceholdersIn('{{ leerling }} en {{leerling}} op {{periode}}')).toEqual(['leerling', 'periode'])
  })
})

describe('filling', () => {
  it('fills in one pass: text staff wrote is never filled again', () => {
    expect(fillLetterTemplate('{{redenen}} — {{leerling}}', { redenen: 'Schreef {{leerling}} op het bord', leerling: 'Sam' })).toBe('Schreef {{leerling}} op het bord — Sam')
  })

  it('leaves no run of blank lines where a value is empty, and unknown placeholders as they are', () => {
    expect(fillLetterTemplate('a\n\n{{bezwaarclausule}}\n\nb {{x}}', { bezwaarclausule: '' })).toBe('a\n\nb {{x}}')
  })

  it('a po schorsing: reasons, the period in Dutch, school days, the articles, the Inspectie, the signature', () => {
    const text = letter()
    expect(text).toContain('Geachte Anna de Vries en Piet de Vries,')
    expect(text).toContain('te schorsen voor 3 schooldagen: woensdag 18 november 2026 tot en met vrijdag 20 november 2026.')
    expect(text).toContain('Ernstige bedreiging van een leerkracht.')
    expect(text).toContain('Het bevoegd gezag besluit tot schorsing, met opgave van redenen. (WPO art. 40c lid 1)')
    expect(text).toContain('Een schorsing duurt ten hoogste één week: 5 schooldagen. (WPO art. 40c lid 1)')
    expect(text).toContain('leerplichtambtenaar, en de Inspectie van het Onderwijs wordt geïnformeerd.')
    expect(text).toContain('Tijdens de schorsing krijgt Sam de Vries huiswerk mee')
    expect(text).toContain('Bram Bestuur\nnamens het bevoegd gezag van Stichting Kompas')
    expect(text).not.toMatch(/\{\{/)
    expect(text).not.toMatch(/BRIEF/)
  })

  it('a schorsing of one day: no Inspectie line; an mbo schorsing never has one', () => {
    expect(letter({ startsOn: '2026-11-18', endsOn: '2026-11-18', schoolDays: 1 })).toContain('voor 1 schooldag: woensdag 18 november 2026.')
    expect(letter({ startsOn: '2026-11-18', endsOn: '2026-11-18', schoolDays: 1 })).toContain('naar de leerplichtambtenaar.')
    const mbo = letter({ sector: 'mbo', ruleSet: ruleSetFor('mbo', '2026-11-21'), schoolDays: 5, endsOn: '2026-11-24' })
    expect(mbo).not.toContain('Inspectie')
    // One week, citing the law by its name and Kamerstuk (its article number is not verified).
    expect(mbo).toContain('Een schorsing duurt ten hoogste één week: 5 schooldagen. (Wet verbetering rechtsbescherming mbo-studenten (Kamerstuk 35 625;')
    expect(mbo).not.toContain('twee weken')
  })

  it('homework and test agreements recorded on the tasks appear under education', () => {
    expect(letter({ homeworkNote: 'Mentor mailt de opdrachten.', testsNote: 'Rekentoets op 24 november.' })).toContain(
      'Afspraken over huiswerk: Mentor mailt de opdrachten.\nAfspraken over toetsen: Rekentoets op 24 november.',
    )
  })

  it('under mandate the directeur signs for the bevoegd gezag, naming the mandaatbesluit; without a known name the board signs', () => {
    const mandated = letter({
      decidedUnderMandate: true,
      mandateBesluitOn: '2026-11-02',
      signer: { name: 'Dirk Directeur', title: 'directeur van OBS De Branding, namens het bevoegd gezag van Stichting Kompas' },
    })
    expect(mandated).toContain('Dirk Directeur\ndirecteur van OBS De Branding, namens het bevoegd gezag van Stichting Kompas, krachtens mandaat van 2 november 2026')
    // The {{mandaat}} sentence of the default template (Awb art. 10:1 en 10:2), empty when the board decided.
    expect(mandated).toContain('Dit besluit is genomen door de directeur van OBS De Branding, namens het bevoegd gezag, krachtens mandaat van 2 november 2026 (Awb art. 10:1 en 10:2).')
    expect(letter()).not.toContain('mandaat')
    expect(letter({ kind: 'bezwaar_beslissing', decidedUnderMandate: true, mandateBesluitOn: '2026-11-02' })).not.toContain('krachtens mandaat')
    expect(letter({ signer: { name: null, title: 'namens het bevoegd gezag van Stichting Kompas' } })).toMatch(/Met vriendelijke groet,\nNamens het bevoegd gezag van Stichting Kompas$/)
  })
})

describe('the objection clause', () => {
  it('a schorsing carries it when the stichting chose so: six weeks, to the bevoegd gezag, with the Awb articles', () => {
    const v = letterValues(facts())
    expect(v.bezwaarclausule).toMatch(/^Bezwaar\n/)
    expect(v.bezwaarclausule).toContain('binnen zes weken na de dag waarop het is verzonden schriftelijk bezwaar maken bij het bevoegd gezag: Stichting Kompas')
    expect(v.bezwaarclausule).toContain('Awb art. 6:5, 6:7 en 6:8')
    // The decision term is the Awb's, not the verwijdering's four weeks.
    expect(v.bezwaarclausule).toContain('Het bevoegd gezag beslist binnen zes weken na afloop van de bezwaartermijn, of binnen twaalf weken als een adviescommissie uw bezwaar behandelt (Awb art. 7:10 lid 1 en 3).')
    expect(v.bezwaarclausule).not.toContain('vier weken')
    expect(letter()).toContain('bezwaar maken')
  })

  it('a schorsing has none when the stichting switched it off', () => {
    expect(letterValues(facts({ objectionClauseSchorsing: false })).bezwaarclausule).toBe('')
    const text = letter({ objectionClauseSchorsing: false })
    expect(text).not.toMatch(/bezwaar/i)
    expect(text).not.toMatch(/\n{3}/)
  })

  it('a verwijdering always carries it, with the board’s four weeks per sector and the disputes committee', () => {
    const po = letterValues(facts({ kind: 'verwijdering', measureKind: 'verwijdering', objectionClauseSchorsing: false, startsOn: null, endsOn: null, schoolDays: null }))
    expect(po.bezwaarclausule).toContain('binnen zes weken')
    expect(po.bezwaarclausule).toContain('binnen vier weken op uw bezwaar (WPO art. 63). De vier weken tellen vanaf de dag na die waarop de bezwaartermijn is verstreken.')
    expect(po.bezwaarclausule).toContain('Geschillencommissie passend onderwijs')
    const vo = letterValues(facts({ kind: 'verwijdering', measureKind: 'verwijdering', sector: 'vo', ruleSet: ruleSetFor('vo', '2026-11-21') }))
    expect(vo.bezwaarclausule).toContain('binnen vier weken op uw bezwaar (WVO 2020). De vier weken tellen vanaf de ontvangst van het bezwaarschrift.')
  })

  it('a time-out notice and a bezwaar decision have none; the bezwaar decision points to the court instead', () => {
    expect(letterValues(facts({ kind: 'time_out_kennisgeving', measureKind: 'time_out' })).bezwaarclausule).toBe('')
    const bezwaar = letterValues(facts({ kind: 'bezwaar_beslissing', bezwaar: { receivedOn: '2026-11-25', outcome: 'ongegrond' } }))
    expect(bezwaar.bezwaarclausule).toBe('')
    expect(bezwaar.beroepsclausule).toContain('beroep instellen bij de rechtbank')
    expect(bezwaar).toMatchObject({ bezwaar_ontvangen: '25 november 2026', besluitdatum: '17 november 2026', uitkomst: 'ongegrond' })
  })

  it('a bezwaar decision without a recorded bezwaar leaves its fields empty', () => {
    expect(letterValues(facts({ kind: 'bezwaar_beslissing', bezwaar: null }))).toMatchObject({ bezwaar_ontvangen: '', uitkomst: '' })
  })
})

describe('the legal basis and the condition for a definitive removal', () => {
  it('a time-out says it has no statutory basis', () => {
    const text = letter({ kind: 'time_out_kennisgeving', measureKind: 'time_out', startsOn: '2026-11-12', endsOn: '2026-11-12', schoolDays: 1 })
    expect(text).toContain('Op donderdag 12 november 2026 heeft Sam de Vries een time-out gekregen')
    expect(text).toContain('(geen wettelijke grondslag; de time-out is een ordemaatregel uit het protocol van de school)')
  })

  it('po: another school admits the pupil; mbo: another institution, or eight weeks of documented search', () => {
    const base = { kind: 'verwijdering' as const, measureKind: 'verwijdering' as const, startsOn: null, endsOn: null, schoolDays: null }
    expect(letterValues(facts(base)).voorwaarde_definitief).toBe('een andere school bereid is Sam de Vries toe te laten (WPO art. 40)')
    const mbo = letterValues(facts({ ...base, sector: 'mbo', ruleSet: ruleSetFor('mbo', '2026-11-21') }))
    expect(mbo.voorwaarde_definitief).toBe(
      'een andere instelling bereid is Sam de Vries toe te laten, of zodra de school acht weken aantoonbaar zonder resultaat naar een andere instelling heeft gezocht (WEB art. 8.1.7d)',
    )
    expect(mbo.wettelijke_grondslag).toContain('(WEB art. 8.1.7d)')
  })

  it('vo: the Inspectie consultation is part of the legal basis of a verwijdering', () => {
    const vo = letterValues(facts({ kind: 'verwijdering', measureKind: 'verwijdering', sector: 'vo', ruleSet: ruleSetFor('vo', '2026-11-21') }))
    expect(vo.wettelijke_grondslag).toContain('overlegt het bevoegd gezag vóór het besluit tot verwijdering met de Inspectie')
  })
})

describe('who is addressed (vo)', () => {
  const vo = (dateOfBirth: string, adultAge?: number) => {
    const recipients = decisionRecipients('vo', dateOfBirth, '2026-11-21', adultAge)
    return letterValues(facts({ sector: 'vo', ruleSet: ruleSetFor('vo', '2026-11-21'), recipients })).aanhef
  }

  it('a 17-year-old and the parents', () => {
    expect(vo('2008-11-22')).toBe('Geachte Sam de Vries, geachte Anna de Vries en Piet de Vries,')
  })

  it('an 18-year-old and, until 21 (Inrichtingsbesluit WVO, the default), the parents; alone from 21', () => {
    expect(vo('2008-11-21')).toBe('Geachte Sam de Vries, geachte Anna de Vries en Piet de Vries,')
    expect(vo('2005-11-21')).toBe('Geachte Sam de Vries,')
  })

  it('an 18-year-old alone, from the birthday on, when the stichting chose 18', () => {
    expect(vo('2008-11-22', 18)).toBe('Geachte Sam de Vries, geachte Anna de Vries en Piet de Vries,')
    expect(vo('2008-11-21', 18)).toBe('Geachte Sam de Vries,')
  })

  it('po: the parents; without guardians on record, the parents of the pupil', () => {
    expect(letterSalutation(['ouders'], 'Sam de Vries', [])).toBe('Geachte ouder(s)/verzorger(s) van Sam de Vries,')
    expect(letterSalutation(['leerling', 'ouders'], 'Sam de Vries', [])).toBe('Geachte Sam de Vries, geachte ouder(s)/verzorger(s),')
    expect(letterSalutation(['ouders'], 'Sam', ['A', 'B', 'C'])).toBe('Geachte A, B en C,')
  })
})

describe('when a letter makes sense', () => {
  it('after the decision, not before it, not after a refusal or withdrawal', () => {
    expect(letterKindsFor('schorsing', 'proposed')).toEqual([])
    expect(letterKindsFor('schorsing', 'refused')).toEqual([])
    expect(letterKindsFor('schorsing', 'approved')).toEqual(['schorsing', 'bezwaar_beslissing'])
    expect(letterKindsFor('schorsing', 'ended')).toEqual(['schorsing', 'bezwaar_beslissing'])
    expect(letterKindsFor('verwijdering', 'hearings_recorded')).toEqual([])
    expect(letterKindsFor('verwijdering', 'searching')).toEqual(['verwijdering', 'bezwaar_beslissing'])
    expect(letterKindsFor('verwijdering', 'withdrawn')).toEqual([])
    expect(letterKindsFor('time_out', 'requested')).toEqual([])
    expect(letterKindsFor('time_out', 'approved')).toEqual(['time_out_kennisgeving'])
    expect(letterKindsFor('adempauze', 'parents_informed')).toEqual([])
  })
})

describe('the PDF', () => {
  it('prints names outside Latin-1 as written (embedded Unicode font)', async () => {
    const names = 'Şahin Yıldız, Łukasz Wójcik, Nguyễn Văn An'
    const pdf = await renderLetterPdf(`Onderwerp: besluit\n\nAan de ouders van ${names}.`, {
      kind: 'schorsing',
      schoolName: 'Basisschool Şahin',
      stichtingName: 'Stichting Kompas',
      letterDate: '2026-11-21',
      reference: 'abcd1234',
      version: 1,
      templateVersion: null,
    })
    const text = await pdfText(pdf)
    expect(text).toContain(`Aan de ouders van ${names}.`)
    expect(text).toContain('Basisschool Şahin')
  })

  it('shows the school, the date, the filled text, headings and the reference with both versions', async () => {
    const text = letter()
    const pdf = await renderLetterPdf(text, {
      kind: 'schorsing',
      schoolName: 'OBS De Branding',
      stichtingName: 'Stichting Kompas',
      letterDate: '2026-11-21',
      reference: 'abcd1234',
      version: 2,
      templateVersion: 3,
    })
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const shown = await pdfText(pdf)
    expect(shown).toContain('OBS De Branding')
    expect(shown).toContain('21 november 2026')
    expect(shown).toContain('Ernstige bedreiging van een leerkracht.')
    expect(shown).toContain('WPO art. 40c lid 1')
    expect(shown).toContain('de Inspectie van het Onderwijs wordt geïnformeerd')
    expect(shown).toContain('Kenmerk abcd1234 · besluit tot schorsing, versie 2 · sjabloon versie 3')
  })
})

