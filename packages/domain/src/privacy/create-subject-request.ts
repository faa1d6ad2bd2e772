// Registering a data subject's request about one student (inzage, rectificatie, beperking,
// bezwaar) with its deadline: one month after receipt (AVG art. 12(3)). Refused when made by the
// wrong person for the student's age on the day of receipt (AVG art. 8, UAVG art. 5).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate, textInput } from '../input-rules.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { subjectRequestDueOn } from './rights-dates.ts'
import { requesterRefusal, studentFor, SUBJECT_REQUEST_KINDS } from './subject-requests.ts'

export const createSubjectRequestInput = z.object({
  studentId: z.uuid('Kies een leerling'),
  kind: z.enum(SUBJECT_REQUEST_KINDS, 'Kies het soort verzoek: inzage, rectificatie, beperking of bezwaar'),
  requestedBy: z.enum(['ouders', 'leerling'], 'Kies wie het verzoek doet: de ouders of de leerling'),
  requesterName: textInput('Vul de naam van de verzoeker in').trim().min(2, 'Vul de naam van de verzoeker in').max(200, 'Naam te lang (max. 200 tekens)'),
  receivedOn: calendarDate('Ontvangstdatum als JJJJ-MM-DD'),
  details: textInput('Beschrijf het verzoek').trim().min(5, 'Beschrijf het verzoek (minstens 5 tekens)').max(4000, 'Beschrijving te lang (max. 4000 tekens)'),
})

export const createSubjectRequest = defineUseCase({
  name: 'privacy/create-subject-request',
  input: createSubjectRequestInput,
  permission: ['create', 'SubjectRequest'],
  async run(tx, { ability, tenant, now }, input) {
    if (input.receivedOn > localDate(now)) return refuse('invalid', 'receivedOn', 'De ontvangstdatum ligt in de toekomst.')
    const student = await studentFor(tx, ability, input.studentId)
    if (!student) return refuse('not_found', 'studentId', 'Leerling niet gevonden.')
    if (!ability.can('create', record('SubjectRequest', { schoolId: student.schoolId, stichtingId: student.stichtingId }))) {
      return refuse('forbidden', '', 'Geen toegang: verzoeken registreren voor deze school.')
    }
    const wrong = requesterRefusal(student.dateOfBirth, input.receivedOn, input.requestedBy)
    if (wrong) return invalid([wrong])
    const dueOn = subjectRequestDueOn(input.receivedOn)
    const [row] = await tx
      .insert(schema.subjectRequests)
      .values({
        stichtingId: student.stichtingId,
        schoolId: student.schoolId,
        studentId: student.id,
        kind: input.kind,
        requestedBy: input.requestedBy,
        requesterName: input.requesterName,
        receivedOn: input.receivedOn,
        dueOn,
        details: input.details,
        createdById: tenant.userId,
      })
      .returning({ id: schema.subjectRequests.id })
    return { ok: true, id: row!.id, dueOn }
  },
})
