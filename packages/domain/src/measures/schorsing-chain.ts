// A schorsing lasts at most one week and cannot be extended (WPO art. 40c lid 1, WEC art. 40a,
// WVO 2020 art. 8.14, WEB art. 8.1.7c; rule schorsing.verlengen) — also not by a second decision.
// Two schorsingen of the same pupil that share a day, or that follow each other without a school day
// in between, keep the pupil out of school for longer than the maximum: a "verkapte verwijdering",
// a removal without its safeguards (hearings, the search for another school, objection).
//
//   - Overlap: refused outright.
//   - Directly follows (or precedes): the later one starts on the first school day after the earlier
//     one ends, so the pupil is never back at school in between (weekends and holidays between them do
//     not count as being back). Refused, unless the new schorsing rests on a new incident involving the
//     pupil that happened after the decision on the other one: then it is a new decision on new facts.
//   - One school day or more back at school in between: a new schorsing, judged on its own grounds.
//     The law sets no waiting time; the proposal form and the case show every schorsing of the pupil
//     in the schooljaar with the total of school days, so the board sees a pattern before deciding.
//
// The check runs when the schorsing is proposed and again when it is decided (the calendar or the
// other schorsingen may have changed in between), under a transaction-level lock per pupil so that two
// proposals for the same pupil cannot both pass. The bestuurder who decides may not read incident
// content (RLS), so the new incident a follow-up rests on is recorded with the proposal (its id and
// when it happened, in the proposal's history row) and the decision checks that record.
import { schema, type Sector, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { and, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import { plusDays, schoolYearOfDate } from '../calendar/calendar-dates.ts'
import { loadSchoolCalendar } from '../calendar/load-school-calendar.ts'
import type { SchoolCalendar } from '../calendar/school-calendar.ts'
import { localDate } from '../dates.ts'
import { dutchDayName } from './bezwaar.ts'
import { findMeasures } from './measure-cases.ts'
import { ruleOf, ruleSetFor } from './rule-lookups.ts'
import type { Rule } from './rule-model.ts'
import { stateLabel } from './workflows.ts'
import { recordId } from '../input-rules.ts'

/** A schorsing of the pupil as the check needs it. */
export interface SchorsingSpan {
  id: string
  startsOn: string
  endsOn: string
  schoolDays: number | null
  state: string
  decidedAt: Date | null
}

/** A new incident a directly following schorsing rests on, recorded with its proposal. */
export interface FollowUpBasis {
  /** The schorsing it follows (or precedes). */
  measureId: string
  incidentId: string
  /** When the incident happened (ISO instant): after the decision on that schorsing. */
  incidentOccurredAt: string
}

export const followUpBasisSchema = z.array(z.object({ measureId: recordId(), incidentId: recordId(), incidentOccurredAt: z.string() }))

export type ChainCheck =
  | { ok: true; basis: FollowUpBasis[] }
  | { ok: false; reason: 'overlap' | 'follows'; other: SchorsingSpan; message: string; rules: Rule[] }

/** Schorsingen further apart than this many calendar days always have school days between them. */
const NEAR_DAYS = 120

/** States in which a schorsing no longer counts: it was not decided. */
const NOT_A_SCHORSING = ['refused'] as const

const dateTime = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })
/** "1 december 2026 om 14:00" (Dutch time). */
function dutchMoment(at: Date): string {
  return `${dutchDayName(localDate(at))} om ${dateTime.format(at)}`
}

/** A rule's text with its source, e.g. "… 5 schooldagen (WPO art. 40c lid 1)"; no parentheses inside parentheses. */
const sentence = (rule: Rule) => `${rule.text.replace(/\.$/, '')} (${rule.source.replace(/\s*\(([^()]*)\)$/, ', $1')})`

function period(s: { startsOn: string; endsOn: string }): string {
  return s.startsOn === s.endsOn ? dutchDayName(s.startsOn) : `${dutchDayName(s.startsOn)} t/m ${dutchDayName(s.endsOn)}`
}

/** Whether no school day lies strictly between two dates (from < to). */
function noSchoolDayBetween(calendar: SchoolCalendar, from: string, to: string): boolean {
  const first = plusDays(from, 1)
  const last = plusDays(to, -1)
  return last < first || calendar.countSchoolDays(first, last) === 0
}

export interface ChainCheckInput {
  sector: Sector
  /** The schorsing proposed or decided. */
  candidate: { startsOn: string; endsOn: string; schoolDays: number }
  /** The pupil's other schorsingen that count (not refused). */
  others: readonly SchorsingSpan[]
  /** The school's calendar, loaded for every date between the candidate and the others near it. */
  calendar: SchoolCalendar
  /** The incidents the candidate rests on that may carry a follow-up, per other schorsing. */
  incidentsFor: (other: SchorsingSpan) => readonly { id: string; occurredAt: Date }[]
  /** The rule set's date (default today). */
  onDate?: string
}

