// The stichting's schools with their registration data and address, for the stichtingbeheerder.
import { schema } from '@baken/db'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { schoolView } from './organisations.ts'

export const listSchools = defineUseCase({
  name: 'accounts/list-schools',
  input: z.object({}),
  permission: ['create', 'School'],
  forbidden: 'Alleen de stichtingbeheerder beheert de scholen.',
  async run(tx, { tenant }) {
    if (!tenant.stichtingId) return refuse('forbidden', '', 'Alleen de stichtingbeheerder beheert de scholen.')
    const rows = await tx.select().from(schema.schools).where(eq(schema.schools.stichtingId, tenant.stichtingId)).orderBy(asc(schema.schools.name))
    return { ok: true, items: rows.map(schoolView) }
  },
})
