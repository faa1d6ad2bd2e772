// The admin audit trail: every change to organisations, users, roles, memberships and links is
// written in the same transaction as the change itself, by the user making it, with the record
// before and after. RLS (migration 0031) lets the app role only insert and read, pins the actor to
// the context's user and role, and the row's stichting to the context's (the platform_beheerder
// writes for any stichting, and rows without one for the platform itself).
import { schema, type Tx } from '@baken/db'
import type { UseCaseContext } from '../use-case.ts'

/** '<subject>.<verb>' in snake case, e.g. 'membership.role_changed' (the table checks the form). */
export type AdminAction = `${string}.${string}`

export interface AdminChange {
  action: AdminAction
  /** The kind of record changed, e.g. 'school', 'user', 'membership', 'partner_link'. */
  subjectType: string
  subjectId: string | null
  /** The stichting the change belongs to; defaults to the actor's. Null: the platform's own. */
  stichtingId?: string | null
  /** The record before the change (null when it was created) and after (null when it was removed). */
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** Fields that never go into the trail, whatever record is passed: secrets and their hashes. */
const SECRET_FIELDS = /password|secret|token|hash|recovery|totp/i

function withoutSecrets(value: Record<string, unknown> | null): Record<string, unknown> | null {
  if (value === null) return null
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET_FIELDS.test(k)))
}

/** Writes one row of the admin audit trail for a change made in `tx`. */
export async function recordAdminChange(tx: Tx, ctx: Pick<UseCaseContext, 'tenant'>, change: AdminChange): Promise<void> {
  await tx.insert(schema.adminAudit).values({
    stichtingId: change.stichtingId === undefined ? ctx.tenant.stichtingId : change.stichtingId,
    actorUserId: ctx.tenant.userId,
    actorRole: ctx.tenant.role,
    action: change.action,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    before: withoutSecrets(change.before),
    after: withoutSecrets(change.after),
  })
}

/** The fields that changed between two versions of a record (for a compact "before → after"). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  )
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  }
}
