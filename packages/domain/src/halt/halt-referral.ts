// Halt's hold on one referral: what the region may read or handle (RLS and the CASL rule on
// HaltCase), the schools linked to the region, and the state a step needs. Shared by the use cases of
// Halt's workspace.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, asc, eq, isNull, or } from 'drizzle-orm'
import { z } from 'zod'
import { refuse, type Refused } from '../use-case.ts'
import type { HaltStatus } from './common.ts'

export type HaltReferralRow = typeof schema.haltReferrals.$inferSelect

/** The statuses of a trajectory that is under way (accepted, not closed). */
export const OPEN_STATUSES: HaltStatus[] = ['geaccepteerd', 'intake_gepland', 'lopend']

export function haltWhere(ability: AppAbility, action: 'read' | 'update') {
  return accessibleWhere(ability, action, 'HaltCase', { partnerId: schema.haltReferrals.partnerId })
}

/** The referral as Halt may handle it, or null (answered as 404). */
export async function loadHaltReferral(tx: Tx, ability: AppAbility, id: string, action: 'read' | 'update' = 'read', lock = false): Promise<HaltReferralRow | null> {
  if (!z.uuid().safeParse(id).success || !ability.can(action, 'HaltCase')) return null
  const q = tx
    .select()
    .from(schema.haltReferrals)
    .where(and(eq(schema.haltReferrals.id, id), haltWhere(ability, action)))
  const [row] = lock ? await q.for('update') : await q
  return row ?? null
}

/** The referral locked for a step that needs one of the `allowed` statuses; else not_found or conflict. */
export async function referralForStep(tx: Tx, ability: AppAbility, id: string, allowed: readonly HaltStatus[]): Promise<{ ok: true; referral: HaltReferralRow } | Refused> {
  const r = await loadHaltReferral(tx, ability, id, 'update', true)
  if (!r) return refuse('not_found', 'id', 'Verwijzing niet gevonden.')
  if (!allowed.includes(r.status as HaltStatus)) {
    const now = r.status === 'afgesloten' ? 'is al afgesloten' : r.status === 'afgewezen' ? 'is afgewezen' : r.status === 'aangemeld' ? 'is nog niet geaccepteerd' : `heeft status ${r.status}`
    return refuse('conflict', 'status', `Dat kan niet: de verwijzing ${now}.`)
  }
  return { ok: true, referral: r }
}

/** Schools linked to the caller's Halt region (partner_links; a stichting-wide link covers all its schools). */
export async function linkedSchools(tx: Tx, ctx: TenantContext): Promise<{ id: string; name: string; stichtingId: string }[]> {
  if (!ctx.partnerId) return []
  return tx
    .selectDistinct({ id: schema.schools.id, name: schema.schools.name, stichtingId: schema.schools.stichtingId })
    .from(schema.partnerLinks)
    .innerJoin(
      schema.schools,
      and(
        eq(schema.schools.stichtingId, schema.partnerLinks.stichtingId),
        or(isNull(schema.partnerLinks.schoolId), eq(schema.partnerLinks.schoolId, schema.schools.id)),
      ),
    )
    .where(eq(schema.partnerLinks.partnerId, ctx.partnerId))
    .orderBy(asc(schema.schools.name))
}
