// A legal hold on a student (a complaint, a court case): the purge skips the student's data until
// the hold is lifted. One active hold per student.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'

export const setLegalHold = defineUseCase({
  name: 'privacy/set-legal-hold',
  input: z.object({
    studentId: z.uuid('Kies een leerling'),
    reason: textInput('Geef de reden van de bewaarplicht').trim().min(5, 'Geef de reden van de bewaarplicht (minstens 5 tekens)').max(2000, 'Reden te lang (max. 2000 tekens)'),
  }),
  permission: ['create', 'LegalHold'],
  async run(tx, { ability, tenant }, input) {
    const [student] = await tx
      .select({ id: schema.students.id, schoolId: schema.students.schoolId, stichtingId: schema.students.stichtingId })
      .from(schema.students)
      .where(eq(schema.students.id, input.studentId))
    if (!student || !ability.can('read', record('LegalHold', { schoolId: student.schoolId, stichtingId: student.stichtingId }))) {
      return refuse('not_found', 'studentId', 'Leerling niet gevonden.')
    }
    if (!ability.can('create', record('LegalHold', { schoolId: student.schoolId, stichtingId: student.stichtingId }))) {
      return refuse('forbidden', '', 'Geen toegang: bewaarplicht instellen.')
    }
    const [active] = await tx
      .select({ id: schema.legalHolds.id })
      .from(schema.legalHolds)
      .where(and(eq(schema.legalHolds.studentId, student.id), isNull(schema.legalHolds.liftedAt)))
    if (active) return refuse('conflict', 'studentId', 'Voor deze leerling geldt al een bewaarplicht.')
    const [row] = await tx
      .insert(schema.legalHolds)
      .values({ stichtingId: student.stichtingId, schoolId: student.schoolId, studentId: student.id, reason: input.reason, setById: tenant.userId })
      .returning({ id: schema.legalHolds.id })
    return { ok: true, id: row!.id }
  },
})
