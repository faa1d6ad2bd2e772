// "Who received my child's data": every share that names the child as a subject (from the sharing
// records: to whom, why, on what legal basis, which fields, until when, revoked or not), and which
// organisations looked at the child's data according to the access log, per organisation and month,
// without naming staff (AVG art. 15 lid 1 c: the recipients; the access log is the school's own
// record of its staff, who are not recipients).
import { resultRows, schema } from '@baken/db'
import { desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL } from '../sharing/share-labels.ts'
import { familyChildren } from './family-children.ts'

export interface ChildShare {
  id: string
  recipient: string
  purpose: string
  legalBasis: string
  fields: string[]
  sharedAt: string
  expiresAt: string
  revokedAt: string | null
  origin: string
}

export const listChildShares = defineUseCase({
  name: 'portal/list-child-shares',
  input: z.object({ studentId: recordId() }),
  permission: ['read', 'Portal'],
  async run(tx, { now }, { studentId }) {
    const child = (await familyChildren(tx, now)).find((c) => c.id === studentId)
    if (!child) return refuse('not_found', 'studentId', 'Leerling niet gevonden.')
    const s = schema.shares
    const rows = await tx
      .select({
        id: s.id,
        recipient: schema.partnerOrganisations.name,
        purpose: s.purpose,
        legalBasis: s.legalBasis,
        fields: s.fields,
        sharedAt: s.approvedAt,
        expiresAt: s.expiresAt,
        revokedAt: s.revokedAt,
        origin: s.origin,
      })
      .from(schema.shareStudents)
      .innerJoin(s, eq(s.id, schema.shareStudents.shareId))
      .innerJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, s.partnerId))
      .where(eq(schema.shareStudents.studentId, child.id))
      .orderBy(desc(s.approvedAt))
    const shares: ChildShare[] = rows.map((r) => ({
      id: r.id,
      recipient: r.recipient,
      purpose: SHARE_PURPOSE_LABEL[r.purpose] ?? r.purpose,
      legalBasis: r.legalBasis,
      fields: r.fields.map((f) => SHARE_FIELD_LABEL[f as keyof typeof SHARE_FIELD_LABEL] ?? f),
      sharedAt: r.sharedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
      origin: r.origin,
    }))
    const viewers = resultRows<{ organisation: string; kind: string; month: string | Date; views: number | string }>(
      await tx.execute(sql`select organisation, kind, month, views from family_child_viewers(${child.id}::uuid)`),
    ).map((v) => ({
      organisation: v.organisation,
      kind: v.kind,
      month: typeof v.month === 'string' ? v.month.slice(0, 7) : v.month.toISOString().slice(0, 7),
      views: Number(v.views),
    }))
    return { ok: true, child, shares, viewers }
  },
})
