// The measure rules per sector (the law as versioned data): the numbers, the age-18 boundary, the
// bezwaar dates, the ladder, and the school safety protocol beside the law.
import { SECTORS, type Sector } from '@baken/db/schema'
import { describe, expect, it } from 'vitest'
import {
  MEASURE_KINDS,
  RULE_KEYS,
  SEED_PROTOCOL_PO_2023,
  ageOn,
  allRuleSets,
  bezwaarDeadlines,
  checkSchorsingLength,
  compareProtocol,
  decisionAdultAge,
  decisionRecipients,
  inspectieNoticeRequired,
  ladderStep,
  maxSchorsingSchoolDays,
  protocolOnFile,
  removalNotices,
  ruleOf,
  ruleSetFor,
  ruleStatuses,
  skippedRungs,
  skipsRung,
  checkHearings,
  requiredHearings,
  type MeasureKind,
} from '../src/measures/index.ts'

const ON = '2026-11-21'

describe('rule sets', () => {
  it.each(SECTORS)('%s: one set in force today, with every rule, each with Dutch text and a source', (sector) => {
    const set = ruleSetFor(sector, ON)
    expect(set.sector).toBe(sector)
    expect(set.id).toBe(`wet-${sector}-2026`)
    expect(set.rules.map((r) => r.key)).toEqual([...RULE_KEYS])
    for (const rule of set.rules) {
      expect(rule.text.length, rule.key).toBeGreaterThan(10)
      expect(rule.source.length, rule.key).toBeGreaterThan(2)
      expect(rule.topic, rule.key).toBe(rule.key.split('.')[0])
      // An uncertain rule must say what is uncertain.
      if (rule.uncertain) expect(rule.note, rule.key).toBeTruthy()
    }
  })

  it('cites the sector laws (WPO, WVO 2020, WEB) and the Awb', () => {
    expect(ruleOf(ruleSetFor('po', ON), 'schorsing.maxSchooldagen').source).toBe('WPO art. 40c lid 1')
    expect(ruleOf(ruleSetFor('po', ON), 'schorsing.inspectie').source).toBe('WPO art. 40c lid 3')
    expect(ruleOf(ruleSetFor('po', ON), 'verwijdering.definitief').source).toBe('WPO art. 40')
    expect(ruleOf(ruleSetFor('vo', ON), 'schorsing.besluit').source).toContain('WVO 2020 art. 8.14')
    expect(ruleOf(ruleSetFor('vo', ON), 'verwijdering.inspectie').source).toBe('WVO 2020 art. 8.15; Inrichtingsbesluit WVO')
    // The article number of the mbo maximum is not verified: the law is cited by name and Kamerstuk.
    expect(ruleOf(ruleSetFor('mbo', ON), 'schorsing.maxSchooldagen').source).toBe(
      'Wet verbetering rechtsbescherming mbo-studenten (Kamerstuk 35 625; Eerste Kamer 22 februari 2022; in werking 1 augustus 2023)',
    )
    expect(ruleOf(ruleSetFor('po', ON), 'bezwaar.termijnenwet').source).toBe('Algemene termijnenwet art. 1 lid 1 en art. 3 lid 1 en 2')
    expect(ruleOf(ruleSetFor('vo', ON), 'schorsing.bezwaarBeslistermijn').source).toBe('Awb art. 7:10 lid 1 en 3')
    expect(ruleOf(ruleSetFor('mbo', ON), 'verwijdering.definitief').source).toBe('WEB art. 8.1.7d')
    expect(ruleOf(ruleSetFor('po', ON), 'bezwaar.termijnWeken').source).toBe('Awb art. 6:7 en 6:8 lid 1')
    expect(ruleOf(ruleSetFor('po', ON), 'bezwaar.opschorting').source).toBe('WPO art. 43')
  })

  it('time-out and adempauze have no statutory basis in any sector', () => {
    for (const sector of SECTORS) {
      const set = ruleSetFor(sector, ON)
      expect(ruleOf(set, 'time_out.grondslag').source).toMatch(/^Geen wettelijke grondslag/)
      expect(ruleOf(set, 'time_out.maxDagen').value).toBe(1)
      expect(ruleOf(set, 'adempauze.ouders').source).toMatch(/^Geen wettelijke grondslag/)
    }
  })

  it('the mandate to the directeur is configurable per stichting', () => {
    for (const sector of SECTORS) {
      const rule = ruleOf(ruleSetFor(sector, ON), 'schorsing.mandaat')
      expect(rule.configurable).toBe(true)
      expect(ruleOf(ruleSetFor(sector, ON), 'schorsing.besluit').value).toBe('bevoegd_gezag')
    }
  })

  it('marks the points the sources leave open as uncertain and configurable', () => {
    // mbo: one week by the Wet verbetering rechtsbescherming mbo-studenten; "Onzeker" until the
    // article text is confirmed, but not instelbaar: the law leaves no room for more.
    const mbo = ruleOf(ruleSetFor('mbo', ON), 'schorsing.maxSchooldagen')
    expect(mbo).toMatchObject({ value: 5, uncertain: true })
    expect(mbo.configurable).toBeUndefined()
    expect(ruleStatuses(mbo)).toEqual(['onzeker'])
    expect(mbo.note).toContain('één week')
    const voRecipients = ruleOf(ruleSetFor('vo', ON), 'schorsing.besluitAan')
    expect(voRecipients).toMatchObject({ value: ['leerling', 'ouders_onder_21'], uncertain: true, configurable: true })
    expect(ruleStatuses(voRecipients)).toEqual(['onzeker', 'instelbaar'])
    expect(ruleStatuses(ruleOf(ruleSetFor('po', ON), 'bezwaar.termijnWeken'))).toEqual(['vastgesteld'])
    expect(ruleOf(ruleSetFor('mbo', ON), 'bezwaar.opschorting')).toMatchObject({ uncertain: true, configurable: true })
    expect(ruleOf(ruleSetFor('po', ON), 'schorsing.maxSchooldagen').uncertain).toBeUndefined()
  })

  it('picks the version in force on the date, and refuses a date before the first version', () => {
    expect(ruleSetFor('vo', '2021-08-01').id).toBe('wet-vo-2026')
    expect(() => ruleSetFor('vo', '2021-07-31')).toThrow(RangeError)
    expect(() => ruleSetFor('po', '2026-02-30')).toThrow(RangeError)
    expect(allRuleSets().map((s) => s.sector).sort()).toEqual([...SECTORS].sort())
  })

  it('vo consults the Inspectie before a definitive verwijdering and notifies it afterwards; po and so notify the Inspectie and the leerplichtambtenaar of the decision', () => {
    expect(ruleOf(ruleSetFor('vo', ON), 'verwijdering.inspectie').value).toEqual({ overlegVooraf: true, meldingBijBesluit: false, leerplichtBijBesluit: false, meldingAchteraf: true })
    for (const sector of ['po', 'so'] as Sector[]) {
      const rule = ruleOf(ruleSetFor(sector, ON), 'verwijdering.inspectie')
      expect(rule.value, sector).toEqual({ overlegVooraf: false, meldingBijBesluit: true, leerplichtBijBesluit: true, meldingAchteraf: false })
      expect(ruleStatuses(rule), sector).toEqual(['onzeker'])
      expect(rule.note, sector).toMatch(/rblgv\.nl/)
    }
    expect(ruleOf(ruleSetFor('po', ON), 'verwijdering.inspectie').source).toBe('WPO art. 40')
    expect(ruleOf(ruleSetFor('so', ON), 'verwijdering.inspectie').source).toBe('WEC art. 40')
    expect(ruleOf(ruleSetFor('mbo', ON), 'verwijdering.inspectie').value).toEqual({ overlegVooraf: false, meldingBijBesluit: false, leerplichtBijBesluit: false, meldingAchteraf: false })
  })

  it('the notices after a step of a verwijdering, per sector (removalNotices)', () => {
    const kinds = (sector: Sector, step: 'decided' | 'definitive', minor = true) => removalNotices(ruleSetFor(sector, ON), step, minor).map((n) => n.kind)
    for (const sector of ['po', 'so'] as Sector[]) {
      expect(kinds(sector, 'decided'), sector).toEqual(['inspectie_verwijdering', 'leerplicht_verwijdering'])
      expect(kinds(sector, 'decided', false), sector).toEqual(['inspectie_verwijdering', 'leerplicht_verwijdering'])
      expect(kinds(sector, 'definitive'), sector).toEqual([])
    }
    expect(kinds('vo', 'decided')).toEqual([])
    expect(kinds('vo', 'definitive')).toEqual(['inspectie_verwijdering'])
    // "Bij een leerplichtige leerling": an adult vo pupil's removal is not reported afterwards.
    expect(kinds('vo', 'definitive', false)).toEqual([])
    expect(kinds('mbo', 'decided')).toEqual([])
    expect(kinds('mbo', 'definitive')).toEqual([])
    for (const n of removalNotices(ruleSetFor('po', ON), 'decided', true)) expect(n.rule.key).toBe('verwijdering.inspectie')
  })

  it('verwijdering is definitive when another school admits; in mbo also after 8 weeks of searching', () => {
    for (const sector of ['po', 'so', 'vo'] as Sector[]) {
      expect(ruleOf(ruleSetFor(sector, ON), 'verwijdering.definitief').value).toEqual({ toelating: 'andere_school', zoektermijnWeken: null })
    }
    expect(ruleOf(ruleSetFor('mbo', ON), 'verwijdering.definitief').value).toEqual({ toelating: 'andere_instelling', zoektermijnWeken: 8 })
  })

  it('hears the teacher and the parents in po, the pupil (and under 18 the parents) in vo and mbo', () => {
    expect(ruleOf(ruleSetFor('po', ON), 'verwijdering.horen').value).toEqual(['groepsleraar', 'ouders'])
    expect(ruleOf(ruleSetFor('vo', ON), 'verwijdering.horen').value).toEqual(['leraren', 'leerling', 'ouders_onder_18'])
    expect(ruleOf(ruleSetFor('mbo', ON), 'verwijdering.horen').value).toEqual(['leerling', 'ouders_onder_18'])
  })
})

