// Pure rules of the data subject's rights: the one-month deadline (AVG art. 12(3)) in calendar months
// with end-of-month cases, who exercises the rights around the 16th birthday, retention defaults,
// and the purge summary.
import { describe, expect, it } from 'vitest'
import { daysBetween } from '@baken/db/calendar'
import { ageOn } from '../src/measures/decision-recipients.ts'
import { summarisePurge, type PurgeReport } from '../src/privacy/purge.ts'
import { effectiveRetention } from '../src/privacy/retention.ts'
import { addCalendarMonths, rightsHolderOn, subjectRequestDueOn } from '../src/privacy/rights-dates.ts'
import { requesterRefusal } from '../src/privacy/subject-requests.ts'

describe('one-month deadline', () => {
  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-01-29', '2026-02-28'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'],
    ['2026-12-15', '2027-01-15'],
    ['2026-02-28', '2026-03-28'],
  ])('received %s → due %s', (received, due) => {
    expect(subjectRequestDueOn(received)).toBe(due)
  })

  it('adds any number of months, also backwards', () => {
    expect(addCalendarMonths('2025-11-30', 3)).toBe('2026-02-28')
    expect(addCalendarMonths('2026-11-21', -24)).toBe('2024-11-21')
    expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28')
  })

  it('counts days left (negative when overdue)', () => {
    expect(daysBetween('2026-11-21', '2026-12-10')).toBe(19)
    expect(daysBetween('2026-11-21', '2026-10-30')).toBe(-22)
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2) // across the DST change
  })
})

describe('who exercises the rights', () => {
  it('is the parents until the 16th birthday and the student from that day', () => {
    expect(ageOn('2010-11-21', '2026-11-20')).toBe(15)
    expect(rightsHolderOn('2010-11-21', '2026-11-20')).toBe('ouders')
    expect(ageOn('2010-11-21', '2026-11-21')).toBe(16)
    expect(rightsHolderOn('2010-11-21', '2026-11-21')).toBe('leerling')
  })

  it('for a 29 February birthday: 16 on 1 March in a common year', () => {
    expect(rightsHolderOn('2012-02-29', '2028-02-28')).toBe('ouders')
    expect(rightsHolderOn('2012-02-29', '2028-02-29')).toBe('leerling')
    expect(rightsHolderOn('2008-02-29', '2024-02-28')).toBe('ouders')
    expect(rightsHolderOn('2011-02-28', '2027-02-28')).toBe('leerling')
  })

  it('refuses the wrong requester with a Dutch message citing AVG art. 8 and UAVG art. 5', () => {
    expect(requesterRefusal('2010-11-21', '2026-11-21', 'leerling')).toBeNull()
    expect(requesterRefusal('2010-11-21', '2026-11-20', 'ouders')).toBeNull()
    const parents = requesterRefusal('2010-11-21', '2026-11-21', 'ouders')
    expect(parents?.message).toMatch(/16 jaar.*AVG art\. 8, UAVG art\. 5/)
    const child = requesterRefusal('2010-11-21', '2026-11-20', 'leerling')
    expect(child?.message).toMatch(/15 jaar.*ouders/)
  })
})

describe('retention', () => {
  it('uses the defaults where no row exists', () => {
    expect(effectiveRetention([]).map((s) => [s.category, s.months, s.isDefault])).toEqual([
      ['leerlingdossier', 24, true],
      ['administratie', 60, true],
      ['gedeelde_gegevens', 12, true],
      ['toegangslog', 60, true],
    ])
    const set = effectiveRetention([{ category: 'administratie', months: 84, updatedAt: new Date('2026-11-01T00:00:00Z') }])
    expect(set[1]).toMatchObject({ category: 'administratie', months: 84, defaultMonths: 60, isDefault: false })
    expect(set[0]).toMatchObject({ months: 24, isDefault: true })
  })
})

describe('purge summary', () => {
  const empty: PurgeReport = {
    asOf: '2026-11-21',
    months: {},
    leerlingdossier: [],
    administratie: [],
    gedeeldeGegevens: [],
    heldStudents: [],
    toegangslog: { rowsPastRetention: 3, action: 'behouden' },
  }
  it('counts distinct records and says whether anything is due', () => {
    expect(summarisePurge(empty)).toMatchObject({ anythingDue: false, accessLogRowsPastRetention: 3 })
    const entry = (id: string, incident: string) => ({
      studentId: id,
      schoolId: 's',
      leftOn: '2023-07-14',
      incidentsDeleted: [incident],
      incidentsAnonymised: [],
      measures: [],
      referrals: [],
      sharesDeleted: [],
      sharesUnlinked: [],
      guardians: [],
      reportCases: [],
      acknowledgements: [],
      portalItems: [],
      measureAcknowledgements: [],
    })
    const s = summarisePurge({ ...empty, leerlingdossier: [entry('a', 'i1'), entry('b', 'i1')] })
    expect(s).toMatchObject({ dossierStudents: 2, incidentsDeleted: 1, anythingDue: true })
  })
})
