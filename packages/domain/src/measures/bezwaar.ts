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
import { calendarDate } from '../input-rules.ts'
import { latestMandate } from './mandates.ts'
import { displayName } from '../students.ts'
import { loadMeasure, measureWhere, type MeasureError } from './measure-cases.ts'
import { mailMeasureRecipients } from './measure-mail.ts'
import { bezwaarDeadlines } from './bezwaar-deadlines.ts'
import { allRuleSets, ruleOf, ruleSetFor } from './rule-lookups.ts'
import { MEASURE_LABELS, ruleView, type MeasureKind, type Rule, type RuleSet, type RuleView } from './rule-model.ts'
import { refusal as refuse, zodRefusal as parseError } from '../result.ts'
import { textInput, yesNo } from '../input-rules.ts'

export const BEZWAAR_OUTCOMES = ['gegrond', 'ongegrond', 'deels gegrond'] as const
export type BezwaarOutcome = (typeof BEZWAAR_OUTCOMES)[number]
export const BEZWAAR_STATE_LABELS: Record<string, string> = {
  received: 'ontvangen',
  hearing_held: 'hoorzitting gehouden',
  decided: 'beslist',
}

export type BezwaarResult =
  | { ok: true; id: string; state: string; decisionDueOn: string; decisionTerm?: RuleView }
  | { ok: false; status: 400 | 403 | 404 | 409; errors: MeasureError[] }

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
  if (sent) return sent.sentOn ?? localDate(sent.at)
  return m.decidedAt ? localDate(m.decidedAt) : null
}

const bezwaarSubject = (m: MeasureRow) => record('Bezwaar', { stichtingId: m.stichtingId, schoolId: m.schoolId, measureKind: m.kind })

