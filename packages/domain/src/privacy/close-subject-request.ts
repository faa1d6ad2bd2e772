// Closing a data subject's request as afgehandeld or afgewezen, with the outcome. Only an open one.
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId, textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { subjectRequestWhere } from './subject-requests.ts'

export const closeSubjectRequest = defineUseCase({
  name: 'privacy/close-subject-request',
  input: z.object({
    id: recordId(),
    status: z.enum(['afgehandeld', 'afgewezen'], 'Kies afgehandeld of afgewezen'),
    outcome: textInput('Beschrijf de uitkomst').trim().min(5, 'Beschrijf de uitkomst (minstens 5 tekens)').max(4000, 'Uitkomst te lang (max. 4000 tekens)'),
  }),
  permission: ['update', 'SubjectRequest'],
  async run(tx, { ability, tenant, now }, { id, status, outcome }) {
    if (!z.uuid().safeParse(id).success) return refuse('not_found', 'id', 'Verzoek niet gevonden.')
    const [row] = await tx
      .select({ id: schema.subjectRequests.id, status: schema.subjectRequests.status })
      .from(schema.subjectRequests)
      .where(and(eq(schema.subjectRequests.id, id), subjectRequestWhere(ability)))
    if (!row) return refuse('not_found', 'id', 'Verzoek niet gevonden.')
    if (row.status !== 'open') return refuse('conflict', 'status', 'Dit verzoek is al afgesloten.')
    const updated = await tx
      .update(schema.subjectRequests)
      .set({ status, outcome, handledById: tenant.userId, closedAt: now })
      .where(and(eq(schema.subjectRequests.id, id), eq(schema.subjectRequests.status, 'open'), subjectRequestWhere(ability, 'update')))
      .returning({ id: schema.subjectRequests.id })
    if (updated.length === 0) return refuse('forbidden', '', 'Geen toegang: dit verzoek afsluiten.')
    return { ok: true, id }
  },
})
