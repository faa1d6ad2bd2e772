// The whole search of the access log (all pages, up to ACCESS_LOG_MAX_EXPORT_ROWS) as CSV. The
// export is itself logged (action 'export', subject 'access_log', the search as its purpose), in the
// same transaction.
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { recordAccess } from './access-log.ts'
import { ACCESS_LOG_FORBIDDEN, ACCESS_LOG_MAX_EXPORT_ROWS, accessLogCsv, accessLogFilterSchema, describeAccessLogFilters, findAccessLog } from './access-log-search.ts'

export const exportAccessLog = defineUseCase({
  name: 'privacy/export-access-log',
  input: accessLogFilterSchema,
  permission: ['read', 'AccessLog'],
  async run(tx, { tenant, now }, filters) {
    if (!tenant.stichtingId) return refuse('forbidden', '', ACCESS_LOG_FORBIDDEN)
    const found = await findAccessLog(tx, tenant, { ...filters, page: 1, pageSize: ACCESS_LOG_MAX_EXPORT_ROWS })
    await recordAccess(tx, tenant, { action: 'export', subjectType: 'access_log', subjectId: null, studentId: filters.studentId ?? null, schoolId: null, reason: describeAccessLogFilters(filters) })
    // The Dutch date, as everywhere else: the UTC date is still yesterday's until 01:00 or 02:00.
    return { ok: true, csv: accessLogCsv(found.items), rows: found.items.length, filename: `toegangslog-${localDate(now)}.csv` }
  },
})
