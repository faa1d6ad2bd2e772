// Finding the rule set in force for a sector on a date, one rule of it, and the checks and notices
// of a schorsing and a verwijdering that follow directly from one rule. Pure, no database.
import type { Sector } from '@baken/db'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import type { Rule, RuleKey, RuleSet } from './rule-model.ts'
import { RULE_SETS } from './rule-sets.ts'

const isoDate = calendarDate()

/** Throws unless the day is a calendar date written JJJJ-MM-DD. */
export function assertDate(day: string, name: string): void {
  if (!isoDate.safeParse(day).success) throw new RangeError(`${name} moet een datum zijn als JJJJ-MM-DD: ${day}`)
}

/** Every rule set, all versions (for documentation and tests). */
export function allRuleSets(): readonly RuleSet[] {
  return RULE_SETS
}

/** The rule set in force for the sector on a date (default: today). Throws before the first version. */
export function ruleSetFor(sector: Sector, onDate: string = localDate(new Date())): RuleSet {
  assertDate(onDate, 'onDate')
  const found = RULE_SETS.filter((s) => s.sector === sector && s.validFrom <= onDate && (!s.validUntil || onDate < s.validUntil)).sort(
    (a, b) => b.validFrom.localeCompare(a.validFrom),
  )[0]
  if (!found) throw new RangeError(`Geen regelset voor ${sector} op ${onDate}`)
  return found
}

/** One rule of a set; every set has every key. */
export function ruleOf(ruleSet: RuleSet, key: RuleKey): Rule {
  const rule = ruleSet.rules.find((r) => r.key === key)
  if (!rule) throw new Error(`Regelset ${ruleSet.id} mist ${key}`)
  return rule
}

// ---- Schorsing --------------------------------------------------------------------------------

/** Maximum length of a schorsing in school days: one week, 5 school days, in every sector. */
export function maxSchorsingSchoolDays(sector: Sector, onDate?: string): number {
  const value = ruleOf(ruleSetFor(sector, onDate), 'schorsing.maxSchooldagen').value
  if (typeof value !== 'number') throw new Error('schorsing.maxSchooldagen is geen getal')
  return value
}

/** Whether the Inspectie must be notified: a schorsing of more than one school day, not in mbo. */
export function inspectieNoticeRequired(sector: Sector, schoolDays: number, onDate?: string): boolean {
  if (!Number.isFinite(schoolDays) || schoolDays <= 0) throw new RangeError(`Ongeldig aantal schooldagen: ${schoolDays}`)
  const threshold = ruleOf(ruleSetFor(sector, onDate), 'schorsing.inspectie').value
  return typeof threshold === 'number' && schoolDays > threshold
}

/** The step of a verwijdering after which the rule set asks for notices. */
export type RemovalNoticeStep = 'decided' | 'definitive'

/** A notice the rule set asks after a step of a verwijdering: the task's kind, the addressee and the rule. */
export interface RemovalNotice {
  kind: 'inspectie_verwijdering' | 'leerplicht_verwijdering'
  to: 'inspectie' | 'leerplicht'
  rule: Rule
}

/**
 * The notices `verwijdering.inspectie` asks after a step of a verwijdering. po/so: the Inspectie and
 * the leerplichtambtenaar are told of the decision to remove; vo: the Inspectie is told after the
 * removal became definitive, for a leerplichtige pupil (read as under 18, as for the consultation
 * before the decision, see the rule's note); mbo: none.
 */
export function removalNotices(ruleSet: RuleSet, step: RemovalNoticeStep, minor: boolean): RemovalNotice[] {
  const rule = ruleOf(ruleSet, 'verwijdering.inspectie')
  const v = rule.value as { meldingBijBesluit?: boolean; leerplichtBijBesluit?: boolean; meldingAchteraf?: boolean }
  const out: RemovalNotice[] = []
  if (step === 'decided' && v.meldingBijBesluit) out.push({ kind: 'inspectie_verwijdering', to: 'inspectie', rule })
  if (step === 'decided' && v.leerplichtBijBesluit) out.push({ kind: 'leerplicht_verwijdering', to: 'leerplicht', rule })
  if (step === 'definitive' && v.meldingAchteraf && minor) out.push({ kind: 'inspectie_verwijdering', to: 'inspectie', rule })
  return out
}

export type SchorsingCheck = { ok: true } | { ok: false; rule: Rule; message: string }

/** A schorsing longer than the sector's maximum is refused with the rule and its source. */
export function checkSchorsingLength(sector: Sector, schoolDays: number, onDate?: string): SchorsingCheck {
  const rule = ruleOf(ruleSetFor(sector, onDate), 'schorsing.maxSchooldagen')
  const max = rule.value as number
  if (!Number.isInteger(schoolDays) || schoolDays < 1) {
    return { ok: false, rule, message: 'Een schorsing duurt minstens één hele schooldag.' }
  }
  if (schoolDays > max) {
    return { ok: false, rule, message: `Een schorsing duurt ten hoogste ${max} schooldagen (${rule.source}).` }
  }
  return { ok: true }
}
