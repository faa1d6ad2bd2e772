import { getDatabase, isFamilyRole, withContext } from '@baken/db'
import { getActiveOrganisation, knownOrganisation } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { inTenant, requireAuth, requireContext } from '~/lib/context.server.ts'
import { listMembershipOptions } from '@baken/domain'

/** GET /api/v1/me — the user, the membership they act for, its organisation and role. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context)
  const user = { id: auth.user.id, email: auth.user.email, name: auth.user.name }
  if (!auth.membership) {
    const memberships = await withContext(getDatabase(), { userId: auth.user.id }, (tx) => listMembershipOptions(tx, auth.user.id))
    return Response.json({ user, membership: null, organisation: null, role: null, memberships })
  }
  // Answers for every kind of membership, the family's too.
  const ctx = requireContext(request, context, { audience: isFamilyRole(auth.membership.role) ? 'family' : 'staff' })
  const organisation = knownOrganisation(ctx.membership) ?? (await inTenant(ctx, (tx) => getActiveOrganisation(tx, ctx.membership)))
  return Response.json({
    user,
    membership: { id: ctx.membership.id, role: ctx.membership.role },
    organisation: { kind: organisation.kind, id: organisation.id, name: organisation.name },
    role: ctx.membership.role,
    authenticatedBy: ctx.via,
  })
}