/**
 * Whether a schorsing may stand beside the pupil's other schorsingen: no shared day, and no other
 * one directly before or after it unless a new incident after that one's decision is the basis.
 * A refusal names the rules and their sources.
 */
export function checkSchorsingChain(input: ChainCheckInput): ChainCheck {
  const set = ruleSetFor(input.sector, input.onDate)
  const max = ruleOf(set, 'schorsing.maxSchooldagen')
  const noExtension = ruleOf(set, 'schorsing.verlengen')
  const removal = ruleOf(set, 'verwijdering.besluit')
  const rules = [max, noExtension, removal]
  const c = input.candidate
  const others = [...input.others].sort((a, b) => a.startsOn.localeCompare(b.startsOn))
  for (const o of others) {
    if (o.startsOn <= c.endsOn && c.startsOn <= o.endsOn) {
      return {
        ok: false,
        reason: 'overlap',
        other: o,
        rules,
        message:
          `Deze schorsing overlapt met een andere schorsing van deze leerling (${period(o)}, ${stateLabel('schorsing', o.state)}). ` +
          `${sentence(max)}. ${sentence(noExtension)}: een tweede schorsing over dezelfde dagen verlengt de eerste.`,
      }
    }
  }
  const basis: FollowUpBasis[] = []
  for (const o of others) {
    const adjacent = o.endsOn < c.startsOn ? noSchoolDayBetween(input.calendar, o.endsOn, c.startsOn) : noSchoolDayBetween(input.calendar, c.endsOn, o.startsOn)
    if (!adjacent) continue
    const decidedAt = o.decidedAt
    const newer = decidedAt ? input.incidentsFor(o).filter((i) => i.occurredAt > decidedAt).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()) : []
    if (newer.length) {
      basis.push({ measureId: o.id, incidentId: newer[0]!.id, incidentOccurredAt: newer[0]!.occurredAt.toISOString() })
      continue
    }
    const total = (o.schoolDays ?? 0) + c.schoolDays
    const earlier = decidedAt ? `dat besluit is genomen op ${dutchMoment(decidedAt)}` : 'over die schorsing is nog niet besloten'
    return {
      ok: false,
      reason: 'follows',
      other: o,
      rules,
      message:
        `Deze schorsing sluit direct aan op een andere schorsing van deze leerling (${period(o)}, ${o.schoolDays ?? '?'} schooldagen, ${stateLabel('schorsing', o.state)}): ` +
        `samen ${total} schooldagen aaneen, zonder een schooldag ertussen waarop de leerling weer op school is. ` +
        `${sentence(max)}. ${sentence(noExtension)}: aaneengesloten schorsingen komen neer op een verwijdering zonder de waarborgen daarvan (${removal.source}), ` +
        `zoals het horen vooraf en het zoeken naar een andere school. ` +
        `Een aansluitende schorsing kan alleen op grond van een nieuw incident met deze leerling dat plaatsvond na het besluit over de andere schorsing (${earlier}); koppel dat incident aan het voorstel.`,
    }
  }
  return { ok: true, basis }
}

/**
 * Takes the pupil's schorsing lock for the rest of the transaction: proposals and decisions for the
 * same pupil run one after the other, so two cannot both pass the check (Postgres advisory lock,
 * released at commit or rollback).
 */
