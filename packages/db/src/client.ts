import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema.ts'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
/** A transaction handed to domain functions; the same type on PGlite and postgres.js. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export type DatabaseConfig =
  /** Postgres server through postgres.js. */
  | { kind: 'postgres'; url: string; max?: number }
  /** Embedded PGlite; dataDir 'memory://' keeps it in memory (tests). */
  | { kind: 'pglite'; dataDir: string }

export interface DatabaseHandle {
  db: Database
  kind: DatabaseConfig['kind']
  close(): Promise<void>
}

/** Reads the configuration from the environment (documented in README.md). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL, max: Number(env.DATABASE_POOL_MAX ?? 10) }
  return { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR ?? './data/pglite' }
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const client = postgres(config.url, { max: config.max ?? 10, onnotice: () => {} })
    const db = drizzlePostgres(client, { schema }) as unknown as Database
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) }
  }
  if (!config.dataDir.startsWith('memory://')) mkdirSync(config.dataDir, { recursive: true })
  const client = await PGlite.create(config.dataDir)
  const db = drizzlePglite(client, { schema }) as unknown as Database
  return { db, kind: 'pglite', close: () => client.close() }
}
