// The platform_beheerder corrects a stichting's own data: its name, KvK number and DUO's bevoegd
// gezag number (any of them; what is not sent stays). The admin audit trail keeps the fields that
// changed, before → after. Suspension has its own use case (set-stichting-suspension.ts).
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { changedFields, recordAdminChange } from './admin-audit.ts'
import { bevoegdGezagInput, kvkInput, nameInput, stichtingView, uniquely } from './organisations.ts'

export const updateStichting = defineUseCase({
  name: 'accounts/update-stichting',
  input: z
    .strictObject({
      id: z.uuid('Geen geldig id'),
      name: nameInput('stichting').optional(),
      kvkNumber: kvkInput.optional(),
      bevoegdGezagNumber: bevoegdGezagInput.optional(),
    })
    .refine((v) => v.name !== undefined || v.kvkNumber !== undefined || v.bevoegdGezagNumber !== undefined, {
      message: 'Geef de naam, het KvK-nummer of het bevoegd-gezagnummer om te wijzigen',
      path: [],
    }),
  permission: ['update', 'Stichting'],
  forbidden: 'Alleen de platformbeheerder wijzigt de gegevens van een stichting.',
  async run(tx, ctx, { id, ...fields }) {
    const [row] = await tx.select().from(schema.stichtingen).where(eq(schema.stichtingen.id, id))
    if (!row) return refuse('not_found', 'id', 'Stichting niet gevonden.')
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
    const written = await uniquely(tx, (sp) => sp.update(schema.stichtingen).set(set).where(eq(schema.stichtingen.id, id)).returning())
    if (!written.ok) {
      return written.key.includes('bevoegd_gezag')
        ? refuse('conflict', 'bevoegdGezagNumber', 'Er is al een stichting met dit bevoegd-gezagnummer.')
        : refuse('conflict', 'kvkNumber', 'Er is al een stichting met dit KvK-nummer.')
    }
    const before = stichtingView(row)
    const stichting = stichtingView(written.value[0]!)
    const diff = changedFields(before, stichting)
    if (Object.keys(diff.after).length) {
      await recordAdminChange(tx, ctx, { action: 'stichting.updated', subjectType: 'stichting', subjectId: id, stichtingId: id, ...diff })
    }
    return { ok: true, stichting }
  },
})
