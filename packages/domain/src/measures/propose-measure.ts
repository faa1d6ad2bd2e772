// Proposing a measure for a pupil of the school, with the law's checks: the sector's maximum
// length, school days on the school's calendar, a written justification for a skipped rung, the
// ban on extending a schorsing (schorsing-chain.ts) and a schorsing pending an open verwijdering.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { missingHolidaysMessage, schoolYearWithoutHolidays } from '../calendar/calendar-gaps.ts'
import { loadSchoolCalendar } from '../calendar/load-school-calendar.ts'
import { localDate, schoolYearOf } from '../dates.ts'
import { calendarDate, textInput } from '../input-rules.ts'
import { defineUseCase, refuse, type Outcome, type Refused } from '../use-case.ts'
import { skippedRungs } from './ladder.ts'
import { loadMeasure, REMOVAL_CLOSED } from './measure-cases.ts'
import { checkSchorsingLength, ruleSetFor } from './rule-lookups.ts'
import { MEASURE_KINDS, MEASURE_LABELS, type MeasureKind } from './rule-model.ts'
import { checkPupilSchorsingen, type FollowUpBasis } from './schorsing-chain.ts'
import { stateLabel, WORKFLOWS } from './workflows.ts'

const isoDate = calendarDate('Datum als JJJJ-MM-DD')

export const proposeMeasureInput = z.strictObject({
  kind: z.enum(MEASURE_KINDS, { message: 'Kies adempauze, time-out, schorsing of verwijdering' }),
  studentId: z.uuid('Kies een leerling van de school'),
  incidentIds: z.array(z.uuid('Ongeldig incident')).max(20).default([]),
  reasons: textInput({ message: 'Geef de redenen' }).trim().min(10, 'Geef de redenen (minstens een zin)').max(10_000, 'Maximaal 10.000 tekens'),
  startsOn: isoDate.optional(),
  schoolDays: z.coerce.number().int('Een heel aantal schooldagen').optional(),
  skipJustification: textInput().trim().max(10_000).optional(),
  /** A schorsing pending an open verwijdering of the same pupil (rule verwijdering.schorsingHangende). */
  pendingRemovalId: z.uuid('Kies een verwijdering van deze leerling').optional(),
})
export type ProposeMeasureInput = z.input<typeof proposeMeasureInput>

/** Proposes (or, for adempauze and time-out, records or requests) a measure for a pupil of the school. */
export const proposeMeasure = defineUseCase({
  name: 'measures/propose-measure',
  input: proposeMeasureInput,
  permission: ['create', 'Measure'],
  run: (tx, { ability, tenant, now }, input) => propose(tx, ability, tenant, input, localDate(now)),
})

