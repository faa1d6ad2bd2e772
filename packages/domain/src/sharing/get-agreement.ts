// One agreement with all its fields and its status. Not found for another stichting's, and for a
// partner, a concept (a partner sees only what was approved).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { presentAgreements } from './agreements.ts'
import { recordId } from '../input-rules.ts'

export const getAgreement = defineUseCase({
  name: 'sharing/get-agreement',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Agreement'],
  async run(tx, { ability, tenant, now }, { id }) {
    const notFound = refuse('not_found', 'id', 'Convenant niet gevonden.')
    if (!z.uuid().safeParse(id).success) return notFound
    const [row] = await tx.select().from(schema.sharingAgreements).where(eq(schema.sharingAgreements.id, id))
    if (!row) return notFound
    const readable =
      ability.can('read', record('Agreement', row)) ||
      // school staff: a stichting-wide agreement of their own stichting
      (row.schoolId === null && tenant.schoolId !== null && row.stichtingId === tenant.stichtingId && ability.can('read', 'Agreement'))
    if (!readable) return notFound
    if (tenant.partnerId && row.status === 'concept') return notFound
    const [view] = await presentAgreements(tx, [row], now)
    return view ? { ok: true, ...view } : notFound
  },
})
