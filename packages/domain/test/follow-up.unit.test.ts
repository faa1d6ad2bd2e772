// Victim-care proposals (the school safety protocol, §4) and the parents' report: due dates from the incident's
// Dutch date, and a PDF that names the pupil and never another pupil.
import { DEMO_VICTIM_CARE_STEPS } from '@baken/db/demo'
import { describe, expect, it } from 'vitest'
import { VICTIM_CARE_STEPS } from '../src/incidents/guidance.ts'
import type { IncidentDetail } from '../src/incidents/incident-record.ts'
import { pupilLabel, redactIncidentForPupil, redactNames, renderParentReport, type NameParts } from '../src/incidents/parent-report.ts'
import { victimCareProposals } from '../src/incidents/tasks.ts'
import { pdfText } from './support/pdf-text.ts'

describe('victim-care proposals', () => {
  const victim = [{ role: 'dader' }, { role: 'slachtoffer' }]

  it('proposes every §4 step, due the incident’s date plus its default days', () => {
    // 10:15 in Amsterdam on Tuesday 3 November 2026.
    const proposals = victimCareProposals({ occurredAt: new Date('2026-11-03T09:15:00Z'), persons: victim }, '2026-11-03')
    expect(proposals.map((p) => p.kind)).toEqual(VICTIM_CARE_STEPS.map((s) => s.key))
    const byKind = Object.fromEntries(proposals.map((p) => [p.kind, p]))
    expect(byKind.gesprek_slachtoffer).toMatchObject({ protocolDueOn: '2026-11-03', dueOn: '2026-11-03', dueAfterDays: 0 })
    expect(byKind.maatregelen_dader_slachtoffer!.dueOn).toBe('2026-11-04')
    expect(byKind.herstel_slachtoffer_volgen!.dueOn).toBe('2026-11-17')
    expect(byKind.normaliserend_gesprek_dader!.dueOn).toBe('2026-11-24')
    // Across a month end.
    expect(byKind.beleidsmaatregelen!.dueOn).toBe('2026-12-01')
    expect(proposals.every((p) => p.source.includes('§4') && p.planned === false)).toBe(true)
  })

  it('counts from the Dutch date, not the UTC one (late evening incidents)', () => {
    // 23:30 UTC on 16 November is 00:30 on 17 November in Amsterdam.
    const [first] = victimCareProposals({ occurredAt: new Date('2026-11-16T23:30:00Z'), persons: victim }, '2026-11-17')
    expect(first!.protocolDueOn).toBe('2026-11-17')
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July.
    const [summer] = victimCareProposals({ occurredAt: new Date('2026-06-30T22:30:00Z'), persons: victim }, '2026-07-01')
    expect(summer!.protocolDueOn).toBe('2026-07-01')
  })

  it('a step whose date has passed is proposed for today, keeping the protocol date', () => {
    const proposals = victimCareProposals({ occurredAt: new Date('2026-11-03T09:15:00Z'), persons: victim }, '2026-11-10', ['gesprek_slachtoffer'])
    const talk = proposals.find((p) => p.kind === 'gesprek_slachtoffer')!
    expect(talk).toMatchObject({ protocolDueOn: '2026-11-03', dueOn: '2026-11-10', planned: true })
    expect(proposals.find((p) => p.kind === 'herstel_slachtoffer_volgen')!.dueOn).toBe('2026-11-17')
  })

  it('no victim, no victim care', () => {
    expect(victimCareProposals({ occurredAt: new Date('2026-11-03T09:15:00Z'), persons: [{ role: 'dader' }] }, '2026-11-03')).toEqual([])
  })

  it('the demo seed plans real §4 steps with their titles and default days', () => {
    for (const demo of DEMO_VICTIM_CARE_STEPS) {
      const step = VICTIM_CARE_STEPS.find((s) => s.key === demo.key)
      expect(step, demo.key).toBeDefined()
      expect({ title: demo.title, dueAfterDays: demo.dueAfterDays }).toEqual({ title: step!.title, dueAfterDays: step!.dueAfterDays })
    }
  })
})

const ZOE: NameParts = { firstName: 'Zoë', infix: null, lastName: 'Öztürk' }
const DAAN: NameParts = { firstName: 'Daan', infix: 'de', lastName: 'Vries' }
const EMMA: NameParts = { firstName: 'Emma', infix: 'van den', lastName: 'Berg' }
const IDS = { zoe: '11111111-1111-4111-8111-111111111111', daan: '22222222-2222-4222-8222-222222222222', emma: '33333333-3333-4333-8333-333333333333' }

