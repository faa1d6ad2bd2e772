// An AVG request filed online by a guardian (or by the pupil from 16) about the own child: inzage
// (art. 15), rectificatie (art. 16), beperking (art. 18) or bezwaar (art. 21). It lands in the
// school's subject-request workflow like one registered by staff, received today, with its one-month
// deadline (art. 12 lid 3); who may file follows the pupil's age (AVG art. 8, UAVG art. 5).
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { textInput, recordId } from '../input-rules.ts'
import { subjectRequestDueOn } from '../privacy/rights-dates.ts'
import { requesterRefusal, SUBJECT_REQUEST_KINDS } from '../privacy/subject-requests.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { familyChildren } from './family-children.ts'

export const submitPortalRequest = defineUseCase({
  name: 'portal/submit-portal-request',
  input: z.object({
    studentId: recordId(),
    kind: z.enum(SUBJECT_REQUEST_KINDS, 'Kies wat u wilt vragen: inzage, rectificatie, beperking of bezwaar'),
    details: textInput('Schrijf kort wat u vraagt').trim().min(5, 'Schrijf kort wat u vraagt (minstens 5 tekens).').max(4000, 'Uw tekst is te lang (hoogstens 4000 tekens).'),
  }),
  permission: ['create', 'SubjectRequest'],
  async run(tx, { tenant, now }, input) {
    const child = (await familyChildren(tx, now)).find((c) => c.id === input.studentId)
    if (!child) return refuse('not_found', 'studentId', 'Leerling niet gevonden.')
    const receivedOn = localDate(now)
    const requestedBy = child.kind === 'leerling' ? 'leerling' : 'ouders'
    const wrong = requesterRefusal(child.dateOfBirth, receivedOn, requestedBy)
    if (wrong) return invalid([{ path: 'studentId', message: wrong.message }])
    const [me] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, tenant.userId))
    const [school] = await tx.select({ stichtingId: schema.schools.stichtingId, id: schema.schools.id }).from(schema.schools).where(eq(schema.schools.id, tenant.schoolId!))
    if (!school) return refuse('not_found', 'studentId', 'Leerling niet gevonden.')
    const id = crypto.randomUUID()
    const dueOn = subjectRequestDueOn(receivedOn)
    await tx.insert(schema.subjectRequests).values({
      id,
      stichtingId: school.stichtingId,
      schoolId: school.id,
      studentId: child.id,
      kind: input.kind,
      requestedBy,
      requesterName: `${me?.name ?? 'ouder/verzorger'} (via het ouderportaal)`,
      receivedOn,
      dueOn,
      details: input.details,
      createdById: tenant.userId,
      createdAt: now,
    })
    return { ok: true, id, dueOn }
  },
})
