// Sharing agreements (convenanten / afsprakenformulieren, Wpg art. 20 lid 2): drafted by the
// privacyfunctionaris, the bestuurder or a directeur (own school), approved by the bevoegd gezag
// (bestuurder) only, ended when the cooperation stops. Both sides read them: the stichting's side
// its own, a partner the approved ones it is party to (RLS, migration 0020; CASL as second line).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL, type AgreementRow } from './create-share.ts'

export const AGREEMENT_STATUS_LABEL: Record<string, string> = {
  concept: 'concept (wacht op goedkeuring)',
  goedgekeurd: 'goedgekeurd',
  beeindigd: 'beëindigd',
}

export const agreementColumns = {
  id: schema.sharingAgreements.id,
  stichtingId: schema.sharingAgreements.stichtingId,
  schoolId: schema.sharingAgreements.schoolId,
  partnerId: schema.sharingAgreements.partnerId,
  status: schema.sharingAgreements.status,
}

/** The agreement with this id if the caller may `action` it (RLS and CASL); null for any other id. */
export async function loadAgreement(tx: Tx, ability: AppAbility, id: string, action: 'read' | 'update'): Promise<AgreementRow | null> {
  if (!z.uuid().safeParse(id).success) return null
  let where
  try {
    where = accessibleWhere(ability, action, 'Agreement', agreementColumns)
  } catch {
    return null
  }
  const [row] = await tx.select().from(schema.sharingAgreements).where(and(eq(schema.sharingAgreements.id, id), where))
  return row ?? null
}

export interface AgreementView {
  id: string
  title: string
  status: string
  statusLabel: string
  /** Approved, not ended, today within the validity. */
  active: boolean
  stichtingId: string
  schoolId: string | null
  schoolName: string | null
  partnerId: string
  partnerName: string
  publicInterest: string
  partnership: string
  purposes: { key: string; label: string }[]
  dataCategories: { key: string; label: string }[]
  conditions: string
  recipients: string
  legalBasis: string
  validFrom: string
  validUntil: string
  retentionDays: number
  approvedAt: Date | null
  approvedByName: string | null
  endedAt: Date | null
  createdAt: Date
}

export function isAgreementActive(a: Pick<AgreementRow, 'status' | 'endedAt' | 'validFrom' | 'validUntil'>, now: Date): boolean {
  const today = localDate(now)
  return a.status === 'goedgekeurd' && a.endedAt === null && a.validFrom <= today && today <= a.validUntil
}

/** Agreements as the caller reads them: names of partner, school and approver, status label. */
export async function presentAgreements(tx: Tx, rows: AgreementRow[], now: Date): Promise<AgreementView[]> {
  if (rows.length === 0) return []
  const partnerIds = [...new Set(rows.map((r) => r.partnerId))]
  const schoolIds = [...new Set(rows.flatMap((r) => (r.schoolId ? [r.schoolId] : [])))]
  const approverIds = [...new Set(rows.flatMap((r) => (r.approvedById ? [r.approvedById] : [])))]
  const [partners, schools, approvers] = await Promise.all([
    tx.select({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name }).from(schema.partnerOrganisations).where(inArray(schema.partnerOrganisations.id, partnerIds)),
    schoolIds.length ? tx.select({ id: schema.schools.id, name: schema.schools.name }).from(schema.schools).where(inArray(schema.schools.id, schoolIds)) : [],
    approverIds.length ? tx.select({ id: schema.users.id, name: schema.users.name }).from(schema.users).where(inArray(schema.users.id, approverIds)) : [],
  ])
  const nameOf = (list: { id: string; name: string }[], id: string | null) => (id ? (list.find((x) => x.id === id)?.name ?? null) : null)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    statusLabel: isAgreementActive(r, now) ? 'geldig' : r.status === 'goedgekeurd' ? 'goedgekeurd, buiten de geldigheidsduur' : (AGREEMENT_STATUS_LABEL[r.status] ?? r.status),
    active: isAgreementActive(r, now),
    stichtingId: r.stichtingId,
    schoolId: r.schoolId,
    schoolName: r.schoolId ? nameOf(schools, r.schoolId) : null,
    partnerId: r.partnerId,
    partnerName: nameOf(partners, r.partnerId) ?? '',
    publicInterest: r.publicInterest,
    partnership: r.partnership,
    purposes: r.purposes.map((p) => ({ key: p, label: SHARE_PURPOSE_LABEL[p] ?? p })),
    dataCategories: r.dataCategories.map((f) => ({ key: f, label: SHARE_FIELD_LABEL[f as schema.ShareField] ?? f })),
    conditions: r.conditions,
    recipients: r.recipients,
    legalBasis: r.legalBasis,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    retentionDays: r.retentionDays,
    approvedAt: r.approvedAt,
    approvedByName: nameOf(approvers, r.approvedById),
    endedAt: r.endedAt,
    createdAt: r.createdAt,
  }))
}

/**
 * The active agreements a school can share under now, with their partners (for the share form and
 * the melding flow). RLS limits to the caller's stichting and school.
 */
export async function usableAgreements(tx: Tx, ctx: TenantContext, options: { now?: Date; partnerKind?: 'police_unit' | 'halt_region' } = {}): Promise<AgreementView[]> {
  if (!ctx.stichtingId || !ctx.schoolId) return []
  const now = options.now ?? new Date()
  const rows = await tx
    .select()
    .from(schema.sharingAgreements)
    .where(
      and(
        eq(schema.sharingAgreements.stichtingId, ctx.stichtingId),
        eq(schema.sharingAgreements.status, 'goedgekeurd'),
        or(isNull(schema.sharingAgreements.schoolId), eq(schema.sharingAgreements.schoolId, ctx.schoolId)),
      ),
    )
    .orderBy(asc(schema.sharingAgreements.title))
  let views = (await presentAgreements(tx, rows, now)).filter((a) => a.active)
  if (options.partnerKind) {
    const partners = await tx.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.kind, options.partnerKind))
    const ids = new Set(partners.map((p) => p.id))
    views = views.filter((a) => ids.has(a.partnerId))
  }
  return views
}

/** Partner organisations the stichting or school works with (for the agreement form). */
export async function linkedPartners(tx: Tx): Promise<{ id: string; name: string; kind: string }[]> {
  return tx
    .selectDistinct({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name, kind: schema.partnerOrganisations.kind })
    .from(schema.partnerOrganisations)
    .innerJoin(schema.partnerLinks, eq(schema.partnerLinks.partnerId, schema.partnerOrganisations.id))
    .orderBy(asc(schema.partnerOrganisations.name))
}
