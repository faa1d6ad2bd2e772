// Shares on the school's side, what their use cases share: made by the directeur
// (share-incidents.ts; the law's checks in create-share.ts), listed with their status
// (list-shares.ts), read in full (get-share.ts) and revoked with a reason (revoke-share.ts).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { incidentWhere } from '../incidents/incident-record.ts'
import { irisLabel } from '../incidents/iris.ts'
import { LEAST_FIELDS, SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL, type ShareField } from './create-share.ts'

export const SHARE_STATUS_LABEL = { actief: 'actief', verlopen: 'verlopen', ingetrokken: 'ingetrokken' } as const
export type ShareStatus = keyof typeof SHARE_STATUS_LABEL

export const ORIGIN_LABEL: Record<string, string> = {
  handmatig: 'gedeeld via het formulier',
  melding: 'melding bij de politie',
  aangifte: 'aangifte bij de politie',
  halt_verwijzing: 'Halt-verwijzing',
}

export const shareColumns = {
  id: schema.shares.id,
  stichtingId: schema.shares.stichtingId,
  schoolId: schema.shares.schoolId,
  partnerId: schema.shares.partnerId,
}

export function shareStatus(s: { revokedAt: Date | null; expiresAt: Date }, now: Date): ShareStatus {
  if (s.revokedAt) return 'ingetrokken'
  return s.expiresAt.getTime() > now.getTime() ? 'actief' : 'verlopen'
}

export interface ShareSummary {
  id: string
  status: ShareStatus
  statusLabel: string
  schoolId: string
  schoolName: string
  partnerId: string
  partnerName: string
  agreementId: string
  agreementTitle: string
  purpose: string
  purposeLabel: string
  origin: string
  originLabel: string
  fields: { key: string; label: string }[]
  incidentCount: number
  approvedAt: Date
  approvedByName: string | null
  expiresAt: Date
  revokedAt: Date | null
  revokeReason: string | null
}

/** The shares the caller may read (null: none at all). */
export function shareWhere(ability: AppAbility): SQL | null {
  try {
    return accessibleWhere(ability, 'read', 'Share', shareColumns)
  } catch {
    return null
  }
}

/** Shares as listed: names of school, partner, agreement and approver, status, incident count. */
export async function shareSummaries(tx: Tx, rows: (typeof schema.shares.$inferSelect)[], now: Date): Promise<ShareSummary[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [schools, partners, agreements, users, items] = await Promise.all([
    tx.select({ id: schema.schools.id, name: schema.schools.name }).from(schema.schools).where(inArray(schema.schools.id, [...new Set(rows.map((r) => r.schoolId))])),
    tx.select({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name }).from(schema.partnerOrganisations).where(inArray(schema.partnerOrganisations.id, [...new Set(rows.map((r) => r.partnerId))])),
    tx.select({ id: schema.sharingAgreements.id, title: schema.sharingAgreements.title }).from(schema.sharingAgreements).where(inArray(schema.sharingAgreements.id, [...new Set(rows.map((r) => r.agreementId))])),
    tx.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(inArray(schema.users.id, [...new Set(rows.map((r) => r.approvedById))])),
    tx.select({ shareId: schema.shareItems.shareId }).from(schema.shareItems).where(inArray(schema.shareItems.shareId, ids)),
  ])
  return rows.map((r) => {
    const status = shareStatus(r, now)
    return {
      id: r.id,
      status,
      statusLabel: SHARE_STATUS_LABEL[status],
      schoolId: r.schoolId,
      schoolName: schools.find((s) => s.id === r.schoolId)?.name ?? '',
      partnerId: r.partnerId,
      partnerName: partners.find((p) => p.id === r.partnerId)?.name ?? '',
      agreementId: r.agreementId,
      agreementTitle: agreements.find((a) => a.id === r.agreementId)?.title ?? '',
      purpose: r.purpose,
      purposeLabel: SHARE_PURPOSE_LABEL[r.purpose] ?? r.purpose,
      origin: r.origin,
      originLabel: ORIGIN_LABEL[r.origin] ?? r.origin,
      fields: r.fields.map((f) => ({ key: f, label: SHARE_FIELD_LABEL[f as ShareField] ?? f })),
      incidentCount: items.filter((i) => i.shareId === r.id).length,
      approvedAt: r.approvedAt,
      approvedByName: users.find((u) => u.id === r.approvedById)?.name ?? null,
      expiresAt: r.expiresAt,
      revokedAt: r.revokedAt,
      revokeReason: r.revokeReason,
    }
  })
}

export interface ShareDetail extends ShareSummary {
  legalBasis: string
  note: string | null
  recipients: { id: string; name: string }[]
  /** True for the stichting's roles: no payload and no student names, only the facts of the share. */
  contentHidden: boolean
  studentCount: number
  students: { id: string; name: string }[]
  items: { incidentId: string; payload: Record<string, unknown> }[]
  revokedByName: string | null
  canRevoke: boolean
}

/** What the share form offers: usable agreements, the school's submitted incidents, its students. */
export { LEAST_FIELDS }

export async function shareFormIncidents(tx: Tx, ability: AppAbility, ctx: TenantContext, options: { limit?: number } = {}) {
  if (!ctx.schoolId) return []
  let where
  try {
    where = incidentWhere(ability, 'read')
  } catch {
    return []
  }
  const rows = await tx
    .select({ id: schema.incidents.id, occurredAt: schema.incidents.occurredAt, severity: schema.incidents.severity, policeReportKind: schema.incidents.policeReportKind })
    .from(schema.incidents)
    .where(and(where, eq(schema.incidents.schoolId, ctx.schoolId), eq(schema.incidents.status, 'submitted')))
    .orderBy(desc(schema.incidents.occurredAt))
    .limit(options.limit ?? 60)
  if (rows.length === 0) return []
  const codes = await tx
    .select({ incidentId: schema.incidentCodes.incidentId, code: schema.incidentCodes.code })
    .from(schema.incidentCodes)
    .where(and(inArray(schema.incidentCodes.incidentId, rows.map((r) => r.id)), eq(schema.incidentCodes.list, 'voorval')))
  return rows.map((r) => ({
    ...r,
    types: codes.filter((c) => c.incidentId === r.id).map((c) => irisLabel('voorval', c.code) ?? `code ${c.code}`),
  }))
}
