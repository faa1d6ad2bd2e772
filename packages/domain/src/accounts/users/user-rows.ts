// Users as a beheerder or directeur sees them: through the memberships RLS shows them (0001:
// the stichting's, or the own school's), each with whether the caller may change it (CASL, and the
// database checks it again on the write).
import { FAMILY_ROLES, schema, type Role, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, asc, eq, isNull, notInArray, type SQL } from 'drizzle-orm'

export interface UserMembership {
  id: string
  role: Role
  schoolId: string | null
  schoolName: string | null
  /** May the caller change this role or end this membership. */
  manageable: boolean
}

export interface UserItem {
  id: string
  name: string
  email: string
  active: boolean
  memberships: UserMembership[]
}

export async function readUsers(tx: Tx, ability: AppAbility, where?: SQL): Promise<UserItem[]> {
  const m = schema.memberships
  const rows = await tx
    .select({
      userId: schema.users.id,
      name: schema.users.name,
      email: schema.users.email,
      disabledAt: schema.users.disabledAt,
      membership: m,
      schoolName: schema.schools.name,
    })
    .from(m)
    .innerJoin(schema.users, eq(schema.users.id, m.userId))
    .leftJoin(schema.schools, eq(schema.schools.id, m.schoolId))
    // Guardians and pupils are the family's accounts, managed on the pupil's page (ADR 033), not staff.
    .where(and(isNull(m.partnerId), notInArray(m.role, [...FAMILY_ROLES]), where))
    .orderBy(asc(schema.users.name), asc(schema.users.id), asc(m.createdAt))
  const users = new Map<string, UserItem>()
  for (const r of rows) {
    // A directeur sees its school's staff; stichting roles of its school's people stay out of sight.
    if (!ability.can('read', record('Membership', r.membership))) continue
    const user = users.get(r.userId) ?? { id: r.userId, name: r.name, email: r.email, active: r.disabledAt === null, memberships: [] }
    user.memberships.push({
      id: r.membership.id,
      role: r.membership.role,
      schoolId: r.membership.schoolId,
      schoolName: r.schoolName,
      manageable: ability.can('update', record('Membership', r.membership)),
    })
    users.set(r.userId, user)
  }
  return [...users.values()]
}

/** The open invitations the caller sees (RLS 0046: its own, its stichting's, its school's). */
export async function readOpenInvitations(tx: Tx, now: Date) {
  const i = schema.invitations
  const rows = await tx
    .select({ id: i.id, email: i.email, expiresAt: i.expiresAt, im: schema.invitationMemberships.role })
    .from(i)
    .innerJoin(schema.invitationMemberships, eq(schema.invitationMemberships.invitationId, i.id))
    .where(and(isNull(i.acceptedAt), isNull(i.revokedAt), notInArray(schema.invitationMemberships.role, [...FAMILY_ROLES])))
    .orderBy(asc(i.createdAt))
  const open = new Map<string, { id: string; email: string; expiresAt: string; expired: boolean; roles: Role[] }>()
  for (const r of rows) {
    const item = open.get(r.id) ?? { id: r.id, email: r.email, expiresAt: r.expiresAt.toISOString(), expired: r.expiresAt <= now, roles: [] }
    item.roles.push(r.im)
    open.set(r.id, item)
  }
  return [...open.values()]
}
