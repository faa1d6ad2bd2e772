// Bezwaar (objection) against a decided schorsing or verwijdering: received → hearing → decision.
// The board's decision deadline is computed from the rule of the decision objected to (bezwaarDeadlines:
// against a schorsing the Awb's 6 weeks, or 12 with an advisory committee, after the objection term,
// once postponable by 6 weeks; against a verwijdering 4 weeks, po from the day after the objection
// term ends, vo/mbo from receipt, suspended while the disputes committee advises) on the Algemene
// termijnenwet's days, and stored on the bezwaar, so "deadlines at risk" is a plain query. Every step is also written to the measure's history (measure_transitions, from and
// to the measure's unchanged state) with who, when and why, for the history; the decision's reasons,
// who decided and a late objection's excuse are columns of the bezwaar (migration 0018), and views
// read those.
import { schema, type Sector, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, lt, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import { daysBetween } from '../calendar/calendar-dates.ts'
import { termijnenwetEnd } from '../calendar/national-holidays.ts'
import { localDate, plusDays } from '../dates.ts'
import { calendarDate, yesNo } from '../input-rules.ts'
import { latestMandate } from './mandates.ts'
import { displayName, studentNameColumns } from '../students.ts'
import { loadMeasure, measureWhere } from './measure-cases.ts'
import { bezwaarDeadlines } from './bezwaar-deadlines.ts'
import { allRuleSets, ruleOf, ruleSetFor } from './rule-lookups.ts'
import { MEASURE_LABELS, ruleView, type MeasureKind, type Rule, type RuleSet, type RuleView } from './rule-model.ts'
import { refuse, type Refused } from '../use-case.ts'

export const BEZWAAR_OUTCOMES = ['gegrond', 'ongegrond', 'deels gegrond'] as const
export type BezwaarOutcome = (typeof BEZWAAR_OUTCOMES)[number]
export const BEZWAAR_STATE_LABELS: Record<string, string> = {
  received: 'ontvangen',
  hearing_held: 'hoorzitting gehouden',
  decided: 'beslist',
}


/** The states in which the bevoegd gezag's decision has been taken, so it can be objected to. */
export const DECIDED_STATES: Partial<Record<MeasureKind, readonly string[]>> = {
  schorsing: ['approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'],
  verwijdering: ['decided', 'searching', 'definitive'],
}

export function isDecided(kind: MeasureKind, state: string): boolean {
  return DECIDED_STATES[kind]?.includes(state) ?? false
}

const dutchDay = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
/** 2026-10-30 → "30 oktober 2026", for messages. */
export function dutchDayName(iso: string): string {
  return dutchDay.format(new Date(`${iso}T12:00:00Z`))
}

/** The rule set a measure was proposed under (its snapshot), or the sector's current one. */
export function ruleSetOf(m: { ruleSetId: string; sector: Sector }): RuleSet {
  return allRuleSets().find((s) => s.id === m.ruleSetId) ?? ruleSetFor(m.sector)
}

export interface BezwaarTermInput {
  sector: Sector
  /** The decision objected to: its rule sets the decision term. */
  measureKind: MeasureKind
  /** The day the written decision was sent. */
  decisionSentOn: string
  receivedOn: string
  committeeFrom?: string | null
  committeeUntil?: string | null
  /** An advisory committee (Awb art. 7:13) handles an objection to a schorsing (12 weeks). */
  advisoryCommittee?: boolean
  /** The decision was postponed once (Awb art. 7:10 lid 3). */
  postponed?: boolean
}

export interface BezwaarTerms {
  /** Last day to object (Awb 6:7, 6:8; Algemene termijnenwet). */
  objectionDeadline: string
  /** Received after the objection term. */
  late: boolean
  /** Days the decision term is suspended while the disputes committee advises (inclusive count). */
  committeeDays: number
  /** The board's last day to decide. */
  decisionDueOn: string
  /** The rule that sets the decision term (the decision's own). */
  decisionTerm: Rule
  rules: Rule[]
}

/**
 * The terms of one bezwaar, on the days of the Algemene termijnenwet, from the rule of the decision
 * objected to. A late objection (taken on because the delay is excusable, Awb 6:11) cannot have a
 * deadline before its own receipt plus the decision term: the law counts the term from the end of
 * the objection term, which has then already passed, so Baken counts from receipt when that is later
 * (a choice, marked in the report).
 */
export function bezwaarTerms(input: BezwaarTermInput): BezwaarTerms {
  const { committeeFrom, committeeUntil } = input
  const committeeDays = committeeFrom && committeeUntil ? daysBetween(committeeFrom, committeeUntil) + 1 : 0
  const d = bezwaarDeadlines({
    sector: input.sector,
    measureKind: input.measureKind,
    decisionSentOn: input.decisionSentOn,
    objectionReceivedOn: input.receivedOn,
    committeeDays,
    advisoryCommittee: input.advisoryCommittee,
    postponed: input.postponed,
  })
  const late = input.receivedOn > d.objectionDeadline
  let decisionDueOn = d.decisionDeadline!
  if (late) {
    const fromReceipt = termijnenwetEnd(plusDays(input.receivedOn, d.decisionWeeks * 7 + committeeDays))
    if (fromReceipt > decisionDueOn) decisionDueOn = fromReceipt
  }
  return { objectionDeadline: d.objectionDeadline, late, committeeDays, decisionDueOn, decisionTerm: d.decisionTerm, rules: d.rules }
}

/** The rule that sets the decision term of a bezwaar against this measure (from its rule set snapshot). */
export function decisionTermRule(m: { ruleSetId: string; sector: Sector; kind: MeasureKind }): Rule {
  return ruleOf(ruleSetOf(m), m.kind === 'schorsing' ? 'schorsing.bezwaarBeslistermijn' : 'bezwaar.beslistermijnWeken')
}

/** The message refusing a bezwaar received after the objection term, naming the term and its source. */
export function lateBezwaarMessage(sector: Sector, decisionSentOn: string, objectionDeadline: string): string {
  const term = ruleOf(ruleSetFor(sector, decisionSentOn), 'bezwaar.termijnWeken')
  return (
    `Het bezwaar is te laat ontvangen: de bezwaartermijn van ${term.value} weken (${term.source}) liep tot en met ${dutchDayName(objectionDeadline)}. ` +
    'Neem het alleen in behandeling als de termijnoverschrijding verschoonbaar is (Awb art. 6:11): kies "te laat, maar verschoonbaar" en geef de reden.'
  )
}

// ---- Loading ------------------------------------------------------------------------------------

type MeasureRow = typeof schema.measures.$inferSelect

/**
 * The day the decision was sent: the day recorded with the decision letter's sending (letters.ts,
 * recordLetterSent), else the schorsing's "besluit verzonden" step, otherwise the day it was decided
 * (Awb 6:8: the term starts the day after the decision was made known).
 */
export async function decisionSentOn(tx: Tx, m: MeasureRow): Promise<string | null> {
  return (await decisionSending(tx, m))?.on ?? null
}

/**
 * decisionSentOn with whether a sending was recorded at all (`sent`): without one the page says the
 * letter is still to be made and sent, not "besluit verzonden op" the day it was decided.
 */
export async function decisionSending(tx: Tx, m: MeasureRow): Promise<{ on: string; sent: boolean } | null> {
  const t = schema.measureTransitions
  const [sent] = await tx
    .select({ at: t.at, sentOn: sql<string | null>`${t.data}->>'sentOn'` })
    .from(t)
    .where(
      and(
        eq(t.measureId, m.id),
        sql`((${t.data}->>'event' = 'brief_verzonden' and ${t.data}->>'letterKind' = ${m.kind}) or (${t.toState} = 'letter_sent' and ${t.fromState} is distinct from 'letter_sent'))`,
      ),
    )
    .orderBy(asc(t.at))
    .limit(1)
  if (sent) return { on: sent.sentOn ?? localDate(sent.at), sent: true }
  return m.decidedAt ? { on: localDate(m.decidedAt), sent: false } : null
}

/** The bezwaar's fields the CASL rules look at; `mandated`: a directeur's mandate is in force for it. */
export const bezwaarSubject = (m: MeasureRow, mandated = false) => record('Bezwaar', { stichtingId: m.stichtingId, schoolId: m.schoolId, measureKind: m.kind, mandated })

/** Whether the caller decides on a bezwaar against this measure in the board's own right (not under mandate). */
export const decidesBezwaarInOwnRight = (ability: AppAbility, m: MeasureRow) => ability.can('decide', bezwaarSubject(m))

/** Why this caller may not decide a bezwaar on this measure, or null when they may. */
export async function decideRefusal(tx: Tx, ability: AppAbility, ctx: TenantContext, m: MeasureRow, today: string): Promise<string | null> {
  if (!ability.can('update', bezwaarSubject(m), 'outcome')) return 'Op een bezwaar beslist het bevoegd gezag.'
  if (decidesBezwaarInOwnRight(ability, m)) return null
  if (!ability.can('decide', bezwaarSubject(m, true))) return 'Op een bezwaar beslist het bevoegd gezag.'
  // The directeur decides only on a schorsing (CASL), under the school's mandate (Awb 10:1–10:3) …
  const mandate = await latestMandate(tx, m.schoolId)
  if (!mandate || mandate.action !== 'verleend' || mandate.startsOn! > today) {
    return 'Op dit bezwaar beslist het bevoegd gezag: de stichting heeft de directeur van deze school hiervoor geen mandaat gegeven.'
  }
  // … and never on an objection to a decision they took themselves under mandate (Awb art. 10:3 lid 3).
  if (m.decidedById === ctx.userId) {
    return 'Op een bezwaar beslist niet degene die het besluit in mandaat nam (Awb art. 10:3 lid 3): hier beslist het bevoegd gezag.'
  }
  return null
}

/**
 * The bezwaar the caller decides on (or postpones): not found when not visible, refused at `path`
 * when decideRefusal says they may not.
 */
export async function bezwaarToDecide(tx: Tx, ability: AppAbility, ctx: TenantContext, measureId: string, bezwaarId: string, today: string, path: string): Promise<{ m: MeasureRow; b: typeof schema.bezwaren.$inferSelect } | Refused> {
  const found = await visibleBezwaar(tx, ability, measureId, bezwaarId)
  if (!found) return refuse('not_found', 'bezwaarId', 'Bezwaar niet gevonden.')
  const refusal = await decideRefusal(tx, ability, ctx, found.m, today)
  return refusal ? refuse('forbidden', path, refusal) : found
}

export async function logStep(tx: Tx, ctx: TenantContext, m: MeasureRow, reason: string, data: Record<string, unknown>) {
  await tx.insert(schema.measureTransitions).values({
    stichtingId: m.stichtingId,
    schoolId: m.schoolId,
    measureId: m.id,
    fromState: m.state,
    toState: m.state,
    byId: ctx.userId,
    reason,
    data,
  })
}

// ---- Recording ----------------------------------------------------------------------------------

const isoDate = calendarDate('Datum als JJJJ-MM-DD')
const formFlag = yesNo()

export async function visibleBezwaar(tx: Tx, ability: AppAbility, measureId: string, bezwaarId: string) {
  if (!z.uuid().safeParse(bezwaarId).success || !ability.can('read', 'Bezwaar')) return null
  const m = await loadMeasure(tx, ability, measureId)
  if (!m) return null
  const [b] = await tx
    .select()
    .from(schema.bezwaren)
    .where(and(eq(schema.bezwaren.id, bezwaarId), eq(schema.bezwaren.measureId, m.id), bezwaarWhere(ability)))
  return b ? { m, b } : null
}

function bezwaarWhere(ability: AppAbility) {
  return accessibleWhere(ability, 'read', 'Bezwaar', { stichtingId: schema.bezwaren.stichtingId, schoolId: schema.bezwaren.schoolId })
}

// ---- Reading ------------------------------------------------------------------------------------

export interface BezwaarView {
  id: string
  measureId: string
  measureKind: MeasureKind
  kindLabel: string
  studentName: string
  schoolId: string
  schoolName: string
  receivedOn: string
  state: string
  stateLabel: string
  committeeFrom: string | null
  committeeUntil: string | null
  hearingOn: string | null
  decisionDueOn: string
  decidedOn: string | null
  outcome: string | null
  /** The decision's reasons and who decided. */
  reasons: string | null
  decidedByName: string | null
  late: boolean
  lateReason: string | null
  advisoryCommittee: boolean
  postponedOn: string | null
  /** 'portaal': filed by a guardian (or the pupil from 16) in the parents' portal; 'school': recorded by staff. */
  receivedVia: 'school' | 'portaal'
  /** The grounds as the indiener wrote them in the portal (Awb art. 6:5). */
  grounds: string | null
  /** The rule that sets the decision term, shown beside the deadline. */
  decisionTerm: RuleView
  /** Not decided and the decision deadline has passed (Dutch date). */
  overdue: boolean
  /** Calendar days until the deadline (negative when overdue); null once decided. */
  daysLeft: number | null
}

export const listBezwarenInput = z.object({
  overdueOnly: formFlag.optional(),
  measureId: z.uuid().optional(),
  /** Undecided bezwaren due on or before this date (the board's "deadlines at risk"). */
  dueBy: isoDate.optional(),
})

/** Bezwaren the caller may see, oldest deadline first, each with its overdue flag. */
export async function findBezwaren(tx: Tx, ability: AppAbility, raw: z.input<typeof listBezwarenInput>, today: string): Promise<BezwaarView[]> {
  const input = listBezwarenInput.parse(raw)
  if (!ability.can('read', 'Bezwaar') || !ability.can('read', 'Measure')) return []
  const b = schema.bezwaren
  const m = schema.measures
  const rows = await tx
    .select({
      b,
      kind: m.kind,
      sector: m.sector,
      ruleSetId: m.ruleSetId,
      ...studentNameColumns,
      schoolName: schema.schools.name,
      decidedByName: schema.users.name,
    })
    .from(b)
    .innerJoin(m, eq(m.id, b.measureId))
    .leftJoin(schema.users, eq(schema.users.id, b.decidedById))
    .innerJoin(schema.students, eq(schema.students.id, m.studentId))
    .innerJoin(schema.schools, eq(schema.schools.id, b.schoolId))
    .where(
      and(
        bezwaarWhere(ability),
        measureWhere(ability, 'read'),
        input.measureId ? eq(b.measureId, input.measureId) : undefined,
        input.overdueOnly ? and(ne(b.state, 'decided'), lt(b.decisionDueOn, today)) : undefined,
        input.dueBy ? and(ne(b.state, 'decided'), sql`${b.decisionDueOn} <= ${input.dueBy}`) : undefined,
      ),
    )
    .orderBy(asc(b.decisionDueOn), desc(b.createdAt))
    .limit(500)
  return rows.map(({ b: row, kind, sector, ruleSetId, schoolName, decidedByName, ...pupil }) => {
    const open = row.state !== 'decided'
    return {
      id: row.id,
      measureId: row.measureId,
      measureKind: kind,
      kindLabel: MEASURE_LABELS[kind],
      studentName: displayName(pupil),
      schoolId: row.schoolId,
      schoolName,
      receivedOn: row.receivedOn,
      state: row.state,
      stateLabel: BEZWAAR_STATE_LABELS[row.state] ?? row.state,
      committeeFrom: row.committeeFrom,
      committeeUntil: row.committeeUntil,
      hearingOn: row.hearingOn,
      decisionDueOn: row.decisionDueOn,
      decidedOn: row.decidedOn,
      outcome: row.outcome,
      reasons: row.reasons,
      decidedByName,
      late: row.late,
      lateReason: row.lateReason,
      advisoryCommittee: row.advisoryCommittee,
      postponedOn: row.postponedOn,
      receivedVia: row.receivedVia,
      grounds: row.grounds,
      decisionTerm: ruleView(decisionTermRule({ kind, sector, ruleSetId })),
      overdue: open && row.decisionDueOn < today,
      daysLeft: open ? daysBetween(today, row.decisionDueOn) : null,
    }
  })
}

export interface MeasureBezwaarView {
  /** When the decision was sent and the last day to object; null while there is no decision. */
  /** `sent`: the decision letter's sending is recorded; until then the term has not started (Awb art. 6:8). */
  objection: { decisionSentOn: string; sent: boolean; objectionDeadline: string; rule: string; decisionTerm: RuleView } | null
  bezwaren: BezwaarView[]
  may: { record: boolean; hearing: boolean; decide: boolean; postpone: boolean }
}

/** What the measure page shows about bezwaar, and what the caller may do there. */
export async function measureBezwaarOf(tx: Tx, ability: AppAbility, ctx: TenantContext, measureId: string, today: string): Promise<MeasureBezwaarView | null> {
  if (!ability.can('read', 'Bezwaar')) return null
  const m = await loadMeasure(tx, ability, measureId)
  if (!m || !DECIDED_STATES[m.kind]) return null
  const decided = isDecided(m.kind, m.state)
  const sending = decided ? await decisionSending(tx, m) : null
  const sentOn = sending?.on ?? null
  let objection: MeasureBezwaarView['objection'] = null
  if (sending && sentOn) {
    const d = bezwaarDeadlines({ sector: m.sector, measureKind: m.kind, decisionSentOn: sentOn })
    const term = ruleOf(ruleSetOf(m), 'bezwaar.termijnWeken')
    objection = { decisionSentOn: sentOn, sent: sending.sent, objectionDeadline: d.objectionDeadline, rule: `${term.value} weken (${term.source})`, decisionTerm: ruleView(decisionTermRule(m)) }
  }
  const subject = bezwaarSubject(m)
  return {
    objection,
    bezwaren: await findBezwaren(tx, ability, { measureId: m.id }, today),
    may: {
      record: decided && !!sentOn && ability.can('create', subject),
      hearing: ability.can('update', subject, 'hearingOn'),
      decide: (await decideRefusal(tx, ability, ctx, m, today)) === null,
      // Awb art. 7:10 lid 3: once, for an objection to a schorsing, by whoever decides it.
      postpone: m.kind === 'schorsing' && (await decideRefusal(tx, ability, ctx, m, today)) === null,
    },
  }
}
