import { searchStudents } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/students — the caller's pupils, paged, filterable by group and name. */
export const loader = (args: LoaderFunctionArgs) => api(args, searchStudents)