/** Why this caller may not decide a bezwaar on this measure, or null when they may. */
async function decideRefusal(tx: Tx, ability: AppAbility, ctx: TenantContext, m: MeasureRow, today: string): Promise<string | null> {
  if (!ability.can('update', bezwaarSubject(m), 'outcome')) return 'Op een bezwaar beslist het bevoegd gezag.'
  if (ctx.role !== 'directeur') return null
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

async function logStep(tx: Tx, ctx: TenantContext, m: MeasureRow, reason: string, data: Record<string, unknown>) {
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

export const recordBezwaarInput = z.strictObject({
  receivedOn: isoDate,
  committeeFrom: isoDate.optional(),
  committeeUntil: isoDate.optional(),
  /** Received after the objection term, taken on because the delay is excusable (Awb 6:11). */
  late: formFlag.optional(),
  lateReason: textInput().trim().max(4000, 'Maximaal 4.000 tekens').optional(),
  /** An advisory committee (Awb art. 7:13) handles an objection to a schorsing: 12 weeks to decide, not 6. */
  advisoryCommittee: formFlag.optional(),
})
export type RecordBezwaarInput = z.input<typeof recordBezwaarInput>

/** Records a bezwaar received against a decided schorsing or verwijdering, with its decision deadline. */
export async function recordBezwaar(tx: Tx, ability: AppAbility, ctx: TenantContext, measureId: string, raw: unknown, today: string = localDate(new Date())): Promise<BezwaarResult> {
  const parsed = recordBezwaarInput.safeParse(raw)
  if (!parsed.success) return parseError(parsed.error)
  const input = parsed.data
  const m = await loadMeasure(tx, ability, measureId)
  if (!m) return refuse(404, 'id', 'Maatregel niet gevonden.')
  if (!ability.can('create', bezwaarSubject(m))) return refuse(403, '', 'Je mag geen bezwaar vastleggen.')
  if (!isDecided(m.kind, m.state)) {
    return refuse(409, '', 'Bezwaar kan alleen worden vastgelegd tegen een genomen besluit tot schorsing of verwijdering.')
  }
  const sentOn = await decisionSentOn(tx, m)
  if (!sentOn) return refuse(409, '', 'Het besluit heeft geen datum; leg eerst het besluit vast.')
  if (input.receivedOn > today) return refuse(400, 'receivedOn', 'De ontvangstdatum ligt in de toekomst.')
  if (input.receivedOn < sentOn) return refuse(400, 'receivedOn', `Het besluit is verzonden op ${dutchDayName(sentOn)}; het bezwaar kan niet eerder zijn ontvangen.`)
  if (!!input.committeeFrom !== !!input.committeeUntil) {
    return refuse(400, input.committeeFrom ? 'committeeUntil' : 'committeeFrom', 'Geef zowel het begin als het einde van de behandeling door de geschillencommissie.')
  }
  if (input.committeeFrom && input.committeeUntil) {
    if (input.committeeFrom < input.receivedOn) return refuse(400, 'committeeFrom', 'De geschillencommissie kan het bezwaar pas na ontvangst behandelen.')
    if (input.committeeUntil < input.committeeFrom) return refuse(400, 'committeeUntil', 'Het einde ligt vóór het begin.')
  }
  const open = await tx
    .select({ id: schema.bezwaren.id })
    .from(schema.bezwaren)
    .where(and(eq(schema.bezwaren.measureId, m.id), ne(schema.bezwaren.state, 'decided')))
  if (open.length) return refuse(409, '', 'Er loopt al een bezwaar tegen dit besluit; leg de stappen daarvan vast.')

  if (input.advisoryCommittee && m.kind !== 'schorsing') {
    return refuse(400, 'advisoryCommittee', 'De termijn van twaalf weken met een adviescommissie (Awb art. 7:10 lid 1) geldt voor een bezwaar tegen een schorsing; tegen een verwijdering geldt de termijn van de onderwijswet.')
  }
  const advisoryCommittee = input.advisoryCommittee ?? false
  const terms = bezwaarTerms({
    sector: m.sector,
    measureKind: m.kind,
    decisionSentOn: sentOn,
    receivedOn: input.receivedOn,
    committeeFrom: input.committeeFrom,
    committeeUntil: input.committeeUntil,
    advisoryCommittee,
  })
  if (terms.late && !input.late) return refuse(400, 'receivedOn', lateBezwaarMessage(m.sector, sentOn, terms.objectionDeadline))
  if (terms.late && (input.lateReason?.length ?? 0) < 10) {
    return refuse(400, 'lateReason', 'Geef aan waarom de termijnoverschrijding verschoonbaar is (Awb art. 6:11).')
  }
  const id = crypto.randomUUID()
  await tx.insert(schema.bezwaren).values({
    id,
    stichtingId: m.stichtingId,
    schoolId: m.schoolId,
    measureId: m.id,
    receivedOn: input.receivedOn,
    state: 'received',
    committeeFrom: input.committeeFrom ?? null,
    committeeUntil: input.committeeUntil ?? null,
    decisionDueOn: terms.decisionDueOn,
    late: terms.late,
    lateReason: terms.late ? input.lateReason! : null,
    advisoryCommittee,
    recordedById: ctx.userId,
  })
  await logStep(
    tx,
    ctx,
    m,
    `Bezwaar ontvangen op ${dutchDayName(input.receivedOn)}; beslissen uiterlijk ${dutchDayName(terms.decisionDueOn)} (${terms.decisionTerm.source}).` +
      (terms.late ? ` Te laat ontvangen, verschoonbaar (Awb art. 6:11): ${input.lateReason}` : ''),
    {
      event: 'bezwaar_ontvangen',
      bezwaarId: id,
      decisionSentOn: sentOn,
      objectionDeadline: terms.objectionDeadline,
      committeeDays: terms.committeeDays,
      late: terms.late,
      lateReason: terms.late ? input.lateReason : null,
      advisoryCommittee,
      rules: terms.rules.map((r) => r.source),
    },
  )
  return { ok: true, id, state: 'received', decisionDueOn: terms.decisionDueOn, decisionTerm: ruleView(terms.decisionTerm) }
}

async function visibleBezwaar(tx: Tx, ability: AppAbility, measureId: string, bezwaarId: string) {
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

export const recordHearingInput = z.strictObject({ hearingOn: isoDate })

/** Records that the hearing on the bezwaar was held (Awb art. 7:2). */
export async function recordHearing(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  measureId: string,
  bezwaarId: string,
  raw: unknown,
  today: string = localDate(new Date()),
): Promise<BezwaarResult> {
  const parsed = recordHearingInput.safeParse(raw)
  if (!parsed.success) return parseError(parsed.error)
  const found = await visibleBezwaar(tx, ability, measureId, bezwaarId)
  if (!found) return refuse(404, 'bezwaarId', 'Bezwaar niet gevonden.')
  const { m, b } = found
  if (!ability.can('update', bezwaarSubject(m), 'hearingOn')) return refuse(403, '', 'Je mag de hoorzitting niet vastleggen.')
  if (b.state !== 'received') return refuse(409, 'hearingOn', `Het bezwaar is al ${BEZWAAR_STATE_LABELS[b.state] ?? b.state}.`)
  const { hearingOn } = parsed.data
  if (hearingOn > today) return refuse(400, 'hearingOn', 'Leg de hoorzitting vast als die is gehouden; deze datum ligt in de toekomst.')
  if (hearingOn < b.receivedOn) return refuse(400, 'hearingOn', 'De hoorzitting kan niet vóór de ontvangst van het bezwaar zijn gehouden.')
  const updated = await tx
    .update(schema.bezwaren)
    .set({ hearingOn, state: 'hearing_held' })
    .where(and(eq(schema.bezwaren.id, b.id), eq(schema.bezwaren.state, 'received')))
    .returning({ id: schema.bezwaren.id })
  if (updated.length !== 1) return refuse(409, 'hearingOn', 'Het bezwaar is intussen gewijzigd; laad de pagina opnieuw.')
  await logStep(tx, ctx, m, `Hoorzitting over het bezwaar gehouden op ${dutchDayName(hearingOn)}.`, { event: 'bezwaar_hoorzitting', bezwaarId: b.id, hearingOn })
  return { ok: true, id: b.id, state: 'hearing_held', decisionDueOn: b.decisionDueOn }
}

export const decideBezwaarInput = z.strictObject({
  decidedOn: isoDate,
  outcome: z.enum(BEZWAAR_OUTCOMES, { message: 'Kies gegrond, ongegrond of deels gegrond' }),
  reasons: textInput({ message: 'Geef de motivering' }).trim().min(10, 'Geef de motivering (minstens een zin)').max(10_000, 'Maximaal 10.000 tekens'),
})

/**
 * The decision on the bezwaar (Awb art. 7:11), after the hearing: by the bestuurder, or for a
 * schorsing by a directeur under the school's mandate who did not take the decision objected to.
 */
export async function decideBezwaar(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  measureId: string,
  bezwaarId: string,
  raw: unknown,
  today: string = localDate(new Date()),
): Promise<BezwaarResult> {
  const parsed = decideBezwaarInput.safeParse(raw)
  if (!parsed.success) return parseError(parsed.error)
  const found = await visibleBezwaar(tx, ability, measureId, bezwaarId)
  if (!found) return refuse(404, 'bezwaarId', 'Bezwaar niet gevonden.')
  const { m, b } = found
  const refusal = await decideRefusal(tx, ability, ctx, m, today)
  if (refusal) return refuse(403, 'outcome', refusal)
  if (b.state === 'decided') return refuse(409, 'outcome', 'Op dit bezwaar is al beslist.')
  if (b.state !== 'hearing_held') return refuse(409, 'outcome', 'Leg eerst de hoorzitting vast: de indiener wordt gehoord voordat op het bezwaar wordt beslist (Awb art. 7:2).')
  const input = parsed.data
  if (input.decidedOn > today) return refuse(400, 'decidedOn', 'De beslisdatum ligt in de toekomst.')
  if (b.hearingOn && input.decidedOn < b.hearingOn) return refuse(400, 'decidedOn', 'De beslissing kan niet vóór de hoorzitting vallen.')
  const updated = await tx
    .update(schema.bezwaren)
    .set({ decidedOn: input.decidedOn, outcome: input.outcome, reasons: input.reasons, decidedById: ctx.userId, state: 'decided' })
    .where(and(eq(schema.bezwaren.id, b.id), eq(schema.bezwaren.state, 'hearing_held')))
    .returning({ id: schema.bezwaren.id })
  if (updated.length !== 1) return refuse(409, 'outcome', 'Het bezwaar is intussen gewijzigd; laad de pagina opnieuw.')
  await logStep(tx, ctx, m, `Beslissing op bezwaar (${dutchDayName(input.decidedOn)}): ${input.outcome}. ${input.reasons}`, {
    event: 'bezwaar_beslist',
    bezwaarId: b.id,
    outcome: input.outcome,
    reasons: input.reasons,
    decidedOn: input.decidedOn,
    underMandate: ctx.role === 'directeur',
    onTime: input.decidedOn <= b.decisionDueOn,
  })
  // The decision on the objection goes to those who received the decision (decision-recipients.ts).
  await mailMeasureRecipients(tx, ctx, m, {
    subject: (f) => `Beslissing op het bezwaar over ${f.pupilName}`,
    body: (f) =>
      `Op het bezwaar tegen het besluit tot ${MEASURE_LABELS[m.kind]} van ${f.pupilName} is op ${dutchDayName(input.decidedOn)} beslist: het bezwaar is ${input.outcome}. U ontvangt de schriftelijke beslissing met de motivering van de school.`,
  })
  return { ok: true, id: b.id, state: 'decided', decisionDueOn: b.decisionDueOn }
}

export const postponeBezwaarInput = z.strictObject({
  /** The day the indiener was told (Awb art. 7:10 lid 3: "onder mededeling"). */
  noticeOn: isoDate,
})

/**
 * Postpones the decision on a bezwaar against a schorsing once, by six weeks (Awb art. 7:10 lid 3),
 * with notice to the indiener before the term ends; by whoever may decide the bezwaar. Further delay
 * needs the indiener's consent (lid 4) and is not recorded here.
 */
export async function postponeBezwaar(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  measureId: string,
  bezwaarId: string,
  raw: unknown,
  today: string = localDate(new Date()),
): Promise<BezwaarResult> {
  const parsed = postponeBezwaarInput.safeParse(raw)
  if (!parsed.success) return parseError(parsed.error)
  const found = await visibleBezwaar(tx, ability, measureId, bezwaarId)
  if (!found) return refuse(404, 'bezwaarId', 'Bezwaar niet gevonden.')
  const { m, b } = found
  const refusal = await decideRefusal(tx, ability, ctx, m, today)
  if (refusal) return refuse(403, 'noticeOn', refusal)
  const rule = decisionTermRule(m)
  if (m.kind !== 'schorsing') {
    return refuse(409, 'noticeOn', `Tegen een verwijdering geldt de beslistermijn van de onderwijswet (${rule.source}); Baken legt daar geen verdaging vast.`)
  }
  if (b.state === 'decided') return refuse(409, 'noticeOn', 'Op dit bezwaar is al beslist.')
  if (b.postponedOn) return refuse(409, 'noticeOn', `De beslissing is al verdaagd op ${dutchDayName(b.postponedOn)}; dat kan één keer (Awb art. 7:10 lid 3). Verder uitstel kan alleen met instemming van de indiener (lid 4).`)
  const { noticeOn } = parsed.data
  if (noticeOn > today) return refuse(400, 'noticeOn', 'De datum van het bericht ligt in de toekomst.')
  if (noticeOn < b.receivedOn) return refuse(400, 'noticeOn', 'Het bericht kan niet vóór de ontvangst van het bezwaar zijn verstuurd.')
  if (noticeOn > b.decisionDueOn) return refuse(400, 'noticeOn', `Verdagen kan alleen binnen de beslistermijn, die liep tot en met ${dutchDayName(b.decisionDueOn)} (Awb art. 7:10 lid 3).`)
  const sentOn = await decisionSentOn(tx, m)
  if (!sentOn) return refuse(409, '', 'Het besluit heeft geen datum.')
  const terms = bezwaarTerms({
    sector: m.sector,
    measureKind: m.kind,
    decisionSentOn: sentOn,
    receivedOn: b.receivedOn,
    committeeFrom: b.committeeFrom,
    committeeUntil: b.committeeUntil,
    advisoryCommittee: b.advisoryCommittee,
    postponed: true,
  })
  // A late objection's deadline was counted from receipt; the postponement adds its six weeks to whichever applied.
  const term = rule.value as { verdagingWeken: number }
  const decisionDueOn = b.late ? termijnenwetEnd(plusDays(b.decisionDueOn, term.verdagingWeken * 7)) : terms.decisionDueOn
  const updated = await tx
    .update(schema.bezwaren)
    .set({ postponedOn: noticeOn, decisionDueOn })
    .where(and(eq(schema.bezwaren.id, b.id), sql`${schema.bezwaren.postponedOn} is null`, ne(schema.bezwaren.state, 'decided')))
    .returning({ id: schema.bezwaren.id })
  if (updated.length !== 1) return refuse(409, 'noticeOn', 'Het bezwaar is intussen gewijzigd; laad de pagina opnieuw.')
  await logStep(tx, ctx, m, `Beslissing op het bezwaar verdaagd (bericht ${dutchDayName(noticeOn)}); beslissen uiterlijk ${dutchDayName(decisionDueOn)} (Awb art. 7:10 lid 3).`, {
    event: 'bezwaar_verdaagd',
    bezwaarId: b.id,
    noticeOn,
    decisionDueOn,
  })
  return { ok: true, id: b.id, state: b.state, decisionDueOn, decisionTerm: ruleView(rule) }
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
export async function listBezwaren(tx: Tx, ability: AppAbility, raw: z.input<typeof listBezwarenInput> = {}, today: string = localDate(new Date())): Promise<BezwaarView[]> {
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
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
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
      decisionTerm: ruleView(decisionTermRule({ kind, sector, ruleSetId })),
      overdue: open && row.decisionDueOn < today,
      daysLeft: open ? daysBetween(today, row.decisionDueOn) : null,
    }
  })
}

export interface MeasureBezwaarView {
  /** When the decision was sent and the last day to object; null while there is no decision. */
  objection: { decisionSentOn: string; objectionDeadline: string; rule: string; decisionTerm: RuleView } | null
  bezwaren: BezwaarView[]
  may: { record: boolean; hearing: boolean; decide: boolean; postpone: boolean }
}

/** What the measure page shows about bezwaar, and what the caller may do there. */
export async function getMeasureBezwaar(tx: Tx, ability: AppAbility, ctx: TenantContext, measureId: string, today: string = localDate(new Date())): Promise<MeasureBezwaarView | null> {
  if (!ability.can('read', 'Bezwaar')) return null
  const m = await loadMeasure(tx, ability, measureId)
  if (!m || !DECIDED_STATES[m.kind]) return null
  const decided = isDecided(m.kind, m.state)
  const sentOn = decided ? await decisionSentOn(tx, m) : null
  let objection: MeasureBezwaarView['objection'] = null
  if (sentOn) {
    const d = bezwaarDeadlines({ sector: m.sector, measureKind: m.kind, decisionSentOn: sentOn })
    const term = ruleOf(ruleSetOf(m), 'bezwaar.termijnWeken')
    objection = { decisionSentOn: sentOn, objectionDeadline: d.objectionDeadline, rule: `${term.value} weken (${term.source})`, decisionTerm: ruleView(decisionTermRule(m)) }
  }
  const subject = bezwaarSubject(m)
  return {
    objection,
    bezwaren: await listBezwaren(tx, ability, { measureId: m.id }, today),
    may: {
      record: decided && !!sentOn && ability.can('create', subject),
      hearing: ability.can('update', subject, 'hearingOn'),
      decide: (await decideRefusal(tx, ability, ctx, m, today)) === null,
      // Awb art. 7:10 lid 3: once, for an objection to a schorsing, by whoever decides it.
      postpone: m.kind === 'schorsing' && (await decideRefusal(tx, ability, ctx, m, today)) === null,
    },
  }
}
