// Incident counts per school for the board (bestuurder): numbers only, no content. The rows come from
// board_incident_counts (migration 0009), which refuses any context but a bestuurder's.
import { schema, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { asc, sql } from 'drizzle-orm'
import { schooljaarSchema } from './overview.ts'

export interface BoardSchoolCounts {
  schoolId: string
  name: string
  brin: string
  sector: string
  total: number
  overig: number
  ernstig: number
  zeerErnstig: number
  confidential: number
}

/** Counts of submitted incidents per school of the stichting in a schooljaar; null when not allowed. */
export async function getBoardIncidentCounts(tx: Tx, ability: AppAbility, schooljaar: string): Promise<BoardSchoolCounts[] | null> {
  if (!ability.can('read', 'IncidentCount')) return null
  const year = schooljaarSchema.parse(schooljaar)
  const schools = await tx
    .select({ id: schema.schools.id, name: schema.schools.name, brin: schema.schools.brin, sector: schema.schools.sector })
    .from(schema.schools)
    .orderBy(asc(schema.schools.name))
  const result = await tx.execute(sql`select school_id, severity, confidential, incidents::int as n from board_incident_counts(${year})`)
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    school_id: string
    severity: 'overig' | 'ernstig' | 'zeer_ernstig'
    confidential: boolean
    n: number
  }[]
  return schools.map((s) => {
    const mine = rows.filter((r) => r.school_id === s.id)
    const sum = (pred: (r: (typeof rows)[number]) => boolean) => mine.filter(pred).reduce((a, r) => a + Number(r.n), 0)
    return {
      schoolId: s.id,
      name: s.name,
      brin: s.brin,
      sector: s.sector,
      total: sum(() => true),
      overig: sum((r) => r.severity === 'overig'),
      ernstig: sum((r) => r.severity === 'ernstig'),
      zeerErnstig: sum((r) => r.severity === 'zeer_ernstig'),
      confidential: sum((r) => r.confidential),
    }
  })
}
