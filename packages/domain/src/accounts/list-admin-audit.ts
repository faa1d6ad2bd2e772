// The admin audit trail as its readers see it, newest first and paged: the stichtingbeheerder and
// the privacyfunctionaris their stichting's changes, the platform_beheerder the platform's own.
// RLS (0031) limits the rows; CASL (`read AdminAudit`) refuses everyone else before any query.
import { schema } from '@baken/db'
import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { textInput } from '../input-rules.ts'
import { defineUseCase } from '../use-case.ts'

export const ADMIN_AUDIT_PAGE_SIZE = 50

export interface AdminAuditItem {
  id: string
  at: string
  actorName: string
  actorRole: string
  action: string
  subjectType: string
  subjectId: string | null
  before: unknown
  after: unknown
}

export const listAdminAudit = defineUseCase({
  name: 'accounts/list-admin-audit',
  input: z.object({
    page: z.coerce.number().int().min(1, 'Een pagina is 1 of hoger').max(10_000).default(1),
    subjectType: textInput().trim().max(40).optional(),
    subjectId: z.uuid('Geen geldig id').optional(),
  }),
  permission: ['read', 'AdminAudit'],
  async run(tx, _ctx, input) {
    const a = schema.adminAudit
    const where: SQL[] = []
    if (input.subjectType) where.push(eq(a.subjectType, input.subjectType))
    if (input.subjectId) where.push(eq(a.subjectId, input.subjectId))
    const actorName = sql<string | null>`(select u.name from users u where u.id = ${a.actorUserId})`
    const rows = await tx
      .select({ row: a, actorName })
      .from(a)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(a.createdAt), desc(a.id))
      .limit(ADMIN_AUDIT_PAGE_SIZE + 1)
      .offset((input.page - 1) * ADMIN_AUDIT_PAGE_SIZE)
    const items: AdminAuditItem[] = rows.slice(0, ADMIN_AUDIT_PAGE_SIZE).map(({ row, actorName }) => ({
      id: row.id,
      at: row.createdAt.toISOString(),
      actorName: actorName ?? '',
      actorRole: row.actorRole,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      before: row.before,
      after: row.after,
    }))
    return { ok: true, items, page: input.page, hasMore: rows.length > ADMIN_AUDIT_PAGE_SIZE }
  },
})
