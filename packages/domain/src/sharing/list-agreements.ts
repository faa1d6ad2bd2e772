// The agreements the caller may read: the stichting's side its own (a school's staff also the
// stichting-wide ones that cover their school, RLS), a partner the approved ones it is party to.
import { schema } from '@baken/db'
import { accessibleWhere } from '@baken/permissions'
import { and, asc, desc, eq, isNull, or } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { agreementColumns, presentAgreements } from './agreements.ts'

export const listAgreements = defineUseCase({
  name: 'sharing/list-agreements',
  input: z.object({}),
  permission: ['read', 'Agreement'],
  async run(tx, { ability, tenant, now }) {
    let where
    try {
      where = accessibleWhere(ability, 'read', 'Agreement', agreementColumns)
    } catch {
      return refuse('forbidden', '', 'Geen toegang: read Agreement.')
    }
    // School staff also read the stichting-wide agreements that cover their school (RLS decides).
    const cond = tenant.schoolId && tenant.stichtingId ? or(where, and(isNull(schema.sharingAgreements.schoolId), eq(schema.sharingAgreements.stichtingId, tenant.stichtingId))) : where
    const partnerSide = tenant.partnerId ? eq(schema.sharingAgreements.status, 'goedgekeurd') : undefined
    const rows = await tx
      .select()
      .from(schema.sharingAgreements)
      .where(and(cond, partnerSide))
      .orderBy(asc(schema.sharingAgreements.status), desc(schema.sharingAgreements.createdAt))
    return { ok: true, items: await presentAgreements(tx, rows, now) }
  },
})
