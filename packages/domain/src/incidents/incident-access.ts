// Opening one incident: break-glass and the access log, shared by every use case that shows an
// incident's content (the note, the edit form, one pupil's view, the parents' PDF). The rules are in
// ../privacy/access-log.ts; this is only the order they run in.
import type { Action } from '@baken/permissions'
import { z } from 'zod'
import { decideBreakGlass, incidentNeedsReason, incidentSubject, type AccessSubjectRef } from '../privacy/access-log.ts'
import { refuse, type Outcome, type UseCaseContext } from '../use-case.ts'
import { loadIncident, type IncidentDetail } from './incident-record.ts'
import type { Tx } from '@baken/db'

/**
 * The break-glass reason as a use case input: absent on a web page (a reason posted earlier through
 * the reason form counts), null or the text of the API's X-Access-Reason header.
 */
export const accessReason = z.string().max(2000).nullable().optional()

export interface OpenedIncident {
  incident: IncidentDetail
  /** What its log rows are about: the incident and every pupil in it. */
  subject: AccessSubjectRef
  /** How it was opened: with a break-glass reason or without. */
  access: { breakGlass: boolean; reason: string | null }
}

/**
 * Loads an incident the caller may perform `action` on (else not found: another school's, a
 * confidential one for the wrong role, someone else's draft) and decides whether it opens now,
 * recording a break-glass given with the request. A refusal 'forbidden' carries the reason's errors
 * (none on a page: it shows the reason form instead). The caller logs the read it then makes.
 */
export async function openIncident(
  tx: Tx,
  { ability, tenant }: Pick<UseCaseContext, 'ability' | 'tenant'>,
  id: string,
  given: string | null | undefined,
  options: { action?: Action; submittedOnly?: boolean } = {},
): Promise<Outcome<OpenedIncident>> {
  const incident = await loadIncident(tx, ability, id, options.action ?? 'read')
  if (!incident || (options.submittedOnly && incident.status !== 'submitted')) return refuse('not_found', 'id', 'Incident niet gevonden.')
  const subject = incidentSubject(incident)
  const access = await decideBreakGlass(tx, tenant, subject, incidentNeedsReason(ability, incident), given)
  if (!access.open) return { ok: false, reason: 'forbidden', errors: access.errors }
  return { ok: true, incident, subject, access: { breakGlass: access.breakGlass, reason: access.reason } }
}
