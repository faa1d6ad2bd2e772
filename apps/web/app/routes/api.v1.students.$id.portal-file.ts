import { releaseStudentFile } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** POST /api/v1/students/{id}/portal-file — the pupil's file (AVG export, without staff names) into the parents' portal (directeur). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, releaseStudentFile, { body: false, input: () => ({ studentId: args.params.id }), status: 201 })
    : apiError(405, 'Alleen POST.')
