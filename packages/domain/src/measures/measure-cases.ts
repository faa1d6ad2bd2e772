// Proposing measures and moving them through their workflow, with the law's checks: the sector's
// maximum length, school days on the school's calendar, a written justification for a skipped rung,
// who may decide (the bestuurder, or the directeur under mandate), and the tasks and mail that follow.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { missingHolidaysMessage, schoolYearWithoutHolidays } from '../calendar/calendar-gaps.ts'
import { loadSchoolCalendar } from '../calendar/load-school-calendar.ts'
import { localDate, schoolYearOf } from '../dates.ts'
import { displayName } from '../students.ts'
import { AGE_OF_MAJORITY, ageOn } from './decision-recipients.ts'
import { skippedRungs } from './ladder.ts'
import { allRuleSets, checkSchorsingLength, inspectieNoticeRequired, removalNotices, ruleSetFor, type RemovalNoticeStep } from './rule-lookups.ts'
import { MEASURE_KINDS, MEASURE_LABELS, type MeasureKind } from './rule-model.ts'
import { mayTake, openTransitions, stateLabel, WORKFLOWS } from './workflows.ts'
import { mandateById, mandateForSchorsing, type MandateRow } from './mandates.ts'
import { definitiveRemovalRefusal, removalDecidedOn } from './removal-search.ts' // the search for another school
import { getMeasureHearings, hearingsRefusal } from './removal-hearings.ts'
import { mailMeasureRecipients } from './measure-mail.ts'
import { checkPupilSchorsingen, pupilSchorsingenOfYear, recordedFollowUpBasis, type FollowUpBasis } from './schorsing-chain.ts'
import { recordAccess } from '../privacy/access-log.ts'
import { refusal as refuse, zodRefusal, type FieldError } from '../result.ts'
import { textInput } from '../input-rules.ts'

export type MeasureError = FieldError
export type MeasureResult = { ok: true; id: string; state: string } | { ok: false; status: 400 | 403 | 404 | 409; errors: MeasureError[] }

const measureColumns = {
  id: schema.measures.id,
  schoolId: schema.measures.schoolId,
  stichtingId: schema.measures.stichtingId,
  kind: schema.measures.kind,
  proposedById: schema.measures.proposedById,
}

export function measureWhere(ability: AppAbility, action: 'read' | 'create' | 'update') {
  return accessibleWhere(ability, action, 'Measure', measureColumns)
}

/**
 * The measure the caller may perform `action` on, or null (answered as 404). `lock` takes a row
 * lock for the rest of the transaction (e.g. to number letter versions one at a time).
 */
export async function loadMeasure(
  tx: Tx,
  ability: AppAbility,
  id: string,
  options: { action?: 'read' | 'update'; lock?: boolean } = {},
): Promise<typeof schema.measures.$inferSelect | null> {
  const action = options.action ?? 'read'
  if (!z.uuid().safeParse(id).success || !ability.can(action, 'Measure')) return null
  const query = tx
    .select()
    .from(schema.measures)
    .where(and(eq(schema.measures.id, id), measureWhere(ability, action)))
  const [m] = options.lock ? await query.for('update') : await query
  return m ?? null
}

/** Whether the caller may act on this measure (take a step, record a hearing or a search attempt). */
export function mayUpdateMeasure(ability: AppAbility, m: typeof schema.measures.$inferSelect): boolean {
  return ability.can('update', record('Measure', { stichtingId: m.stichtingId, schoolId: m.schoolId, kind: m.kind, proposedById: m.proposedById }))
}

