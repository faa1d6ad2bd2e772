// Bezwaar terms on the Algemene termijnenwet's holidays, a late objection, and the rule that makes a
// verwijdering definitive. Pure functions, no database.
import { describe, expect, it } from 'vitest'
import { isTermijnenwetHoliday } from '../src/calendar/index.ts'
import { bezwaarTerms, lateBezwaarMessage } from '../src/measures/bezwaar.ts'
import { checkDefinitiveRemoval } from '../src/measures/removal-search.ts'
import { ruleSetFor } from '../src/measures/rule-lookups.ts'
import { plusDays } from '../src/dates.ts'

describe('the board’s decision deadline per sector', () => {
  // Sent Friday 18 September 2026: the objection term runs to Friday 30 October.
  const base = { decisionSentOn: '2026-09-18', receivedOn: '2026-10-12' }

  it('po: 4 weeks from the day after the objection term ends, whenever the objection came in', () => {
    const po = bezwaarTerms({ measureKind: 'verwijdering', sector: 'po', ...base })
    expect(po).toMatchObject({ objectionDeadline: '2026-10-30', late: false, committeeDays: 0, decisionDueOn: '2026-11-27' })
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'po', ...base, receivedOn: '2026-09-21' }).decisionDueOn).toBe('2026-11-27')
    // so follows po (marked uncertain in the rule set).
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'so', ...base }).decisionDueOn).toBe('2026-11-27')
  })

  it('vo and mbo: 4 weeks from receipt', () => {
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'vo', ...base }).decisionDueOn).toBe('2026-11-09')
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'mbo', ...base }).decisionDueOn).toBe('2026-11-09')
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'vo', ...base, receivedOn: '2026-09-21' }).decisionDueOn).toBe('2026-10-19')
  })

  it('the disputes committee suspends the term by its days, both ends counted', () => {
    const committee = { committeeFrom: '2026-11-02', committeeUntil: '2026-11-15' }
    const po = bezwaarTerms({ measureKind: 'verwijdering', sector: 'po', ...base, ...committee })
    expect(po.committeeDays).toBe(14)
    expect(po.decisionDueOn).toBe('2026-12-11')
    expect(po.rules.map((r) => r.key)).toContain('bezwaar.opschorting')
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'vo', ...base, ...committee }).decisionDueOn).toBe('2026-11-23')
    // A single day before the committee is one day of suspension; Saturday 28 Nov runs on to Monday.
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'po', ...base, committeeFrom: '2026-11-02', committeeUntil: '2026-11-02' }).decisionDueOn).toBe('2026-11-30')
  })
})

describe('a bezwaar against a schorsing: the Awb term (Awb 7:10), not the verwijdering\'s', () => {
  // Sent Friday 18 September 2026: the objection term runs to Friday 30 October.
  const base = { measureKind: 'schorsing' as const, decisionSentOn: '2026-09-18', receivedOn: '2026-10-12' }

  it('six weeks from the day after the objection term ends, in every sector, whenever the objection came in', () => {
    for (const sector of ['po', 'so', 'vo', 'mbo'] as const) {
      const t = bezwaarTerms({ sector, ...base })
      expect(t).toMatchObject({ objectionDeadline: '2026-10-30', late: false, decisionDueOn: '2026-12-11' })
      expect(t.decisionTerm).toMatchObject({ key: 'schorsing.bezwaarBeslistermijn', source: 'Awb art. 7:10 lid 1 en 3' })
      expect(bezwaarTerms({ sector, ...base, receivedOn: '2026-09-21' }).decisionDueOn).toBe('2026-12-11')
    }
  })

  it('twelve weeks with an advisory committee; a postponement adds six weeks once', () => {
    expect(bezwaarTerms({ sector: 'vo', ...base, advisoryCommittee: true }).decisionDueOn).toBe('2027-01-22')
    expect(bezwaarTerms({ sector: 'vo', ...base, postponed: true }).decisionDueOn).toBe('2027-01-22')
    // 18 weeks after 30 October 2026: Friday 5 March 2027.
    expect(bezwaarTerms({ sector: 'vo', ...base, advisoryCommittee: true, postponed: true }).decisionDueOn).toBe('2027-03-05')
  })

  it('a late objection counts the six weeks from receipt', () => {
    // Received Friday 20 November 2026 (late): by the rule 11 December; from receipt Friday 1 January 2027 → Monday 4 January.
    expect(bezwaarTerms({ sector: 'po', ...base, receivedOn: '2026-11-20' })).toMatchObject({ late: true, decisionDueOn: '2027-01-04' })
  })
})