export async function lockPupilSchorsingen(tx: Tx, studentId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`baken:schorsing:${studentId}`}, 0))`)
}

export interface ChainQuery {
  sector: Sector
  schoolId: string
  studentId: string
  /** The schorsing itself when it exists (a decision): left out of the others. */
  measureId?: string
  startsOn: string
  endsOn: string
  schoolDays: number
  /** A proposal: the incidents it names (read under RLS by the proposing school staff). */
  incidentIds?: readonly string[]
  /** A decision: the follow-up basis recorded with the proposal. */
  basis?: readonly FollowUpBasis[]
}

/**
 * For proposeMeasure and transitionMeasure: locks the pupil's schorsingen and checks the candidate
 * against the others that count. Call inside the transaction that writes the schorsing.
 */
export async function checkPupilSchorsingen(tx: Tx, q: ChainQuery): Promise<ChainCheck> {
  await lockPupilSchorsingen(tx, q.studentId)
  const m = schema.measures
  const rows = await tx
    .select({ id: m.id, startsOn: m.startsOn, endsOn: m.endsOn, schoolDays: m.schoolDays, state: m.state, decidedAt: m.decidedAt })
    .from(m)
    .where(
      and(
        eq(m.studentId, q.studentId),
        eq(m.kind, 'schorsing'),
        sql`${m.state} not in (${sql.join(NOT_A_SCHORSING.map((s) => sql`${s}`), sql`, `)})`,
        q.measureId ? ne(m.id, q.measureId) : undefined,
        isNotNull(m.startsOn),
        isNotNull(m.endsOn),
        gte(m.endsOn, plusDays(q.startsOn, -NEAR_DAYS)),
        lte(m.startsOn, plusDays(q.endsOn, NEAR_DAYS)),
      ),
    )
  const others: SchorsingSpan[] = rows.map((r) => ({ ...r, startsOn: r.startsOn!, endsOn: r.endsOn! }))
  if (!others.length) return { ok: true, basis: [] }
  const dates = [q.startsOn, q.endsOn, ...others.flatMap((o) => [o.startsOn, o.endsOn])].sort()
  const calendar = await loadSchoolCalendar(tx, q.schoolId, schoolYearsBetween(dates[0]!, dates.at(-1)!))
  if (!calendar) throw new Error('The school of a measure must be visible to its caller')

  let incidents: { id: string; occurredAt: Date }[] = []
  if (q.incidentIds?.length) {
    // Only an incident in which the pupil takes part can be the ground for the pupil's schorsing.
    incidents = await tx
      .selectDistinct({ id: schema.incidents.id, occurredAt: schema.incidents.occurredAt })
      .from(schema.incidents)
      .innerJoin(schema.incidentPersons, eq(schema.incidentPersons.incidentId, schema.incidents.id))
      .where(and(inArray(schema.incidents.id, [...q.incidentIds]), eq(schema.incidentPersons.studentId, q.studentId), eq(schema.incidents.status, 'submitted')))
  }
  const recorded = q.basis ?? []
  return checkSchorsingChain({
    sector: q.sector,
    candidate: { startsOn: q.startsOn, endsOn: q.endsOn, schoolDays: q.schoolDays },
    others,
    calendar,
    incidentsFor: (o) =>
      q.basis ? recorded.filter((b) => b.measureId === o.id).map((b) => ({ id: b.incidentId, occurredAt: new Date(b.incidentOccurredAt) })) : incidents,
  })
}

/** The schooljaren from the one of `from` to the one of `to`, in order. */
function schoolYearsBetween(from: string, to: string): string[] {
  const first = Number(schoolYearOfDate(from).slice(0, 4))
  const last = Number(schoolYearOfDate(to).slice(0, 4))
  return Array.from({ length: last - first + 1 }, (_, i) => `${first + i}-${first + i + 1}`)
}

/** The follow-up basis recorded with a schorsing's proposal (its first history row), or none. */
export async function recordedFollowUpBasis(tx: Tx, measureId: string): Promise<FollowUpBasis[]> {
  const [first] = await tx
    .select({ data: schema.measureTransitions.data })
    .from(schema.measureTransitions)
    .where(and(eq(schema.measureTransitions.measureId, measureId), sql`${schema.measureTransitions.fromState} is null`))
    .limit(1)
  const data = first?.data as { aansluitend?: unknown } | null | undefined
  const parsed = followUpBasisSchema.safeParse(data?.aansluitend ?? [])
  return parsed.success ? parsed.data : []
}

// ---- What the proposal form and the case show ---------------------------------------------------

export interface PupilSchorsing {
  id: string
  startsOn: string
  endsOn: string
  schoolDays: number
  state: string
  stateLabel: string
  schoolYear: string
}

export interface PupilSchorsingenOfYear {
  schoolYear: string
  items: PupilSchorsing[]
  /** School days of the listed schorsingen together. */
  totalSchoolDays: number
}

/**
 * The schorsingen (not refused) the caller may see that start in the given schooljaren, per pupil,
 * oldest first: for the proposal form, which shows the chosen pupil's schorsingen of the schooljaar.
 */
export async function listSchorsingenByPupil(tx: Tx, ability: AppAbility, schoolYears: readonly string[], studentId?: string): Promise<Record<string, PupilSchorsing[]>> {
  const measures = await findMeasures(tx, ability, { kind: 'schorsing', ...(studentId ? { studentId } : {}) })
  const out: Record<string, PupilSchorsing[]> = {}
  for (const s of [...measures].reverse()) {
    if (!s.startsOn || !s.endsOn || (NOT_A_SCHORSING as readonly string[]).includes(s.state)) continue
    const schoolYear = schoolYearOfDate(s.startsOn)
    if (!schoolYears.includes(schoolYear)) continue
    ;(out[s.studentId] ??= []).push({ id: s.id, startsOn: s.startsOn, endsOn: s.endsOn, schoolDays: s.schoolDays ?? 0, state: s.state, stateLabel: s.stateLabel, schoolYear })
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.startsOn.localeCompare(b.startsOn))
  return out
}

/** One pupil's schorsingen of one schooljaar with their total (the case of a schorsing shows it). */
export async function pupilSchorsingenOfYear(tx: Tx, ability: AppAbility, studentId: string, schoolYear: string): Promise<PupilSchorsingenOfYear> {
  const items = (await listSchorsingenByPupil(tx, ability, [schoolYear], studentId))[studentId] ?? []
  return { schoolYear, items, totalSchoolDays: items.reduce((n, s) => n + s.schoolDays, 0) }
}
