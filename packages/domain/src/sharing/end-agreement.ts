// Ending a sharing agreement when the cooperation stops: no new shares under it; shares already
// made run to their expiry unless revoked. Ending a concept closes it without approval.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { loadAgreement } from './agreements.ts'
import { recordId } from '../input-rules.ts'

export const endAgreement = defineUseCase({
  name: 'sharing/end-agreement',
  input: z.object({ id: recordId() }),
  permission: ['update', 'Agreement'],
  forbidden: 'U mag dit convenant niet beëindigen.',
  async run(tx, { ability, tenant, now }, { id }) {
    const row = await loadAgreement(tx, ability, id, 'read')
    if (!row) return refuse('not_found', 'id', 'Convenant niet gevonden.')
    if (!ability.can('update', record('Agreement', row))) return refuse('forbidden', '', 'U mag dit convenant niet beëindigen.')
    if (row.status === 'beeindigd') return refuse('conflict', 'status', 'Dit convenant is al beëindigd.')
    await tx
      .update(schema.sharingAgreements)
      .set(row.status === 'concept' ? { status: 'beeindigd', endedAt: now, approvedAt: now, approvedById: tenant.userId } : { status: 'beeindigd', endedAt: now })
      .where(eq(schema.sharingAgreements.id, row.id))
    return { ok: true, id: row.id }
  },
})
