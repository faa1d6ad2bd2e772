// Halt's queue: the referrals of linked schools to the caller's region, newest first, each with
// the student's name only when the school shared it.
import { schema, type Tx } from '@baken/db'
import { namesInSharePayload } from '@baken/db/pseudonyms'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { projectPayload } from '../sharing/create-share.ts'
import { defineUseCase } from '../use-case.ts'
import { blankAsAbsent } from './common.ts'
import { haltWhere } from './halt-referral.ts'

export const haltQueueInput = z.object({
  schoolId: blankAsAbsent(z.uuid('Ongeldige school')),
  status: blankAsAbsent(z.enum(schema.HALT_REFERRAL_STATUSES, { message: 'Onbekende status' })),
  type: blankAsAbsent(z.enum(schema.HALT_INCIDENT_TYPES, { message: 'Onbekend type' })),
})

export interface HaltQueueItem {
  id: string
  schoolId: string
  schoolName: string
  status: string
  incidentTypes: string[]
  reason: string
  createdAt: string
  intakeAt: string | null
  closedAt: string | null
  outcome: string | null
  /**
   * The referred student as the school shared her name (a name field of her role chosen), else null.
   * The share names no other pupil (ADR 013), so this is never anyone else.
   */
  studentLabel: string | null
}

export const listHaltQueue = defineUseCase({
  name: 'halt/list-halt-queue',
  input: haltQueueInput,
  permission: ['read', 'HaltCase'],
  async run(tx, { ability, tenant }, input) {
    if (!tenant.partnerId) return { ok: true, items: [] as HaltQueueItem[] }
    const r = schema.haltReferrals
    const rows = await tx
      .select({
        id: r.id,
        schoolId: r.schoolId,
        schoolName: schema.schools.name,
        status: r.status,
        incidentTypes: r.incidentTypes,
        reason: r.reason,
        createdAt: r.createdAt,
        intakeAt: r.intakeAt,
        closedAt: r.closedAt,
        outcome: r.outcome,
        shareId: r.shareId,
        shareFields: schema.shares.fields,
      })
      .from(r)
      .innerJoin(schema.schools, eq(schema.schools.id, r.schoolId))
      // An expired or revoked share is invisible to Halt (RLS): the case stays, without a name.
      .leftJoin(schema.shares, eq(schema.shares.id, r.shareId))
      .where(
        and(
          haltWhere(ability, 'read'),
          input.schoolId ? eq(r.schoolId, input.schoolId) : undefined,
          input.status ? eq(r.status, input.status) : undefined,
          input.type ? sql`${input.type} = any(${r.incidentTypes})` : undefined,
        ),
      )
      .orderBy(desc(r.createdAt))
    const labels = await studentLabels(
      tx,
      rows.flatMap((x) => (x.shareFields ? [{ shareId: x.shareId, fields: x.shareFields }] : [])),
    )
    const items: HaltQueueItem[] = rows.map(({ shareId, shareFields: _fields, ...x }) => ({
      ...x,
      createdAt: x.createdAt.toISOString(),
      intakeAt: x.intakeAt?.toISOString() ?? null,
      closedAt: x.closedAt?.toISOString() ?? null,
      studentLabel: labels.get(shareId) ?? null,
    }))
    return { ok: true, items }
  },
})

/** The name the share discloses for the referred student, per share (null: no name shared). */
async function studentLabels(tx: Tx, shares: { shareId: string; fields: readonly string[] }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (!shares.length) return out
  const fieldsOf = new Map(shares.map((x) => [x.shareId, x.fields]))
  const items = await tx
    .select({ shareId: schema.shareItems.shareId, payload: schema.shareItems.payload })
    .from(schema.shareItems)
    .where(inArray(schema.shareItems.shareId, [...fieldsOf.keys()]))
  const names = new Map<string, Set<string>>()
  for (const it of items) {
    const set = names.get(it.shareId) ?? new Set<string>()
    for (const n of namesInSharePayload(projectPayload(it.payload, fieldsOf.get(it.shareId) ?? []))) set.add(n)
    names.set(it.shareId, set)
  }
  for (const [shareId, set] of names) if (set.size) out.set(shareId, [...set].join(', '))
  return out
}
