import { inviteGuardian } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** POST /api/v1/students/{id}/guardian-invitations {kind: 'ouder', guardianId} | {kind: 'leerling', email} — invites to the parents' portal. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, inviteGuardian, { params: { studentId: args.params.id }, status: 201 }) : apiError(405, 'Alleen POST.')
