// The stichtingbeheerder adds a school to its own stichting (RLS 0032 pins the stichting). A BRIN
// code belongs to one school in the whole country, so a code in use anywhere is refused at the
// field (the other school may be of another stichting, which the caller cannot see).
import { schema } from '@baken/db'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { recordAdminChange } from './admin-audit.ts'
import { BRIN_TAKEN, schoolFields, schoolView, uniquely } from './organisations.ts'

export const createSchool = defineUseCase({
  name: 'accounts/create-school',
  input: z.strictObject(schoolFields),
  permission: ['create', 'School'],
  forbidden: 'Alleen de stichtingbeheerder voegt scholen toe.',
  async run(tx, ctx, input) {
    const stichtingId = ctx.tenant.stichtingId
    if (!stichtingId) return refuse('forbidden', '', 'Alleen de stichtingbeheerder voegt scholen toe.')
    const written = await uniquely(tx, (sp) => sp.insert(schema.schools).values({ ...input, stichtingId }).returning())
    if (!written.ok) return refuse('conflict', 'brin', BRIN_TAKEN)
    const school = schoolView(written.value[0]!)
    await recordAdminChange(tx, ctx, { action: 'school.created', subjectType: 'school', subjectId: school.id, before: null, after: school })
    return { ok: true, school }
  },
})
