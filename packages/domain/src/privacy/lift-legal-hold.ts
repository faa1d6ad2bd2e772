// Lifting a legal hold: from then on the purge handles the student's data by the retention terms.
import { schema } from '@baken/db'
import { accessibleWhere } from '@baken/permissions'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { legalHoldColumns } from './retention.ts'
import { recordId } from '../input-rules.ts'

export const liftLegalHold = defineUseCase({
  name: 'privacy/lift-legal-hold',
  input: z.object({ id: recordId() }),
  permission: ['update', 'LegalHold'],
  forbidden: 'Geen toegang: bewaarplicht opheffen.',
  async run(tx, { ability, tenant, now }, { id }) {
    const notFound = refuse('not_found', 'id', 'Bewaarplicht niet gevonden.')
    if (!z.uuid().safeParse(id).success) return notFound
    const [hold] = await tx
      .select({ id: schema.legalHolds.id, liftedAt: schema.legalHolds.liftedAt })
      .from(schema.legalHolds)
      .where(and(eq(schema.legalHolds.id, id), accessibleWhere(ability, 'read', 'LegalHold', legalHoldColumns)))
    if (!hold) return notFound
    if (hold.liftedAt) return refuse('conflict', 'id', 'Deze bewaarplicht is al opgeheven.')
    const lifted = await tx
      .update(schema.legalHolds)
      .set({ liftedAt: now, liftedById: tenant.userId })
      .where(and(eq(schema.legalHolds.id, id), isNull(schema.legalHolds.liftedAt), accessibleWhere(ability, 'update', 'LegalHold', legalHoldColumns)))
      .returning({ id: schema.legalHolds.id })
    if (lifted.length === 0) return refuse('forbidden', '', 'Geen toegang: bewaarplicht opheffen.')
    return { ok: true, id }
  },
})
