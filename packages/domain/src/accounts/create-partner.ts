// The platform_beheerder creates a partner organisation (a Halt region, a police unit, …). Its
// first user is invited afterwards; a stichtingbeheerder links it to schools. The row belongs to
// no stichting, so its trail row is the platform's own.
import { schema } from '@baken/db'
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { recordAdminChange } from './admin-audit.ts'
import { nameInput, partnerView } from './organisations.ts'

export const createPartner = defineUseCase({
  name: 'accounts/create-partner',
  input: z.strictObject({
    name: nameInput('organisatie'),
    kind: z.enum(schema.PARTNER_KINDS, { message: 'Kies het soort organisatie' }),
  }),
  permission: ['create', 'Partner'],
  forbidden: 'Alleen de platformbeheerder maakt een partnerorganisatie aan.',
  async run(tx, ctx, input) {
    const [row] = await tx.insert(schema.partnerOrganisations).values(input).returning()
    const partner = partnerView(row!)
    await recordAdminChange(tx, ctx, { action: 'partner.created', subjectType: 'partner', subjectId: partner.id, stichtingId: null, before: null, after: partner })
    return { ok: true, partner }
  },
})