describe('schorsing', () => {
  it.each([
    ['po', 5],
    ['so', 5],
    ['vo', 5],
    ['mbo', 5],
  ] as [Sector, number][])('%s: at most %i school days', (sector, days) => {
    expect(maxSchorsingSchoolDays(sector, ON)).toBe(days)
    expect(checkSchorsingLength(sector, days, ON)).toEqual({ ok: true })
    const refused = checkSchorsingLength(sector, days + 1, ON)
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.rule.key).toBe('schorsing.maxSchooldagen')
      expect(refused.message).toContain(refused.rule.source)
    }
  })

  it('refuses zero or part days', () => {
    expect(checkSchorsingLength('po', 0, ON).ok).toBe(false)
    expect(checkSchorsingLength('po', 2.5, ON).ok).toBe(false)
  })

  it.each(['po', 'so', 'vo'] as Sector[])('%s: the Inspectie is told of a schorsing of more than one day', (sector) => {
    expect(inspectieNoticeRequired(sector, 1, ON)).toBe(false)
    expect(inspectieNoticeRequired(sector, 2, ON)).toBe(true)
    expect(inspectieNoticeRequired(sector, 5, ON)).toBe(true)
  })

  it('mbo: never an Inspectie notice, not even for 10 days', () => {
    expect(inspectieNoticeRequired('mbo', 1, ON)).toBe(false)
    expect(inspectieNoticeRequired('mbo', 2, ON)).toBe(false)
    expect(inspectieNoticeRequired('mbo', 10, ON)).toBe(false)
  })

  it('rejects a nonsense number of days', () => {
    expect(() => inspectieNoticeRequired('po', 0, ON)).toThrow(RangeError)
    expect(() => inspectieNoticeRequired('po', Number.NaN, ON)).toThrow(RangeError)
  })
})

