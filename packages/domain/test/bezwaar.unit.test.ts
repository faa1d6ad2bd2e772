// Bezwaar terms on the Algemene termijnenwet's holidays, a late objection, and the rule that makes a
// verwijdering definitive. Pure functions, no database.
import { describe, expect, it } from 'vitest'
import { bezwaarTerms, lateBezwaarMessage, termijnenwetHoliday } from '../src/measures/bezwaar.ts'
import { checkDefinitiveRemoval } from '../src/measures/removal-search.ts'
import { ruleSetFor } from '../src/measures/rules.ts'
import { addDays } from '../src/incidents/follow-up-dates.ts'

describe('the board’s decision deadline per sector', () => {
  // Sent Friday 18 September 2026: the objection term runs to Friday 30 October.
  const base = { decisionSentOn: '2026-09-18', receivedOn: '2026-10-12' }

  it('po: 4 weeks from the day after the objection term ends, whenever the objection came in', () => {
    const po = bezwaarTerms({ sector: 'po', ...base })
    expect(po).toMatchObject({ objectionDeadline: '2026-10-30', late: false, committeeDays: 0, decisionDueOn: '2026-11-27' })
    expect(bezwaarTerms({ sector: 'po', ...base, receivedOn: '2026-09-21' }).decisionDueOn).toBe('2026-11-27')
    // so follows po (marked uncertain in the rule set).
    expect(bezwaarTerms({ sector: 'so', ...base }).decisionDueOn).toBe('2026-11-27')
  })

  it('vo and mbo: 4 weeks from receipt', () => {
    expect(bezwaarTerms({ sector: 'vo', ...base }).decisionDueOn).toBe('2026-11-09')
    expect(bezwaarTerms({ sector: 'mbo', ...base }).decisionDueOn).toBe('2026-11-09')
    expect(bezwaarTerms({ sector: 'vo', ...base, receivedOn: '2026-09-21' }).decisionDueOn).toBe('2026-10-19')
  })

  it('the disputes committee suspends the term by its days, both ends counted', () => {
    const committee = { committeeFrom: '2026-11-02', committeeUntil: '2026-11-15' }
    const po = bezwaarTerms({ sector: 'po', ...base, ...committee })
    expect(po.committeeDays).toBe(14)
    expect(po.decisionDueOn).toBe('2026-12-11')
    expect(po.rules.map((r) => r.key)).toContain('bezwaar.opschorting')
    expect(bezwaarTerms({ sector: 'vo', ...base, ...committee }).decisionDueOn).toBe('2026-11-23')
    // A single day before the committee is one day of suspension; Saturday 28 Nov runs on to Monday.
    expect(bezwaarTerms({ sector: 'po', ...base, committeeFrom: '2026-11-02', committeeUntil: '2026-11-02' }).decisionDueOn).toBe('2026-11-30')
  })
})

describe('Algemene termijnenwet: national holidays from the calendar module', () => {
  const isHoliday = termijnenwetHoliday('2026-01-01', '2027-12-31')

  it('counts Koningsdag, Bevrijdingsdag (every year), Hemelvaart and New Year; not Goede Vrijdag', () => {
    expect(isHoliday('2027-04-27')).toBe(true) // Koningsdag, a Tuesday
    expect(isHoliday('2027-05-05')).toBe(true) // Bevrijdingsdag, not a lustrum year: still a holiday in the Atw
    expect(isHoliday('2027-05-06')).toBe(true) // Hemelvaartsdag
    expect(isHoliday('2027-01-01')).toBe(true)
    expect(isHoliday('2027-03-26')).toBe(false) // Goede Vrijdag
    expect(isHoliday('2027-04-28')).toBe(false)
  })

  it('a deadline on a holiday runs on to the next working day', () => {
    // vo, received Tuesday 30 March 2027: 4 weeks end on Koningsdag → Wednesday 28 April.
    expect(bezwaarTerms({ sector: 'vo', decisionSentOn: '2027-03-23', receivedOn: '2027-03-30' }).decisionDueOn).toBe('2027-04-28')
    // Received 7 April 2027: 5 May (Bevrijdingsdag) and 6 May (Hemelvaart) → Friday 7 May.
    expect(bezwaarTerms({ sector: 'vo', decisionSentOn: '2027-04-01', receivedOn: '2027-04-07' }).decisionDueOn).toBe('2027-05-07')
    // Received 26 February 2027: ends on Goede Vrijdag, which does not extend a term.
    expect(bezwaarTerms({ sector: 'vo', decisionSentOn: '2027-02-20', receivedOn: '2027-02-26' }).decisionDueOn).toBe('2027-03-26')
    // po, sent Friday 20 November 2026: six weeks end on New Year's Day → Monday 4 January; the board
    // decides by Monday 1 February.
    const po = bezwaarTerms({ sector: 'po', decisionSentOn: '2026-11-20', receivedOn: '2026-12-01' })
    expect(po).toMatchObject({ objectionDeadline: '2027-01-04', decisionDueOn: '2027-02-01' })
  })
})

