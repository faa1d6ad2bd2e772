// One referral as the school sees it (status, intake date and, once closed, the agreed fields of
// Halt's closing report), logged as a read (subject 'referral'). Never Halt's notes, components,
// JIM or appointments: no RLS policy gives a school a row of those tables (0022).
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordAccess } from '../privacy/access-log.ts'
import { displayName, studentNameColumns } from '../students.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import type { ReferralRequest } from './common.ts'
import type { SchoolReferralItem } from './list-referrals.ts'
import { referralWhere } from './school-referral.ts'
import { recordId } from '../input-rules.ts'

export interface SchoolReferral extends SchoolReferralItem, ReferralRequest {
  shareId: string
  sharedFields: string[]
  incidentIds: string[]
  createdByName: string
  decidedAt: string | null
  declineReason: string | null
  outcomeReason: string | null
  /** Only once closed: the agreed fields of Halt's closing report. */
  closingReport: Record<string, unknown> | null
}

export const getReferral = defineUseCase({
  name: 'halt/get-referral',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Referral'],
  async run(tx, { ability, tenant }, { id }) {
    if (!tenant.schoolId || !z.uuid().safeParse(id).success) return refuse('not_found', 'id', 'Verwijzing niet gevonden.')
    const r = schema.haltReferrals
    const [row] = await tx
      .select({
        ref: r,
        ...studentNameColumns,
        partnerName: schema.partnerOrganisations.name,
        createdByName: schema.users.name,
      })
      .from(r)
      .innerJoin(schema.students, eq(schema.students.id, r.studentId))
      .innerJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, r.partnerId))
      .innerJoin(schema.users, eq(schema.users.id, r.createdById))
      .where(and(eq(r.id, id), eq(r.schoolId, tenant.schoolId), referralWhere(ability, 'read')))
    if (!row) return refuse('not_found', 'id', 'Verwijzing niet gevonden.')
    const ref = row.ref
    const [share] = await tx.select({ fields: schema.shares.fields }).from(schema.shares).where(eq(schema.shares.id, ref.shareId))
    const items = await tx.select({ incidentId: schema.shareItems.incidentId }).from(schema.shareItems).where(eq(schema.shareItems.shareId, ref.shareId))
    await recordAccess(tx, tenant, { subjectType: 'referral', subjectId: ref.id, studentId: ref.studentId, schoolId: ref.schoolId, reason: 'Halt-verwijzing' })
    const view: SchoolReferral = {
      id: ref.id,
      studentId: ref.studentId,
      studentName: displayName(row),
      partnerName: row.partnerName,
      status: ref.status,
      incidentTypes: ref.incidentTypes,
      createdAt: ref.createdAt.toISOString(),
      intakeAt: ref.intakeAt?.toISOString() ?? null,
      outcome: ref.status === 'afgesloten' ? ref.outcome : null,
      closedAt: ref.closedAt?.toISOString() ?? null,
      reason: ref.reason,
      schoolActions: ref.schoolActions,
      contactName: ref.contactName,
      contactEmail: ref.contactEmail,
      contactPhone: ref.contactPhone,
      studentConsentOn: ref.studentConsentOn,
      parentConsentOn: ref.parentConsentOn,
      reportFields: ref.reportFields,
      shareId: ref.shareId,
      sharedFields: share?.fields ?? [],
      incidentIds: items.map((i) => i.incidentId),
      createdByName: row.createdByName,
      decidedAt: ref.decidedAt?.toISOString() ?? null,
      declineReason: ref.declineReason,
      outcomeReason: ref.status === 'afgesloten' && ref.reportFields.includes('uitkomst') ? ref.outcomeReason : null,
      closingReport: ref.status === 'afgesloten' ? ((ref.closingReport as Record<string, unknown> | null) ?? null) : null,
    }
    return { ok: true, ...view }
  },
})
