// The process-wide database: opened, migrated and (in demo mode) seeded once at server start.
import { sql } from 'drizzle-orm'
import { databaseConfigFromEnv, openDatabase, type Database, type DatabaseHandle } from './client.ts'
import { seedDemoData } from './demo-seed.ts'
import { APP_ROLE, BOARD_ROLE, FAMILY_ROLE } from './context.ts'
import { runMigrations } from './migrate.ts'
import { ensureSchoolYears } from './school-years.ts'
import { guardUnavailable } from './unavailable.ts'

export type AppMode = 'demo' | 'production'

export function appModeFromEnv(env: NodeJS.ProcessEnv = process.env): AppMode {
  const mode = env.BAKEN_MODE ?? 'demo'
  if (mode !== 'demo' && mode !== 'production') throw new Error(`BAKEN_MODE must be demo or production, not ${mode}`)
  return mode
}

// Kept on globalThis so a module loaded twice (dev-server reloads) still finds the one instance.
const store = globalThis as typeof globalThis & { __bakenDb?: DatabaseHandle }

export interface StartResult {
  handle: DatabaseHandle
  seeded: boolean
}

/**
 * Opens the database from the environment, applies migrations, seeds the demo data when the
 * database is embedded (or BAKEN_SEED_DEMO=1) and the mode is not production, and makes sure the
 * shared school years around today exist (school-years.ts).
 */
export async function startDatabase(env: NodeJS.ProcessEnv = process.env): Promise<StartResult> {
  if (store.__bakenDb) return { handle: store.__bakenDb, seeded: false }
  const config = databaseConfigFromEnv(env)
  const mode = appModeFromEnv(env)
  const wantsDemo = config.kind === 'pglite' ? env.BAKEN_SEED_DEMO !== '0' : env.BAKEN_SEED_DEMO === '1'
  // On a server, DATABASE_OWNER_URL (the migration owner) migrates and seeds; the application then
  // connects with DATABASE_URL as a login role that can only become baken_app (see README).
  const ownerUrl = config.kind === 'postgres' ? env.DATABASE_OWNER_URL : undefined
  const owner = ownerUrl ? await openDatabase({ kind: 'postgres', url: ownerUrl, max: 1 }) : await openDatabase(config)
  let seeded = false
  try {
    await runMigrations(owner)
    seeded = mode !== 'production' && wantsDemo ? await seedDemoData(owner.db, { mode }) : false
    // After the seed (which makes its own): an empty production database gets its school years here.
    await ensureSchoolYears(owner.db)
  } catch (error) {
    await owner.close()
    throw error
  }
  let handle = owner
  if (ownerUrl) {
    await owner.close()
    handle = await openDatabase(config)
    try {
      await requireApplicationRoles(handle.db)
    } catch (error) {
      await handle.close()
      throw error
    }
  }
  guardUnavailable(handle.db)
  store.__bakenDb = handle
  return { handle, seeded }
}

/**
 * The login role must be able to become the application roles: baken_app for every request,
 * baken_board for the board's (ADR 028) and baken_family for the family's (ADR 033). Checked at start, so a missing grant stops the server with
 * the fix instead of failing the first board request.
 */
export async function requireApplicationRoles(db: Database): Promise<void> {
  // Only on a Postgres server (postgres.js returns the rows as an array).
  const missing = (await db.execute(sql`select current_user as login, r.rolname as role
    from unnest(${`{${APP_ROLE},${BOARD_ROLE},${FAMILY_ROLE}}`}::text[]) as r(rolname)
    where not pg_has_role(current_user, r.rolname, 'MEMBER')`)) as unknown as { login: string; role: string }[]
  if (missing.length) {
    const login = missing[0]!.login
    throw new Error(
      `The database login role ${login} cannot become ${missing.map((m) => m.role).join(' and ')}: ` +
        `run "grant ${missing.map((m) => m.role).join(', ')} to ${login}" as the owner (README, Production).`,
    )
  }
}

export function getDatabase(): Database {
  if (!store.__bakenDb) throw new Error('Database not started: call startDatabase() first')
  return store.__bakenDb.db
}

export async function stopDatabase(): Promise<void> {
  const handle = store.__bakenDb
  store.__bakenDb = undefined
  await handle?.close()
}

/** For /healthz: a trivial round trip. */
export async function pingDatabase(): Promise<boolean> {
  try {
    const handle = store.__bakenDb
    if (!handle) return false
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())
    await Promise.race([handle.db.execute(sql`select 1`), timeout])
    return true
  } catch {
    return false
  }
}
