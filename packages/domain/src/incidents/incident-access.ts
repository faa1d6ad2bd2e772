// Opening one incident: break-glass and the access log, shared by every use case that shows an
// incident's content (the note, the edit form, one pupil's view, the parents' PDF). The rules are in
// ../privacy/access-log.ts; this is only the order they run in.
import type { TenantContext, Tx } from '@baken/db'
import { z } from 'zod'
import { decideBreakGlass, incidentNeedsReason, type AccessSubjectRef } from '../privacy/access-log.ts'
import type { Refused } from '../use-case.ts'

/**
 * The break-glass reason as a use case input: absent on a web page (a reason posted earlier through
 * the reason form counts), null or the text of the API's X-Access-Reason header.
 */
export const accessReason = z.string().nullable().optional()

export type OpenedAccess = { breakGlass: boolean; reason: string | null }

/**
 * Whether the caller may open the incident now (recording a break-glass given with the request); a
 * refusal 'forbidden' with the reason's errors otherwise (none on a page: it shows the reason form).
 */
export async function openIncidentAccess(
  tx: Tx,
  tenant: TenantContext,
  facts: AccessSubjectRef & { confidential: boolean; reportedById: string },
  given: string | null | undefined,
): Promise<{ ok: true; access: OpenedAccess } | Refused> {
  const access = await decideBreakGlass(tx, tenant, facts, incidentNeedsReason(tenant, facts), given)
  if (!access.open) return { ok: false, reason: 'forbidden', errors: access.errors }
  return { ok: true, access: { breakGlass: access.breakGlass, reason: access.reason } }
}
