// The process-wide database: opened, migrated and (in demo mode) seeded once at server start.
import { sql } from 'drizzle-orm'
import { databaseConfigFromEnv, openDatabase, type Database, type DatabaseHandle } from './client.ts'
import { seedDemoData } from './demo-seed.ts'
import { runMigrations } from './migrate.ts'

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
 * Opens the database from the environment, applies migrations, and seeds the demo data when the
 * database is embedded (or BAKEN_SEED_DEMO=1) and the mode is not production.
 */
export async function startDatabase(env: NodeJS.ProcessEnv = process.env): Promise<StartResult> {
  if (store.__bakenDb) return { handle: store.__bakenDb, seeded: false }
  const config = databaseConfigFromEnv(env)
  const handle = await openDatabase(config)
  await runMigrations(handle)
  const mode = appModeFromEnv(env)
  const wantsDemo = config.kind === 'pglite' ? env.BAKEN_SEED_DEMO !== '0' : env.BAKEN_SEED_DEMO === '1'
  const seeded = mode !== 'production' && wantsDemo ? await seedDemoData(handle.db, { mode }) : false
  store.__bakenDb = handle
  return { handle, seeded }
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
