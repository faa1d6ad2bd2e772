// Moving a measure through its workflow (workflows.ts), with the law's checks at each step: who may
// take it (CASL; the bestuurder, or the directeur under mandate), the extension ban at the decision,
// the hearings and the search for another school before a verwijdering is decided or definitive,
// and the tasks and mail that follow.
import { schema, type TenantContext, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { recordId, textInput } from '../input-rules.ts'
import { displayName, studentNameColumns } from '../students.ts'
import { defineUseCase, refuse, type Outcome } from '../use-case.ts'
import { AGE_OF_MAJORITY, ageOn } from './decision-recipients.ts'
import { mandateForSchorsing, type MandateRow } from './mandates.ts'
import { loadMeasure, stepSubject } from './measure-cases.ts'
import { mailMeasureRecipients } from './measure-mail.ts'
import { hearingsRefusal } from './removal-hearings.ts'
import { definitiveRemovalRefusal, removalDecidedOn } from './removal-search.ts'
import { allRuleSets, inspectieNoticeRequired, removalNotices, ruleSetFor, type RemovalNoticeStep } from './rule-lookups.ts'
import { checkPupilSchorsingen, recordedFollowUpBasis } from './schorsing-chain.ts'
import { decidesAs, mayTake, stateLabel, WORKFLOWS } from './workflows.ts'

const transitionInput = z.strictObject({
  id: recordId(),
  to: textInput({ message: 'Kies de volgende stap' }).min(1, 'Kies de volgende stap').max(60, 'Kies de volgende stap'),
  reason: textInput().trim().max(10_000).optional(),
  expectedState: textInput().max(60).optional(),
})

/**
 * Moves a measure to its next state, if the caller may take that step (workflows.ts: the CASL
 * action the step needs); records it and does what the rules ask. Everyone who may update a measure
 * may try; the step decides.
 */
export const transitionMeasure = defineUseCase({
  name: 'measures/transition-measure',
  input: transitionInput,
  permission: ['update', 'Measure'],
  run: (tx, { ability, tenant, now }, input) => transition(tx, ability, tenant, input, now),
})

async function transition(tx: Tx, ability: AppAbility, ctx: TenantContext, input: z.output<typeof transitionInput>, now: Date): Promise<Outcome<{ id: string; state: string }>> {
  const today = localDate(now)
  const m = await loadMeasure(tx, ability, input.id)
  if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
  if (input.expectedState && input.expectedState !== m.state) {
    return refuse('conflict', 'expectedState', `De maatregel is intussen ${stateLabel(m.kind, m.state)}; laad hem opnieuw.`)
  }
  const workflow = WORKFLOWS[m.kind]
  const rule = workflow.transitions.find((t) => t.from === m.state && t.to === input.to)
  if (!rule) {
    return refuse('conflict', 'to', `Van "${stateLabel(m.kind, m.state)}" kan de maatregel niet naar "${stateLabel(m.kind, input.to)}".`)
  }
  if (rule.viaLetter) {
    return refuse('conflict',
      'to',
      `"${stateLabel(m.kind, rule.to)}" volgt uit de brief: leg bij Brieven vast dat de besluitbrief is verzonden (per e-mail, per post of uitgereikt).`,
    )
  }
  // The directeur takes a board's step only under the school's mandate, within its maximum (mandates.ts).
  const deciding = rule.by.includes('decide')
  const subject = stepSubject(m)
  const mandate = deciding && decidesAs(ability, subject) === 'under_mandate' ? await mandateForSchorsing(tx, m, today) : null
  if (!mayTake(rule, ability, { ...subject, mandated: mandate?.ok ?? false })) {
    return refuse('forbidden', 'to', mandate && !mandate.ok ? mandate.message : 'Deze stap is niet aan jou.')
  }
  if (rule.needsReason && (input.reason?.length ?? 0) < 10) return refuse('invalid', 'reason', 'Geef een reden (minstens een zin).')
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
    if (!chain.ok) return refuse('conflict', 'to', chain.message)
  }
  // The search for another school (removal-search.ts): definitive only when the rule set's condition holds — another school
  // admits the pupil (mbo: or 8 weeks of documented search); refused with the rule and its source.
  if (m.kind === 'verwijdering' && rule.to === 'definitive') {
    const refusal = await definitiveRemovalRefusal(tx, m, today)
    if (refusal) return refuse('conflict', 'to', refusal)
  }
  // Hearings per sector (removal-hearings.ts): the school's step and the board's decision wait until
  // every party the rule set names is heard (and, in vo, the Inspectie consulted).
  if (m.kind === 'verwijdering' && (rule.to === 'hearings_recorded' || rule.to === 'decided')) {
    const refusal = await hearingsRefusal(tx, m, today)
    if (refusal) return refuse('conflict', 'to', refusal)
  }
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
            decisionNote: input.reason ?? null,
          }
        : {}),
    })
    .where(and(eq(schema.measures.id, m.id), eq(schema.measures.state, m.state)))
    .returning({ id: schema.measures.id })
  if (updated.length !== 1) return refuse('conflict', 'expectedState', 'De maatregel is intussen gewijzigd; laad hem opnieuw.')
  const tenant = { stichtingId: m.stichtingId, schoolId: m.schoolId }
  await tx.insert(schema.measureTransitions).values({ ...tenant, measureId: m.id, fromState: m.state, toState: rule.to, byId: ctx.userId, reason: input.reason ?? null })
  if (m.kind === 'schorsing' && rule.to === 'approved') await afterSchorsingDecision(tx, ctx, m, now, mandate?.ok ? mandate.mandate : null)
  if (m.kind === 'time_out' && rule.to === 'approved') await mailMeasureRecipients(tx, ctx, m, TIME_OUT_MAIL(m), today)
  if (m.kind === 'verwijdering' && rule.to === 'decided') await mailMeasureRecipients(tx, ctx, m, VERWIJDERING_MAIL, today)
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
  }, today)
}

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
      ...studentNameColumns,
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