describe('Algemene termijnenwet: the feestdagen of art. 3, apart from the school calendar', () => {
  it('counts Goede Vrijdag (art. 3 lid 2) and Bevrijdingsdag every year', () => {
    expect(isTermijnenwetHoliday('2027-04-27')).toBe(true) // Koningsdag, a Tuesday
    expect(isTermijnenwetHoliday('2027-05-05')).toBe(true) // Bevrijdingsdag, not a lustrum year: still a feestdag in the Atw
    expect(isTermijnenwetHoliday('2027-05-06')).toBe(true) // Hemelvaartsdag
    expect(isTermijnenwetHoliday('2027-01-01')).toBe(true)
    expect(isTermijnenwetHoliday('2027-03-26')).toBe(true) // Goede Vrijdag
    expect(isTermijnenwetHoliday('2027-04-28')).toBe(false)
  })

  it('a deadline on a feestdag runs on to the next working day', () => {
    // vo verwijdering, received Tuesday 30 March 2027: 4 weeks end on Koningsdag → Wednesday 28 April.
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'vo', decisionSentOn: '2027-03-23', receivedOn: '2027-03-30' }).decisionDueOn).toBe('2027-04-28')
    // Received 7 April 2027: 5 May (Bevrijdingsdag) and 6 May (Hemelvaart) → Friday 7 May.
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'vo', decisionSentOn: '2027-04-01', receivedOn: '2027-04-07' }).decisionDueOn).toBe('2027-05-07')
    // Received 26 February 2027: ends on Goede Vrijdag 26 March, runs on over Easter to Tuesday 30 March.
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'vo', decisionSentOn: '2027-02-20', receivedOn: '2027-02-26' }).decisionDueOn).toBe('2027-03-30')
    // Sent Friday 20 November 2026: six weeks end on New Year's Day → Monday 4 January.
    const po = bezwaarTerms({ measureKind: 'verwijdering', sector: 'po', decisionSentOn: '2026-11-20', receivedOn: '2026-12-01' })
    expect(po).toMatchObject({ objectionDeadline: '2027-01-04', decisionDueOn: '2027-02-01' })
  })
})

describe('a late bezwaar', () => {
  it('is late the day after the objection term; the message names the term and its source', () => {
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'po', decisionSentOn: '2026-09-18', receivedOn: '2026-10-30' }).late).toBe(false)
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'po', decisionSentOn: '2026-09-18', receivedOn: '2026-10-31' }).late).toBe(true)
    const message = lateBezwaarMessage('po', '2026-09-18', '2026-10-30')
    expect(message).toContain('bezwaartermijn van 6 weken (Awb art. 6:7 en 6:8 lid 1)')
    expect(message).toContain('30 oktober 2026')
    expect(message).toContain('Awb art. 6:11')
  })

  it('taken on as excusable, its deadline is never before receipt plus the decision term', () => {
    // po verwijdering: by the rule 27 November, already near at receipt on 20 November; from receipt: Friday 18 December.
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'po', decisionSentOn: '2026-09-18', receivedOn: '2026-11-20' }).decisionDueOn).toBe('2026-12-18')
    expect(bezwaarTerms({ measureKind: 'verwijdering', sector: 'vo', decisionSentOn: '2026-09-18', receivedOn: '2026-11-20' }).decisionDueOn).toBe('2026-12-18')
  })
})

