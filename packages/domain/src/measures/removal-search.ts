// The search for another school during a verwijdering: every attempt logged with its date and result,
// and the rule that decides when the verwijdering may become definitive (po/so/vo: another school
// admits the pupil; mbo: another institution admits the student, or 8 weeks of documented search).
// The attempt's note is a column (migration 0018); the attempt is also a step of the measure's history
// (measure_transitions, from and to the unchanged state), like the bezwaar steps (bezwaar.ts).
import { schema, type TenantContext, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { addDays, calendarDate, dutchToday } from '../incidents/follow-up-dates.ts'
import { ruleSetOf, dutchDayName } from './bezwaar.ts'
import { loadMeasure, mayUpdateMeasure, type MeasureResult } from './measure-cases.ts'
import { ruleOf, type Rule, type RuleSet } from './rules.ts'
import { stateLabel } from './workflows.ts'
import { refusal as refuse, zodRefusal } from '../result.ts'
import { textInput } from '../input-rules.ts'

export const SEARCH_RESULTS = ['toegelaten', 'geen plaats', 'in behandeling', 'geweigerd'] as const
export type SearchResult = (typeof SEARCH_RESULTS)[number]

// ---- The rule ----------------------------------------------------------------------------------

export type DefinitiveCheck = { ok: true; rule: Rule; via: 'toelating' | 'zoektermijn' } | { ok: false; rule: Rule; message: string }

/**
 * Whether a verwijdering may become definitive under the rule set's `verwijdering.definitief`: an
 * attempt with result "toegelaten", or (where the set has a search term, mbo) the first attempt at
 * least that many weeks before today. A refusal names the rule and its source.
 */
export function checkDefinitiveRemoval(ruleSet: RuleSet, attempts: readonly { contactedOn: string; result: string }[], today: string): DefinitiveCheck {
  const rule = ruleOf(ruleSet, 'verwijdering.definitief')
  const value = rule.value as { toelating?: string; zoektermijnWeken?: number | null }
  if (attempts.some((a) => a.result === 'toegelaten')) return { ok: true, rule, via: 'toelating' }
  const weeks = value.zoektermijnWeken ?? null
  const other = value.toelating === 'andere_instelling' ? 'een andere instelling de student' : 'een andere school de leerling'
  if (weeks) {
    const first = attempts.map((a) => a.contactedOn).sort()[0]
    if (first && addDays(first, weeks * 7) <= today) return { ok: true, rule, via: 'zoektermijn' }
    const progress = first
      ? `de eerste vastgelegde zoekpoging was op ${dutchDayName(first)}, dus dat kan vanaf ${dutchDayName(addDays(first, weeks * 7))}`
      : 'er is nog geen zoekpoging vastgelegd'
    return {
      ok: false,
      rule,
      message: `Definitief verwijderen kan pas als ${other} toelaat, of na ${weeks} weken aantoonbaar zoeken zonder resultaat: ${progress} (${rule.source}).`,
    }
  }
  return {
    ok: false,
    rule,
    message: `Definitief verwijderen kan pas als ${other} toelaat; er is nog geen zoekpoging met het resultaat "toegelaten" (${rule.source}).`,
  }
}

/** For transitionMeasure: why this verwijdering may not become definitive yet, or null. */
export async function definitiveRemovalRefusal(tx: Tx, m: typeof schema.measures.$inferSelect, today: string = dutchToday()): Promise<string | null> {
  const attempts = await tx
    .select({ contactedOn: schema.removalSearchAttempts.contactedOn, result: schema.removalSearchAttempts.result })
    .from(schema.removalSearchAttempts)
    .where(eq(schema.removalSearchAttempts.measureId, m.id))
  const check = checkDefinitiveRemoval(ruleSetOf(m), attempts, today)
  return check.ok ? null : check.message
}

// ---- Recording and reading ---------------------------------------------------------------------

export const recordSearchAttemptInput = z.strictObject({
  contactedOn: calendarDate('Datum als JJJJ-MM-DD'),
  schoolName: textInput({ message: 'Welke school (of instelling)?' }).trim().min(2, 'Welke school (of instelling)?').max(200, 'Maximaal 200 tekens'),
  result: z.enum(SEARCH_RESULTS, { message: 'Kies toegelaten, geen plaats, in behandeling of geweigerd' }),
  note: textInput().trim().max(4000, 'Maximaal 4.000 tekens').optional(),
})
export type RecordSearchAttemptInput = z.input<typeof recordSearchAttemptInput>

/** Logs one attempt to find another school, on a verwijdering in search. */
export async function recordSearchAttempt(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  measureId: string,
  raw: unknown,
  today: string = dutchToday(),
): Promise<MeasureResult> {
  const parsed = recordSearchAttemptInput.safeParse(raw)
  if (!parsed.success) {
    return zodRefusal(parsed.error)
  }
  const input = parsed.data
  const m = await loadMeasure(tx, ability, measureId)
  if (!m) return refuse(404, 'id', 'Maatregel niet gevonden.')
  if (!mayUpdateMeasure(ability, m)) {
    return refuse(403, '', 'Je mag geen zoekpoging vastleggen.')
  }
  if (m.kind !== 'verwijdering' || m.state !== 'searching') {
    return refuse(409, '', `Zoekpogingen horen bij een verwijdering waarvoor een andere school wordt gezocht; deze maatregel is ${stateLabel(m.kind, m.state)}.`)
  }
  if (input.contactedOn > today) return refuse(400, 'contactedOn', 'De datum ligt in de toekomst.')
  const id = crypto.randomUUID()
  const tenant = { stichtingId: m.stichtingId, schoolId: m.schoolId }
  await tx.insert(schema.removalSearchAttempts).values({
    id,
    ...tenant,
    measureId: m.id,
    contactedOn: input.contactedOn,
    schoolName: input.schoolName,
    result: input.result,
    note: input.note || null,
    recordedById: ctx.userId,
  })
  await tx.insert(schema.measureTransitions).values({
    ...tenant,
    measureId: m.id,
    fromState: m.state,
    toState: m.state,
    byId: ctx.userId,
    reason: `Zoekpoging ${dutchDayName(input.contactedOn)}: ${input.schoolName} — ${input.result}.${input.note ? ` ${input.note}` : ''}`,
    data: { event: 'zoekpoging', attemptId: id, note: input.note ?? null },
  })
  return { ok: true, id, state: m.state }
}

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
export async function listSearchAttempts(tx: Tx, ability: AppAbility, measureId: string): Promise<SearchAttemptView[] | null> {
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
}

/** What the measure page shows about the search for another school (verwijderingen only). */
export async function getMeasureSearch(tx: Tx, ability: AppAbility, measureId: string, today: string = dutchToday()): Promise<MeasureSearchView | null> {
  const m = await loadMeasure(tx, ability, measureId)
  if (!m || m.kind !== 'verwijdering') return null
  const attempts = (await listSearchAttempts(tx, ability, measureId)) ?? []
  const check = checkDefinitiveRemoval(ruleSetOf(m), attempts, today)
  return {
    attempts,
    rule: { text: check.rule.text, source: check.rule.source },
    check: { ok: check.ok, message: check.ok ? null : check.message },
    mayRecord:
      m.state === 'searching' && mayUpdateMeasure(ability, m),
  }
}
