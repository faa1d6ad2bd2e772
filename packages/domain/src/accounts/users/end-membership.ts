// Ends a membership. It is deleted, not marked: every query and policy that reads memberships then
// stays right without a filter on "still running" (a forgotten filter would be a way in), and the
// history is the admin audit row written here with the membership as it was. The membership's API
// tokens go with it (foreign key, on delete cascade); a session acting for it falls back to the
// organisation choice (membership_id set null).
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../../use-case.ts'
import { recordAdminChange } from '../admin-audit.ts'
import { membershipRecord, membershipToManage } from './membership-to-manage.ts'

export const endMembership = defineUseCase({
  name: 'accounts/users/end-membership',
  input: z.object({ id: z.uuid('Geen geldig id') }),
  permission: ['delete', 'Membership'],
  forbidden: 'U mag geen rollen beëindigen.',
  async run(tx, ctx, input) {
    const m = await membershipToManage(tx, ctx, input.id, 'delete')
    if ('ok' in m) return m
    await tx.delete(schema.memberships).where(eq(schema.memberships.id, m.id))
    await recordAdminChange(tx, ctx, { action: 'membership.ended', subjectType: 'membership', subjectId: m.id, before: membershipRecord(m), after: null })
    return { ok: true, id: m.id }
  },
})
