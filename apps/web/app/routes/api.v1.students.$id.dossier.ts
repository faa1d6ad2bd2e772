import { readDossier } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiReason } from '~/lib/access-log.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/students/{id}/dossier — one chronology of the pupil's incidents with their role.
 * Logged; for a leerkracht a pupil outside the groups they teach needs the `X-Access-Reason` header
 * (break-glass): without it 403 `{ errors: [{ path: 'reason', … }] }`; `?reason=` is a 400.
 */
export const loader = (args: LoaderFunctionArgs) =>
  // The break-glass reason: the X-Access-Reason header only (a ?reason= is a 400, nothing logged).
  api(args, readDossier, { input: () => ({ id: args.params.id, reason: apiReason(args.request) }) })