describe('who receives the decision', () => {
  const DOB = '2008-11-21'
  it('po: always the parents', () => {
    expect(decisionRecipients('po', '2015-03-01', ON)).toEqual(['ouders'])
  })

  it('mbo: the pupil and the parents until the 18th birthday, from that day the pupil only', () => {
    expect(decisionRecipients('mbo', DOB, '2026-11-20')).toEqual(['leerling', 'ouders'])
    expect(decisionRecipients('mbo', DOB, '2026-11-21')).toEqual(['leerling'])
    expect(decisionRecipients('mbo', DOB, '2026-11-22')).toEqual(['leerling'])
  })

  it('vo: the pupil and, until the 21st birthday (Inrichtingsbesluit WVO art. 13), the parents; the stichting may choose 18', () => {
    expect(decisionRecipients('vo', DOB, '2026-11-21')).toEqual(['leerling', 'ouders'])
    expect(decisionRecipients('vo', DOB, '2029-11-20')).toEqual(['leerling', 'ouders'])
    expect(decisionRecipients('vo', DOB, '2029-11-21')).toEqual(['leerling'])
    expect(decisionRecipients('vo', DOB, '2026-11-20', 18)).toEqual(['leerling', 'ouders'])
    expect(decisionRecipients('vo', DOB, '2026-11-21', 18)).toEqual(['leerling'])
  })

  it('so: the parents, and the pupil alone once adult', () => {
    expect(decisionRecipients('so', DOB, '2026-11-20')).toEqual(['ouders'])
    expect(decisionRecipients('so', DOB, '2026-11-21')).toEqual(['leerling'])
  })

  it('born on 29 February: adult on 1 March (an 18th birthday never falls in a leap year)', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17)
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18)
    expect(decisionRecipients('vo', '2008-02-29', '2026-02-28', 18)).toEqual(['leerling', 'ouders'])
    expect(decisionRecipients('vo', '2008-02-29', '2026-03-01', 18)).toEqual(['leerling'])
    expect(decisionRecipients('mbo', '2012-02-29', '2030-02-28')).toEqual(['leerling', 'ouders'])
    expect(decisionRecipients('mbo', '2012-02-29', '2030-03-01')).toEqual(['leerling'])
    // In a leap year the birthday itself counts.
    expect(ageOn('2000-02-29', '2028-02-28')).toBe(27)
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28)
  })

  it('the age comes from the rule set: 21 in vo, 18 in mbo, none in po', () => {
    expect(decisionAdultAge(ruleSetFor('vo', ON))).toBe(21)
    expect(decisionAdultAge(ruleSetFor('mbo', ON))).toBe(18)
    expect(decisionAdultAge(ruleSetFor('po', ON))).toBeNull()
  })

  it('rejects an impossible date', () => {
    expect(() => decisionRecipients('vo', '2009-02-29', ON)).toThrow(RangeError)
  })
})

