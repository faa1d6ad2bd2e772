// The privacyfunctionaris searches the stichting's access log: one page, newest first. Reading the
// log is not itself logged (it holds ids, no pupil content); the CSV export is (export-access-log.ts).
import { defineUseCase, refuse } from '../use-case.ts'
import { ACCESS_LOG_FORBIDDEN, accessLogFilterSchema, findAccessLog } from './access-log-search.ts'

export const searchAccessLog = defineUseCase({
  name: 'privacy/search-access-log',
  input: accessLogFilterSchema,
  permission: ['read', 'AccessLog'],
  async run(tx, { tenant }, filters) {
    if (!tenant.stichtingId) return refuse('forbidden', '', ACCESS_LOG_FORBIDDEN)
    return { ok: true, ...(await findAccessLog(tx, tenant, filters)) }
  },
})
