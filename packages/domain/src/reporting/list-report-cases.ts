// The reporting-duty cases the caller may see, newest first (no content: the list is not logged).
// The reporter of a zeden case sees only that the board was informed.
import { schema } from '@baken/db'
import { desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { reportCaseActor, reportCaseWhere } from './report-case.ts'
import { REPORT_KIND_LABELS, REPORT_WORKFLOWS, reportStateLabel, type ReportKind } from './workflows.ts'

export interface ReportCaseListItem {
  id: string
  kind: ReportKind
  kindLabel: string
  /** For a reporter of a zeden case only "bestuur geïnformeerd". */
  stateLabel: string
  schoolName: string
  createdAt: Date
  closed: boolean
  mine: boolean
}

export const listReportCases = defineUseCase({
  name: 'reporting/list-report-cases',
  input: z.object({}),
  permission: ['read', 'ReportCase'],
  async run(tx, { ability, tenant }) {
    const rows = await tx
      .select({ c: schema.reportCases, schoolName: schema.schools.name })
      .from(schema.reportCases)
      .innerJoin(schema.schools, eq(schema.schools.id, schema.reportCases.schoolId))
      .where(reportCaseWhere(ability, 'read'))
      .orderBy(desc(schema.reportCases.createdAt))
    const items: ReportCaseListItem[] = rows.map(({ c, schoolName }) => {
      const kind = c.kind as ReportKind
      const limited = kind === 'zedendelict_medewerker' && !reportCaseActor(ability, c, tenant.userId).handles
      return {
        id: c.id,
        kind,
        kindLabel: REPORT_KIND_LABELS[kind],
        stateLabel: limited ? reportStateLabel(kind, REPORT_WORKFLOWS[kind].initial) : reportStateLabel(kind, c.state),
        schoolName,
        createdAt: c.createdAt,
        closed: !limited && c.closedAt !== null,
        mine: c.openedById === tenant.userId,
      }
    })
    return { ok: true, items }
  },
})
