import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './tables.ts'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
/** A transaction handed to domain functions; the same type on PGlite and postgres.js. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export type DatabaseConfig =
  /** Postgres server through postgres.js. */
  | { kind: 'postgres'; url: string; max?: number }
  /**
   * Embedded PGlite; dataDir 'memory://' keeps it in memory (tests). snapshot: a tarball written
   * by PGlite's dumpDataDir() (its path, or its bytes) that a new dataDir starts from; ignored
   * when dataDir already holds a database.
   */
  | { kind: 'pglite'; dataDir: string; snapshot?: string | Blob }

export interface DatabaseHandle {
  db: Database
  kind: DatabaseConfig['kind']
  close(): Promise<void>
}

/** Reads the configuration from the environment (documented in README.md). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL, max: Number(env.DATABASE_POOL_MAX ?? 10) }
  const dataDir = env.PGLITE_DATA_DIR ?? './data/pglite'
  return env.PGLITE_SNAPSHOT ? { kind: 'pglite', dataDir, snapshot: env.PGLITE_SNAPSHOT } : { kind: 'pglite', dataDir }
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const client = postgres(config.url, { max: config.max ?? 10, onnotice: () => {} })
    const db = drizzlePostgres(client, { schema }) as unknown as Database
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) }
  }
  const inMemory = config.dataDir.startsWith('memory://')
  // Like the demo seed, a snapshot only fills a new database: a restart keeps what is there.
  const fresh = inMemory || !existsSync(join(config.dataDir, 'PG_VERSION'))
  if (!inMemory) mkdirSync(config.dataDir, { recursive: true })
  const client =
    config.snapshot && fresh
      ? await PGlite.create({ dataDir: config.dataDir, loadDataDir: snapshotBlob(config.snapshot) })
      : await PGlite.create(config.dataDir)
  const db = drizzlePglite(client, { schema }) as unknown as Database
  return { db, kind: 'pglite', close: () => client.close() }
}

function snapshotBlob(snapshot: string | Blob): Blob {
  return typeof snapshot === 'string' ? new Blob([readFileSync(snapshot)]) : snapshot
}

/**
 * One statement with positional parameters ($1, $2, …), outside any transaction block. On a
 * Postgres server it is a named prepared statement: parsed and described once per connection, then
 * only bound and run (drizzle sends every statement unnamed, so Postgres parses and describes it
 * each time). For the hot, fixed-text statements of authentication (ADR 032); nothing else.
 */
export async function queryPrepared<T>(db: Database, text: string, params: (string | boolean | null)[]): Promise<T[]> {
  const client = (db as unknown as { $client: unknown }).$client
  if (typeof client === 'function') {
    return (await (client as postgres.Sql).unsafe(text, params, { prepare: true })) as unknown as T[]
  }
  return (await (client as PGlite).query<T>(text, params)).rows
}
