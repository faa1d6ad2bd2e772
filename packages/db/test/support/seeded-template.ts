// The demo database is migrated and seeded ONCE per test run, by the real migrations and the real
// demo seed, and every test file then starts from a copy of it (ADR 010):
//
//   PGlite    a tarball of the seeded data directory (dumpDataDir), loaded by each new in-memory
//             database (openDatabase's `snapshot`; the HTTP test servers get it as PGLITE_SNAPSHOT)
//   Postgres  a seeded template database, copied by CREATE DATABASE … TEMPLATE
//
// The vitest projects' globalSetup calls prepareSeededTemplates() and hands the result to the test
// workers (and their servers) through the environment. A run that already has them in its
// environment (scripts/test-all.mjs makes them once for the db and http suites) reuses them.
// Nothing is committed: a snapshot lives as long as the run that made it.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { openDatabase, type DatabaseHandle } from '../../src/client.ts'
import { seedDemoData } from '../../src/demo-seed.ts'
import { runMigrations } from '../../src/migrate.ts'

import { PGLITE_SNAPSHOT_ENV, PG_TEMPLATE_ENV } from './seeded-env.ts'

export { PGLITE_SNAPSHOT_ENV, PG_TEMPLATE_ENV } from './seeded-env.ts'

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL || DEFAULT_ADMIN_URL

/** The admin URL pointed at another database (and, optionally, another user). */
export function databaseUrl(database: string, login?: { user: string; password: string }): string {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${database}`
  if (login) {
    url.username = login.user
    url.password = login.password
  }
  return url.toString()
}

export function adminClient(): postgres.Sql {
  return postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
}

async function migrateAndSeed(handle: DatabaseHandle): Promise<void> {
  await runMigrations(handle)
  await seedDemoData(handle.db, { mode: 'demo' })
}

/** Migrates and seeds an in-memory PGlite and writes its data directory to `file`. */
export async function writePgliteSnapshot(file: string): Promise<void> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' })
  try {
    await migrateAndSeed(handle)
    const client = (handle.db as unknown as { $client: PGlite }).$client
    // Uncompressed: each file loads it, and gunzip would cost every one of them time.
    const tarball = await client.dumpDataDir('none')
    writeFileSync(file, Buffer.from(await tarball.arrayBuffer()))
  } finally {
    await handle.close()
  }
}

/** Creates database `name` on the server, migrated and seeded, with no connection left open. */
export async function createPgTemplate(name: string): Promise<void> {
  const admin = adminClient()
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`)
    const owner = await openDatabase({ kind: 'postgres', url: databaseUrl(name), max: 2 })
    try {
      await migrateAndSeed(owner)
    } finally {
      await owner.close()
    }
    // A template nobody connects to by accident; CREATE DATABASE … TEMPLATE needs it idle.
    await admin.unsafe(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`)
  } catch (error) {
    await dropPgTemplate(name).catch(() => {})
    throw error
  } finally {
    await admin.end({ timeout: 5 })
  }
}

export async function dropPgTemplate(name: string): Promise<void> {
  const admin = adminClient()
  try {
    // A template database cannot be dropped.
    await admin.unsafe(`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`).catch(() => {})
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  } finally {
    await admin.end({ timeout: 5 })
  }
}

export async function probeServer(): Promise<{ available: true } | { available: false; reason: string }> {
  const sqlClient = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, idle_timeout: 1, onnotice: () => {} })
  try {
    await sqlClient`select 1`
    return { available: true }
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) }
  } finally {
    await sqlClient.end({ timeout: 1 }).catch(() => {})
  }
}

export interface SeededTemplates {
  /** The environment that points tests at the copies (PGLITE_SNAPSHOT_ENV, PG_TEMPLATE_ENV). */
  env: Record<string, string>
  /** Removes what prepareSeededTemplates made (nothing when it reused the environment's). */
  dispose(): Promise<void>
}

/**
 * Makes the seeded PGlite snapshot (in `dir`, else a temp dir of its own) and (when `postgres` and
 * a server is reachable) the seeded template database, unless the environment already names them.
 * The two are made side by side.
 */
export async function prepareSeededTemplates(options: { postgres: boolean; dir?: string }): Promise<SeededTemplates> {
  const env: Record<string, string> = {}
  const cleanups: (() => Promise<void>)[] = []
  const work: Promise<void>[] = []

  const existingSnapshot = process.env[PGLITE_SNAPSHOT_ENV]
  if (existingSnapshot) {
    env[PGLITE_SNAPSHOT_ENV] = existingSnapshot
  } else {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'baken-seeded-'))
    const file = join(dir, 'pglite-demo.tar')
    if (!options.dir) cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    work.push(writePgliteSnapshot(file).then(() => void (env[PGLITE_SNAPSHOT_ENV] = file)))
  }

  const existingTemplate = process.env[PG_TEMPLATE_ENV]
  if (existingTemplate) {
    env[PG_TEMPLATE_ENV] = existingTemplate
  } else if (options.postgres && (await probeServer()).available) {
    // Without a server there is no template; the server variant then reports the missing server.
    const name = `baken_template_${randomBytes(6).toString('hex')}`
    work.push(
      createPgTemplate(name).then(() => {
        env[PG_TEMPLATE_ENV] = name
        cleanups.push(() => dropPgTemplate(name))
      }),
    )
  }

  const dispose = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
  }
  const results = await Promise.allSettled(work)
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) {
    await dispose()
    throw failed.reason
  }
  return { env, dispose }
}

/**
 * A vitest globalSetup body: prepares the seeded copies, puts them in process.env (inherited by
 * the test workers and the servers they start) and returns the teardown.
 */
export async function seededTemplatesGlobalSetup(options: { postgres: boolean }): Promise<() => Promise<void>> {
  const started = Date.now()
  const templates = await prepareSeededTemplates(options)
  Object.assign(process.env, templates.env)
  const names = Object.entries(templates.env).map(([key, value]) => `${key}=${value}`).join(', ')
  console.log(`[test databases] seeded copies from ${names} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return () => templates.dispose()
}
