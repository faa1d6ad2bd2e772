// The terms of a bezwaar (Awb art. 6:7, 7:10) counted from the day the decision was sent, extended
// past rest days by the Algemene termijnenwet. Pure date arithmetic on the rule sets.
import type { Sector } from '@baken/db'
import { termijnenwetEnd } from '../calendar/national-holidays.ts'
import { plusDays } from '../dates.ts'
import { MEASURE_LABELS, type MeasureKind, type Rule } from './rule-model.ts'
import { assertDate, ruleOf, ruleSetFor } from './rule-lookups.ts'

export interface BezwaarInput {
  sector: Sector
  /** The decision objected to; its rule governs the decision term (default: verwijdering). */
  measureKind?: MeasureKind
  /** The day the written decision was sent (bekendgemaakt, Awb art. 3:41). */
  decisionSentOn: string
  /** The day the objection was received (vo, mbo verwijdering: the decision term runs from here). */
  objectionReceivedOn?: string | null
  /** Calendar days the decision term was suspended while the disputes committee advised. */
  committeeDays?: number
  /** An advisory committee (Awb art. 7:13) handles the objection to a schorsing: 12 weeks, not 6. */
  advisoryCommittee?: boolean
  /** The decision on the objection to a schorsing was postponed (verdaagd, Awb art. 7:10 lid 3). */
  postponed?: boolean
  /**
   * Feestdagen on which no term ends besides weekends; default the Algemene termijnenwet's
   * (art. 3: Goede Vrijdag and 5 May included), never the school calendar's.
   */
  isHoliday?: (day: string) => boolean
}

export interface BezwaarDeadlines {
  /** Last day to object (6 weeks from the day after sending; Atw applied). */
  objectionDeadline: string
  /** First day of the board's decision term; null in vo/mbo (verwijdering) until the objection is received. */
  decisionTermStartsOn: string | null
  /** Last day for the board's decision, after suspension and the Atw; null when not yet known. */
  decisionDeadline: string | null
  committeeDays: number
  /** The rule that sets the decision term (schorsing.bezwaarBeslistermijn or bezwaar.beslistermijnWeken). */
  decisionTerm: Rule
  /** Weeks of the decision term applied (a postponement included). */
  decisionWeeks: number
  /** The rules applied, with their sources. */
  rules: Rule[]
}

/** The Awb term of a bezwaar against a schorsing, as the rule sets hold it (Awb art. 7:10). */
export interface AwbDecisionTerm {
  weken: number
  wekenMetAdviescommissie: number
  verdagingWeken: number
  start: 'na_bezwaartermijn'
}

/** Algemene termijnenwet art. 1: a term ending on a weekend day or feestdag runs on to the next working day. */
function extendPastRestDays(day: string, isHoliday: ((day: string) => boolean) | undefined): string {
  if (!isHoliday) return termijnenwetEnd(day)
  let d = termijnenwetEnd(day)
  for (let i = 0; isHoliday(d); i++) {
    if (i > 14) throw new Error('Geen werkdag gevonden binnen twee weken')
    d = termijnenwetEnd(plusDays(d, 1))
  }
  return d
}

/**
 * The objection deadline and the board's decision deadline, as calendar dates (weeks are calendar
 * weeks, not school days). 6 weeks to object from the day after the decision was sent (Awb 6:7, 6:8).
 * The decision term follows the rule of the decision objected to: against a schorsing the Awb's (the
 * education laws set none): 6 weeks, or 12 with an advisory committee, from the day after the
 * objection term ends, once extendable by 6 weeks (Awb 7:10 lid 1 and 3); against a verwijdering
 * 4 weeks, po (and so) from the day after the objection term ends, vo and mbo from receipt, with the
 * days before the disputes committee added (suspension). Every end per the Algemene termijnenwet.
 */
export function bezwaarDeadlines(input: BezwaarInput): BezwaarDeadlines {
  const { sector, decisionSentOn } = input
  const measureKind = input.measureKind ?? 'verwijdering'
  assertDate(decisionSentOn, 'decisionSentOn')
  if (measureKind !== 'schorsing' && measureKind !== 'verwijdering') throw new RangeError(`Geen bezwaar tegen een ${MEASURE_LABELS[measureKind]}`)
  const received = input.objectionReceivedOn ?? null
  if (received !== null) {
    assertDate(received, 'objectionReceivedOn')
    if (received < decisionSentOn) throw new RangeError('Het bezwaar kan niet vóór de verzending van het besluit zijn ontvangen')
  }
  const committeeDays = input.committeeDays ?? 0
  if (!Number.isInteger(committeeDays) || committeeDays < 0) throw new RangeError(`Ongeldig aantal dagen opschorting: ${committeeDays}`)
  const set = ruleSetFor(sector, decisionSentOn)
  const termWeeks = ruleOf(set, 'bezwaar.termijnWeken')
  const atw = ruleOf(set, 'bezwaar.termijnenwet')
  const end = (day: string) => extendPastRestDays(day, input.isHoliday)

  // Day 1 is the day after sending, so the term's last day is sending day + 6 × 7.
  const objectionDeadline = end(plusDays(decisionSentOn, (termWeeks.value as number) * 7))

  if (measureKind === 'schorsing') {
    const decisionTerm = ruleOf(set, 'schorsing.bezwaarBeslistermijn')
    const term = decisionTerm.value as unknown as AwbDecisionTerm
    const decisionWeeks = (input.advisoryCommittee ? term.wekenMetAdviescommissie : term.weken) + (input.postponed ? term.verdagingWeken : 0)
    const decisionDeadline = end(plusDays(objectionDeadline, decisionWeeks * 7 + committeeDays))
    const rules = [termWeeks, atw, decisionTerm]
    if (committeeDays > 0) rules.push(ruleOf(set, 'bezwaar.opschorting'))
    return { objectionDeadline, decisionTermStartsOn: plusDays(objectionDeadline, 1), decisionDeadline, committeeDays, decisionTerm, decisionWeeks, rules }
  }

  const decisionTerm = ruleOf(set, 'bezwaar.beslistermijnWeken')
  const start = ruleOf(set, 'bezwaar.beslistermijnStart')
  const decisionWeeks = decisionTerm.value as number
  // The day before the 4 weeks start counting: the end of the objection term, or the day of receipt.
  const countFrom = start.value === 'na_bezwaartermijn' ? objectionDeadline : received
  const decisionTermStartsOn = countFrom === null ? null : plusDays(countFrom, 1)
  const decisionDeadline = countFrom === null ? null : end(plusDays(countFrom, decisionWeeks * 7 + committeeDays))
  const rules = [termWeeks, atw, decisionTerm, start]
  if (committeeDays > 0) rules.push(ruleOf(set, 'bezwaar.opschorting'))
  return { objectionDeadline, decisionTermStartsOn, decisionDeadline, committeeDays, decisionTerm, decisionWeeks, rules }
}
