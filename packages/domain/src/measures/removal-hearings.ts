// Hearings before a verwijdering: each party heard is recorded on the case with the date and
// a summary (removal_hearings, migration 0018), and the vo Inspectie consultation in the same
// structure (party 'inspectie_overleg'). Who must be heard comes from the measure's rule set
// (hearing-rules.ts, requiredHearings: po the groepsleraar and the parents; vo the teachers, the pupil and,
// under 18, the parents, plus the Inspectie consultation; mbo the student and, under 18, the parents).
// The board's decision — and the school's step "hoorgesprekken vastgelegd" — is refused, naming the
// rule and its source, until every required party is heard (transitionMeasure calls hearingsRefusal).
import { schema, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { asc, eq } from 'drizzle-orm'
import { ruleSetOf } from './bezwaar.ts'
import { checkHearings, HEARING_PARTY_LABELS, requiredHearings, type HearingParty } from './hearing-rules.ts'
import { loadMeasure, mayUpdateMeasure } from './measure-cases.ts'

type MeasureRow = typeof schema.measures.$inferSelect

/** The states in which hearings are recorded: before the board decides. */
export const HEARING_STATES = ['proposed', 'hearings_recorded']

export async function pupilBirthDate(tx: Tx, m: MeasureRow, today: string): Promise<string> {
  const [p] = await tx.select({ dateOfBirth: schema.students.dateOfBirth }).from(schema.students).where(eq(schema.students.id, m.studentId))
  // Not visible (should not happen for a visible measure): count as a minor, which asks for more hearings.
  return p?.dateOfBirth ?? today
}

async function heardParties(tx: Tx, measureId: string): Promise<string[]> {
  const rows = await tx.select({ party: schema.removalHearings.party }).from(schema.removalHearings).where(eq(schema.removalHearings.measureId, measureId))
  return rows.map((r) => r.party)
}

/** For transitionMeasure: why the hearings of this verwijdering are not complete, or null. */
export async function hearingsRefusal(tx: Tx, m: MeasureRow, today: string): Promise<string | null> {
  const required = requiredHearings(ruleSetOf(m), await pupilBirthDate(tx, m, today), today)
  const check = checkHearings(required, await heardParties(tx, m.id))
  return check.ok ? null : check.message
}

export interface RemovalHearingView {
  id: string
  party: string
  partyLabel: string
  heardOn: string
  summary: string
  recordedByName: string | null
  createdAt: Date
}

export interface MeasureHearingsView {
  hearings: RemovalHearingView[]
  /** Who must be heard for this pupil today, each with the rule's source and whether it was done. */
  required: { party: HearingParty; label: string; source: string; heard: boolean }[]
  complete: boolean
  /** The refusal the board would get now, or null. */
  message: string | null
  mayRecord: boolean
}

/** The hearings of a verwijdering, oldest first; null when the measure is not visible or no verwijdering. */
export async function hearingsOf(tx: Tx, ability: AppAbility, measureId: string, today: string): Promise<MeasureHearingsView | null> {
  const m = await loadMeasure(tx, ability, measureId)
  if (!m || m.kind !== 'verwijdering') return null
  const h = schema.removalHearings
  const rows = await tx
    .select({ id: h.id, party: h.party, heardOn: h.heardOn, summary: h.summary, recordedByName: schema.users.name, createdAt: h.createdAt })
    .from(h)
    .leftJoin(schema.users, eq(schema.users.id, h.recordedById))
    .where(eq(h.measureId, m.id))
    .orderBy(asc(h.heardOn), asc(h.createdAt))
  const required = requiredHearings(ruleSetOf(m), await pupilBirthDate(tx, m, today), today)
  const heard = rows.map((r) => r.party)
  const check = checkHearings(required, heard)
  return {
    hearings: rows.map((r) => ({ ...r, partyLabel: HEARING_PARTY_LABELS[r.party as HearingParty] ?? r.party })),
    required: required.map((r) => ({ party: r.party, label: r.label, source: r.rule.source, heard: heard.includes(r.party) })),
    complete: check.ok,
    message: check.ok ? null : check.message,
    mayRecord: HEARING_STATES.includes(m.state) && mayUpdateMeasure(ability, m),
  }
}
