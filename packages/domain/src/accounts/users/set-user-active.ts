// Deactivating and reactivating a user, through set_user_disabled (0046): allowed only for a user
// all of whose memberships the caller could have granted, never oneself. Deactivation deletes all
// their sessions and revokes all their API tokens in the same transaction, so an old cookie or
// token answers 401 at once.
import { sql } from 'drizzle-orm'
import type { Tx } from '@baken/db'
import { refuse, type Outcome, type UseCaseContext } from '../../use-case.ts'
import { recordAdminChange } from '../admin-audit.ts'
import { resultRows } from '@baken/db'

export async function setUserActive(tx: Tx, ctx: UseCaseContext, userId: string, active: boolean): Promise<Outcome<{ id: string; active: boolean; changed: boolean }>> {
  const [row] = resultRows<{ r: string }>(await tx.execute(sql`select set_user_disabled(${userId}::uuid, ${!active}) as r`))
  if (row?.r === 'self') return refuse('conflict', 'id', 'U kunt uw eigen account niet (de)activeren.')
  if (row?.r !== 'changed' && row?.r !== 'unchanged') return refuse('not_found', 'id', 'Gebruiker niet gevonden.')
  if (row.r === 'changed') {
    await recordAdminChange(tx, ctx, {
      action: active ? 'user.reactivated' : 'user.deactivated',
      subjectType: 'user',
      subjectId: userId,
      before: { active: !active },
      after: { active },
    })
  }
  return { ok: true, id: userId, active, changed: row.r === 'changed' }
}
