// Opening a pupil's dossier: the pupil and one chronology of their incidents with their role in
// each. Logged; for a leerkracht a pupil outside the groups they teach is break-glass (rules in
// ../privacy/access-log.ts). Another school's pupil is indistinguishable from one that does not exist.
import { z } from 'zod'
import { decideBreakGlass, dossierNeedsReason, recordSubjectRead, studentSubject } from '../privacy/access-log.ts'
import { getStudent } from '../students.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { dossierEntries } from './dossier.ts'
import { accessReason } from './incident-access.ts'
import { recordId } from '../input-rules.ts'

export const readDossier = defineUseCase({
  name: 'incidents/read-dossier',
  input: z.object({ id: recordId(), reason: accessReason }),
  permission: ['read', 'Student'],
  async run(tx, { ability, tenant }, { id, reason }) {
    const student = await getStudent(tx, ability, id)
    if (!student) return refuse('not_found', 'id', 'Leerling niet gevonden.')
    const subject = studentSubject(student)
    const access = await decideBreakGlass(tx, tenant, subject, await dossierNeedsReason(tx, ability, student), reason)
    if (!access.open) return { ok: false, reason: 'forbidden', errors: access.errors }
    await recordSubjectRead(tx, tenant, subject, access)
    return { ok: true, student, entries: await dossierEntries(tx, ability, student.id) }
  },
})
