// What a recipient (police unit, Halt region) sees of what schools shared with it: the
// active shares for its organisation (RLS: not revoked, not expired, addressed to the user or the
// whole partner), newest first, each with purpose, agreement, school, expiry and the items' payload,
// projected again onto the share's fields. Every look is logged per student of the share, into the
// chain of the share's stichting. Expired, revoked or not addressed to the user: not found (404).
// The use cases: list-shared-records.ts and get-shared-record.ts.
import { schema, type TenantContext, type Tx, resultRows } from '@baken/db'
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import { recordAccesses } from '../privacy/access-log.ts'
import { projectPayload, SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL, type ShareField } from './create-share.ts'

export interface SharedRecord {
  id: string
  purpose: string
  purposeLabel: string
  legalBasis: string
  agreementId: string
  agreementTitle: string
  schoolName: string
  sharedAt: Date
  expiresAt: Date
  fields: { key: string; label: string }[]
  itemCount: number
  /** Empty in a summary listing (which is not logged: it shows no personal data). */
  items: { payload: Record<string, unknown> }[]
}

/** The caller's active shares (one when `id` is given). */
export async function activeSharedRows(tx: Tx, ctx: TenantContext, now: Date, id?: string) {
  // RLS already shows a partner only its active shares; the same conditions again as second line.
  return tx
    .select()
    .from(schema.shares)
    .where(
      and(
        id ? eq(schema.shares.id, id) : undefined,
        eq(schema.shares.partnerId, ctx.partnerId!),
        isNull(schema.shares.revokedAt),
        gt(schema.shares.expiresAt, now),
        sql`(cardinality(${schema.shares.recipientUserIds}) = 0 or ${ctx.userId}::uuid = any(${schema.shares.recipientUserIds}))`,
      ),
    )
    .orderBy(desc(schema.shares.approvedAt))
    .limit(200)
}

/** Shared records as the recipient sees them; with items, the look is logged. */
export async function presentSharedRecords(tx: Tx, ctx: TenantContext, rows: (typeof schema.shares.$inferSelect)[], withItems = true): Promise<SharedRecord[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [items, agreements, schools] = await Promise.all([
    tx.select({ shareId: schema.shareItems.shareId, payload: schema.shareItems.payload }).from(schema.shareItems).where(inArray(schema.shareItems.shareId, ids)),
    tx.select({ id: schema.sharingAgreements.id, title: schema.sharingAgreements.title }).from(schema.sharingAgreements).where(inArray(schema.sharingAgreements.id, [...new Set(rows.map((r) => r.agreementId))])),
    tx.select({ id: schema.schools.id, name: schema.schools.name }).from(schema.schools).where(inArray(schema.schools.id, [...new Set(rows.map((r) => r.schoolId))])),
  ])
  // The look, logged per student of each share in the share's stichting's chain.
  const entries = []
  for (const r of withItems ? rows : []) {
    const result = await tx.execute(sql`select student_id from shared_record_students(${r.id}::uuid)`)
    const students = resultRows(result) as { student_id: string }[]
    for (const studentId of students.length ? students.map((s) => s.student_id) : [null]) {
      entries.push({
        subjectType: 'share' as const,
        subjectId: r.id,
        studentId,
        stichtingId: r.stichtingId,
        schoolId: r.schoolId,
        reason: SHARE_PURPOSE_LABEL[r.purpose] ?? r.purpose,
      })
    }
  }
  if (entries.length) await recordAccesses(tx, ctx, entries)
  return rows.map((r) => ({
    id: r.id,
    purpose: r.purpose,
    purposeLabel: SHARE_PURPOSE_LABEL[r.purpose] ?? r.purpose,
    legalBasis: r.legalBasis,
    agreementId: r.agreementId,
    agreementTitle: agreements.find((a) => a.id === r.agreementId)?.title ?? '',
    schoolName: schools.find((s) => s.id === r.schoolId)?.name ?? '',
    sharedAt: r.approvedAt,
    expiresAt: r.expiresAt,
    fields: r.fields.map((f) => ({ key: f, label: SHARE_FIELD_LABEL[f as ShareField] ?? f })),
    itemCount: items.filter((i) => i.shareId === r.id).length,
    items: withItems ? items.filter((i) => i.shareId === r.id).map((i) => ({ payload: projectPayload(i.payload, r.fields) })) : [],
  }))
}
