// The platform_beheerder creates a stichting (a school board, the tenant) with its KvK number and
// DUO's bevoegd gezag number. Its first stichtingbeheerder is invited afterwards (the invitation
// flow under /beheer/gebruikers/uitnodigen).
import { schema } from '@baken/db'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { recordAdminChange } from './admin-audit.ts'
import { bevoegdGezagInput, kvkInput, nameInput, stichtingView, uniquely } from './organisations.ts'

export const createStichting = defineUseCase({
  name: 'accounts/create-stichting',
  input: z.strictObject({
    name: nameInput('stichting'),
    kvkNumber: kvkInput,
    bevoegdGezagNumber: bevoegdGezagInput,
  }),
  permission: ['create', 'Stichting'],
  forbidden: 'Alleen de platformbeheerder maakt een stichting aan.',
  async run(tx, ctx, input) {
    const written = await uniquely(tx, (sp) => sp.insert(schema.stichtingen).values(input).returning())
    if (!written.ok) {
      return written.key.includes('bevoegd_gezag')
        ? refuse('conflict', 'bevoegdGezagNumber', 'Er is al een stichting met dit bevoegd-gezagnummer.')
        : refuse('conflict', 'kvkNumber', 'Er is al een stichting met dit KvK-nummer.')
    }
    const stichting = stichtingView(written.value[0]!)
    await recordAdminChange(tx, ctx, { action: 'stichting.created', subjectType: 'stichting', subjectId: stichting.id, stichtingId: stichting.id, before: null, after: stichting })
    return { ok: true, stichting }
  },
})
