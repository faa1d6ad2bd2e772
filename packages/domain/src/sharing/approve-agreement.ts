// Approval of a sharing agreement by the bevoegd gezag (Wpg art. 20 lid 2: the board, not a
// school, enters into the agreement). Only a concept can be approved, and only while its validity
// has not yet ended.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { loadAgreement } from './agreements.ts'
import { recordId } from '../input-rules.ts'

export const approveAgreement = defineUseCase({
  name: 'sharing/approve-agreement',
  input: z.object({ id: recordId() }),
  permission: ['approve', 'Agreement'],
  forbidden: 'Alleen het bevoegd gezag (de bestuurder) keurt een convenant goed.',
  async run(tx, { ability, tenant, now }, { id }) {
    const row = await loadAgreement(tx, ability, id, 'read')
    if (!row) return refuse('not_found', 'id', 'Convenant niet gevonden.')
    if (!ability.can('approve', record('Agreement', row))) {
      return refuse('forbidden', '', 'Alleen het bevoegd gezag (de bestuurder) keurt een convenant goed.')
    }
    if (row.status !== 'concept') return refuse('conflict', 'status', 'Dit convenant is al goedgekeurd of beëindigd.')
    if (row.validUntil < localDate(now)) return refuse('conflict', 'validUntil', 'De geldigheid van dit convenant is al verstreken.')
    await tx.update(schema.sharingAgreements).set({ status: 'goedgekeurd', approvedById: tenant.userId, approvedAt: now }).where(eq(schema.sharingAgreements.id, row.id))
    return { ok: true, id: row.id }
  },
})
