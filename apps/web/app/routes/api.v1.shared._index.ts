import { listSharedRecords } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/shared — what the recipient (police unit, Halt) sees: active shares, newest first, in full. Logged. */
export const loader = (args: LoaderFunctionArgs) => api(args, listSharedRecords, { input: () => ({}) })
