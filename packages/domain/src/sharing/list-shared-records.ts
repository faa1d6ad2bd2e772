// The recipient's shared records (police unit, Halt region), newest first. The page lists them
// without their items (`summaryOnly`: no personal data, so that listing is not logged); the API
// answers them in full, and that look is logged.
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { activeSharedRows, presentSharedRecords } from './shared.ts'

export const listSharedRecords = defineUseCase({
  name: 'sharing/list-shared-records',
  input: z.object({ summaryOnly: z.boolean().optional() }),
  permission: ['read', 'SharedRecord'],
  async run(tx, { tenant, now }, { summaryOnly }) {
    if (!tenant.partnerId) return refuse('forbidden', '', 'Geen toegang: read SharedRecord.')
    return { ok: true, items: await presentSharedRecords(tx, tenant, await activeSharedRows(tx, tenant, now), !summaryOnly) }
  },
})
