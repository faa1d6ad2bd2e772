// Setting one category's retention term for the stichting (the privacyfunctionaris); answers the
// terms as they now are.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { RETENTION_CATEGORIES, retentionSettings } from './retention.ts'

const FORBIDDEN = 'Alleen de privacyfunctionaris stelt bewaartermijnen in.'

export const setRetention = defineUseCase({
  name: 'privacy/set-retention',
  input: z.object({
    category: z.enum(RETENTION_CATEGORIES, 'Kies een categorie'),
    months: z.coerce.number('Vul een aantal maanden in').int('Vul een heel aantal maanden in').min(1, 'Minimaal 1 maand').max(1200, 'Maximaal 1200 maanden'),
  }),
  permission: ['update', 'Retention'],
  forbidden: FORBIDDEN,
  async run(tx, { ability, tenant, now }, { category, months }) {
    if (!tenant.stichtingId || !ability.can('update', record('Retention', { stichtingId: tenant.stichtingId }))) return refuse('forbidden', '', FORBIDDEN)
    await tx
      .insert(schema.retentionSettings)
      .values({ stichtingId: tenant.stichtingId, category, months, updatedById: tenant.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: [schema.retentionSettings.stichtingId, schema.retentionSettings.category],
        set: { months, updatedById: tenant.userId, updatedAt: now },
      })
    return { ok: true, items: await retentionSettings(tx, ability, tenant) }
  },
})