function incident(overrides: Partial<IncidentDetail> = {}): IncidentDetail {
  const occurredAt = new Date('2026-11-17T09:15:00Z')
  return {
    id: '44444444-4444-4444-8444-444444444444',
    stichtingId: '55555555-5555-4555-8555-555555555555',
    schoolId: '66666666-6666-4666-8666-666666666666',
    status: 'submitted',
    schoolYear: '2026-2027',
    occurredAt,
    locationCode: 21,
    location: { code: 21, label: 'op het schoolplein' },
    locationNote: 'bij het klimrek van Daan',
    situation: 'Daan de Vries duwt Zoë van het klimrek; Daans vriendin Emma roept dat Zoë het verdiende. Daarna slaat DAAN Zoë.',
    verbalAggression: true,
    verbalForm: 'schelden',
    verbalAgainst: 'Zoë, door Emma van den Berg',
    physicalAggression: true,
    physicalForm: 'duwen en slaan',
    physicalAgainst: 'Zoë Öztürk',
    vandalism: false,
    vandalismForm: null,
    vandalismAgainst: null,
    leftPremises: false,
    objectThrownAtPerson: false,
    motiveCode: null,
    motive: null,
    motiveNote: null,
    analysis: 'De ruzie tussen Daan en Zoë speelt al weken.',
    agreements: 'Daan en Emma blijven in de pauze bij de pleinwacht; Zoë krijgt een maatje.',
    parentsContacted: true,
    parentsContactedAt: new Date('2026-11-17T11:00:00Z'),
    parentsContactedBy: 'Sanne Kuipers',
    suggestedSeverity: 'zeer_ernstig',
    severity: 'zeer_ernstig',
    severityReason: null,
    confidential: false,
    policeReportKind: null,
    policeReportedOn: null,
    policeReportedBy: null,
    policeOnBehalfOfVictim: null,
    reportedById: '77777777-7777-4777-8777-777777777777',
    reportedByName: 'Joyce Smit',
    version: 1,
    createdAt: occurredAt,
    updatedAt: occurredAt,
    submittedAt: occurredAt,
    voorval: [{ code: 3, label: 'fysiek geweld' }],
    voorwerp: [],
    afhandeling: [
      { code: 2, label: 'ouders ingelicht' },
      { code: 6, label: 'time-out' },
    ],
    persons: [
      { id: 'p1', role: 'dader', kind: 'leerling', studentId: IDS.daan, studentName: 'Daan de Vries', groupId: 'g6', groupName: 'groep 6', description: null, injury: null, outcome: 'time-out' },
      { id: 'p2', role: 'slachtoffer', kind: 'leerling', studentId: IDS.zoe, studentName: 'Zoë Öztürk', groupId: 'g6', groupName: 'groep 6', description: null, injury: 'schaafwond aan de knie', outcome: null },
      { id: 'p3', role: 'getuige', kind: 'leerling', studentId: IDS.emma, studentName: 'Emma van den Berg', groupId: 'g7', groupName: 'groep 7', description: null, injury: 'blauwe plek van Daan', outcome: null },
      { id: 'p4', role: 'getuige', kind: 'medewerker', studentId: null, studentName: null, groupId: null, groupName: null, description: 'pleinwacht', injury: null, outcome: null },
    ],
    ...overrides,
  }
}

const NAMES = new Map([
  [IDS.zoe, ZOE],
  [IDS.daan, DAAN],
  [IDS.emma, EMMA],
])
const EXTRA = { schoolName: 'OBS De Branding', contact: { name: 'Sanne Kuipers', email: 'ib@branding.demo' }, generatedAt: new Date('2026-11-18T10:00:00Z') }

