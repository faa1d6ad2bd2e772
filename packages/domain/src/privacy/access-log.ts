// The access log (issue 5, BRIEF §6): every read of a student's dossier, an incident, a measure, a
// referral or a shared record is written here, in the same transaction as the read. The table is
// append-only for the application role and hash-chained per stichting by a trigger (migration 0019):
// this module only inserts; it never updates, deletes or computes hashes itself.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { eq } from 'drizzle-orm'

export type AccessSubject = (typeof schema.ACCESS_SUBJECTS)[number]

export interface AccessEntry {
  /** 'read' unless said otherwise: 'break_glass', 'export', 'share', 'revoke', 'search', … */
  action?: string
  subjectType: AccessSubject
  subjectId?: string | null
  /** The student the record is about, so the data subject's export can list who looked. */
  studentId?: string | null
  /** The school the record belongs to (defaults to the caller's school). */
  schoolId?: string | null
  /**
   * Whose data it is. Defaults to the caller's stichting; a partner user (police, Halt) must pass
   * the stichting of the shared record, whose chain the row joins.
   */
  stichtingId?: string | null
  /** The purpose of the look, or for break-glass the reason the user gave. */
  reason?: string | null
  breakGlass?: boolean
}

/**
 * Records that the caller looked at something. Runs as the caller (RLS allows inserting only as
 * oneself, for the organisation one acts for). Throws when there is no stichting to log against:
 * a read that cannot be logged must not happen.
 */
export async function recordAccess(tx: Tx, ctx: TenantContext, entry: AccessEntry): Promise<void> {
  await recordAccesses(tx, ctx, [entry])
}

/** Records several looks at once (e.g. every student on a shared record). */
export async function recordAccesses(tx: Tx, ctx: TenantContext, entries: readonly AccessEntry[]): Promise<void> {
  if (entries.length === 0) return
  const [me] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, ctx.userId))
  const rows = entries.map((e) => {
    const stichtingId = e.stichtingId ?? ctx.stichtingId
    if (!stichtingId) throw new Error(`recordAccess: no stichting for ${e.subjectType} ${e.subjectId ?? ''}`)
    return {
      // chain_key, seq, at, prev_hash and hash are set by the trigger; placeholders satisfy NOT NULL typing.
      chainKey: stichtingId,
      seq: 0,
      prevHash: '',
      hash: '',
      userId: ctx.userId,
      userName: me?.name ?? '',
      role: ctx.role,
      stichtingId,
      schoolId: e.schoolId !== undefined ? e.schoolId : ctx.schoolId,
      partnerId: ctx.partnerId,
      action: e.action ?? 'read',
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      studentId: e.studentId ?? null,
      reason: e.reason ?? null,
      breakGlass: e.breakGlass ?? false,
    }
  })
  await tx.insert(schema.accessLog).values(rows)
}
