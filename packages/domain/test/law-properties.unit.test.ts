// The rule engine as a whole, tested on random input (fast-check): random school calendars, sectors,
// birthdays and decision dates. Each property is a sentence of the law (docs/law.md names them).
// numRuns is kept small enough for the whole file to run in seconds.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildSchoolCalendar, isTermijnenwetRestDay, plusDays, type CalendarEntry } from '../src/calendar/index.ts'
import { bezwaarTerms } from '../src/measures/bezwaar.ts'
import { letterSalutation } from '../src/measures/letter-text.ts'
import { ageOn, decisionRecipients } from '../src/measures/decision-recipients.ts'
import { checkSchorsingLength, maxSchorsingSchoolDays } from '../src/measures/rule-lookups.ts'
import type { MeasureKind } from '../src/measures/rule-model.ts'
import { checkSchorsingChain, type SchorsingSpan } from '../src/measures/schorsing-chain.ts'

const SECTORS = ['po', 'so', 'vo', 'mbo'] as const
const RUNS = { numRuns: 200 }

/** A day from 2015 to 2035 (the rule sets apply from 2014; mbo's from 1 August 2023). */
const day = (from = '2015-01-01', span = 365 * 20) => fc.integer({ min: 0, max: span }).map((n) => plusDays(from, n))

/**
 * A random school calendar of region noord: up to eight holidays of 1 to 16 days and up to six
 * study days of the school, anywhere in the two schooljaren around the start.
 */
const calendarAround = (start: string) =>
  fc
    .record({
      holidays: fc.array(fc.record({ offset: fc.integer({ min: -200, max: 200 }), length: fc.integer({ min: 1, max: 16 }) }), { maxLength: 8 }),
      studyDays: fc.array(fc.integer({ min: -200, max: 200 }), { maxLength: 6 }),
    })
    .map(({ holidays, studyDays }) => {
      const entries: CalendarEntry[] = [
        ...holidays.map((h, i) => ({ kind: 'schoolvakantie' as const, name: `Vakantie ${i}`, startsOn: plusDays(start, h.offset), endsOn: plusDays(start, h.offset + h.length - 1), schoolId: null, region: 'noord' as const })),
        ...studyDays.map((d, i) => ({ kind: 'studiedag' as const, name: `Studiedag ${i}`, startsOn: plusDays(start, d), endsOn: plusDays(start, d), schoolId: 'school', region: null })),
      ]
      return buildSchoolCalendar({ region: 'noord', schoolId: 'school', entries })
    })