async function propose(tx: Tx, ability: AppAbility, ctx: TenantContext, input: z.output<typeof proposeMeasureInput>, today: string): Promise<Outcome<{ id: string; state: string }>> {
  if (!ctx.schoolId || !ctx.stichtingId || !ability.can('create', 'Measure')) return refuse('forbidden', '', 'Je mag deze maatregel niet voorstellen.')
  // A leerkracht may only request a time-out (protocol §3.3); the rest is for the directeur and IB.
  if (!ability.can('create', record('Measure', { kind: input.kind, schoolId: ctx.schoolId }))) {
    return refuse('forbidden', 'kind', `Je mag geen ${MEASURE_LABELS[input.kind]} voorstellen.`)
  }
  const [student] = await tx
    .select({ id: schema.students.id, sector: schema.schools.sector })
    .from(schema.students)
    .innerJoin(schema.schools, eq(schema.schools.id, schema.students.schoolId))
    .where(and(eq(schema.students.id, input.studentId), eq(schema.students.schoolId, ctx.schoolId)))
  if (!student) return refuse('invalid', 'studentId', 'Onbekende leerling: kies een leerling van deze school.')
  if (input.pendingRemovalId) {
    const refusal = await pendingRemovalRefusal(tx, ability, ctx.schoolId, input.kind, student.id, input.pendingRemovalId)
    if (refusal) return refusal
  }
  const ruleSet = ruleSetFor(student.sector, today)

  // The ladder: a skipped rung needs a written justification (the protocol's stappenplan, §3).
  const earlier = await tx
    .select({ kind: schema.measures.kind })
    .from(schema.measures)
    .where(and(eq(schema.measures.studentId, student.id), sql`${schema.measures.state} not in ('refused', 'withdrawn')`))
  const skipped = skippedRungs(
    earlier.map((m) => m.kind as MeasureKind),
    input.kind,
  )
  if (skipped.length && (input.skipJustification?.length ?? 0) < 20) {
    return refuse('invalid',
      'skipJustification',
      `Deze maatregel slaat een stap over (${skipped.map((k) => MEASURE_LABELS[k]).join(', ')}); geef een schriftelijke onderbouwing.`,
    )
  }

  let startsOn: string | null = input.startsOn ?? null
  let endsOn: string | null = null
  let schoolDays: number | null = null
  if (input.kind === 'schorsing' || input.kind === 'time_out') {
    startsOn ??= today
    const calendar = await loadSchoolCalendar(tx, ctx.schoolId, [schoolYearOf(new Date(`${startsOn}T12:00:00Z`)), nextYear(startsOn)])
    if (!calendar) return refuse('invalid', 'startsOn', 'Er is geen schoolkalender voor deze periode.')
    // A schorsing is counted in school days: not on a schooljaar whose holidays were never entered.
    const withoutHolidays = input.kind === 'schorsing' ? schoolYearWithoutHolidays(calendar, [startsOn]) : null
    if (withoutHolidays) return refuse('invalid', 'startsOn', missingHolidaysMessage(withoutHolidays, calendar.region))
    if (!calendar.isSchoolDay(startsOn)) return refuse('invalid', 'startsOn', `${startsOn} is geen schooldag.`)
    schoolDays = input.kind === 'time_out' ? 1 : (input.schoolDays ?? 0)
    if (input.kind === 'time_out' && input.schoolDays !== undefined && input.schoolDays !== 1) {
      return refuse('invalid', 'schoolDays', 'Een time-out duurt alleen de rest van de dag (protocol §3.3).')
    }
    if (input.kind === 'schorsing') {
      const check = checkSchorsingLength(student.sector, schoolDays, startsOn)
      if (!check.ok) return refuse('invalid', 'schoolDays', check.message)
    }
    endsOn = calendar.addSchoolDays(startsOn, schoolDays)
    const endWithoutHolidays = input.kind === 'schorsing' ? schoolYearWithoutHolidays(calendar, [endsOn]) : null
    if (endWithoutHolidays) return refuse('invalid', 'schoolDays', missingHolidaysMessage(endWithoutHolidays, calendar.region))
  }

  if (input.incidentIds.length) {
    const found = await tx
      .select({ id: schema.incidents.id })
      .from(schema.incidents)
      .where(and(inArray(schema.incidents.id, input.incidentIds), eq(schema.incidents.status, 'submitted')))
    if (found.length !== new Set(input.incidentIds).size) return refuse('invalid', 'incidentIds', 'Onbekend of niet ingediend incident.')
  }

  // No extension by a second decision (schorsing-chain.ts): no shared day with another schorsing of
  // the pupil, none directly before or after it unless a new incident is the ground. Locks the pupil.
  let followUpBasis: FollowUpBasis[] = []
  if (input.kind === 'schorsing') {
    const chain = await checkPupilSchorsingen(tx, {
      sector: student.sector,
      schoolId: ctx.schoolId,
      studentId: student.id,
      startsOn: startsOn!,
      endsOn: endsOn!,
      schoolDays: schoolDays!,
      incidentIds: input.incidentIds,
    })
    if (!chain.ok) return refuse('invalid', 'startsOn', chain.message)
    followUpBasis = chain.basis
  }

  const id = crypto.randomUUID()
  const state = WORKFLOWS[input.kind].initial
  const tenant = { stichtingId: ctx.stichtingId, schoolId: ctx.schoolId }
  await tx.insert(schema.measures).values({
    id,
    ...tenant,
    studentId: student.id,
    kind: input.kind,
    state,
    sector: student.sector,
    ruleSetId: ruleSet.id,
    reasons: input.reasons,
    startsOn,
    endsOn,
    schoolDays,
    skipJustification: skipped.length ? input.skipJustification! : null,
    pendingRemovalId: input.pendingRemovalId ?? null,
    proposedById: ctx.userId,
  })
  if (input.incidentIds.length) {
    await tx.insert(schema.measureIncidents).values([...new Set(input.incidentIds)].map((incidentId) => ({ ...tenant, measureId: id, incidentId })))
  }
  await tx.insert(schema.measureTransitions).values({
    ...tenant,
    measureId: id,
    fromState: null,
    toState: state,
    byId: ctx.userId,
    reason: input.reasons,
    // The new incidents a directly following schorsing rests on, for the check at the decision.
    data: followUpBasis.length ? { event: 'voorstel', aansluitend: followUpBasis } : null,
  })
  return { ok: true, id, state }
}

/**
 * Why a schorsing may not be pending this verwijdering (rule verwijdering.schorsingHangende),
 * or null: only a schorsing, only a verwijdering of the same pupil at the same school that is still
 * open (not definitive, not withdrawn). An id the caller cannot see is answered as not found.
 */
async function pendingRemovalRefusal(
  tx: Tx,
  ability: AppAbility,
  schoolId: string,
  kind: MeasureKind,
  studentId: string,
  removalId: string,
): Promise<Refused | null> {
  if (kind !== 'schorsing') {
    return refuse('invalid', 'pendingRemovalId', `Alleen een schorsing kan hangende een verwijdering; een ${MEASURE_LABELS[kind]} niet.`)
  }
  const removal = await loadMeasure(tx, ability, removalId)
  if (!removal || removal.schoolId !== schoolId) return refuse('not_found', 'pendingRemovalId', 'Verwijdering niet gevonden.')
  if (removal.kind !== 'verwijdering') {
    return refuse('invalid', 'pendingRemovalId', `Deze maatregel is een ${MEASURE_LABELS[removal.kind]}, geen verwijdering: kies een lopende verwijdering van deze leerling.`)
  }
  if (removal.studentId !== studentId) return refuse('invalid', 'pendingRemovalId', 'Deze verwijdering gaat over een andere leerling.')
  if (REMOVAL_CLOSED.includes(removal.state)) {
    return refuse('conflict',
      'pendingRemovalId',
      `De verwijdering is ${stateLabel('verwijdering', removal.state)}: een schorsing hangende verwijdering kan alleen zolang de verwijdering loopt.`,
    )
  }
  return null
}

function nextYear(date: string): string {
  const start = Number(schoolYearOf(new Date(`${date}T12:00:00Z`)).slice(0, 4)) + 1
  return `${start}-${start + 1}`
}

