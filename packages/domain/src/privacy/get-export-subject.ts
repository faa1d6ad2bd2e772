// The student as the export page shows it before the download: name, age and who exercises the
// rights today (under 16 the parents, from 16 the student).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { ageOn } from '../measures/decision-recipients.ts'
import { displayName } from '../students.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { rightsHolderOn, rightsHolderText } from './rights-dates.ts'
import { recordId } from '../input-rules.ts'

export const getExportSubject = defineUseCase({
  name: 'privacy/get-export-subject',
  input: z.object({ id: recordId() }),
  permission: ['create', 'StudentExport'],
  async run(tx, { ability, now }, { id }) {
    const notFound = refuse('not_found', 'id', 'Leerling niet gevonden.')
    if (!z.uuid().safeParse(id).success) return notFound
    const [s] = await tx.select().from(schema.students).where(eq(schema.students.id, id))
    if (!s || !ability.can('create', record('StudentExport', { schoolId: s.schoolId, stichtingId: s.stichtingId }))) return notFound
    const today = localDate(now)
    return {
      ok: true,
      id: s.id,
      name: displayName(s),
      dateOfBirth: s.dateOfBirth,
      age: ageOn(s.dateOfBirth, today),
      exercisedBy: rightsHolderOn(s.dateOfBirth, today),
      explanation: rightsHolderText(s.dateOfBirth, today),
    }
  },
})