describe('a schorsing never exceeds its sector maximum in school days', () => {
  it('the maximum is one week (5 school days) in every sector, mbo included', () => {
    for (const sector of SECTORS) expect(maxSchorsingSchoolDays(sector, '2026-12-01')).toBe(5)
  })

  it('a schorsing is accepted only up to the maximum, and the period counted on the school calendar holds exactly that many school days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SECTORS),
        day('2023-08-01', 365 * 10).chain((start) => fc.tuple(fc.constant(start), calendarAround(start))),
        fc.integer({ min: -2, max: 15 }),
        (sector, [start, calendar], schoolDays) => {
          const check = checkSchorsingLength(sector, schoolDays, start)
          const max = maxSchorsingSchoolDays(sector, start)
          expect(check.ok).toBe(schoolDays >= 1 && schoolDays <= max)
          if (!check.ok) {
            expect(check.rule.key).toBe('schorsing.maxSchooldagen')
            return
          }
          const first = calendar.addSchoolDays(start, 1)
          const end = calendar.addSchoolDays(first, schoolDays)
          expect(calendar.countSchoolDays(first, end)).toBe(schoolDays)
          expect(calendar.countSchoolDays(first, end)).toBeLessThanOrEqual(max)
        },
      ),
      RUNS,
    )
  })

  // Two schorsingen of one pupil, on the school-day list of a random calendar: the first (already
  // proposed or decided) covers the school days [a, a + n - 1], the candidate [b, b + m - 1], each
  // within the maximum on its own. Together they keep the pupil out of school for one run of
  // consecutive school days when they overlap or the one starts on the school day after the other
  // ends. The extension ban (schorsing-chain.ts, rule schorsing.verlengen) must never accept such a
  // pair whose run is longer than the maximum, unless a new incident after the first decision is its
  // ground; an overlap never, whatever the ground; and with a school day between, it refuses nothing.
  it('alone or chained: the extension ban never accepts two schorsingen that together run past the maximum without a new incident after the first decision', () => {
    const hour = 3_600_000
    fc.assert(
      fc.property(
        fc.constantFrom(...SECTORS),
        day('2023-09-01', 365 * 10).chain((start) => fc.tuple(fc.constant(start), calendarAround(start))),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: -7, max: 8 }),
        // The first decision: none yet, or some hours before the first schorsing starts.
        fc.option(fc.integer({ min: 1, max: 24 * 14 }), { nil: null }),
        // The incidents the candidate rests on, in hours from the first decision (or its start).
        fc.array(fc.integer({ min: -24 * 14, max: 24 * 14 }).filter((h) => h !== 0), { maxLength: 3 }),
        (sector, [start, calendar], n, m, shift, decidedHoursBefore, incidentHours) => {
          const max = maxSchorsingSchoolDays(sector, start)
          // Alone: each schorsing is within the maximum (the length check accepts it).
          expect(checkSchorsingLength(sector, n, start).ok).toBe(n <= max)
          expect(checkSchorsingLength(sector, m, start).ok).toBe(m <= max)
          const days = calendar.schoolDaysBetween(plusDays(start, -60), plusDays(start, 90))
          const a = days.findIndex((d) => d >= start)
          const b = a + shift
          if (a < 0 || b < 0 || a + n > days.length || b + m > days.length) return
          const first: SchorsingSpan = {
            id: 'eerste',
            startsOn: days[a]!,
            endsOn: days[a + n - 1]!,
            schoolDays: n,
            state: decidedHoursBefore === null ? 'proposed' : 'approved',
            decidedAt: decidedHoursBefore === null ? null : new Date(Date.parse(`${days[a]}T07:00:00Z`) - decidedHoursBefore * hour),
          }
          const anchorMs = first.decidedAt?.getTime() ?? Date.parse(`${days[a]}T07:00:00Z`)
          const incidents = incidentHours.map((h, i) => ({ id: `incident-${i}`, occurredAt: new Date(anchorMs + h * hour) }))
          const candidate = { startsOn: days[b]!, endsOn: days[b + m - 1]!, schoolDays: m }
          const check = checkSchorsingChain({ sector, candidate, others: [first], calendar, incidentsFor: () => incidents, onDate: start })

          const overlap = b <= a + n - 1 && a <= b + m - 1
          const oneRun = b <= a + n && a <= b + m // overlapping, or no school day between
          const run = Math.max(a + n, b + m) - Math.min(a, b)
          const newIncident = first.decidedAt !== null && incidents.some((i) => i.occurredAt > first.decidedAt!)
          if (overlap) expect(check.ok).toBe(false)
          if (check.ok && oneRun && run > max) {
            expect(newIncident).toBe(true)
            expect(check.basis).toEqual([expect.objectContaining({ measureId: 'eerste' })])
            expect(Date.parse(check.basis[0]!.incidentOccurredAt)).toBeGreaterThan(first.decidedAt!.getTime())
          }
          if (!check.ok) expect(check.rules.map((r) => r.key)).toContain('schorsing.verlengen')
          // Not a refusal of what the law allows: with a school day between, the pair stands; directly
          // following on a new incident after the first decision, too.
          if (!oneRun) expect(check.ok).toBe(true)
          if (oneRun && !overlap) expect(check.ok).toBe(newIncident)
        },
      ),
      RUNS,
    )
  })
})

describe('every deadline lands on a working day and never before the statutory minimum', () => {
  const KINDS: MeasureKind[] = ['schorsing', 'verwijdering']
  it('the objection term and the decision term, for every sector, decision and receipt', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SECTORS),
        fc.constantFrom(...KINDS),
        day('2023-08-01', 365 * 10),
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 })), { nil: null }),
        (sector, measureKind, decisionSentOn, receivedAfter, advisoryCommittee, committee) => {
          const receivedOn = plusDays(decisionSentOn, receivedAfter)
          const committeeFrom = committee ? plusDays(receivedOn, committee[0]) : null
          const committeeUntil = committee ? plusDays(receivedOn, committee[0] + committee[1]) : null
          const t = bezwaarTerms({ sector, measureKind, decisionSentOn, receivedOn, committeeFrom, committeeUntil, advisoryCommittee })
          // Working days: no Saturday, Sunday or Atw feestdag (Algemene termijnenwet art. 1, 3).
          expect(isTermijnenwetRestDay(t.objectionDeadline)).toBe(false)
          expect(isTermijnenwetRestDay(t.decisionDueOn)).toBe(false)
          // Six weeks to object (Awb 6:7), run on only past rest days.
          const rawObjection = plusDays(decisionSentOn, 42)
          expect(t.objectionDeadline >= rawObjection).toBe(true)
          for (let d = rawObjection; d < t.objectionDeadline; d = plusDays(d, 1)) expect(isTermijnenwetRestDay(d)).toBe(true)
          // The decision term: never before its statutory minimum.
          const minimum =
            measureKind === 'schorsing'
              ? plusDays(t.objectionDeadline, (advisoryCommittee ? 12 : 6) * 7) // Awb 7:10 lid 1
              : sector === 'po' || sector === 'so'
                ? plusDays(t.objectionDeadline, 28 + t.committeeDays)
                : plusDays(receivedOn, 28 + t.committeeDays)
          expect(t.decisionDueOn >= minimum).toBe(true)
          if (t.late) expect(t.decisionDueOn >= plusDays(receivedOn, 28)).toBe(true)
        },
      ),
      RUNS,
    )
  })
})

