// The prologue of changing or ending a membership: it must be visible (RLS; else 404), not the
// caller's own (a beheerder who demotes or ends itself could lock the stichting out), not a family
// one (409: those are managed on the pupil's page), and one the caller may manage (CASL; the
// database's ctx_may_grant checks the write again).
import { isFamilyRole, schema, type Tx } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { refuse, type Refused, type UseCaseContext } from '../../use-case.ts'

export type MembershipRow = typeof schema.memberships.$inferSelect

export async function membershipToManage(tx: Tx, ctx: UseCaseContext, id: string, action: 'update' | 'delete'): Promise<MembershipRow | Refused> {
  const [m] = await tx.select().from(schema.memberships).where(eq(schema.memberships.id, id))
  if (!m || !ctx.ability.can('read', record('Membership', m))) return refuse('not_found', 'id', 'Lidmaatschap niet gevonden.')
  if (m.userId === ctx.tenant.userId) return refuse('conflict', 'id', 'U kunt uw eigen rol niet wijzigen of beëindigen; vraag een andere beheerder.')
  // A family membership (ouder, leerling) hangs on its links to pupils: it is managed on the pupil's
  // page (a guardian invitation, ending a link), never turned into a staff role.
  if (isFamilyRole(m.role)) {
    return refuse('conflict', 'id', 'Dit is een ouder- of leerlingaccount. Dat krijgt geen andere rol; beheer de toegang op de pagina van de leerling.')
  }
  if (!ctx.ability.can(action, record('Membership', m))) return refuse('forbidden', 'id', 'U mag deze rol niet wijzigen.')
  return m
}

/** The audit's view of a membership: no timestamps. */
export function membershipRecord(m: MembershipRow) {
  return { userId: m.userId, role: m.role, stichtingId: m.stichtingId, schoolId: m.schoolId, partnerId: m.partnerId }
}
