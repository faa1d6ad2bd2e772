import { fileURLToPath } from 'node:url'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import type { DatabaseHandle } from './client.ts'
import { minimiseStoredShares } from './migrate-share-subjects.ts'

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url))

/**
 * Applies the SQL migrations as the connecting (owner) role, then the data steps SQL cannot express
 * (0027: shares rewritten to name only their subjects). Idempotent.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder })
  else await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder })
  await minimiseStoredShares(handle.db)
}