describe('a pupil who is 18 on the decision day is addressed as an adult', () => {
  // Born so that the 18th birthday and the day before fall under every rule set (mbo's from 1 August 2023).
  const birthday = day('2005-08-03', 365 * 10)
  it('so, vo and mbo: the decision is addressed to the pupil; in so and mbo to the pupil alone', () => {
    fc.assert(
      fc.property(fc.constantFrom('so', 'vo', 'mbo' as const), birthday, fc.integer({ min: 0, max: 365 * 3 }), fc.constantFrom(18, 19, 20, 21), (sector, dateOfBirth, after, voAge) => {
        const eighteenth = `${Number(dateOfBirth.slice(0, 4)) + 18}${dateOfBirth.slice(4)}`
        const onDate = plusDays(eighteenth.endsWith('-02-29') ? plusDays(`${eighteenth.slice(0, 4)}-02-28`, 1) : eighteenth, after)
        expect(ageOn(dateOfBirth, onDate)).toBeGreaterThanOrEqual(18)
        const recipients = decisionRecipients(sector, dateOfBirth, onDate, sector === 'vo' ? voAge : undefined)
        expect(recipients).toContain('leerling')
        expect(letterSalutation(recipients, 'Łukasz Wójcik', ['Anna Wójcik']).startsWith('Geachte Łukasz Wójcik,')).toBe(true)
        if (sector !== 'vo') expect(recipients).toEqual(['leerling'])
        // vo: the parents receive it too until the stichting's age (default 21, Inrichtingsbesluit WVO).
        else expect(recipients.includes('ouders')).toBe(ageOn(dateOfBirth, onDate) < voAge)
      }),
      RUNS,
    )
  })

  it('the day before the 18th birthday the parents receive it (so: the parents alone)', () => {
    fc.assert(
      fc.property(fc.constantFrom('so', 'vo', 'mbo' as const), birthday, (sector, dateOfBirth) => {
        const eighteenth = `${Number(dateOfBirth.slice(0, 4)) + 18}${dateOfBirth.slice(4)}`
        const dayBefore = plusDays(eighteenth.endsWith('-02-29') ? `${eighteenth.slice(0, 4)}-02-28` : eighteenth, -1)
        const recipients = decisionRecipients(sector, dateOfBirth, dayBefore)
        expect(recipients).toContain('ouders')
        if (sector === 'so') expect(recipients).toEqual(['ouders'])
      }),
      RUNS,
    )
  })
})

describe('school days counted forward and backward agree', () => {
  it('the n-th school day from a start holds n school days, and the day before it n − 1', () => {
    fc.assert(
      fc.property(
        day('2016-01-01', 365 * 15).chain((start) => fc.tuple(fc.constant(start), calendarAround(start))),
        fc.integer({ min: 1, max: 60 }),
        ([start, calendar], n) => {
          const end = calendar.addSchoolDays(start, n)
          expect(calendar.isSchoolDay(end)).toBe(true)
          expect(calendar.countSchoolDays(start, end)).toBe(n)
          if (end > start) expect(calendar.countSchoolDays(start, plusDays(end, -1))).toBe(n - 1)
          // Backward: the school days between, counted from the end, lead back to the first school day.
          const days = calendar.schoolDaysBetween(start, end)
          expect(days[days.length - n]).toBe(calendar.addSchoolDays(start, 1))
        },
      ),
      RUNS,
    )
  })
})
