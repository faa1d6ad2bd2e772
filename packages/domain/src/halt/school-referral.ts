// The school's hold on its referrals: which it may read or create (the CASL rule on Referral) and
// the Halt region(s) the school is linked to.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, eq, isNull, or } from 'drizzle-orm'

export function referralWhere(ability: AppAbility, action: 'read' | 'create') {
  return accessibleWhere(ability, action, 'Referral', { schoolId: schema.haltReferrals.schoolId })
}

/** The Halt region(s) the caller's school is linked to. */
export async function haltRegionsOf(tx: Tx, ctx: TenantContext): Promise<{ id: string; name: string }[]> {
  if (!ctx.stichtingId || !ctx.schoolId) return []
  return tx
    .selectDistinct({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name })
    .from(schema.partnerLinks)
    .innerJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, schema.partnerLinks.partnerId))
    .where(
      and(
        eq(schema.partnerOrganisations.kind, 'halt_region'),
        eq(schema.partnerLinks.stichtingId, ctx.stichtingId),
        or(isNull(schema.partnerLinks.schoolId), eq(schema.partnerLinks.schoolId, ctx.schoolId)),
      ),
    )
}
