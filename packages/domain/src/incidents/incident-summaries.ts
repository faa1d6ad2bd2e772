// A line per incident for lists elsewhere (a task on the home page): its types and the pupils
// involved, only as far as the caller may read them (RLS on the persons and pupils).
import { schema, type Tx } from '@baken/db'
import { and, eq, inArray } from 'drizzle-orm'
import { displayName, studentNameColumns } from '../students.ts'
import { irisLabel } from './iris.ts'

export interface IncidentSummary {
  types: string[]
  pupils: string[]
}

export async function summariseIncidents(tx: Tx, ids: readonly string[]): Promise<Record<string, IncidentSummary>> {
  const unique = [...new Set(ids)]
  const out: Record<string, IncidentSummary> = Object.fromEntries(unique.map((id) => [id, { types: [], pupils: [] }]))
  if (!unique.length) return out
  const p = schema.incidentPersons
  const [codes, persons] = await Promise.all([
    tx
      .select({ incidentId: schema.incidentCodes.incidentId, code: schema.incidentCodes.code })
      .from(schema.incidentCodes)
      .where(and(inArray(schema.incidentCodes.incidentId, unique), eq(schema.incidentCodes.list, 'voorval'))),
    tx
      .select({ incidentId: p.incidentId, ...studentNameColumns })
      .from(p)
      .innerJoin(schema.students, eq(schema.students.id, p.studentId))
      .where(inArray(p.incidentId, unique)),
  ])
  for (const c of codes.sort((a, b) => a.code - b.code)) out[c.incidentId]?.types.push(irisLabel('voorval', c.code) ?? String(c.code))
  for (const x of persons) out[x.incidentId]?.pupils.push(displayName(x))
  return out
}
