// The web's break-glass step: the record must be one the caller may open (else not found); the
// reason is validated and recorded (action 'break_glass', one row per pupil of the record). The
// page then opens for 15 minutes for this user, role and organisation (access-log.ts).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { incidentAccessFacts, parseBreakGlassReason, recordBreakGlass, studentSubject, type AccessSubjectRef } from './access-log.ts'

export const grantBreakGlass = defineUseCase({
  name: 'privacy/grant-break-glass',
  // The reason is checked after the record is found: an unknown record is not found, whatever the reason.
  input: z.object({ subjectType: z.unknown(), subjectId: z.unknown(), reason: z.unknown() }),
  // Any school staff member who may open a pupil's record; which record, the run decides.
  permission: ['read', 'Student'],
  async run(tx, { ability, tenant }, input) {
    const id = typeof input.subjectId === 'string' ? input.subjectId : ''
    let subject: AccessSubjectRef | null = null
    if (input.subjectType === 'incident') {
      subject = await incidentAccessFacts(tx, ability, id)
    } else if (input.subjectType === 'student' && z.uuid().safeParse(id).success) {
      const [row] = await tx.select({ id: schema.students.id, schoolId: schema.students.schoolId }).from(schema.students).where(eq(schema.students.id, id))
      subject = row && ability.can('read', record('Student', { schoolId: row.schoolId })) ? studentSubject(row) : null
    }
    if (!subject) return refuse('not_found', 'subjectId', 'Niet gevonden.')
    const parsed = parseBreakGlassReason(input.reason)
    if (!parsed.ok) return invalid(parsed.errors)
    await recordBreakGlass(tx, tenant, subject, parsed.reason)
    return { ok: true, subject }
  },
})
