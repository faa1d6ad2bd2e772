import { addAppointment, setAttendance } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST of PATCH.')
}

/**
 * POST /api/v1/halt/referrals/{id}/appointments — {kind, startsAt, slotId?}: plan an appointment (an
 * intake sets the intake date). PATCH — {appointmentId, attendance}: record attendance.
 */
export function action(args: ActionFunctionArgs) {
  const params = { id: args.params.id ?? '' }
  const respond = <T extends object>(v: T) => ({ ok: true, ...v })
  if (args.request.method === 'PATCH') return api(args, setAttendance, { params, respond })
  if (args.request.method === 'POST') return api(args, addAppointment, { params, respond, status: 201 })
  return apiError(405, 'Alleen POST.')
}
