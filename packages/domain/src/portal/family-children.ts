// The pupils the family member in the context is linked to (RLS 0058: open links of this user at the
// membership's school only), with what the portal needs about each.
import { schema, type Tx } from '@baken/db'
import { asc, eq } from 'drizzle-orm'
import { localDate } from '../dates.ts'
import { rightsHolderOn } from '../privacy/rights-dates.ts'
import { displayName } from '../students.ts'

export interface FamilyChild {
  id: string
  name: string
  groupName: string | null
  schoolName: string
  /** How this user is linked: as a guardian or as the pupil. */
  kind: 'ouder' | 'leerling'
  /** Who exercises the pupil's AVG rights today (AVG art. 8, UAVG art. 5). */
  rightsHolder: 'ouders' | 'leerling'
  dateOfBirth: string
}

export async function familyChildren(tx: Tx, now: Date): Promise<FamilyChild[]> {
  const rows = await tx
    .select({
      id: schema.students.id,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      dateOfBirth: schema.students.dateOfBirth,
      groupName: schema.groups.name,
      schoolName: schema.schools.name,
      kind: schema.guardianLinks.kind,
    })
    .from(schema.guardianLinks)
    .innerJoin(schema.students, eq(schema.students.id, schema.guardianLinks.studentId))
    .innerJoin(schema.schools, eq(schema.schools.id, schema.students.schoolId))
    .leftJoin(schema.groups, eq(schema.groups.id, schema.students.groupId))
    .orderBy(asc(schema.students.firstName))
  const today = localDate(now)
  return rows.map((r) => ({
    id: r.id,
    name: displayName(r),
    groupName: r.groupName,
    schoolName: r.schoolName,
    kind: r.kind,
    rightsHolder: rightsHolderOn(r.dateOfBirth, today),
    dateOfBirth: r.dateOfBirth,
  }))
}
