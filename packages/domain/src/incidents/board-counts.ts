// Incident counts per school for the board (bestuurder): numbers only, no content. The rows come from
// board_incident_counts (migration 0009), which refuses any context but a bestuurder's and, since
// 0043, sums the summary tables the database keeps as incidents change (no schooljaar recount).
import { schema, type Tx, resultRows } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { asc, sql } from 'drizzle-orm'
import { irisLabel } from './iris.ts'
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
  const rows = resultRows(result) as {
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

export interface BoardTypeComparison {
  schools: { id: string; name: string }[]
  /** One row per IRIS voorval type that occurred, most frequent first; counts per school id. */
  rows: { code: number; label: string; total: number; perSchool: Record<string, number> }[]
}

/** The board's comparison of its schools on the IRIS incident types (board_incident_type_counts, 0016). */
export async function getBoardTypeComparison(tx: Tx, ability: AppAbility, schooljaar: string): Promise<BoardTypeComparison | null> {
  if (!ability.can('read', 'IncidentCount')) return null
  const year = schooljaarSchema.parse(schooljaar)
  const schools = await tx.select({ id: schema.schools.id, name: schema.schools.name }).from(schema.schools).orderBy(asc(schema.schools.name))
  const result = await tx.execute(sql`select school_id, code, incidents::int as n from board_incident_type_counts(${year})`)
  const rows = resultRows(result) as { school_id: string; code: number; n: number }[]
  const byCode = new Map<number, BoardTypeComparison['rows'][number]>()
  for (const r of rows) {
    const code = Number(r.code)
    const row = byCode.get(code) ?? { code, label: irisLabel('voorval', code) ?? String(code), total: 0, perSchool: {} }
    row.perSchool[r.school_id] = (row.perSchool[r.school_id] ?? 0) + Number(r.n)
    row.total += Number(r.n)
    byCode.set(code, row)
  }
  return { schools, rows: [...byCode.values()].sort((a, b) => b.total - a.total || a.code - b.code) }
}