const isoDate = z.iso.date('Datum als JJJJ-MM-DD')

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
export async function proposeMeasure(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown): Promise<MeasureResult> {
  const parsed = proposeMeasureInput.safeParse(raw)
  if (!parsed.success) {
    return zodRefusal(parsed.error)
  }
  const input = parsed.data
  if (!ctx.schoolId || !ctx.stichtingId || !ability.can('create', 'Measure')) return refuse(403, '', 'Je mag deze maatregel niet voorstellen.')
  // A leerkracht may only request a time-out (protocol §3.3); the rest is for the directeur and IB.
  if (!ability.can('create', record('Measure', { kind: input.kind, schoolId: ctx.schoolId }))) {
    return refuse(403, 'kind', `Je mag geen ${MEASURE_LABELS[input.kind]} voorstellen.`)
  }
  const [student] = await tx
    .select({ id: schema.students.id, sector: schema.schools.sector })
    .from(schema.students)
    .innerJoin(schema.schools, eq(schema.schools.id, schema.students.schoolId))
    .where(and(eq(schema.students.id, input.studentId), eq(schema.students.schoolId, ctx.schoolId)))
  if (!student) return refuse(400, 'studentId', 'Onbekende leerling: kies een leerling van deze school.')
  if (input.pendingRemovalId) {
    const refusal = await pendingRemovalRefusal(tx, ability, ctx.schoolId, input.kind, student.id, input.pendingRemovalId)
    if (refusal) return refusal
  }
  const today = localDate(new Date())
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
    return refuse(
      400,
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
    if (!calendar) return refuse(400, 'startsOn', 'Er is geen schoolkalender voor deze periode.')
    // A schorsing is counted in school days: not on a schooljaar whose holidays were never entered.
    const withoutHolidays = input.kind === 'schorsing' ? schoolYearWithoutHolidays(calendar, [startsOn]) : null
    if (withoutHolidays) return refuse(400, 'startsOn', missingHolidaysMessage(withoutHolidays, calendar.region))
    if (!calendar.isSchoolDay(startsOn)) return refuse(400, 'startsOn', `${startsOn} is geen schooldag.`)
    schoolDays = input.kind === 'time_out' ? 1 : (input.schoolDays ?? 0)
    if (input.kind === 'time_out' && input.schoolDays !== undefined && input.schoolDays !== 1) {
      return refuse(400, 'schoolDays', 'Een time-out duurt alleen de rest van de dag (protocol §3.3).')
    }
    if (input.kind === 'schorsing') {
      const check = checkSchorsingLength(student.sector, schoolDays, startsOn)
      if (!check.ok) return refuse(400, 'schoolDays', check.message)
    }
    endsOn = calendar.addSchoolDays(startsOn, schoolDays)
    const endWithoutHolidays = input.kind === 'schorsing' ? schoolYearWithoutHolidays(calendar, [endsOn]) : null
    if (endWithoutHolidays) return refuse(400, 'schoolDays', missingHolidaysMessage(endWithoutHolidays, calendar.region))
  }

  if (input.incidentIds.length) {
    const found = await tx
      .select({ id: schema.incidents.id })
      .from(schema.incidents)
      .where(and(inArray(schema.incidents.id, input.incidentIds), eq(schema.incidents.status, 'submitted')))
    if (found.length !== new Set(input.incidentIds).size) return refuse(400, 'incidentIds', 'Onbekend of niet ingediend incident.')
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
    if (!chain.ok) return refuse(400, 'startsOn', chain.message)
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

/** The final states of a verwijdering: after these no schorsing can be pending it. */
const REMOVAL_CLOSED = WORKFLOWS.verwijdering.final

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
): Promise<MeasureResult | null> {
  if (kind !== 'schorsing') {
    return refuse(400, 'pendingRemovalId', `Alleen een schorsing kan hangende een verwijdering; een ${MEASURE_LABELS[kind]} niet.`)
  }
  const removal = await loadMeasure(tx, ability, removalId)
  if (!removal || removal.schoolId !== schoolId) return refuse(404, 'pendingRemovalId', 'Verwijdering niet gevonden.')
  if (removal.kind !== 'verwijdering') {
    return refuse(400, 'pendingRemovalId', `Deze maatregel is een ${MEASURE_LABELS[removal.kind]}, geen verwijdering: kies een lopende verwijdering van deze leerling.`)
  }
  if (removal.studentId !== studentId) return refuse(400, 'pendingRemovalId', 'Deze verwijdering gaat over een andere leerling.')
  if (REMOVAL_CLOSED.includes(removal.state)) {
    return refuse(
      409,
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

export const transitionInput = z.strictObject({
  to: textInput({ message: 'Kies de volgende stap' }).min(1, 'Kies de volgende stap'),
  reason: textInput().trim().max(10_000).optional(),
  expectedState: textInput().optional(),
})

/** Moves a measure to its next state, if this role may; records it and does what the rules ask. */
export async function transitionMeasure(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown): Promise<MeasureResult> {
  const parsed = transitionInput.safeParse(raw)
  if (!parsed.success) return refuse(400, 'to', parsed.error.issues[0]?.message ?? 'Ongeldige stap')
  const m = await loadMeasure(tx, ability, id)
  if (!m) return refuse(404, 'id', 'Maatregel niet gevonden.')
  if (parsed.data.expectedState && parsed.data.expectedState !== m.state) {
    return refuse(409, 'expectedState', `De maatregel is intussen ${stateLabel(m.kind, m.state)}; laad hem opnieuw.`)
  }
  const workflow = WORKFLOWS[m.kind]
  const rule = workflow.transitions.find((t) => t.from === m.state && t.to === parsed.data.to)
  if (!rule) {
    return refuse(409, 'to', `Van "${stateLabel(m.kind, m.state)}" kan de maatregel niet naar "${stateLabel(m.kind, parsed.data.to)}".`)
  }
  if (rule.viaLetter) {
    return refuse(
      409,
      'to',
      `"${stateLabel(m.kind, rule.to)}" volgt uit de brief: leg bij Brieven vast dat de besluitbrief is verzonden (per e-mail, per post of uitgereikt).`,
    )
  }
  // The directeur takes a board's step only under the school's mandate, within its maximum (mandates.ts).
  const mandate = ctx.role === 'directeur' && rule.who.includes('board') ? await mandateForSchorsing(tx, m) : null
  if (!mayTake(rule, ctx.role, mandate?.ok ?? false)) {
    return refuse(403, 'to', mandate && !mandate.ok ? mandate.message : 'Deze stap is niet aan jou.')
  }
  if (rule.needsReason && (parsed.data.reason?.length ?? 0) < 10) return refuse(400, 'reason', 'Geef een reden (minstens een zin).')
  // The decision checks the extension ban again: the calendar or the pupil's other schorsingen may
  // have changed since the proposal (schorsing-chain.ts). Locks the pupil until commit.
  if (m.kind === 'schorsing' && rule.to === 'approved' && m.startsOn && m.endsOn) {
    const chain = await checkPupilSchorsingen(tx, {
      sector: m.sector,
      schoolId: m.schoolId,
      studentId: m.studentId,
      measureId: m.id,
      startsOn: m.startsOn,
      endsOn: m.endsOn,
      schoolDays: m.schoolDays ?? 0,
      basis: await recordedFollowUpBasis(tx, m.id),
    })
    if (!chain.ok) return refuse(409, 'to', chain.message)
  }
  // The search for another school (removal-search.ts): definitive only when the rule set's condition holds — another school
  // admits the pupil (mbo: or 8 weeks of documented search); refused with the rule and its source.
  if (m.kind === 'verwijdering' && rule.to === 'definitive') {
    const refusal = await definitiveRemovalRefusal(tx, m)
    if (refusal) return refuse(409, 'to', refusal)
  }
  // Hearings per sector (removal-hearings.ts): the school's step and the board's decision wait until
  // every party the rule set names is heard (and, in vo, the Inspectie consulted).
  if (m.kind === 'verwijdering' && (rule.to === 'hearings_recorded' || rule.to === 'decided')) {
    const refusal = await hearingsRefusal(tx, m)
    if (refusal) return refuse(409, 'to', refusal)
  }
  const now = new Date()
  const deciding = rule.who.includes('board')
  const updated = await tx
    .update(schema.measures)
    .set({
      state: rule.to,
      version: m.version + 1,
      updatedAt: now,
      ...(deciding
        ? {
            decidedById: ctx.userId,
            decidedAt: now,
            decidedUnderMandate: !!mandate?.ok,
            decidedUnderMandateId: mandate?.ok ? mandate.mandate.id : null,
            decisionNote: parsed.data.reason ?? null,
          }
        : {}),
    })
    .where(and(eq(schema.measures.id, m.id), eq(schema.measures.state, m.state)))
    .returning({ id: schema.measures.id })
  if (updated.length !== 1) return refuse(409, 'expectedState', 'De maatregel is intussen gewijzigd; laad hem opnieuw.')
  const tenant = { stichtingId: m.stichtingId, schoolId: m.schoolId }
  await tx.insert(schema.measureTransitions).values({ ...tenant, measureId: m.id, fromState: m.state, toState: rule.to, byId: ctx.userId, reason: parsed.data.reason ?? null })
  if (m.kind === 'schorsing' && rule.to === 'approved') await afterSchorsingDecision(tx, ctx, m, now, mandate?.ok ? mandate.mandate : null)
  if (m.kind === 'time_out' && rule.to === 'approved') await mailMeasureRecipients(tx, ctx, m, TIME_OUT_MAIL(m))
  if (m.kind === 'verwijdering' && rule.to === 'decided') await mailMeasureRecipients(tx, ctx, m, VERWIJDERING_MAIL)
  if (m.kind === 'verwijdering' && (rule.to === 'decided' || rule.to === 'definitive')) await afterRemovalStep(tx, m, rule.to, now)
  return { ok: true, id: m.id, state: rule.to }
}

// The school safety protocol, §3.3 (time-out): the parents are informed at once of a time-out; safety first, so the mail
// goes out when the directeur approves, not after the parents were reached.
const TIME_OUT_MAIL = (m: typeof schema.measures.$inferSelect) => ({
  subject: (f: { pupilName: string }) => `Time-out van ${f.pupilName}`,
  body: (f: { pupilName: string }) =>
    `${f.pupilName} heeft ${m.startsOn ? `op ${m.startsOn} ` : ''}een time-out gekregen: de rest van de dag niet in de groep. De school neemt vandaag contact met u op en nodigt u uit voor een gesprek.`,
})

// WPO 40, WVO 2020 8.15, WEB 8.1.7d: the decision goes in writing to those the rule set names.
const VERWIJDERING_MAIL = {
  subject: (f: { pupilName: string }) => `Besluit tot verwijdering van ${f.pupilName}`,
  body: (f: { pupilName: string }) =>
    `Het bevoegd gezag heeft besloten ${f.pupilName} te verwijderen. De verwijdering wordt pas definitief als een andere school of instelling de leerling toelaat; tot dan blijft ${f.pupilName} ingeschreven. U ontvangt het schriftelijke besluit met de redenen en de mogelijkheid van bezwaar van de school.`,
}

/** What the law and the protocol ask after a schorsing is decided: tasks, and mail to the parents. */
async function afterSchorsingDecision(tx: Tx, ctx: TenantContext, m: typeof schema.measures.$inferSelect, now: Date, mandate: MandateRow | null) {
  const tenant = { stichtingId: m.stichtingId, schoolId: m.schoolId }
  const today = localDate(now)
  const [pupil] = await tx
    .select({ firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName, school: schema.schools.name, brin: schema.schools.brin })
    .from(schema.students)
    .innerJoin(schema.schools, eq(schema.schools.id, schema.students.schoolId))
    .where(eq(schema.students.id, m.studentId))
  const name = pupil ? displayName(pupil) : 'de leerling'
  const tasks: (typeof schema.measureTasks.$inferInsert)[] = []
  if (inspectieNoticeRequired(m.sector, m.schoolDays ?? 0, today)) {
    tasks.push({
      ...tenant,
      measureId: m.id,
      kind: 'inspectie_melding',
      title: 'Schorsing melden bij de Inspectie van het Onderwijs (Internet Schooldossier)',
      summary: [
        `School: ${pupil?.school ?? ''} (BRIN ${pupil?.brin ?? ''})`,
        `Leerling: ${name}`,
        `Schorsing van ${m.schoolDays} schooldagen, ${m.startsOn} tot en met ${m.endsOn}`,
        `Reden: ${m.reasons}`,
        `Besloten op ${today} door ${mandate ? `de directeur, namens het bevoegd gezag krachtens mandaat van ${mandate.besluitOn}` : 'het bevoegd gezag'}.`,
      ].join('\n'),
      dueOn: today,
    })
  }
  tasks.push(
    { ...tenant, measureId: m.id, kind: 'leerplicht_afschrift', title: 'Afschrift van het besluit naar de leerplichtambtenaar', dueOn: today },
    { ...tenant, measureId: m.id, kind: 'huiswerk', title: 'Huiswerk en begeleiding tijdens de schorsing regelen', dueOn: m.startsOn ?? today },
    { ...tenant, measureId: m.id, kind: 'toetsen', title: 'Toegang tot toetsen tijdens de schorsing regelen', dueOn: m.startsOn ?? today },
  )
  await tx.insert(schema.measureTasks).values(tasks)
  await mailMeasureRecipients(tx, ctx, m, {
    subject: (f) => `Besluit tot schorsing van ${f.pupilName}`,
    body: (f) =>
      `Het bevoegd gezag heeft besloten ${f.pupilName} te schorsen van ${m.startsOn} tot en met ${m.endsOn} (${m.schoolDays} schooldagen). U ontvangt het schriftelijke besluit met de redenen en de mogelijkheid van bezwaar van de school.`,
  })
}

/** The task kinds of a statutory notice (Inspectie, leerplichtambtenaar): the board's oversight lists the open ones. */
export const NOTICE_TASK_KINDS = ['inspectie_melding', 'inspectie_verwijdering', 'leerplicht_verwijdering'] as const

const REMOVAL_NOTICE_TITLES: Record<RemovalNoticeStep, Record<'inspectie' | 'leerplicht', string>> = {
  decided: {
    inspectie: 'Besluit tot verwijdering melden bij de Inspectie van het Onderwijs',
    leerplicht: 'Besluit tot verwijdering melden bij de leerplichtambtenaar',
  },
  definitive: {
    inspectie: 'Definitieve verwijdering melden bij de Inspectie van het Onderwijs',
    leerplicht: 'Definitieve verwijdering melden bij de leerplichtambtenaar',
  },
}

/**
 * The notices `verwijdering.inspectie` asks after the decision to remove (po/so: the Inspectie and the
 * leerplichtambtenaar) or after the removal became definitive (vo: the Inspectie), each a task with
 * a ready-to-submit summary, due on the day of the step (the rule names no term: onverwijld).
 */
async function afterRemovalStep(tx: Tx, m: typeof schema.measures.$inferSelect, step: RemovalNoticeStep, now: Date) {
  const today = localDate(now)
  const ruleSet = allRuleSets().find((s) => s.id === m.ruleSetId) ?? ruleSetFor(m.sector, today)
  const [pupil] = await tx
    .select({
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      dateOfBirth: schema.students.dateOfBirth,
      school: schema.schools.name,
      brin: schema.schools.brin,
    })
    .from(schema.students)
    .innerJoin(schema.schools, eq(schema.schools.id, schema.students.schoolId))
    .where(eq(schema.students.id, m.studentId))
  // Not visible (should not happen for a measure the caller may decide): count as a minor, which asks for more notices.
  const minor = pupil ? ageOn(pupil.dateOfBirth, today) < AGE_OF_MAJORITY : true
  const notices = removalNotices(ruleSet, step, minor)
  if (!notices.length) return
  const decidedOn = step === 'decided' ? today : ((await removalDecidedOn(tx, m)) ?? today)
  const attempts = await tx
    .select({ contactedOn: schema.removalSearchAttempts.contactedOn, schoolName: schema.removalSearchAttempts.schoolName, result: schema.removalSearchAttempts.result })
    .from(schema.removalSearchAttempts)
    .where(eq(schema.removalSearchAttempts.measureId, m.id))
    .orderBy(asc(schema.removalSearchAttempts.contactedOn), asc(schema.removalSearchAttempts.createdAt))
  const other = m.sector === 'mbo' ? 'een andere instelling' : 'een andere school'
  const search =
    step === 'decided'
      ? [`Zoeken naar ${other}: het bevoegd gezag zoekt vanaf het besluit ${other} die de leerling wil toelaten; tot dan blijft de leerling ingeschreven.`]
      : [
          `Definitief verwijderd op ${today}.`,
          'Zoeken naar een andere school:',
          ...(attempts.length ? attempts.map((a) => `- ${a.contactedOn}: ${a.schoolName} — ${a.result}`) : ['- geen zoekpoging vastgelegd']),
        ]
  const summary = [
    `School: ${pupil?.school ?? ''}${pupil?.brin ? ` (BRIN ${pupil.brin})` : ''}`,
    `Leerling: ${pupil ? displayName(pupil) : 'de leerling'}${pupil ? `, geboren ${pupil.dateOfBirth}` : ''}`,
    `Besluit tot verwijdering genomen op ${decidedOn} door het bevoegd gezag.`,
    `Gronden: ${m.reasons}`,
    ...search,
  ].join('\n')
  const tenant = { stichtingId: m.stichtingId, schoolId: m.schoolId }
  await tx.insert(schema.measureTasks).values(
    notices.map((n) => ({
      ...tenant,
      measureId: m.id,
      kind: n.kind,
      title: `${REMOVAL_NOTICE_TITLES[step][n.to]} (${n.rule.source})`,
      summary,
      dueOn: today,
    })),
  )
}

export interface MeasureListItem {
  id: string
  kind: MeasureKind
  kindLabel: string
  state: string
  stateLabel: string
  studentId: string
  studentName: string
  schoolId: string
  schoolName: string
  startsOn: string | null
  endsOn: string | null
  schoolDays: number | null
  /** For a schorsing pending a verwijdering: that verwijdering's id, or null. */
  pendingRemovalId: string | null
  createdAt: Date
  updatedAt: Date
}

export const listMeasuresInput = z.object({
  id: z.uuid().optional(),
  kind: z.enum(MEASURE_KINDS).optional(),
  state: textInput().max(40).optional(),
  studentId: z.uuid().optional(),
  kinds: z.array(z.enum(MEASURE_KINDS)).optional(),
  /** The schorsingen pending this verwijdering. */
  pendingRemovalId: z.uuid().optional(),
})

/**
 * The measures the caller may see, newest first: at most 500, unless `options.all` (the board's
 * oversight, which counts every case of the stichting).
 */
export async function listMeasures(
  tx: Tx,
  ability: AppAbility,
  raw: z.input<typeof listMeasuresInput> = {},
  options: { all?: boolean } = {},
): Promise<MeasureListItem[]> {
  const input = listMeasuresInput.parse(raw)
  const m = schema.measures
  const rows = await tx
    .select({
      id: m.id,
      kind: m.kind,
      state: m.state,
      studentId: m.studentId,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      schoolId: m.schoolId,
      schoolName: schema.schools.name,
      startsOn: m.startsOn,
      endsOn: m.endsOn,
      schoolDays: m.schoolDays,
      pendingRemovalId: m.pendingRemovalId,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    })
    .from(m)
    .innerJoin(schema.students, eq(schema.students.id, m.studentId))
    .innerJoin(schema.schools, eq(schema.schools.id, m.schoolId))
    .where(
      and(
        measureWhere(ability, 'read'),
        input.id ? eq(m.id, input.id) : undefined,
        input.kind ? eq(m.kind, input.kind) : undefined,
        input.state ? eq(m.state, input.state) : undefined,
        input.studentId ? eq(m.studentId, input.studentId) : undefined,
        input.kinds ? inArray(m.kind, input.kinds) : undefined,
        input.pendingRemovalId ? eq(m.pendingRemovalId, input.pendingRemovalId) : undefined,
      ),
    )
    .orderBy(desc(m.createdAt))
    .limit(options.all ? Number.MAX_SAFE_INTEGER : 500)
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: MEASURE_LABELS[r.kind],
    state: r.state,
    stateLabel: stateLabel(r.kind, r.state),
    studentId: r.studentId,
    studentName: displayName(r),
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    schoolDays: r.schoolDays,
    pendingRemovalId: r.pendingRemovalId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }))
}

/**
 * Logs that the caller opened the case in the access log, in the read's transaction. The bestuurder opens
 * the cases of the stichting's schools as the bevoegd gezag: the row says so.
 */
export async function recordMeasureAccess(tx: Tx, ctx: TenantContext, m: { id: string; studentId: string; schoolId: string; stichtingId: string }): Promise<void> {
  await recordAccess(tx, ctx, {
    subjectType: 'measure',
    subjectId: m.id,
    studentId: m.studentId,
    schoolId: m.schoolId,
    stichtingId: m.stichtingId,
    reason: ctx.role === 'bestuurder' ? 'toezicht bevoegd gezag' : null,
  })
}

/**
 * One measure with its history, tasks, linked incidents, the hearings of a verwijdering and the steps
 * open to the caller. Opening the case is logged (recordMeasureAccess) in the same transaction.
 */
export async function getMeasure(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string) {
  if (!z.uuid().safeParse(id).success) return null
  const [item] = await listMeasures(tx, ability, { id })
  if (!item) return null
  const [row] = await tx.select().from(schema.measures).where(eq(schema.measures.id, id))
  await recordMeasureAccess(tx, ctx, row!)
  const [transitions, tasks, incidents, mandate, hearings, pending, schorsingenOfYear] = await Promise.all([
    tx
      .select({ from: schema.measureTransitions.fromState, to: schema.measureTransitions.toState, at: schema.measureTransitions.at, reason: schema.measureTransitions.reason, by: schema.users.name })
      .from(schema.measureTransitions)
      .leftJoin(schema.users, eq(schema.users.id, schema.measureTransitions.byId))
      .where(eq(schema.measureTransitions.measureId, id))
      .orderBy(asc(schema.measureTransitions.at)),
    tx.select().from(schema.measureTasks).where(eq(schema.measureTasks.measureId, id)).orderBy(asc(schema.measureTasks.dueOn)),
    tx.select({ incidentId: schema.measureIncidents.incidentId }).from(schema.measureIncidents).where(eq(schema.measureIncidents.measureId, id)),
    ctx.role === 'directeur' && item.kind === 'schorsing' ? mandateForSchorsing(tx, row!) : null,
    getMeasureHearings(tx, ability, id),
    pendingRemovalLinks(tx, ability, item),
    item.kind === 'schorsing' && item.startsOn ? pupilSchorsingenOfYear(tx, ability, item.studentId, schoolYearOf(new Date(`${item.startsOn}T12:00:00Z`))) : null,
  ])
  return {
    ...item,
    reasons: row!.reasons,
    skipJustification: row!.skipJustification,
    sector: row!.sector,
    ruleSetId: row!.ruleSetId,
    decidedAt: row!.decidedAt,
    decidedUnderMandate: row!.decidedUnderMandate,
    /** The mandate version the decision was taken under (Awb art. 10:1), or null. */
    mandate: await mandateSummary(tx, row!.decidedUnderMandateId),
    transitions: transitions.map((t) => ({ ...t, fromLabel: t.from ? stateLabel(item.kind, t.from) : null, toLabel: stateLabel(item.kind, t.to) })),
    tasks,
    incidentIds: incidents.map((i) => i.incidentId),
    /** Verwijdering only: the hearings recorded, who must be heard, and whether that is complete. */
    hearings,
    /** Schorsing pending a verwijdering: that verwijdering (null when none or not visible to the caller). */
    pendingRemoval: pending.removal,
    /** Verwijdering: its schorsingen pending removal, with whether each still runs; null for other kinds. */
    schorsingenPending: pending.schorsingen,
    /** Schorsing: the pupil's schorsingen (not refused) of the schooljaar it starts in, this one included, with their total. */
    schorsingenOfYear,
    next: openTransitions(item.kind, item.state, ctx.role, mandate?.ok ?? false).map((t) => ({ to: t.to, label: t.label, needsReason: !!t.needsReason })),
  }
}

async function mandateSummary(tx: Tx, id: string | null) {
  const mandate = await mandateById(tx, id)
  return mandate ? { id: mandate.id, version: mandate.version, maxSchoolDays: mandate.maxSchoolDays, startsOn: mandate.startsOn, besluitOn: mandate.besluitOn } : null
}

export interface PendingSchorsing {
  id: string
  state: string
  stateLabel: string
  startsOn: string | null
  endsOn: string | null
  schoolDays: number | null
  /** Not refused or ended: still running (nothing closes it when the verwijdering ends). */
  running: boolean
}

/** Both ends of the link between a schorsing and the verwijdering it is pending. */
async function pendingRemovalLinks(tx: Tx, ability: AppAbility, item: MeasureListItem) {
  const removal = item.pendingRemovalId ? ((await listMeasures(tx, ability, { id: item.pendingRemovalId }))[0] ?? null) : null
  const schorsingen: PendingSchorsing[] | null =
    item.kind === 'verwijdering'
      ? (await listMeasures(tx, ability, { pendingRemovalId: item.id, kind: 'schorsing' })).reverse().map((s) => ({
          id: s.id,
          state: s.state,
          stateLabel: s.stateLabel,
          startsOn: s.startsOn,
          endsOn: s.endsOn,
          schoolDays: s.schoolDays,
          running: !WORKFLOWS.schorsing.final.includes(s.state),
        }))
      : null
  return {
    removal: removal ? { id: removal.id, state: removal.state, stateLabel: removal.stateLabel, open: !REMOVAL_CLOSED.includes(removal.state) } : null,
    schorsingen,
  }
}

export const completeMeasureTaskInput = z.strictObject({
  reference: textInput().trim().max(200, 'Kenmerk te lang').optional(),
  note: textInput().trim().max(4000, 'Notitie te lang').optional(),
})

/**
 * Marks a measure's task done — for the Inspectie notice, the manual submission in the Inspectie's
 * portal with its reference (the portal has no API). School staff who may update the measure.
 */
export async function completeMeasureTask(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  measureId: string,
  taskId: string,
  raw: unknown,
): Promise<MeasureResult> {
  const parsed = completeMeasureTaskInput.safeParse(raw)
  if (!parsed.success) return refuse(400, 'reference', parsed.error.issues[0]?.message ?? 'Ongeldige invoer')
  if (!z.uuid().safeParse(taskId).success) return refuse(404, 'id', 'Taak niet gevonden.')
  const m = await loadMeasure(tx, ability, measureId, { action: 'update' })
  if (!m || !ctx.schoolId) return refuse(404, 'id', 'Taak niet gevonden.')
  const [task] = await tx
    .select()
    .from(schema.measureTasks)
    .where(and(eq(schema.measureTasks.id, taskId), eq(schema.measureTasks.measureId, m.id)))
  if (!task) return refuse(404, 'taskId', 'Taak niet gevonden.')
  if (task.doneAt) return refuse(409, 'taskId', 'Deze taak is al afgerond.')
  if (task.kind === 'inspectie_melding' && !parsed.data.reference) {
    return refuse(400, 'reference', 'Vul het kenmerk in dat het Internet Schooldossier van de Inspectie gaf.')
  }
  await tx
    .update(schema.measureTasks)
    .set({ doneAt: new Date(), doneById: ctx.userId, reference: parsed.data.reference ?? null, note: parsed.data.note ?? null })
    .where(eq(schema.measureTasks.id, task.id))
  return { ok: true, id: m.id, state: m.state }
}
