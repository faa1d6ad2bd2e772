import { addAppointment, setAttendance } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { haltWrite } from '~/lib/halt.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST of PATCH.')
}

/**
 * POST /api/v1/halt/referrals/{id}/appointments — {kind, startsAt, slotId?}: plan an appointment (an
 * intake sets the intake date). PATCH — {appointmentId, attendance}: record attendance.
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  const id = params.id ?? ''
  if (request.method === 'PATCH') return haltWrite(request, context, ['PATCH'], (tx, ctx, body) => setAttendance(tx, ctx.ability, ctx.tenant, id, body))
  return haltWrite(request, context, ['POST'], (tx, ctx, body) => addAppointment(tx, ctx.ability, ctx.tenant, id, body), 201)
}
