import { schema, type Role, type Tx } from '@baken/db'
import { asc, eq } from 'drizzle-orm'

export interface MembershipOption {
  id: string
  role: Role
  organisationKind: 'school' | 'stichting' | 'partner' | 'platform'
  organisationName: string
  /** For a school: its stichting's name. */
  parentName: string | null
}

/**
 * The organisations a user may act for, with names, for the organisation switcher. Runs in a context
 * with only app.user_id set (policy *_member_of in migration 0002 opens the names).
 */
export async function listMembershipOptions(tx: Tx, userId: string): Promise<MembershipOption[]> {
  const rows = await tx
    .select({
      id: schema.memberships.id,
      role: schema.memberships.role,
      schoolName: schema.schools.name,
      stichtingName: schema.stichtingen.name,
      partnerName: schema.partnerOrganisations.name,
    })
    .from(schema.memberships)
    .leftJoin(schema.schools, eq(schema.schools.id, schema.memberships.schoolId))
    .leftJoin(schema.stichtingen, eq(schema.stichtingen.id, schema.memberships.stichtingId))
    .leftJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, schema.memberships.partnerId))
    .where(eq(schema.memberships.userId, userId))
    .orderBy(asc(schema.memberships.createdAt))
  return rows.map((r) => {
    if (r.schoolName) {
      return { id: r.id, role: r.role, organisationKind: 'school', organisationName: r.schoolName, parentName: r.stichtingName }
    }
    if (r.stichtingName) {
      return { id: r.id, role: r.role, organisationKind: 'stichting', organisationName: r.stichtingName, parentName: null }
    }
    if (r.partnerName) {
      return { id: r.id, role: r.role, organisationKind: 'partner', organisationName: r.partnerName, parentName: null }
    }
    return { id: r.id, role: r.role, organisationKind: 'platform', organisationName: 'Baken platform', parentName: null }
  })
}

/** Staff of the caller's school (for choosing a task owner), read through the tenant wall. */
export async function listSchoolStaff(tx: Tx, schoolId: string): Promise<{ id: string; name: string; role: Role }[]> {
  const rows = await tx
    .select({ id: schema.users.id, name: schema.users.name, role: schema.memberships.role })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(eq(schema.memberships.schoolId, schoolId))
    .orderBy(asc(schema.users.name))
  return rows
}
