import { sql } from 'drizzle-orm'
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { roleEnum, stichtingen, users } from './schema.ts'

/**
 * The admin audit trail (migration 0031): every change to organisations, users, roles, memberships
 * and links, with who made it and the record before and after. Append-only. A stichting's rows are
 * read by its stichtingbeheerder and privacyfunctionaris; rows without a stichting are the
 * platform's own, read by the platform_beheerder.
 */
export const adminAudit = pgTable(
  'admin_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id').references(() => stichtingen.id),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    actorRole: roleEnum('actor_role').notNull(),
    // '<subject>.<verb>', e.g. 'membership.role_changed', 'school.created'.
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('admin_audit_stichting_created_idx').on(t.stichtingId, t.createdAt),
    index('admin_audit_subject_idx').on(t.subjectType, t.subjectId),
    check('admin_audit_action_format', sql`${t.action} ~ '^[a-z_]+\\.[a-z_]+$'`),
    check('admin_audit_changed', sql`${t.before} IS NOT NULL OR ${t.after} IS NOT NULL`),
  ],
)
