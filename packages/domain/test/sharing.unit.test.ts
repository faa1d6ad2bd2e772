// The minimised payload of a share and the agreement's conditions, without a database.
import { describe, expect, it } from 'vitest'
import { agreementRefusal, buildSharePayload, endOfDutchDay, projectPayload, type AgreementRow, type PupilFacts } from '../src/sharing/create-share.ts'
import type { IncidentDetail } from '../src/incidents/incident-record.ts'

const pupils = new Map<string, PupilFacts>([
  ['d', { firstName: 'Daan', infix: 'de', lastName: 'Vries', dateOfBirth: '2014-03-02' }],
  ['s', { firstName: 'Sara', infix: null, lastName: 'Bakker', dateOfBirth: '2014-06-10' }],
  ['g', { firstName: 'Gijs', infix: null, lastName: 'Mol', dateOfBirth: '2013-12-24' }],
])
const person = (role: string, studentId: string, extra: Partial<IncidentDetail['persons'][number]> = {}) =>
  ({ id: studentId, role, kind: 'leerling', studentId, studentName: null, groupId: null, groupName: 'groep 7', description: null, injury: null, outcome: null, ...extra }) as IncidentDetail['persons'][number]
const incident = {
  id: 'i1',
  occurredAt: new Date('2026-11-18T10:15:00Z'),
  situation: 'Daan sloeg Sara Bakker op het plein. Gijs Mol en Emma Smit keken toe; juf Lotte greep in.',
  location: { code: 3, label: 'in de klas' },
  locationNote: 'bij het raam van Sara',
  voorval: [{ code: 2, label: 'fysiek geweld' }],
  voorwerp: [{ code: 8, label: 'mobiele telefoon' }],
  afhandeling: [{ code: 1, label: 'gesprek' }],
  persons: [person('dader', 'd'), person('slachtoffer', 's', { injury: 'Schaafwond, Daan duwde haar.' }), person('getuige', 'g')],
} as unknown as IncidentDetail
const bystanders = [{ firstName: 'Emma', infix: null, lastName: 'Smit' }]

describe('buildSharePayload', () => {
  it('the least: date and type only', () => {
    expect(buildSharePayload(incident, ['datum', 'type'], pupils)).toEqual({ datum: '2026-11-18T10:15:00.000Z', type: ['fysiek geweld'] })
  })

  it('names pupils only by the chosen role; free text keeps those and hides everyone else', () => {
    const p = buildSharePayload(incident, ['naam_dader', 'omschrijving', 'locatie'], pupils, { bystanders, staffNames: ['Lotte Jansen'] })
    expect(p.naam_dader).toEqual(['Daan de Vries'])
    const text = JSON.stringify(p)
    for (const hidden of ['Sara', 'Bakker', 'Gijs', 'Mol', 'Emma', 'Smit']) expect(text).not.toContain(hidden)
    expect(p.omschrijving).toMatch(/^Daan sloeg leerling A op het plein\. Leerling B en een andere leerling keken toe; juf Lotte greep in\.$/)
    expect(p.locatie).toBe('in de klas — bij het raam van leerling A')
  })

  it('birth date, group and injury for the pupils of the share by role, named only when their name is chosen', () => {
    const p = buildSharePayload(incident, ['geboortedatum', 'letsel'], pupils, { shareStudentIds: ['s'] })
    expect(p.geboortedatum).toEqual([{ rol: 'slachtoffer', naam: null, value: '2014-06-10' }])
    // Her injury text names the dader, whose name is not chosen.
    expect(p.letsel).toEqual([{ rol: 'slachtoffer', naam: null, value: 'Schaafwond, leerling A duwde haar.' }])
    const named = buildSharePayload(incident, ['naam_slachtoffer', 'groep'], pupils)
    expect(named.groep).toEqual([{ rol: 'slachtoffer', naam: 'Sara Bakker', value: 'groep 7' }])
    expect(JSON.stringify(named)).not.toContain('Daan')
  })

  it('projectPayload keeps only the share’s fields, whatever the stored payload holds', () => {
    expect(projectPayload({ datum: 'x', type: ['y'], omschrijving: 'z' }, ['datum'])).toEqual({ datum: 'x' })
    expect(projectPayload(null, ['datum'])).toEqual({})
    expect(projectPayload({ secret: 1 }, ['secret'])).toEqual({})
  })
})

describe('agreementRefusal', () => {
  const now = new Date('2026-11-21T12:00:00Z')
  const a = {
    id: 'a',
    stichtingId: 'st',
    schoolId: 'sc',
    partnerId: 'p',
    status: 'goedgekeurd',
    endedAt: null,
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
    retentionDays: 60,
    purposes: ['strafbare_feiten'],
    dataCategories: ['datum', 'type', 'locatie'],
  } as unknown as AgreementRow
  const want = { partnerId: 'p', schoolId: 'sc', stichtingId: 'st', purpose: 'strafbare_feiten' as const, fields: ['datum'], expiresAt: new Date('2026-12-01T00:00:00Z') }

  it('accepts what it covers', () => expect(agreementRefusal(a, want, now)).toBeNull())
  it('another school, concept, ended, out of validity', () => {
    expect(agreementRefusal(a, { ...want, schoolId: 'other' }, now)?.path).toBe('agreementId')
    expect(agreementRefusal({ ...a, status: 'concept' }, want, now)?.message).toMatch(/buiten een geldend convenant/)
    expect(agreementRefusal({ ...a, status: 'beeindigd' }, want, now)?.path).toBe('agreementId')
    expect(agreementRefusal({ ...a, validFrom: '2026-12-01' }, want, now)?.path).toBe('agreementId')
  })
  it('a stichting-wide agreement covers each school', () => expect(agreementRefusal({ ...a, schoolId: null }, want, now)).toBeNull())
  it('purpose, fields, expiry beyond validity or retention', () => {
    expect(agreementRefusal(a, { ...want, purpose: 'hulpverlening' }, now)?.path).toBe('purpose')
    expect(agreementRefusal(a, { ...want, fields: ['datum', 'omschrijving'] }, now)).toMatchObject({ path: 'fields', message: expect.stringMatching(/Omschrijving/) })
    expect(agreementRefusal(a, { ...want, expiresAt: new Date('2027-01-02T00:00:00Z') }, now)?.message).toMatch(/einde van het convenant/)
    expect(agreementRefusal({ ...a, retentionDays: 5 }, want, now)?.message).toMatch(/bewaartermijn/)
  })
  it('the end of a Dutch day, winter and summer time', () => {
    expect(endOfDutchDay('2026-12-31').toISOString()).toBe('2026-12-31T22:59:59.999Z')
    expect(endOfDutchDay('2026-07-01').toISOString()).toBe('2026-07-01T21:59:59.999Z')
  })
})
