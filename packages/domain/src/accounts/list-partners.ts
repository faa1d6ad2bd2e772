// The partner organisations (name and kind, no people): the platform_beheerder manages them, the
// stichtingbeheerder picks one to link to a school.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { asc } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { partnerView } from './organisations.ts'

export const listPartners = defineUseCase({
  name: 'accounts/list-partners',
  input: z.object({}),
  permission: ['read', 'Partner'],
  async run(tx, { ability }) {
    const rows = await tx.select().from(schema.partnerOrganisations).orderBy(asc(schema.partnerOrganisations.name))
    // A partner's own staff see their own organisation only.
    return { ok: true, items: rows.filter((p) => ability.can('read', record('Partner', p))).map(partnerView) }
  },
})
