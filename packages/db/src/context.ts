import { sql } from 'drizzle-orm'
import type { Database, Tx } from './client.ts'
import { collectingAccessRows } from './access-log-rows.ts'
import { isFamilyRole, type Role } from './schema.ts'

/** Who is acting, for which organisation: derived by the server from a verified session or token. */
export interface TenantContext {
  userId: string
  membershipId: string
  role: Role
  stichtingId: string | null
  schoolId: string | null
  partnerId: string | null
}

/** Settings the RLS policies read (see migrations/0001_tenancy_rls.sql, ctx_* functions). */
export interface ContextSettings {
  userId?: string | null
  role?: Role | null
  stichtingId?: string | null
  schoolId?: string | null
  partnerId?: string | null
  /** Authentication only: the session id (SHA-256 of the token) being validated. */
  sessionId?: string | null
  /** Authentication only: the API token hash being checked. */
  tokenHash?: string | null
  /** Authentication only: the (lower-cased) e-mail address of a login attempt. */
  loginEmail?: string | null
}

export const APP_ROLE = 'baken_app'

/**
 * The board's transactions run as this role (migration 0051, ADR 028): a member of baken_app, so it
 * has the same grants and policies, plus the board's own policies, which staff transactions never
 * carry. The login role must be granted both.
 */
export const BOARD_ROLE = 'baken_board'

/**
 * The family's transactions (a guardian, a pupil from 16) run as this role (migration 0058, ADR 033):
 * NOT a member of baken_app, so none of the staff's grants or policies apply; it reads only the
 * portal's tables, through the open guardian links of the user in the context.
 */
export const FAMILY_ROLE = 'baken_family'

export type DatabaseRole = typeof APP_ROLE | typeof BOARD_ROLE | typeof FAMILY_ROLE

/** The database role a transaction with this context runs as: the board's for a bestuurder, the family's for a guardian or pupil. */
export function databaseRoleFor(role: Role | null | undefined): DatabaseRole {
  if (role === 'bestuurder') return BOARD_ROLE
  return isFamilyRole(role) ? FAMILY_ROLE : APP_ROLE
}

/**
 * Runs fn in a transaction as the application role with the given context. Settings are
 * transaction-local (`set_config(..., true)`) and passed as bound parameters, so nothing leaks to
 * the next user of a pooled connection.
 */
export function withContext<T>(db: Database, settings: ContextSettings, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await applyContext(tx, settings)
    return fn(tx)
  })
}

/**
 * Sets (or, inside the same transaction, changes) the context. Always demotes to an application
 * role: baken_board when the acting membership is a bestuurder, baken_family for the family,
 * baken_app otherwise.
 */
export async function applyContext(tx: Tx, s: ContextSettings): Promise<void> {
  await tx.execute(sql`select
    set_config('role', ${databaseRoleFor(s.role)}, true),
    set_config('app.user_id', ${s.userId ?? ''}, true),
    set_config('app.role', ${s.role ?? ''}, true),
    set_config('app.stichting_id', ${s.stichtingId ?? ''}, true),
    set_config('app.school_id', ${s.schoolId ?? ''}, true),
    set_config('app.partner_id', ${s.partnerId ?? ''}, true),
    set_config('app.session_id', ${s.sessionId ?? ''}, true),
    set_config('app.token_hash', ${s.tokenHash ?? ''}, true),
    set_config('app.login_email', ${s.loginEmail ?? ''}, true)`)
}

/**
 * The tenant transaction every request runs in. The access-log rows of its reads are collected
 * and written, one per record looked at, just before it commits (access-log-rows.ts, ADR 040).
 */
export function withTenant<T>(db: Database, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withContext(
    db,
    {
      userId: ctx.userId,
      role: ctx.role,
      stichtingId: ctx.stichtingId,
      schoolId: ctx.schoolId,
      partnerId: ctx.partnerId,
    },
    (tx) => collectingAccessRows(tx, () => fn(tx)),
  )
}
