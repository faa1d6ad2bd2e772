// Sets the stichting's choices (the bestuurder and the stichtingbeheerder; RLS 0013 limits writes
// to them); the row is created when the stichting has none yet.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { lawSettingsView } from './law-settings.ts'
import { VO_DECISION_ADULT_AGES } from './decision-recipients.ts'

const ONLY_BOARD = 'Alleen het bevoegd gezag en de stichtingbeheerder stellen de regels van de stichting in.'

export const updateLawSettings = defineUseCase({
  name: 'measures/update-law-settings',
  input: z.strictObject({
    voDecisionAdultAge: z
      .number({ message: 'Geef de leeftijd als een heel getal van 18 tot en met 21' })
      .int('Geef de leeftijd als een heel getal van 18 tot en met 21')
      .min(VO_DECISION_ADULT_AGES.min, 'De leeftijd is minstens 18 (meerderjarigheid, BW art. 1:233)')
      .max(VO_DECISION_ADULT_AGES.max, 'De leeftijd is hoogstens 21 (Inrichtingsbesluit WVO art. 13)'),
  }),
  permission: ['update', 'LawSettings'],
  async run(tx, { ability, tenant, now }, input) {
    if (!tenant.stichtingId || !ability.can('update', record('LawSettings', { stichtingId: tenant.stichtingId }))) return refuse('forbidden', '', ONLY_BOARD)
    const values = { voDecisionAdultAge: input.voDecisionAdultAge, updatedAt: sql`now()`, updatedById: tenant.userId }
    await tx
      .insert(schema.stichtingSettings)
      .values({ stichtingId: tenant.stichtingId, ...values })
      .onConflictDoUpdate({ target: schema.stichtingSettings.stichtingId, set: values })
    return { ok: true, settings: await lawSettingsView(tx, tenant.stichtingId, localDate(now)) }
  },
})
