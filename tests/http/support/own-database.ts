// A server of its own on a fresh database of the test Postgres server (ADMIN_URL), with an owner
// connection beside it for what the tests read or set directly (the outbox, an expiry in the past);
// or a fresh database alone, for several servers to share (the failure drills).
import postgres from 'postgres'
import { PG_TEMPLATE_ENV } from '../../../packages/db/test/support/seeded-env.ts'
import { ADMIN_URL, databaseUrl } from './pg-server.ts'
import { startServer, type RunningServer } from './server.ts'

export interface OwnDatabase {
  server: RunningServer
  owner: postgres.Sql
  /** Stops the server and drops the database. */
  stop(): Promise<void>
}

/**
 * A server on a fresh demo database of its own: a copy of the run's seeded template when there is
 * one (no seeding), else an empty database that the server seeds.
 */
export async function startOwnDatabase(prefix: string, env: Record<string, string>): Promise<OwnDatabase> {
  const database = await createSharedDatabase(prefix)
  const server = await startServer({ ...env, ...database.serverEnv() })
  return {
    server,
    owner: database.owner,
    async stop() {
      await server.stop()
      await database.drop()
    },
  }
}

export interface SharedDatabase {
  /** The database's name on the test server. */
  name: string
  /** DATABASE_URL for the servers. */
  url: string
  /** A connection as the owner, beside the servers. */
  owner: postgres.Sql
  /**
   * The env a server on it needs: the first one seeds the demo data unless the database is a copy
   * of the run's seeded template already; every later one (or a restart) only migrates (a no-op).
   */
  serverEnv(): Record<string, string>
  /** Drops the database (stop the servers first). */
  drop(): Promise<void>
}

/** A fresh demo database: a copy of the run's seeded template when there is one, else empty. */
export async function createSharedDatabase(prefix: string): Promise<SharedDatabase> {
  const database = `${prefix}_${Date.now().toString(36)}`
  const url = databaseUrl(database)
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  const template = process.env[PG_TEMPLATE_ENV]
  await admin.unsafe(template ? `create database ${database} template "${template}"` : `create database ${database}`)
  const owner = postgres(url, { max: 2, onnotice: () => {} })
  let seeded = Boolean(template)
  return {
    name: database,
    url,
    owner,
    serverEnv() {
      const env = { DATABASE_URL: url, BAKEN_SEED_DEMO: seeded ? '0' : '1' }
      seeded = true
      return env
    },
    async drop() {
      await owner.end({ timeout: 5 })
      await admin.unsafe(`drop database if exists ${database} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}
