// The school's incident list: filters, paging, and only what the caller may read (RLS + CASL).
import { schema, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { and, count, desc, eq, exists, inArray, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { displayName, studentNameColumns } from '../students.ts'
import { irisLabel, isIrisCode } from './iris.ts'
import { incidentWhere } from './incident-record.ts'
import { SEVERITIES } from './severity.ts'
import { textInput } from '../input-rules.ts'
import { defineUseCase } from '../use-case.ts'

export const listIncidentsInput = z.object({
  schooljaar: textInput().regex(/^\d{4}-\d{4}$/, 'Schooljaar als 2026-2027').optional(),
  groupId: z.uuid('Ongeldige groep').optional(),
  // A code of the IRIS list, not any number: one beyond the column's range was a database error.
  voorval: z.coerce.number('Soort incident: een IRIS-code').int('Soort incident: een IRIS-code').refine((c) => isIrisCode('voorval', c), 'Soort incident: onbekende IRIS-code').optional(),
  severity: z.enum(SEVERITIES, { message: 'Kies overig, ernstig of zeer_ernstig' }).optional(),
  status: z.enum(['draft', 'submitted'], { message: 'Kies draft of submitted' }).optional(),
  studentId: z.uuid('Ongeldige leerling').optional(),
  page: z.coerce.number().int().min(1, 'Pagina moet 1 of hoger zijn').max(100_000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).optional().default(25),
})
export type ListIncidentsInput = z.input<typeof listIncidentsInput>

export interface IncidentListItem {
  id: string
  occurredAt: Date
  schoolYear: string
  status: 'draft' | 'submitted'
  severity: (typeof SEVERITIES)[number]
  confidential: boolean
  types: { code: number; label: string }[]
  location: string | null
  /** Pupils involved, with their role (names only for those the caller may see: same school). */
  pupils: { studentId: string; name: string; role: string; groupName: string | null }[]
  reportedById: string
}

export const listIncidents = defineUseCase({
  name: 'incidents/list-incidents',
  input: listIncidentsInput,
  permission: ['read', 'Incident'],
  run: async (tx, { ability }, input) => ({ ok: true as const, ...(await incidentPage(tx, ability, input)) }),
})

async function incidentPage(tx: Tx, ability: AppAbility, input: z.output<typeof listIncidentsInput>) {
  const i = schema.incidents
  const p = schema.incidentPersons
  const filters: SQL[] = [incidentWhere(ability, 'read')]
  if (input.schooljaar) filters.push(eq(i.schoolYear, input.schooljaar))
  if (input.severity) filters.push(eq(i.severity, input.severity))
  if (input.status) filters.push(eq(i.status, input.status))
  if (input.voorval !== undefined) {
    filters.push(
      exists(
        tx
          .select({ one: schema.incidentCodes.code })
          .from(schema.incidentCodes)
          .where(and(eq(schema.incidentCodes.incidentId, i.id), eq(schema.incidentCodes.list, 'voorval'), eq(schema.incidentCodes.code, input.voorval))),
      ),
    )
  }
  if (input.groupId) filters.push(exists(tx.select({ one: p.id }).from(p).where(and(eq(p.incidentId, i.id), eq(p.groupId, input.groupId)))))
  if (input.studentId) filters.push(exists(tx.select({ one: p.id }).from(p).where(and(eq(p.incidentId, i.id), eq(p.studentId, input.studentId)))))
  const where = and(...filters)

  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: i.id,
        occurredAt: i.occurredAt,
        schoolYear: i.schoolYear,
        status: i.status,
        severity: i.severity,
        confidential: i.confidential,
        locationCode: i.locationCode,
        reportedById: i.reportedById,
      })
      .from(i)
      .where(where)
      .orderBy(desc(i.occurredAt), desc(i.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    tx.select({ n: count() }).from(i).where(where),
  ])
  const ids = rows.map((r) => r.id)
  const [codes, persons] = ids.length
    ? await Promise.all([
        tx
          .select({ incidentId: schema.incidentCodes.incidentId, code: schema.incidentCodes.code })
          .from(schema.incidentCodes)
          .where(and(inArray(schema.incidentCodes.incidentId, ids), eq(schema.incidentCodes.list, 'voorval'))),
        tx
          .select({
            incidentId: p.incidentId,
            studentId: p.studentId,
            role: p.role,
            ...studentNameColumns,
            groupName: schema.groups.name,
          })
          .from(p)
          .innerJoin(schema.students, eq(schema.students.id, p.studentId))
          .leftJoin(schema.groups, eq(schema.groups.id, p.groupId))
          .where(inArray(p.incidentId, ids)),
      ])
    : [[], []]
  const items: IncidentListItem[] = rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    schoolYear: r.schoolYear,
    status: r.status,
    severity: r.severity,
    confidential: r.confidential,
    reportedById: r.reportedById,
    location: r.locationCode === null ? null : (irisLabel('locatie', r.locationCode) ?? null),
    types: codes
      .filter((c) => c.incidentId === r.id)
      .map((c) => ({ code: c.code, label: irisLabel('voorval', c.code) ?? String(c.code) }))
      .sort((a, b) => a.code - b.code),
    pupils: persons
      .filter((x) => x.incidentId === r.id)
      .map((x) => ({ studentId: x.studentId!, name: displayName({ firstName: x.firstName, infix: x.infix, lastName: x.lastName }), role: x.role, groupName: x.groupName })),
  }))
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize }
}