describe('bezwaar deadlines (calendar weeks)', () => {
  it('po: 6 weeks to object across a month end; 4 weeks from the day after the objection term ends', () => {
    // Sent Tuesday 20 January 2026: the term runs from 21 January; February 2026 has 28 days.
    const d = bezwaarDeadlines({ sector: 'po', decisionSentOn: '2026-01-20' })
    expect(d.objectionDeadline).toBe('2026-03-03')
    expect(d.decisionTermStartsOn).toBe('2026-03-04')
    expect(d.decisionDeadline).toBe('2026-03-31')
    expect(d.rules.map((r) => r.source)).toContain('Awb art. 6:7 en 6:8 lid 1')
  })

  it('a leap day makes the same term end one calendar day earlier in March', () => {
    // Sent Thursday 20 January 2028: 29 February 2028 is inside the six weeks.
    expect(bezwaarDeadlines({ sector: 'po', decisionSentOn: '2028-01-20' }).objectionDeadline).toBe('2028-03-02')
    expect(bezwaarDeadlines({ sector: 'vo', decisionSentOn: '2027-01-20' }).objectionDeadline).toBe('2027-03-03')
  })

  it('po counts the objection received early from the end of the term; vo and mbo from receipt', () => {
    const input = { decisionSentOn: '2026-01-20', objectionReceivedOn: '2026-02-10' }
    expect(bezwaarDeadlines({ sector: 'po', ...input }).decisionDeadline).toBe('2026-03-31')
    const vo = bezwaarDeadlines({ sector: 'vo', ...input })
    expect(vo.decisionTermStartsOn).toBe('2026-02-11')
    expect(vo.decisionDeadline).toBe('2026-03-10')
    expect(bezwaarDeadlines({ sector: 'mbo', ...input }).decisionDeadline).toBe('2026-03-10')
  })

  it('vo and mbo: no decision deadline until the objection is received', () => {
    const d = bezwaarDeadlines({ sector: 'vo', decisionSentOn: '2026-01-20' })
    expect(d.objectionDeadline).toBe('2026-03-03')
    expect(d.decisionTermStartsOn).toBeNull()
    expect(d.decisionDeadline).toBeNull()
  })

  it('the disputes committee suspends the decision term by its days', () => {
    const po = bezwaarDeadlines({ sector: 'po', decisionSentOn: '2026-01-20', committeeDays: 30 })
    expect(po.decisionDeadline).toBe('2026-04-30')
    expect(po.rules.map((r) => r.key)).toContain('bezwaar.opschorting')
    const vo = bezwaarDeadlines({ sector: 'vo', decisionSentOn: '2026-01-20', objectionReceivedOn: '2026-02-10', committeeDays: 14 })
    expect(vo.decisionDeadline).toBe('2026-03-24')
  })

  it('a term ending on a weekend or holiday runs on to the next working day (Algemene termijnenwet)', () => {
    // Sent Saturday 21 November 2026: six weeks end on Saturday 2 January 2027.
    expect(bezwaarDeadlines({ sector: 'po', decisionSentOn: '2026-11-21' }).objectionDeadline).toBe('2027-01-04')
    // Sent Friday 20 November 2026: the term ends on New Year's Day, an Atw feestdag, so on Monday 4 January.
    expect(bezwaarDeadlines({ sector: 'po', decisionSentOn: '2026-11-20' }).objectionDeadline).toBe('2027-01-04')
    // The po decision term (verwijdering) counts from the extended end: 4 January + 28 days = Monday 1 February.
    expect(bezwaarDeadlines({ sector: 'po', decisionSentOn: '2026-11-20' }).decisionDeadline).toBe('2027-02-01')
    // A further day off may be given (never fewer than the Atw's): Monday 4 January too → Tuesday 5 January.
    expect(bezwaarDeadlines({ sector: 'po', decisionSentOn: '2026-11-20', isHoliday: (d) => d === '2027-01-04' }).objectionDeadline).toBe('2027-01-05')
  })

  it('rejects impossible input', () => {
    expect(() => bezwaarDeadlines({ sector: 'po', decisionSentOn: '2026-02-29' })).toThrow(RangeError)
    expect(() => bezwaarDeadlines({ sector: 'vo', decisionSentOn: '2026-02-10', objectionReceivedOn: '2026-02-09' })).toThrow(RangeError)
    expect(() => bezwaarDeadlines({ sector: 'po', decisionSentOn: '2026-02-10', committeeDays: -1 })).toThrow(RangeError)
  })
})

