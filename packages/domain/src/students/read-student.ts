// One pupil; another tenant's id is not found, never the row. Logged in the access log. No
// break-glass here: any staff member may look a pupil of the school up (to register an incident);
// the pupil's incident history (the dossier) is what a reason guards.
import { z } from 'zod'
import { recordSubjectRead, studentSubject } from '../privacy/access-log.ts'
import { getStudent } from '../students.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { recordId } from '../input-rules.ts'

export const readStudent = defineUseCase({
  name: 'students/read-student',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Student'],
  async run(tx, { ability, tenant }, { id }) {
    const student = await getStudent(tx, ability, id)
    if (!student) return refuse('not_found', 'id', 'Leerling niet gevonden.')
    await recordSubjectRead(tx, tenant, studentSubject(student), { breakGlass: false, reason: null })
    return { ok: true, student }
  },
})
