// What the agreement form offers: the partners the stichting works with, its schools (a directeur:
// the own school), the purposes and the data categories.
import { schema } from '@baken/db'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { linkedPartners } from './agreements.ts'
import { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL } from './create-share.ts'

export const getAgreementForm = defineUseCase({
  name: 'sharing/get-agreement-form',
  input: z.object({}),
  permission: ['create', 'Agreement'],
  async run(tx, { tenant }) {
    const partners = await linkedPartners(tx)
    const schools = tenant.stichtingId
      ? await tx
          .select({ id: schema.schools.id, name: schema.schools.name })
          .from(schema.schools)
          .where(tenant.schoolId ? eq(schema.schools.id, tenant.schoolId) : eq(schema.schools.stichtingId, tenant.stichtingId))
          .orderBy(asc(schema.schools.name))
      : []
    return {
      ok: true,
      partners,
      schools,
      purposes: schema.SHARE_PURPOSES.map((p) => ({ value: p, label: SHARE_PURPOSE_LABEL[p] })),
      fields: schema.SHARE_FIELDS.map((f) => ({ value: f, label: SHARE_FIELD_LABEL[f] })),
    }
  },
})
