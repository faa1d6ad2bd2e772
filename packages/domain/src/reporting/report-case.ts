// One reporting-duty case as the caller may hold it: which rows exist for the caller is RLS's
// (migration 0023), which part the caller plays in the case (handler, bevoegd gezag, opener) is the
// CASL table's (ReportCase: 'update', 'decide', 'record').
import { schema, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { ReportCaseActor } from './workflows.ts'

const caseColumns = {
  id: schema.reportCases.id,
  schoolId: schema.reportCases.schoolId,
  stichtingId: schema.reportCases.stichtingId,
  kind: schema.reportCases.kind,
  openedById: schema.reportCases.openedById,
}

export function reportCaseWhere(ability: AppAbility, action: 'read' | 'update' = 'read') {
  return accessibleWhere(ability, action, 'ReportCase', caseColumns)
}

export type ReportCaseRow = typeof schema.reportCases.$inferSelect

/** A case the caller may read (RLS + CASL), or null (answered as 404). */
export async function loadReportCase(tx: Tx, ability: AppAbility, id: string): Promise<ReportCaseRow | null> {
  if (!z.uuid().safeParse(id).success || !ability.can('read', 'ReportCase')) return null
  const [c] = await tx
    .select()
    .from(schema.reportCases)
    .where(and(eq(schema.reportCases.id, id), reportCaseWhere(ability, 'read')))
  return c ?? null
}

/**
 * The parts the caller plays in the case. Handling mirrors ctx_report_case_handler (migration 0023):
 * zeden route — the bestuurder and the school's vertrouwenspersoon; Meldcode — the directeur, the IB
 * and the vertrouwenspersoon; the CASL rules on ReportCase say the same.
 */
export function reportCaseActor(ability: AppAbility, c: Pick<ReportCaseRow, 'id' | 'kind' | 'schoolId' | 'stichtingId' | 'openedById'>, userId: string): ReportCaseActor {
  const row = record('ReportCase', { id: c.id, kind: c.kind, schoolId: c.schoolId, stichtingId: c.stichtingId, openedById: c.openedById })
  return { handles: ability.can('update', row), decides: ability.can('decide', row), opened: c.openedById === userId && ability.can('record', row) }
}
