import { schema, type Tx } from '@baken/db'
import { eq } from 'drizzle-orm'
import type { ActiveMembership } from './auth/sessions.ts'

export interface OrganisationSummary {
  kind: 'school' | 'stichting' | 'partner' | 'platform'
  id: string | null
  name: string
  sector?: string
  stichtingName?: string
}

/**
 * The organisation as authentication read it along with the membership (one statement, ADR 032):
 * its kind, id and name, without a transaction of its own. Null when the membership came without
 * the name; then getActiveOrganisation reads it.
 */
export function knownOrganisation(m: ActiveMembership): OrganisationSummary | null {
  if (m.schoolId) return m.organisationName === undefined ? null : { kind: 'school', id: m.schoolId, name: m.organisationName }
  if (m.stichtingId) return m.organisationName === undefined ? null : { kind: 'stichting', id: m.stichtingId, name: m.organisationName }
  if (m.partnerId) return m.organisationName === undefined ? null : { kind: 'partner', id: m.partnerId, name: m.organisationName }
  return PLATFORM
}

const PLATFORM: OrganisationSummary = { kind: 'platform', id: null, name: 'Baken platform' }

/** The organisation the caller acts for, read through the tenant wall. */
export async function getActiveOrganisation(tx: Tx, m: ActiveMembership): Promise<OrganisationSummary> {
  if (m.schoolId) {
    const [row] = await tx
      .select({ id: schema.schools.id, name: schema.schools.name, sector: schema.schools.sector, stichting: schema.stichtingen.name })
      .from(schema.schools)
      .innerJoin(schema.stichtingen, eq(schema.stichtingen.id, schema.schools.stichtingId))
      .where(eq(schema.schools.id, m.schoolId))
    return { kind: 'school', id: m.schoolId, name: row?.name ?? '?', sector: row?.sector, stichtingName: row?.stichting }
  }
  if (m.stichtingId) {
    const [row] = await tx.select().from(schema.stichtingen).where(eq(schema.stichtingen.id, m.stichtingId))
    return { kind: 'stichting', id: m.stichtingId, name: row?.name ?? '?' }
  }
  if (m.partnerId) {
    const [row] = await tx.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.id, m.partnerId))
    return { kind: 'partner', id: m.partnerId, name: row?.name ?? '?' }
  }
  return PLATFORM
}

/** Schools visible to the caller (their own, their stichting's, or linked partner schools). */
export function listVisibleSchools(tx: Tx) {
  return tx
    .select({ id: schema.schools.id, name: schema.schools.name, brin: schema.schools.brin, sector: schema.schools.sector, stichtingId: schema.schools.stichtingId })
    .from(schema.schools)
    .orderBy(schema.schools.name)
}
