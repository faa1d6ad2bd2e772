// The student dossier: one chronology of everything about a pupil, with their role in each entry.
// Only incidents so far: measures, follow-ups, parent contacts and referrals are not in the chronology yet.
import { schema, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { irisLabel } from './iris.ts'
import { incidentWhere } from './incident-record.ts'

export interface DossierEntry {
  kind: 'incident'
  at: Date
  incidentId: string
  role: string
  severity: string
  status: string
  confidential: boolean
  types: string[]
  summary: string
}

/** The incidents of a pupil the caller may read, newest first, with the pupil's role in each. */
export async function dossierEntries(tx: Tx, ability: AppAbility, studentId: string): Promise<DossierEntry[]> {
  const rows = await tx
    .select({
      incidentId: schema.incidents.id,
      at: schema.incidents.occurredAt,
      role: schema.incidentPersons.role,
      severity: schema.incidents.severity,
      status: schema.incidents.status,
      confidential: schema.incidents.confidential,
      situation: schema.incidents.situation,
    })
    .from(schema.incidentPersons)
    .innerJoin(schema.incidents, eq(schema.incidents.id, schema.incidentPersons.incidentId))
    .where(and(eq(schema.incidentPersons.studentId, studentId), incidentWhere(ability, 'read')))
    .orderBy(desc(schema.incidents.occurredAt))
  const codes = rows.length
    ? await tx
        .select({ incidentId: schema.incidentCodes.incidentId, code: schema.incidentCodes.code })
        .from(schema.incidentCodes)
        .where(and(inArray(schema.incidentCodes.incidentId, rows.map((r) => r.incidentId)), eq(schema.incidentCodes.list, 'voorval')))
    : []
  const typesOf = (id: string) =>
    codes.filter((c) => c.incidentId === id).map((c) => irisLabel('voorval', c.code) ?? String(c.code))
  return rows.map((r) => ({
      kind: 'incident',
      at: r.at,
      incidentId: r.incidentId,
      role: r.role,
      severity: r.severity,
      status: r.status,
      confidential: r.confidential,
      types: typesOf(r.incidentId),
      summary: r.situation.length > 160 ? `${r.situation.slice(0, 157)}…` : r.situation,
    }))
}