describe('a late bezwaar', () => {
  it('is late the day after the objection term; the message names the term and its source', () => {
    expect(bezwaarTerms({ sector: 'po', decisionSentOn: '2026-09-18', receivedOn: '2026-10-30' }).late).toBe(false)
    expect(bezwaarTerms({ sector: 'po', decisionSentOn: '2026-09-18', receivedOn: '2026-10-31' }).late).toBe(true)
    const message = lateBezwaarMessage('po', '2026-09-18', '2026-10-30')
    expect(message).toContain('bezwaartermijn van 6 weken (Awb art. 6:7 en 6:8 lid 1)')
    expect(message).toContain('30 oktober 2026')
    expect(message).toContain('Awb art. 6:11')
  })

  it('taken on as excusable, its deadline is never before receipt plus the decision term', () => {
    // po: by the rule 27 November, already near at receipt on 20 November; from receipt: Friday 18 December.
    expect(bezwaarTerms({ sector: 'po', decisionSentOn: '2026-09-18', receivedOn: '2026-11-20' }).decisionDueOn).toBe('2026-12-18')
    expect(bezwaarTerms({ sector: 'vo', decisionSentOn: '2026-09-18', receivedOn: '2026-11-20' }).decisionDueOn).toBe('2026-12-18')
  })
})

describe('when a verwijdering may become definitive', () => {
  const today = '2026-11-21'
  const po = ruleSetFor('po', today)
  const vo = ruleSetFor('vo', today)
  const mbo = ruleSetFor('mbo', today)
  // Decided long enough ago for any term: the po and vo cases turn on the admission alone.
  const longAgo = addDays(today, -200)

  it('po and vo: only when another school admits the pupil; refused with the rule and its source', () => {
    const none = checkDefinitiveRemoval(po, [], today, longAgo)
    expect(none.ok).toBe(false)
    if (!none.ok) expect(none.message).toMatch(/andere school de leerling toelaat.*\(WPO art\. 40\)/)
    // Eight weeks of search are no ground in po (the old rule the school safety protocol still has).
    const longSearch = checkDefinitiveRemoval(po, [{ contactedOn: addDays(today, -120), result: 'geen plaats' }], today, longAgo)
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
    const decided = addDays(today, -56)
    expect(checkDefinitiveRemoval(mbo, [{ contactedOn: addDays(today, -3), result: 'geen plaats' }], today, decided)).toMatchObject({ ok: true, via: 'zoektermijn' })
    // A day short of 8 weeks since the decision: refused, naming the day it becomes possible.
    const early = checkDefinitiveRemoval(mbo, [{ contactedOn: addDays(today, -55), result: 'geen plaats' }, { contactedOn: addDays(today, -3), result: 'geweigerd' }], today, addDays(today, -55))
    expect(early.ok).toBe(false)
    if (!early.ok) {
      expect(early.message).toContain('8 weken aantoonbaar zoeken')
      expect(early.message).toContain('gerekend vanaf het besluit tot verwijdering op 27 september 2026')
      expect(early.message).toContain('WEB art. 8.1.7d')
      expect(early.message).toContain('22 november 2026') // the day it becomes possible
    }
    // Decided today: an attempt of two months ago does not count, so today is not yet definitive.
    const decidedToday = checkDefinitiveRemoval(mbo, [{ contactedOn: addDays(today, -60), result: 'geen plaats' }], today, today)
    expect(decidedToday.ok).toBe(false)
    if (!decidedToday.ok) expect(decidedToday.message).toContain('kan vanaf 16 januari 2027')
    // Eight weeks since the decision without any documented attempt: refused.
    const none = checkDefinitiveRemoval(mbo, [], today, decided)
    expect(none.ok).toBe(false)
    if (!none.ok) expect(none.message).toContain('nog geen zoekpoging')
    // Not decided: no term at all.
    const undecided = checkDefinitiveRemoval(mbo, [{ contactedOn: addDays(today, -60), result: 'geen plaats' }], today, null)
    expect(undecided.ok).toBe(false)
    if (!undecided.ok) expect(undecided.message).toContain('nog niet genomen')
  })
})
