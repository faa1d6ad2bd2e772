// A server of its own on a fresh database of the test Postgres server (ADMIN_URL), with an owner
// connection beside it for what the tests read or set directly (the outbox, an expiry in the past).
import postgres from 'postgres'
import { ADMIN_URL, databaseUrl } from './pg-server.ts'
import { startServer, type RunningServer } from './server.ts'

export interface OwnDatabase {
  server: RunningServer
  owner: postgres.Sql
  /** Stops the server and drops the database. */
  stop(): Promise<void>
}

export async function startOwnDatabase(prefix: string, env: Record<string, string>): Promise<OwnDatabase> {
  const database = `${prefix}_${Date.now().toString(36)}`
  const url = databaseUrl(database)
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${database}`)
  const server = await startServer({ ...env, DATABASE_URL: url })
  const owner = postgres(url, { max: 2, onnotice: () => {} })
  return {
    server,
    owner,
    async stop() {
      await server.stop()
      await owner.end({ timeout: 5 })
      await admin.unsafe(`drop database if exists ${database} with (force)`)
      await admin.end({ timeout: 5 })
    },
  }
}