describe('the ladder', () => {
  it('orders the measures adempauze → time-out → schorsing → verwijdering', () => {
    expect(MEASURE_KINDS.map(ladderStep)).toEqual([1, 2, 3, 4])
    expect(() => ladderStep('strafwerk' as MeasureKind)).toThrow(RangeError)
  })

  it.each([
    [[], 'adempauze', []],
    [[], 'time_out', ['adempauze']],
    [[], 'schorsing', ['adempauze', 'time_out']],
    [['adempauze'], 'schorsing', ['time_out']],
    [['adempauze', 'time_out'], 'schorsing', []],
    [['time_out'], 'schorsing', []],
    [['schorsing'], 'schorsing', []],
    [['time_out'], 'verwijdering', ['schorsing']],
    [['schorsing', 'adempauze'], 'verwijdering', []],
    [['verwijdering'], 'schorsing', []],
    [['schorsing'], 'adempauze', []],
  ] as [MeasureKind[], MeasureKind, MeasureKind[]][])('after %j a %s skips %j', (previous, kind, skipped) => {
    expect(skippedRungs(previous, kind)).toEqual(skipped)
    expect(skipsRung(previous, kind)).toBe(skipped.length > 0)
  })
})

describe('the school safety protocol beside the law', () => {
  const rows = compareProtocol(SEED_PROTOCOL_PO_2023, ruleSetFor('po', ON))
  const row = (key: string) => rows.find((r) => r.key === key)!

  it('is on file for OBS De Branding (12AB) only', () => {
    expect(protocolOnFile('12AB')).toBe(SEED_PROTOCOL_PO_2023)
    expect(protocolOnFile('45GH')).toBeNull()
    expect(protocolOnFile('toString')).toBeNull()
  })

  it('cites a paragraph of the protocol for every setting', () => {
    for (const s of SEED_PROTOCOL_PO_2023.settings) expect(s.source, s.key).toMatch(/§3\.[2-5]/)
  })

  it('flags the old 8-week rule for po as differing', () => {
    const r = row('verwijdering.definitief')
    expect(r).toMatchObject({ status: 'wijkt_af', differs: true, source: 'WPO art. 40' })
    expect(r.protocol).toContain('acht weken')
    expect(r.protocolSource).toContain('§3.5')
    expect(r.law).toContain('andere school')
  })

  it('finds the other differences: who decides, hearing the parents, the bezwaar term, the 14 days', () => {
    const differing = rows.filter((r) => r.differs).map((r) => r.key)
    expect(differing).toEqual([
      'schorsing.besluit',
      'schorsing.bezwaarBeslistermijn',
      'verwijdering.horen',
      'verwijdering.definitief',
      'bezwaar.beslistermijnStart',
    ])
  })

  it('agrees with the law on the week, the Inspectie notice, the parents, the six weeks and the notice of a verwijdering', () => {
    for (const key of ['schorsing.maxSchooldagen', 'schorsing.inspectie', 'schorsing.besluitAan', 'schorsing.verlengen', 'bezwaar.termijnWeken', 'verwijdering.inspectie']) {
      expect(row(key).status, key).toBe('gelijk')
    }
  })

  it('a choice on a configurable rule is not a difference; silence is "niet geregeld"', () => {
    expect(row('schorsing.mandaat')).toMatchObject({ status: 'keuze', differs: false })
    expect(row('bezwaar.opschorting')).toMatchObject({ status: 'niet_geregeld', differs: false, protocol: null })
  })

  it('the 8 weeks are the law in mbo: the same setting compared with the mbo rule set is no difference', () => {
    const asMbo = {
      ...SEED_PROTOCOL_PO_2023,
      sector: 'mbo' as const,
      settings: SEED_PROTOCOL_PO_2023.settings.map((s) =>
        s.key === 'verwijdering.definitief' ? { ...s, value: { toelating: 'andere_instelling', zoektermijnWeken: 8 } } : s,
      ),
    }
    const mbo = compareProtocol(asMbo, ruleSetFor('mbo', ON))
    expect(mbo.find((r) => r.key === 'verwijdering.definitief')!.status).toBe('gelijk')
    // The po protocol's schorsing week is 5 days, and so is the mbo law's (one week since 1 August 2023).
    expect(mbo.find((r) => r.key === 'schorsing.maxSchooldagen')!.status).toBe('gelijk')
    expect(() => compareProtocol(SEED_PROTOCOL_PO_2023, ruleSetFor('vo', ON))).toThrow()
  })
})

