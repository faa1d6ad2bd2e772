// The portal's start page: the family member's children, the items the school released about each
// (newest first) with whether this user gave "voor gezien", and the AVG requests they filed.
import { schema } from '@baken/db'
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { familyChildren, type FamilyChild } from './family-children.ts'

export interface PortalListItem {
  id: string
  studentId: string
  kind: string
  title: string
  releasedAt: string
  occurredAt: string | null
  acknowledgedAt: string | null
}

export interface PortalRequest {
  id: string
  studentId: string
  kind: string
  receivedOn: string
  dueOn: string
  status: string
}

export const listPortal = defineUseCase({
  name: 'portal/list-portal',
  input: z.object({}),
  permission: ['read', 'Portal'],
  async run(tx, { tenant, now }) {
    const children: FamilyChild[] = await familyChildren(tx, now)
    const ids = children.map((c) => c.id)
    if (!ids.length) return { ok: true, children, items: [] as PortalListItem[], requests: [] as PortalRequest[] }
    const p = schema.portalItems
    const a = schema.incidentAcknowledgements
    const [items, acks, requests] = await Promise.all([
      tx.select({ id: p.id, studentId: p.studentId, kind: p.kind, title: p.title, releasedAt: p.releasedAt, body: p.body }).from(p).where(inArray(p.studentId, ids)).orderBy(desc(p.releasedAt)),
      tx.select({ itemId: a.portalItemId, at: a.recordedAt }).from(a).where(and(isNotNull(a.portalItemId), eq(a.recordedById, tenant.userId))),
      tx
        .select({ id: schema.subjectRequests.id, studentId: schema.subjectRequests.studentId, kind: schema.subjectRequests.kind, receivedOn: schema.subjectRequests.receivedOn, dueOn: schema.subjectRequests.dueOn, status: schema.subjectRequests.status })
        .from(schema.subjectRequests)
        .orderBy(desc(schema.subjectRequests.createdAt)),
    ])
    const acked = new Map<string, Date>()
    for (const r of acks) if (r.itemId && !acked.has(r.itemId)) acked.set(r.itemId, r.at)
    return {
      ok: true,
      children,
      items: items.map((i) => ({
        id: i.id,
        studentId: i.studentId,
        kind: i.kind,
        title: i.title,
        releasedAt: i.releasedAt.toISOString(),
        occurredAt: (i.body as { occurredAt?: string }).occurredAt ?? null,
        acknowledgedAt: acked.get(i.id)?.toISOString() ?? null,
      })),
      requests: requests as PortalRequest[],
    }
  },
})
