// One shared record as its recipient sees it; not found when expired, revoked, not addressed to the
// caller or unknown. Logged.
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { activeSharedRows, presentSharedRecords } from './shared.ts'
import { recordId } from '../input-rules.ts'

export const getSharedRecord = defineUseCase({
  name: 'sharing/get-shared-record',
  input: z.object({ id: recordId() }),
  permission: ['read', 'SharedRecord'],
  async run(tx, { tenant, now }, { id }) {
    const notFound = refuse('not_found', 'id', 'Gedeeld dossier niet gevonden.')
    if (!tenant.partnerId || !z.uuid().safeParse(id).success) return notFound
    const [shared] = await presentSharedRecords(tx, tenant, await activeSharedRows(tx, tenant, now, id))
    return shared ? { ok: true, ...shared } : notFound
  },
})
