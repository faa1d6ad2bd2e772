import { listHaltQueue } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/halt/referrals — Halt's queue: referrals of linked schools (?schoolId, ?status, ?type). */
export const loader = (args: LoaderFunctionArgs) => api(args, listHaltQueue)
