// The students the caller may register requests or legal holds for (the privacyfunctionaris: the
// stichting's; the directeur: the own school's), with who exercises their rights today.
import { schema } from '@baken/db'
import { accessibleWhere } from '@baken/permissions'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { displayName } from '../students.ts'
import { defineUseCase } from '../use-case.ts'
import { rightsHolderOn } from './rights-dates.ts'
import type { PrivacyStudentOption } from './subject-requests.ts'

export const listPrivacyStudents = defineUseCase({
  name: 'privacy/list-privacy-students',
  input: z.object({}),
  permission: ['read', 'SubjectRequest'],
  async run(tx, { ability, now }) {
    const today = localDate(now)
    const rows = await tx
      .select({
        id: schema.students.id,
        firstName: schema.students.firstName,
        infix: schema.students.infix,
        lastName: schema.students.lastName,
        status: schema.students.status,
        dateOfBirth: schema.students.dateOfBirth,
        schoolName: schema.schools.name,
      })
      .from(schema.students)
      .innerJoin(schema.schools, eq(schema.schools.id, schema.students.schoolId))
      .where(accessibleWhere(ability, 'read', 'SubjectRequest', { schoolId: schema.students.schoolId, stichtingId: schema.students.stichtingId }))
      .orderBy(asc(schema.schools.name), asc(schema.students.lastName), asc(schema.students.firstName))
    const items: PrivacyStudentOption[] = rows.map((r) => ({
      id: r.id,
      name: displayName(r),
      schoolName: r.schoolName,
      status: r.status,
      dateOfBirth: r.dateOfBirth,
      rightsHolder: rightsHolderOn(r.dateOfBirth, today),
    }))
    return { ok: true, items }
  },
})