describe('redaction', () => {
  it('labels other pupils A, B, … in order and keeps the pupil’s own name', () => {
    expect([0, 1, 25, 26, 27].map(pupilLabel)).toEqual(['leerling A', 'leerling B', 'leerling Z', 'leerling AA', 'leerling AB'])
    const data = redactIncidentForPupil(incident(), IDS.zoe, NAMES, EXTRA)!
    expect(data.persons.map((p) => `${p.who} — ${p.role}`)).toEqual([
      'leerling A — dader',
      'uw kind, Zoë Öztürk — slachtoffer',
      'leerling B — getuige',
      'medewerker (pleinwacht) — getuige',
    ])
    // Other pupils' injuries, outcomes and groups are left out; the pupil's own are kept.
    expect(data.persons[0]).toMatchObject({ injury: null, outcome: null })
    expect(data.persons[1]!.injury).toBe('schaafwond aan de knie')
    expect(data.pupil).toEqual({ name: 'Zoë Öztürk', groupName: 'groep 6' })
    expect(JSON.stringify(data)).not.toMatch(/groep 7/)
  })

  it('scrubs other pupils from the free text: full names, first and last names, any case, possessives', () => {
    const data = redactIncidentForPupil(incident(), IDS.zoe, NAMES, EXTRA)!
    expect(data.situation).toBe(
      'Leerling A duwt Zoë van het klimrek; leerling A’s vriendin leerling B roept dat Zoë het verdiende. Daarna slaat leerling A Zoë.',
    )
    expect(data.location).toBe('op het schoolplein — bij het klimrek van leerling A')
    expect(data.agreements).toBe('Leerling A en leerling B blijven in de pauze bij de pleinwacht; Zoë krijgt een maatje.')
    expect(data.behaviour).toEqual([
      ['Verbale agressie', 'schelden, tegen Zoë, door leerling B'],
      ['Fysieke agressie', 'duwen en slaan, tegen Zoë Öztürk'],
    ])
    const all = JSON.stringify(data)
    for (const name of ['Daan', 'Vries', 'Emma', 'Berg']) expect(all).not.toContain(name)
  })

  it('the dader’s parents get the same incident with the victim redacted instead', () => {
    const data = redactIncidentForPupil(incident(), IDS.daan, NAMES, EXTRA)!
    expect(data.persons.map((p) => p.who)).toEqual(['uw kind, Daan de Vries', 'leerling A', 'leerling B', 'medewerker (pleinwacht)'])
    expect(data.situation).toContain('Daan de Vries duwt leerling A van het klimrek')
    expect(JSON.stringify(data)).not.toMatch(/Zoë|Öztürk|Emma|Berg/)
  })

  it('a sibling’s shared last name does not eat into the pupil’s own name', () => {
    const sister: NameParts = { firstName: 'Noor', infix: 'de', lastName: 'Vries' }
    const text = redactNames('Daan de Vries en zijn zus Noor de Vries; Noor huilde. De Vries-broer bleef.', DAAN, [{ label: 'leerling A', name: sister }])
    expect(text).toBe('Daan de Vries en zijn zus leerling A; leerling A huilde. De Vries-broer bleef.')
  })

  it('pupils of the school who are not in the incident are redacted too, staff names are kept', () => {
    const text = redactNames(
      'Daan en Sem Bakker plaagden Zoë; meester Bram greep in. Sem huilde, Bram van Dijk belde de ouders.',
      ZOE,
      [{ label: 'leerling A', name: DAAN }],
      { bystanders: [{ firstName: 'Sem', infix: null, lastName: 'Bakker' }, { firstName: 'Bram', infix: null, lastName: 'Visser' }], staffNames: ['Bram van Dijk'] },
    )
    expect(text).toBe('Leerling A en een andere leerling plaagden Zoë; meester Bram greep in. Een andere leerling huilde, Bram van Dijk belde de ouders.')
  })

  it('is null for a pupil who is not in the incident', () => {
    expect(redactIncidentForPupil(incident(), '88888888-8888-4888-8888-888888888888', NAMES, EXTRA)).toBeNull()
  })

  it('prints names outside Latin-1 as written (embedded Unicode font)', async () => {
    const data = redactIncidentForPupil(incident(), IDS.zoe, NAMES, EXTRA)!
    const names = 'Şahin Yıldız, Łukasz Wójcik, Nguyễn Văn An'
    const pdf = await renderParentReport({ ...data, pupil: { ...data.pupil, name: names }, situation: `${names} — “Ĳsselmeer” €5` })
    const text = await pdfText(pdf)
    expect(text).toContain(`Voor de ouder(s)/verzorger(s) van ${names}`)
    expect(text).toContain(`${names} — “Ĳsselmeer” €5`)
  })
})

describe('the parents’ report (PDF)', () => {
  it.each([true, false])('names the pupil, calls the others leerling A and B, and never names them (compress: %s)', async (compress) => {
    const data = redactIncidentForPupil(incident(), IDS.zoe, NAMES, EXTRA)!
    const pdf = await renderParentReport(data, { compress })
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const text = await pdfText(pdf)
    expect(text).toContain('Verslag van een zeer ernstig incident')
    expect(text).toContain('Voor de ouder(s)/verzorger(s) van Zoë Öztürk (groep 6)')
    expect(text).toContain('School: OBS De Branding')
    expect(text).toMatch(/Datum en tijd: dinsdag 17 november 2026 om 10:15 uur/)
    expect(text).toContain('Locatie: op het schoolplein')
    expect(text).toContain('Leerling A duwt Zoë van het klimrek')
    expect(text).toContain('leerling A — dader')
    expect(text).toContain('leerling B — getuige')
    expect(text).toContain('time-out')
    expect(text).toContain('Afspraken: Leerling A en leerling B blijven in de pauze')
    expect(text).toContain('Neem contact op met Sanne Kuipers (ib@branding.demo), OBS De Branding')
    for (const label of ['Voor gezien', 'Naam ouder/verzorger:', 'Datum:', 'Handtekening:']) expect(text).toContain(label)
    for (const name of ['Daan', 'Vries', 'Emma', 'Berg']) expect(text).not.toContain(name)
    // Nor anywhere in the file: metadata, or (uncompressed) any stream.
    const raw = Buffer.from(pdf).toString('latin1')
    for (const name of ['Daan', 'Emma', 'Öztürk']) expect(raw).not.toContain(name)
  })
})