describe('hearings before a verwijdering', () => {
  const parties = (sector: Sector, dob: string, on = ON) => requiredHearings(ruleSetFor(sector, on), dob, on).map((r) => r.party)

  it('po: the groepsleraar and the parents, whatever the age (WPO art. 40 lid 11)', () => {
    expect(parties('po', '2016-05-01')).toEqual(['groepsleraar', 'ouders'])
    expect(requiredHearings(ruleSetFor('po', ON), '2016-05-01', ON)[0]!.rule.source).toContain('WPO art. 40 lid 11')
    expect(parties('so', '2012-05-01')).toEqual(['groepsleraar', 'ouders'])
  })

  it('vo: the teachers, the pupil, the parents and the Inspectie consultation under 18; at 18 the teachers and the pupil', () => {
    expect(parties('vo', '2008-11-22')).toEqual(['leraren', 'leerling', 'ouders', 'inspectie_overleg']) // 18 tomorrow
    expect(parties('vo', '2008-11-21')).toEqual(['leraren', 'leerling']) // 18 today
  })

  it('mbo: the student and, under 18, the parents; no Inspectie consultation', () => {
    expect(parties('mbo', '2009-01-01')).toEqual(['leerling', 'ouders'])
    expect(parties('mbo', '2008-11-21')).toEqual(['leerling'])
  })

  it('refuses naming who is missing, with the rule and its source; complete when all are heard', () => {
    const required = requiredHearings(ruleSetFor('vo', ON), '2010-01-01', ON)
    const none = checkHearings(required, [])
    expect(none.ok).toBe(false)
    if (!none.ok) {
      expect(none.message).toContain('de betrokken leraren, de leerling, de ouders (WVO 2020 art. 8.15')
      expect(none.message).toContain('overleg met de Inspectie is nog niet vastgelegd')
    }
    const onlyInspectie = checkHearings(required, ['leraren', 'leerling', 'ouders'])
    expect(onlyInspectie.ok).toBe(false)
    if (!onlyInspectie.ok) expect(onlyInspectie.message).not.toContain('nog niet gehoord')
    expect(checkHearings(required, ['leraren', 'leerling', 'ouders', 'inspectie_overleg', 'groepsleraar']).ok).toBe(true)
  })
})
