// The stichting's choices where the law leaves room, each with the rule it sets, its default,
// source and status: for the bestuurder and the stichtingbeheerder (CASL 'LawSettings').
import { record } from '@baken/permissions'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { lawSettingsView } from './law-settings.ts'

export const getLawSettings = defineUseCase({
  name: 'measures/get-law-settings',
  input: z.object({}),
  permission: ['read', 'LawSettings'],
  async run(tx, { ability, tenant, now }) {
    if (!tenant.stichtingId || !ability.can('read', record('LawSettings', { stichtingId: tenant.stichtingId }))) return refuse('forbidden', '', 'Geen toegang: read LawSettings.')
    return { ok: true, ...(await lawSettingsView(tx, tenant.stichtingId, localDate(now))) }
  },
})
