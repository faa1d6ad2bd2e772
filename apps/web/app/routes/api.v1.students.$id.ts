import { readStudent } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/students/{id} — one pupil; another tenant's id answers 404, never the row. Logged in
 * the access log. No break-glass here: any staff member may look a pupil of the school up (to
 * register an incident); the pupil's incident history (/dossier) is what a reason guards.
 */
export const loader = (args: LoaderFunctionArgs) => api(args, readStudent, { input: () => ({ id: args.params.id }), respond: (v) => v.student })
