// GET /api/v1/access-log — the stichting's access log for the privacyfunctionaris: the same
// filters as /toegangslog as query parameters (from, to, person, role, subjectType, studentId,
// breakGlass, page, pageSize), newest first, paged. Others: 403. Reading the log is not itself logged
// (it holds no pupil content); the CSV export on /toegangslog.csv is.
import { searchAccessLog } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

export const loader = (args: LoaderFunctionArgs) => api(args, searchAccessLog)
