// Reading pupils and groups. Authorisation is folded into the where-clause (CASL → SQL) on top of the
// RLS tenant wall; a pupil the caller may not read is indistinguishable from one that does not exist.
import { schema, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { textInput } from './input-rules.ts'

/** The columns the CASL rules on Student read, for accessibleWhere. */
export const studentColumns = {
  id: schema.students.id,
  schoolId: schema.students.schoolId,
  stichtingId: schema.students.stichtingId,
  groupId: schema.students.groupId,
  status: schema.students.status,
}
const groupColumns = {
  id: schema.groups.id,
  schoolId: schema.groups.schoolId,
  stichtingId: schema.groups.stichtingId,
}
/** The columns the CASL rules on Guardian read, for accessibleWhere. */
export const guardianColumns = { schoolId: schema.guardians.schoolId, stichtingId: schema.guardians.stichtingId }

export const listStudentsInput = z.object({
  groupId: z.uuid('Ongeldige groep').optional(),
  q: textInput().trim().max(100, 'Zoekterm te lang').optional(),
  status: z.enum(schema.STUDENT_STATUSES).optional().default('active'),
  page: z.coerce.number().int().min(1, 'Pagina moet 1 of hoger zijn').max(10_000).optional().default(1),
  pageSize: z.coerce.number().int().min(1).max(200).optional().default(50),
})
export type ListStudentsInput = z.input<typeof listStudentsInput>

export interface StudentListItem {
  id: string
  externalId: string | null
  firstName: string
  infix: string | null
  lastName: string
  displayName: string
  dateOfBirth: string
  status: 'active' | 'left'
  groupId: string | null
  groupName: string | null
  schoolId: string
}

/** The columns displayName reads, for a select that joins the student. */
export const studentNameColumns = {
  firstName: schema.students.firstName,
  infix: schema.students.infix,
  lastName: schema.students.lastName,
}

/** A guardian's name and contact with their relation to the pupil, for a select of student_guardians joined to guardians. */
export const guardianContactColumns = {
  name: schema.guardians.name,
  email: schema.guardians.email,
  phone: schema.guardians.phone,
  relation: schema.studentGuardians.relation,
}

export function displayName(s: { firstName: string; infix: string | null; lastName: string }): string {
  return [s.firstName, s.infix, s.lastName].filter(Boolean).join(' ')
}

const listFields = {
  id: schema.students.id,
  externalId: schema.students.externalId,
  ...studentNameColumns,
  dateOfBirth: schema.students.dateOfBirth,
  status: schema.students.status,
  groupId: schema.students.groupId,
  groupName: schema.groups.name,
  schoolId: schema.students.schoolId,
}

export async function listStudents(
  tx: Tx,
  ability: AppAbility,
  rawInput: ListStudentsInput,
): Promise<{ items: StudentListItem[]; total: number; page: number; pageSize: number }> {
  const input = listStudentsInput.parse(rawInput)
  const filters: SQL[] = [accessibleWhere(ability, 'read', 'Student', studentColumns), eq(schema.students.status, input.status)]
  if (input.groupId) filters.push(eq(schema.students.groupId, input.groupId))
  if (input.q) {
    const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    filters.push(
      or(
        ilike(schema.students.firstName, pattern),
        ilike(schema.students.lastName, pattern),
        ilike(schema.students.externalId, pattern),
      )!,
    )
  }
  const where = and(...filters)
  const [items, [totalRow]] = await Promise.all([
    tx
      .select(listFields)
      .from(schema.students)
      .leftJoin(schema.groups, eq(schema.groups.id, schema.students.groupId))
      .where(where)
      .orderBy(asc(schema.students.lastName), asc(schema.students.firstName), asc(schema.students.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    tx.select({ n: count() }).from(schema.students).where(where),
  ])
  return {
    items: items.map((s) => ({ ...s, displayName: displayName(s) })),
    total: totalRow?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  }
}

export interface StudentDetail extends StudentListItem {
  enrolledOn: string | null
  leftOn: string | null
  /** Only when the caller may read guardians (directeur, IB); otherwise null. */
  guardians: { id: string; name: string; email: string | null; phone: string | null; relation: string }[] | null
}

/** One pupil, or null when it does not exist or the caller may not read it (the route answers 404). */
export async function getStudent(tx: Tx, ability: AppAbility, id: string): Promise<StudentDetail | null> {
  if (!z.uuid().safeParse(id).success) return null
  const [row] = await tx
    .select({ ...listFields, enrolledOn: schema.students.enrolledOn, leftOn: schema.students.leftOn })
    .from(schema.students)
    .leftJoin(schema.groups, eq(schema.groups.id, schema.students.groupId))
    .where(and(eq(schema.students.id, id), accessibleWhere(ability, 'read', 'Student', studentColumns)))
  if (!row) return null
  let guardians: StudentDetail['guardians'] = null
  if (ability.can('read', 'Guardian')) {
    guardians = await tx
      .select({
        id: schema.guardians.id,
        ...guardianContactColumns,
      })
      .from(schema.studentGuardians)
      .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
      .where(and(eq(schema.studentGuardians.studentId, id), accessibleWhere(ability, 'read', 'Guardian', guardianColumns)))
      .orderBy(asc(schema.studentGuardians.relation))
  }
  return { ...row, displayName: displayName(row), guardians }
}

export interface GroupListItem {
  id: string
  name: string
  schoolYear: string
  studentCount: number
}

export async function groupList(tx: Tx, ability: AppAbility): Promise<GroupListItem[]> {
  return tx
    .select({
      id: schema.groups.id,
      name: schema.groups.name,
      schoolYear: schema.schoolYears.name,
      studentCount: count(schema.students.id),
    })
    .from(schema.groups)
    .innerJoin(schema.schoolYears, eq(schema.schoolYears.id, schema.groups.schoolYearId))
    .leftJoin(
      schema.students,
      and(eq(schema.students.groupId, schema.groups.id), eq(schema.students.status, 'active')),
    )
    .where(accessibleWhere(ability, 'read', 'Group', groupColumns))
    .groupBy(schema.groups.id, schema.schoolYears.name)
    .orderBy(asc(schema.groups.name))
}

/** The groups this user teaches (group_teachers): their pupils come first when a teacher looks a pupil up. */
export async function taughtGroupIds(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.select({ groupId: schema.groupTeachers.groupId }).from(schema.groupTeachers).where(eq(schema.groupTeachers.userId, userId))
  return rows.map((r) => r.groupId)
}
