// The search for another school during a verwijdering: every attempt logged with its date and result,
// and the rule that decides when the verwijdering may become definitive (po/so/vo: another school
// admits the pupil; mbo: another institution admits the student, or 8 weeks of documented search).
// The attempt's note is a column (migration 0018); the attempt is also a step of the measure's history
// (measure_transitions, from and to the unchanged state), like the bezwaar steps (bezwaar.ts).
//
// The search follows from the decision to remove (the duty to find another school or institution is
// the bevoegd gezag's once it has decided), so it starts on the day of the decision: an attempt dated
// before it, or in the future, is refused, and the mbo term of 8 weeks runs from the decision — a
// contact made before the decision cannot make a verwijdering decided today definitive today.
import { schema, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { and, asc, eq } from 'drizzle-orm'
import { localDate, plusDays } from '../dates.ts'
import { ruleSetOf, dutchDayName } from './bezwaar.ts'
import { loadMeasure, mayUpdateMeasure } from './measure-cases.ts'
import { ruleOf } from './rule-lookups.ts'
import type { Rule, RuleSet } from './rule-model.ts'

export const SEARCH_RESULTS = ['toegelaten', 'geen plaats', 'in behandeling', 'geweigerd'] as const
export type SearchResult = (typeof SEARCH_RESULTS)[number]

// ---- The rule ----------------------------------------------------------------------------------

export type DefinitiveCheck = { ok: true; rule: Rule; via: 'toelating' | 'zoektermijn' } | { ok: false; rule: Rule; message: string }

/**
 * Whether a verwijdering may become definitive under the rule set's `verwijdering.definitief`: an
 * attempt with result "toegelaten", or (where the set has a search term, mbo) that many weeks since the
 * decision with at least one documented attempt. Only attempts from the day of the decision to today
 * count. A refusal names the rule and its source.
 */
export function checkDefinitiveRemoval(
  ruleSet: RuleSet,
  attempts: readonly { contactedOn: string; result: string }[],
  today: string,
  decidedOn: string | null,
): DefinitiveCheck {
  const rule = ruleOf(ruleSet, 'verwijdering.definitief')
  const value = rule.value as { toelating?: string; zoektermijnWeken?: number | null }
  const counted = decidedOn ? attempts.filter((a) => a.contactedOn >= decidedOn && a.contactedOn <= today) : []
  if (counted.some((a) => a.result === 'toegelaten')) return { ok: true, rule, via: 'toelating' }
  const weeks = value.zoektermijnWeken ?? null
  const other = value.toelating === 'andere_instelling' ? 'een andere instelling de student' : 'een andere school de leerling'
  if (weeks) {
    const termEnds = decidedOn ? plusDays(decidedOn, weeks * 7) : null
    if (termEnds && termEnds <= today && counted.length) return { ok: true, rule, via: 'zoektermijn' }
    const progress = !decidedOn || !termEnds
      ? 'het besluit tot verwijdering is nog niet genomen'
      : `gerekend vanaf het besluit tot verwijdering op ${dutchDayName(decidedOn)}, dus dat kan vanaf ${dutchDayName(termEnds)}` +
        (counted.length ? '' : '; er is nog geen zoekpoging vastgelegd')
    return {
      ok: false,
      rule,
      message: `Definitief verwijderen kan pas als ${other} toelaat, of na ${weeks} weken aantoonbaar zoeken zonder resultaat, ${progress} (${rule.source}).`,
    }
  }
  return {
    ok: false,
    rule,
    message: `Definitief verwijderen kan pas als ${other} toelaat; er is nog geen zoekpoging met het resultaat "toegelaten" (${rule.source}).`,
  }
}

/**
 * The Dutch day of the decision to remove: the measure's first step to "besloten (voorlopig)" (its
 * decidedAt moves on when the board makes it definitive), or null before the decision.
 */
export async function removalDecidedOn(tx: Tx, m: typeof schema.measures.$inferSelect): Promise<string | null> {
  const t = schema.measureTransitions
  const [step] = await tx
    .select({ at: t.at })
    .from(t)
    .where(and(eq(t.measureId, m.id), eq(t.toState, 'decided')))
    .orderBy(asc(t.at))
    .limit(1)
  if (step) return localDate(step.at)
  // Rows from before the history was kept: the decision's own timestamp, once decided.
  return m.decidedAt && ['decided', 'searching', 'definitive'].includes(m.state) ? localDate(m.decidedAt) : null
}

/** For transitionMeasure: why this verwijdering may not become definitive yet, or null. */
export async function definitiveRemovalRefusal(tx: Tx, m: typeof schema.measures.$inferSelect, today: string): Promise<string | null> {
  const attempts = await tx
    .select({ contactedOn: schema.removalSearchAttempts.contactedOn, result: schema.removalSearchAttempts.result })
    .from(schema.removalSearchAttempts)
    .where(eq(schema.removalSearchAttempts.measureId, m.id))
  const check = checkDefinitiveRemoval(ruleSetOf(m), attempts, today, await removalDecidedOn(tx, m))
  return check.ok ? null : check.message
}

// ---- Recording and reading ---------------------------------------------------------------------

export interface SearchAttemptView {
  id: string
  contactedOn: string
  schoolName: string
  result: string
  note: string | null
  recordedByName: string | null
  createdAt: Date
}

/** The attempts on a verwijdering, oldest first; null when the measure is not visible. */
export async function searchAttemptsOf(tx: Tx, ability: AppAbility, measureId: string): Promise<SearchAttemptView[] | null> {
  const m = await loadMeasure(tx, ability, measureId)
  if (!m) return null
  const a = schema.removalSearchAttempts
  return tx
    .select({ id: a.id, contactedOn: a.contactedOn, schoolName: a.schoolName, result: a.result, note: a.note, recordedByName: schema.users.name, createdAt: a.createdAt })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.recordedById))
    .where(eq(a.measureId, m.id))
    .orderBy(asc(a.contactedOn), asc(a.createdAt))
}

export interface MeasureSearchView {
  attempts: SearchAttemptView[]
  /** The rule for a definitive verwijdering, and whether it is met today. */
  rule: { text: string; source: string }
  check: { ok: boolean; message: string | null }
  mayRecord: boolean
  /** The day of the decision to remove: the search, and its term, start here (null before it). */
  decidedOn: string | null
  /** mbo: the first day the 8 weeks of documented search have passed; null where there is no term. */
  termEndsOn: string | null
}

/** What the measure page shows about the search for another school (verwijderingen only). */
export async function measureSearchOf(tx: Tx, ability: AppAbility, measureId: string, today: string): Promise<MeasureSearchView | null> {
  const m = await loadMeasure(tx, ability, measureId)
  if (!m || m.kind !== 'verwijdering') return null
  const attempts = (await searchAttemptsOf(tx, ability, measureId)) ?? []
  const decidedOn = await removalDecidedOn(tx, m)
  const check = checkDefinitiveRemoval(ruleSetOf(m), attempts, today, decidedOn)
  const weeks = (check.rule.value as { zoektermijnWeken?: number | null }).zoektermijnWeken ?? null
  return {
    attempts,
    rule: { text: check.rule.text, source: check.rule.source },
    check: { ok: check.ok, message: check.ok ? null : check.message },
    mayRecord:
      m.state === 'searching' && mayUpdateMeasure(ability, m),
    decidedOn,
    termEndsOn: weeks && decidedOn ? plusDays(decidedOn, weeks * 7) : null,
  }
}
