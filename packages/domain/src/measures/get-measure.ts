// One measure as its page and the API show it: history, tasks, linked incidents, the hearings of a
// verwijdering, the link with a pending schorsing or verwijdering and the steps open to the caller.
import { schema, type TenantContext, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate, schoolYearOf } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { mandateForSchorsing } from './mandates.ts'
import { findMeasures, mandateSummary, pendingRemovalLinks, recordMeasureAccess, stepSubject } from './measure-cases.ts'
import { hearingsOf } from './removal-hearings.ts'
import { pupilSchorsingenOfYear } from './schorsing-chain.ts'
import { decidesAs, openTransitions, stateLabel } from './workflows.ts'
import { recordId } from '../input-rules.ts'

/**
 * One measure with its history, tasks, linked incidents, the hearings of a verwijdering and the steps
 * open to the caller. Opening the case is logged (recordMeasureAccess) in the same transaction.
 */
export const getMeasure = defineUseCase({
  name: 'measures/get-measure',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Measure'],
  async run(tx, { ability, tenant, now }, { id }) {
    const view = await measureView(tx, ability, tenant, id, localDate(now))
    return view ? { ok: true as const, ...view } : refuse('not_found', 'id', 'Maatregel niet gevonden.')
  },
})

/** The measure page's and the API's view of one measure, or null when the caller cannot see it. */
export async function measureView(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, today: string) {
  if (!z.uuid().safeParse(id).success) return null
  const [item] = await findMeasures(tx, ability, { id })
  if (!item) return null
  const [row] = await tx.select().from(schema.measures).where(eq(schema.measures.id, id))
  await recordMeasureAccess(tx, ability, ctx, row!)
  const subject = stepSubject(row!)
  const underMandate = decidesAs(ability, subject) === 'under_mandate'
  const [transitions, tasks, incidents, mandate, hearings, pending, schorsingenOfYear] = await Promise.all([
    tx
      // The name kept with the step: the reader may not see the actor's users row (a bestuurder's, for school staff).
      .select({ from: schema.measureTransitions.fromState, to: schema.measureTransitions.toState, at: schema.measureTransitions.at, reason: schema.measureTransitions.reason, by: schema.measureTransitions.byName })
      .from(schema.measureTransitions)
      .where(eq(schema.measureTransitions.measureId, id))
      .orderBy(asc(schema.measureTransitions.at)),
    tx.select().from(schema.measureTasks).where(eq(schema.measureTasks.measureId, id)).orderBy(asc(schema.measureTasks.dueOn)),
    tx.select({ incidentId: schema.measureIncidents.incidentId }).from(schema.measureIncidents).where(eq(schema.measureIncidents.measureId, id)),
    underMandate && item.kind === 'schorsing' ? mandateForSchorsing(tx, row!, today) : null,
    hearingsOf(tx, ability, id, today),
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
    /** The steps open to the caller; `decides`: a decision of the bevoegd gezag (the page asks to confirm it). */
    next: openTransitions(ability, { ...subject, state: item.state, mandated: mandate?.ok ?? false }).map((t) => ({ to: t.to, label: t.label, needsReason: !!t.needsReason, decides: t.by.includes('decide') && !t.needsReason })),
  }
}

