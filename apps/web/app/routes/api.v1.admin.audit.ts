import { listAdminAudit } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/admin/audit?page=&subjectType=&subjectId= — the admin audit trail, newest first (who, when, before → after). */
export const loader = (args: LoaderFunctionArgs) => api(args, listAdminAudit)

export function action() {
  return apiError(405, 'Alleen GET: de audittrail wordt door niemand gewijzigd.')
}
