// The minimised payload of a share and the agreement's conditions, without a database.
import { describe, expect, it } from 'vitest'
import { fullName, minimiseSharePayload, nameRedactor, type NameParts } from '@baken/db/pseudonyms'
import {
  agreementRefusal,
  buildSharePayload,
  endOfDutchDay,
  nameFieldRefusal,
  projectPayload,
  sharePseudonyms,
  type AgreementRow,
  type PupilFacts,
} from '../src/sharing/create-share.ts'
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

  it('names only the share’s subjects; free text keeps them and pseudonymises everyone else', () => {
    const p = buildSharePayload(incident, ['naam_dader', 'omschrijving', 'locatie'], pupils, { subjectIds: ['d'], bystanders, staffNames: ['Lotte Jansen'] })
    expect(p.naam_dader).toEqual(['Daan de Vries'])
    const text = JSON.stringify(p)
    for (const hidden of ['Sara', 'Bakker', 'Gijs', 'Mol', 'Emma', 'Smit']) expect(text).not.toContain(hidden)
    expect(p.omschrijving).toMatch(/^Daan sloeg leerling A op het plein\. Leerling B en een andere leerling keken toe; juf Lotte greep in\.$/)
    expect(p.locatie).toBe('in de klas — bij het raam van leerling A')
  })

  it('a pupil of the chosen role who is not a subject is a label, in the name list as in the text', () => {
    const two = { ...incident, persons: [person('dader', 'g'), ...incident.persons] } as IncidentDetail
    const p = buildSharePayload(two, ['naam_dader', 'omschrijving'], pupils, { subjectIds: ['d'] })
    expect(p.naam_dader).toEqual(['leerling A', 'Daan de Vries'])
    expect(p.omschrijving).toBe('Daan sloeg leerling B op het plein. Leerling A en Emma Smit keken toe; juf Lotte greep in.')
    // No subject at all: nobody is named.
    expect(buildSharePayload(two, ['naam_dader'], pupils).naam_dader).toEqual(['leerling A', 'leerling B'])
  })

  it('birth date, group and injury for the subjects only, named only when a name of their role is chosen', () => {
    const p = buildSharePayload(incident, ['geboortedatum', 'letsel'], pupils, { subjectIds: ['s'] })
    expect(p.geboortedatum).toEqual([{ rol: 'slachtoffer', naam: null, value: '2014-06-10' }])
    // Her injury text names the dader, who is not a subject.
    expect(p.letsel).toEqual([{ rol: 'slachtoffer', naam: null, value: 'Schaafwond, leerling A duwde haar.' }])
    const named = buildSharePayload(incident, ['naam_slachtoffer', 'groep', 'geboortedatum'], pupils, { subjectIds: ['s'] })
    expect(named.naam_slachtoffer).toEqual(['Sara Bakker'])
    expect(named.groep).toEqual([{ rol: 'slachtoffer', naam: 'Sara Bakker', value: 'groep 7' }])
    expect(JSON.stringify(named)).not.toContain('Daan')
  })

  it('one label per pupil across the incidents of a share', () => {
    const second = { ...incident, id: 'i2', situation: 'Gijs en Sara ruzieden.', persons: [person('dader', 'g'), person('slachtoffer', 's')] } as unknown as IncidentDetail
    const names = sharePseudonyms([incident, second], pupils, ['d'])
    expect([...names.labels]).toEqual([
      ['s', 'leerling A'],
      ['g', 'leerling B'],
    ])
    expect(buildSharePayload(second, ['omschrijving'], pupils, { pseudonyms: names }).omschrijving).toBe('Leerling B en leerling A ruzieden.')
  })

  it('a chosen name field needs a subject of its role', () => {
    expect(nameFieldRefusal([incident], ['datum', 'naam_dader'], ['d'])).toBeNull()
    expect(nameFieldRefusal([incident], ['naam_dader'], [])).toMatchObject({ path: 'fields', message: expect.stringMatching(/Naam van de dader\(s\).*dader/) })
    expect(nameFieldRefusal([incident], ['naam_dader', 'naam_slachtoffer'], ['d'])).toMatchObject({ path: 'fields', message: expect.stringMatching(/slachtoffer/) })
  })

  it('a new payload is already in the form the 0027 data step rewrites old ones to', () => {
    const subjects = ['s']
    const names = sharePseudonyms([incident], pupils, subjects, { bystanders, staffNames: ['Lotte Jansen'] })
    const fields = ['datum', 'type', 'locatie', 'naam_dader', 'naam_slachtoffer', 'naam_getuige', 'geboortedatum', 'groep', 'omschrijving', 'letsel'] as const
    const built = buildSharePayload(incident, fields, pupils, { pseudonyms: names })
    const byName = new Map([...names.labels].map(([id, label]) => [fullName(pupils.get(id)!), label]))
    const kept = subjects.map((id) => pupils.get(id)! as NameParts)
    const redact = nameRedactor(kept, [], {})
    expect(
      minimiseSharePayload(built, { isSubject: (n) => kept.map(fullName).includes(n), labelOf: (n) => byName.get(n) ?? 'een andere leerling', redact }),
    ).toEqual(built)
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
