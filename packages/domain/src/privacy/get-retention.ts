// The stichting's retention terms per category, defaults where none is set (the privacyfunctionaris).
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { retentionSettings } from './retention.ts'

export const getRetention = defineUseCase({
  name: 'privacy/get-retention',
  input: z.object({}),
  permission: ['read', 'Retention'],
  async run(tx, { ability, tenant }) {
    return { ok: true, items: await retentionSettings(tx, ability, tenant) }
  },
})