describe('when a verwijdering may become definitive', () => {
  const today = '2026-11-21'
  const po = ruleSetFor('po', today)
  const vo = ruleSetFor('vo', today)
  const mbo = ruleSetFor('mbo', today)
  // Decided long enough ago for any term: the po and vo cases turn on the admission alone.
  const longAgo = plusDays(today, -200)

  it('po and vo: only when another school admits the pupil; refused with the rule and its source', () => {
    const none = checkDefinitiveRemoval(po, [], today, longAgo)
    expect(none.ok).toBe(false)
    if (!none.ok) expect(none.message).toMatch(/andere school de leerling toelaat.*\(WPO art\. 40\)/)
    // Eight weeks of search are no ground in po (the old rule the school safety protocol still has).
    const longSearch = checkDefinitiveRemoval(po, [{ contactedOn: plusDays(today, -120), result: 'geen plaats' }], today, longAgo)
    expect(longSearch.ok).toBe(false)
    const refusedVo = checkDefinitiveRemoval(vo, [{ contactedOn: '2026-11-17', result: 'in behandeling' }], today, longAgo)
    expect(refusedVo.ok).toBe(false)
    if (!refusedVo.ok) expect(refusedVo.message).toContain('WVO 2020 art. 8.15')
    expect(checkDefinitiveRemoval(vo, [{ contactedOn: '2026-11-17', result: 'geen plaats' }, { contactedOn: '2026-11-20', result: 'toegelaten' }], today, longAgo)).toMatchObject({
      ok: true,
      via: 'toelating',
    })
    // An admission dated before the decision is no result of the search (it starts with the decision).
    expect(checkDefinitiveRemoval(vo, [{ contactedOn: '2026-11-17', result: 'toegelaten' }], today, '2026-11-18').ok).toBe(false)
  })

  it('mbo: admitted, or 8 weeks since the decision with documented search; the term runs from the decision, not from the first attempt', () => {
    expect(checkDefinitiveRemoval(mbo, [{ contactedOn: today, result: 'toegelaten' }], today, today)).toMatchObject({ ok: true, via: 'toelating' })
    // Decided 56 days ago (8 weeks), one attempt since: definitive from today.
    const decided = plusDays(today, -56)
    expect(checkDefinitiveRemoval(mbo, [{ contactedOn: plusDays(today, -3), result: 'geen plaats' }], today, decided)).toMatchObject({ ok: true, via: 'zoektermijn' })
    // A day short of 8 weeks since the decision: refused, naming the day it becomes possible.
    const early = checkDefinitiveRemoval(mbo, [{ contactedOn: plusDays(today, -55), result: 'geen plaats' }, { contactedOn: plusDays(today, -3), result: 'geweigerd' }], today, plusDays(today, -55))
    expect(early.ok).toBe(false)
    if (!early.ok) {
      expect(early.message).toContain('8 weken aantoonbaar zoeken')
      expect(early.message).toContain('gerekend vanaf het besluit tot verwijdering op 27 september 2026')
      expect(early.message).toContain('WEB art. 8.1.7d')
      expect(early.message).toContain('22 november 2026') // the day it becomes possible
    }
    // Decided today: an attempt of two months ago does not count, so today is not yet definitive.
    const decidedToday = checkDefinitiveRemoval(mbo, [{ contactedOn: plusDays(today, -60), result: 'geen plaats' }], today, today)
    expect(decidedToday.ok).toBe(false)
    if (!decidedToday.ok) expect(decidedToday.message).toContain('kan vanaf 16 januari 2027')
    // Eight weeks since the decision without any documented attempt: refused.
    const none = checkDefinitiveRemoval(mbo, [], today, decided)
    expect(none.ok).toBe(false)
    if (!none.ok) expect(none.message).toContain('nog geen zoekpoging')
    // Not decided: no term at all.
    const undecided = checkDefinitiveRemoval(mbo, [{ contactedOn: plusDays(today, -60), result: 'geen plaats' }], today, null)
    expect(undecided.ok).toBe(false)
    if (!undecided.ok) expect(undecided.message).toContain('nog niet genomen')
  })
})
