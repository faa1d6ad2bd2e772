// OpenAPI operations of user and membership management (merged into lib/openapi.ts). Paths are under /api/v1.
import { changeMembershipRole, createInvitation, deactivateUser, endMembership, getUser, listUsers, reactivateUser, revokeInvitation } from '@baken/domain'
import { ROLES } from '@baken/db'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

const membership = z.strictObject({
  id: z.uuid(),
  role: z.enum(ROLES),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  manageable: z.boolean().meta({ description: 'Whether the caller may change or end it' }),
})
const user = z.strictObject({ id: z.uuid(), name: z.string(), email: z.string(), active: z.boolean(), memberships: z.array(membership) })
const invitation = z.strictObject({ id: z.uuid(), email: z.string(), expiresAt: z.iso.datetime(), expired: z.boolean(), roles: z.array(z.enum(ROLES)) })
const offered = z.strictObject({ role: z.enum(ROLES), stichtingId: z.uuid(), schoolId: z.uuid().nullable(), partnerId: z.null() })
const active = z.strictObject({ id: z.uuid(), active: z.boolean(), changed: z.boolean() })

export const usersEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/admin/users',
    summary: 'The users the caller manages (stichtingbeheerder: the stichting’s; directeur: its school’s staff), with their memberships, and the open invitations',
    useCase: listUsers,
    responses: { 200: { description: 'Users and open invitations', schema: z.strictObject({ items: z.array(user), invitations: z.array(invitation) }) } },
    errors: [403],
  }),
  endpoint({
    method: 'get',
    path: '/admin/users/{id}',
    summary: 'One user with the memberships the caller sees; a user outside the caller’s reach answers 404',
    useCase: getUser,
    responses: { 200: { description: 'The user', schema: z.strictObject({ user }) } },
    errors: [400, 403, 404],
  }),
  endpoint({
    method: 'post',
    path: '/admin/users/{id}/deactivate',
    summary: 'Deactivate a user: no sign-in; all their sessions are deleted and API tokens revoked in the same transaction. Not oneself (409).',
    useCase: deactivateUser,
    body: null,
    responses: { 200: { description: 'Deactivated (changed=false: it already was)', schema: active } },
    errors: [400, 403, 404, 409],
  }),
  endpoint({
    method: 'post',
    path: '/admin/users/{id}/reactivate',
    summary: 'Reactivate a deactivated user (they sign in again; no old session or token returns)',
    useCase: reactivateUser,
    body: null,
    responses: { 200: { description: 'Reactivated (changed=false: it already was active)', schema: active } },
    errors: [400, 403, 404, 409],
  }),
  endpoint({
    method: 'patch',
    path: '/admin/memberships/{id}',
    summary: 'Change a membership’s role within its kind. Nobody grants a role above their own (403; also enforced by the database). Not one’s own (409).',
    useCase: changeMembershipRole,
    body: changeMembershipRole.input.omit({ id: true }),
    responses: { 200: { description: 'Changed', schema: z.strictObject({ id: z.uuid(), role: z.enum(ROLES) }) } },
    errors: [400, 403, 404, 409, 415],
  }),
  endpoint({
    method: 'delete',
    path: '/admin/memberships/{id}',
    summary: 'End a membership (deleted; the admin audit keeps it; its API tokens end with it). Not one’s own (409).',
    useCase: endMembership,
    body: null,
    responses: { 200: { description: 'Ended', schema: z.strictObject({ id: z.uuid() }) } },
    errors: [400, 403, 404, 409],
  }),
  endpoint({
    method: 'post',
    path: '/admin/invitations',
    summary:
      'Invite by e-mail with one or more memberships (a school role with schoolId, or a stichting role). The link (72 h, single use) goes only in the mail through the outbox. A directeur invites for its own school in school roles; nobody offers a role above their own (403). The platform_beheerder names stichtingId and invites only a stichting’s first stichtingbeheerder.',
    useCase: createInvitation,
    responses: {
      201: { description: 'Invited', schema: z.strictObject({ id: z.uuid(), email: z.string(), expiresAt: z.iso.datetime(), memberships: z.array(offered) }) },
    },
    errors: [400, 403, 404, 415],
  }),
  endpoint({
    method: 'delete',
    path: '/admin/invitations/{id}',
    summary: 'Revoke an open invitation: its link stops working at once. An accepted or already revoked invitation answers 409; one outside the caller’s reach 404.',
    useCase: revokeInvitation,
    body: null,
    responses: { 200: { description: 'Revoked', schema: z.strictObject({ id: z.uuid(), revokedAt: z.iso.datetime() }) } },
    errors: [400, 403, 404, 409],
  }),
]
