// The stichtingbeheerder edits one of its schools: name, BRIN, sector, holiday region, address.
// Another stichting's school is not found (RLS hides it).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { changedFields, recordAdminChange } from './admin-audit.ts'
import { BRIN_TAKEN, schoolFields, schoolView, uniquely } from './organisations.ts'

export const updateSchool = defineUseCase({
  name: 'accounts/update-school',
  input: z.strictObject({ id: z.uuid('Geen geldig id'), ...schoolFields }),
  permission: ['update', 'School'],
  forbidden: 'Alleen de stichtingbeheerder wijzigt scholen.',
  async run(tx, ctx, { id, ...fields }) {
    const [row] = await tx.select().from(schema.schools).where(eq(schema.schools.id, id))
    if (!row || row.stichtingId !== ctx.tenant.stichtingId) return refuse('not_found', 'id', 'School niet gevonden.')
    if (!ctx.ability.can('update', record('School', row))) return refuse('forbidden', '', 'Alleen de stichtingbeheerder wijzigt scholen.')
    const written = await uniquely(tx, (sp) => sp.update(schema.schools).set(fields).where(eq(schema.schools.id, id)).returning())
    if (!written.ok) return refuse('conflict', 'brin', BRIN_TAKEN)
    const before = schoolView(row)
    const school = schoolView(written.value[0]!)
    const diff = changedFields(before, school)
    if (Object.keys(diff.after).length) {
      await recordAdminChange(tx, ctx, { action: 'school.updated', subjectType: 'school', subjectId: id, ...diff })
    }
    return { ok: true, school }
  },
})
