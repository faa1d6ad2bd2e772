// Hearings before a verwijdering: each party heard is recorded on the case with the date and
// a summary (removal_hearings, migration 0018), and the vo Inspectie consultation in the same
// structure (party 'inspectie_overleg'). Who must be heard comes from the measure's rule set
// (hearing-rules.ts, requiredHearings: po the groepsleraar and the parents; vo the teachers, the pupil and,
// under 18, the parents, plus the Inspectie consultation; mbo the student and, under 18, the parents).
// The board's decision — and the school's step "hoorgesprekken vastgelegd" — is refused, naming the
// rule and its source, until every required party is heard (transitionMeasure calls hearingsRefusal).
import { schema, type TenantContext, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { dutchDayName, ruleSetOf } from './bezwaar.ts'
import { loadMeasure, mayUpdateMeasure, type MeasureResult } from './measure-cases.ts'
import { checkHearings, HEARING_PARTIES, HEARING_PARTY_LABELS, requiredHearings, type HearingParty } from './hearing-rules.ts'
import { stateLabel } from './workflows.ts'
import { refusal as refuse, zodRefusal } from '../result.ts'
import { textInput } from '../input-rules.ts'

type MeasureRow = typeof schema.measures.$inferSelect

/** The states in which hearings are recorded: before the board decides. */
const HEARING_STATES = ['proposed', 'hearings_recorded']

async function pupilBirthDate(tx: Tx, m: MeasureRow): Promise<string> {
  const [p] = await tx.select({ dateOfBirth: schema.students.dateOfBirth }).from(schema.students).where(eq(schema.students.id, m.studentId))
  // Not visible (should not happen for a visible measure): count as a minor, which asks for more hearings.
  return p?.dateOfBirth ?? localDate(new Date())
}

async function heardParties(tx: Tx, measureId: string): Promise<string[]> {
  const rows = await tx.select({ party: schema.removalHearings.party }).from(schema.removalHearings).where(eq(schema.removalHearings.measureId, measureId))
  return rows.map((r) => r.party)
}

/** For transitionMeasure: why the hearings of this verwijdering are not complete, or null. */
export async function hearingsRefusal(tx: Tx, m: MeasureRow, today: string = localDate(new Date())): Promise<string | null> {
  const required = requiredHearings(ruleSetOf(m), await pupilBirthDate(tx, m), today)
  const check = checkHearings(required, await heardParties(tx, m.id))
  return check.ok ? null : check.message
}

export const recordRemovalHearingInput = z.strictObject({
  party: z.enum(HEARING_PARTIES, { message: 'Kies wie is gehoord (of het overleg met de Inspectie)' }),
  heardOn: calendarDate('Datum als JJJJ-MM-DD'),
  summary: textInput({ message: 'Vat het gesprek samen' }).trim().min(10, 'Vat het gesprek samen (minstens een zin)').max(10_000, 'Maximaal 10.000 tekens'),
})
export type RecordRemovalHearingInput = z.input<typeof recordRemovalHearingInput>

/** Records one hearing (or the Inspectie consultation) on a verwijdering not yet decided. */
export async function recordRemovalHearing(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  measureId: string,
  raw: unknown,
  today: string = localDate(new Date()),
): Promise<MeasureResult> {
  const parsed = recordRemovalHearingInput.safeParse(raw)
  if (!parsed.success) {
    return zodRefusal(parsed.error)
  }
  const input = parsed.data
  const m = await loadMeasure(tx, ability, measureId)
  if (!m) return refuse(404, 'id', 'Maatregel niet gevonden.')
  if (!mayUpdateMeasure(ability, m)) return refuse(403, '', 'Je mag geen hoorgesprek vastleggen.')
  if (m.kind !== 'verwijdering') return refuse(409, 'party', 'Hoorgesprekken worden vastgelegd bij een verwijdering.')
  if (!HEARING_STATES.includes(m.state)) {
    return refuse(409, 'party', `Hoorgesprekken worden vastgelegd vóór het besluit; deze verwijdering is ${stateLabel(m.kind, m.state)}.`)
  }
  if (input.heardOn > today) return refuse(400, 'heardOn', 'De datum ligt in de toekomst.')
  const required = requiredHearings(ruleSetOf(m), await pupilBirthDate(tx, m), today)
  const asked = required.find((r) => r.party === input.party)
  if (!asked) {
    const names = required.map((r) => r.label).join(', ')
    return refuse(400, 'party', `Voor deze verwijdering vraagt de wet: ${names} (${required[0]?.rule.source ?? ''}); ${HEARING_PARTY_LABELS[input.party]} hoort daar niet bij.`)
  }
  const id = crypto.randomUUID()
  const tenant = { stichtingId: m.stichtingId, schoolId: m.schoolId }
  await tx.insert(schema.removalHearings).values({ id, ...tenant, measureId: m.id, party: input.party, heardOn: input.heardOn, summary: input.summary, recordedById: ctx.userId })
  const what = input.party === 'inspectie_overleg' ? 'Overleg met de Inspectie' : `Gehoord: ${HEARING_PARTY_LABELS[input.party]}`
  await tx.insert(schema.measureTransitions).values({
    ...tenant,
    measureId: m.id,
    fromState: m.state,
    toState: m.state,
    byId: ctx.userId,
    reason: `${what} op ${dutchDayName(input.heardOn)}.`,
    data: { event: 'hoorgesprek', hearingId: id, party: input.party, rule: asked.rule.source },
  })
  return { ok: true, id, state: m.state }
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
export async function getMeasureHearings(tx: Tx, ability: AppAbility, measureId: string, today: string = localDate(new Date())): Promise<MeasureHearingsView | null> {
  const m = await loadMeasure(tx, ability, measureId)
  if (!m || m.kind !== 'verwijdering') return null
  const h = schema.removalHearings
  const rows = await tx
    .select({ id: h.id, party: h.party, heardOn: h.heardOn, summary: h.summary, recordedByName: schema.users.name, createdAt: h.createdAt })
    .from(h)
    .leftJoin(schema.users, eq(schema.users.id, h.recordedById))
    .where(eq(h.measureId, m.id))
    .orderBy(asc(h.heardOn), asc(h.createdAt))
  const required = requiredHearings(ruleSetOf(m), await pupilBirthDate(tx, m), today)
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
