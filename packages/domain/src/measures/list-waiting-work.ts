// What waits on the measures for the caller's home page: decisions to take (a time-out to approve, a
// schorsing or verwijdering to decide), decision letters to make and send, statutory notices not yet
// filed (Inspectie, leerplichtambtenaar) and bezwaren whose decision term ends within a week. Each
// names the pupil and the school; `yours` marks what the caller decides themselves.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate, plusDays } from '../dates.ts'
import { displayName, studentNameColumns } from '../students.ts'
import { defineUseCase } from '../use-case.ts'
import { findBezwaren } from './bezwaar.ts'
import { mandateForSchorsing } from './mandates.ts'
import { measureWhere, openNoticeTasks, stepSubject } from './measure-cases.ts'
import { MEASURE_LABELS } from './rule-model.ts'
import { decidesAs, stateLabel } from './workflows.ts'
import { BEZWAAR_RISK_DAYS } from './oversight.ts'

/** Cases waiting for a decision, per kind the state they wait in. */
const AWAITING_DECISION = { time_out: 'requested', schorsing: 'proposed', verwijdering: 'hearings_recorded' } as const
/** Decided cases whose decision letter goes out next (the bezwaar term starts with its sending). */
const AWAITING_LETTER = { schorsing: 'approved', verwijdering: 'decided' } as const

export const listWaitingWork = defineUseCase({
  name: 'measures/list-waiting-work',
  input: z.object({}),
  permission: ['read', 'Measure'],
  async run(tx, { ability, now }) {
    const today = localDate(now)
    const m = schema.measures
    const waiting = [...Object.entries(AWAITING_DECISION), ...Object.entries(AWAITING_LETTER)].map(([kind, state]) =>
      and(eq(m.kind, kind as keyof typeof AWAITING_DECISION), eq(m.state, state)),
    )
    const [rows, notices, bezwaren] = await Promise.all([
      tx
        .select({ measure: m, ...studentNameColumns, schoolName: schema.schools.name })
        .from(m)
        .innerJoin(schema.students, eq(schema.students.id, m.studentId))
        .innerJoin(schema.schools, eq(schema.schools.id, m.schoolId))
        .where(and(measureWhere(ability, 'read'), or(...waiting)))
        .orderBy(asc(m.createdAt))
        .limit(100),
      openNoticeTasks(tx, ability, { limit: 50 }),
      findBezwaren(tx, ability, { dueBy: plusDays(today, BEZWAAR_RISK_DAYS) }, today),
    ])
    // A verwijdering's letter may have gone out already (its state stays "decided").
    const decidedIds = rows.filter((r) => r.measure.kind === 'verwijdering' && r.measure.state === 'decided').map((r) => r.measure.id)
    const sent = decidedIds.length
      ? await tx
          .select({ measureId: schema.measureTransitions.measureId })
          .from(schema.measureTransitions)
          .where(and(inArray(schema.measureTransitions.measureId, decidedIds), sql`${schema.measureTransitions.data}->>'event' = 'brief_verzonden'`))
      : []
    const sentIds = new Set(sent.map((s) => s.measureId))
    const item = (r: (typeof rows)[number]) => ({
      id: r.measure.id,
      kind: r.measure.kind,
      kindLabel: MEASURE_LABELS[r.measure.kind],
      stateLabel: stateLabel(r.measure.kind, r.measure.state),
      studentName: displayName(r),
      schoolName: r.schoolName,
      startsOn: r.measure.startsOn,
      schoolDays: r.measure.schoolDays,
    })
    const decisions = []
    for (const r of rows) {
      if (AWAITING_DECISION[r.measure.kind as keyof typeof AWAITING_DECISION] !== r.measure.state) continue
      const subject = stepSubject(r.measure)
      let yours: boolean
      if (r.measure.kind === 'time_out') yours = ability.can('approve', record('Measure', { ...subject, mandated: false }))
      else {
        const as = decidesAs(ability, subject)
        yours = as === 'own_right' || (as === 'under_mandate' && (await mandateForSchorsing(tx, r.measure, today)).ok)
      }
      decisions.push({ ...item(r), yours })
    }
    const letters = rows
      .filter((r) => AWAITING_LETTER[r.measure.kind as keyof typeof AWAITING_LETTER] === r.measure.state && !sentIds.has(r.measure.id))
      .map(item)
    return {
      ok: true as const,
      decisions,
      letters,
      notices: notices.map((n) => ({ taskId: n.taskId, measureId: n.measureId, title: n.title, dueOn: n.dueOn, overdue: n.dueOn < today, studentName: displayName(n), schoolName: n.schoolName })),
      bezwaren: bezwaren.map((b) => ({ id: b.id, measureId: b.measureId, kindLabel: b.kindLabel, studentName: b.studentName, schoolName: b.schoolName, decisionDueOn: b.decisionDueOn, overdue: b.overdue })),
    }
  },
})
