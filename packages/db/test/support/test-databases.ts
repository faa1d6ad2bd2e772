// Freshly migrated (and by default demo-seeded) databases for tests, on both drivers the product
// supports: PGlite in memory and a Postgres server through postgres.js. Reusable by any suite:
//
//   describeEachDriver('tenant isolation', (getDb) => {
//     it('...', async () => { const { app, owner } = getDb(); ... })
//   })
//
// Two connections, as in production (README, ADR 003): `owner` migrates, seeds and inspects;
// `app` is what the application runs on. On the server `app` logs in as a per-database login role
// that owns nothing and may only become baken_app (the DATABASE_OWNER_URL + DATABASE_URL set-up);
// in PGlite there is one superuser session, so `app` and `owner` are the same handle.
//
// Server: TEST_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be a
// role that may CREATE DATABASE and CREATE ROLE (the migration creates baken_app). Each call makes
// a database `baken_test_<random>` and login role `baken_test_<random>_web`, both dropped by
// dispose() (afterAll). When the server is unreachable the server variant is skipped with a
// console.warn, or fails when BAKEN_REQUIRE_PG_SERVER=1 (CI).
//
// A seeded database is a copy of the run's one seeded template (seeded-template.ts, made by the
// db project's globalSetup): PGlite loads the snapshot, the server copies the template database.
// Without them (a file run outside that setup) it is migrated and seeded here, as before.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe } from 'vitest'
import { type Database, type DatabaseHandle, type Tx, openDatabase } from '../../src/client.ts'
import { seedDemoData } from '../../src/demo-seed.ts'
import { runMigrations } from '../../src/migrate.ts'
import { ADMIN_URL, PGLITE_SNAPSHOT_ENV, PG_TEMPLATE_ENV, adminClient, databaseUrl, probeServer } from './seeded-template.ts'

export { ADMIN_URL, DEFAULT_ADMIN_URL } from './seeded-template.ts'

export type DriverKind = DatabaseHandle['kind']

export interface TestDatabase {
  kind: DriverKind
  /** The application's connection: use it with withContext/withTenant. */
  app: Database
  /** The migration owner (bypasses RLS through owner_all): set-up and checks behind the app's back. */
  owner: Database
  /**
   * Whether `app` logs in as a role of its own (server). False in PGlite, where the one session is
   * a superuser and only the per-transaction demotion stands between code and RLS (ADR 004).
   */
  separateLoginRole: boolean
  /** Server database name, or 'memory://' for PGlite. */
  name: string
  /** Closes the connections and, on the server, drops the database and login role. Idempotent. */
  dispose(): Promise<void>
}

export interface DriverCase {
  kind: DriverKind
  /** True when this driver's tests must be skipped (server unreachable and not required). */
  skip: boolean
}

export const REQUIRE_PG_SERVER = process.env.BAKEN_REQUIRE_PG_SERVER === '1'

/** The admin URL without its password, for messages. */
export function redactedAdminUrl(url: string = ADMIN_URL): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '<unparseable TEST_DATABASE_ADMIN_URL>'
  }
}

/** Probed once per test file (module scope), so describe.skipIf can decide at collection time. */
export const serverStatus = await probeServer()

export const serverUnavailableMessage = serverStatus.available
  ? null
  : `Postgres server not reachable at ${redactedAdminUrl()} (${serverStatus.reason}). ` +
    'Start a Postgres server there (trust or password auth, a role allowed to CREATE DATABASE and CREATE ROLE), ' +
    'or point TEST_DATABASE_ADMIN_URL at one, e.g. TEST_DATABASE_ADMIN_URL=postgres://postgres:secret@localhost:5432/postgres.'

if (serverUnavailableMessage && !REQUIRE_PG_SERVER) {
  // console.warn, not console.error: the latter fails tests (tests/setup/fail-on-console-error.ts).
  console.warn(
    `[db tests] SKIPPING the Postgres server variant: ${serverUnavailableMessage} ` +
      'Set BAKEN_REQUIRE_PG_SERVER=1 to make a missing server fail the suite instead.',
  )
}

export const DRIVER_CASES: DriverCase[] = [
  { kind: 'pglite', skip: false },
  // With BAKEN_REQUIRE_PG_SERVER=1 an unreachable server is not skipped: createTestDatabase throws.
  { kind: 'postgres', skip: !serverStatus.available && !REQUIRE_PG_SERVER },
]

export interface CreateOptions {
  /** Insert the demo data (default true). */
  seed?: boolean
}

/** The run's seeded PGlite data directory, read once per test file. */
let snapshotBytes: Blob | undefined
function pgliteSnapshot(): Blob | undefined {
  const file = process.env[PGLITE_SNAPSHOT_ENV]
  if (!file) return undefined
  return (snapshotBytes ??= new Blob([readFileSync(file)]))
}

/** A new, migrated (and seeded) database for one driver. Call dispose() when done. */
export async function createTestDatabase(kind: DriverKind, options: CreateOptions = {}): Promise<TestDatabase> {
  const seed = options.seed ?? true
  if (kind === 'pglite') {
    const snapshot = seed ? pgliteSnapshot() : undefined
    const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://', ...(snapshot ? { snapshot } : {}) })
    const dispose = once(() => handle.close())
    if (!snapshot) await prepare(handle, seed, dispose)
    return { kind, app: handle.db, owner: handle.db, separateLoginRole: false, name: 'memory://', dispose }
  }

  if (serverUnavailableMessage) {
    throw new Error(`${REQUIRE_PG_SERVER ? 'BAKEN_REQUIRE_PG_SERVER=1 but t' : 'T'}he Postgres server is missing. ${serverUnavailableMessage}`)
  }
  const name = `baken_test_${randomBytes(6).toString('hex')}`
  const loginRole = `${name}_web`
  const admin = adminClient()
  let owner: DatabaseHandle | undefined
  let app: DatabaseHandle | undefined
  const dispose = once(async () => {
    try {
      await app?.close()
      await owner?.close()
      // FORCE: a connection left open by a failed test must not keep the database alive.
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.unsafe(`DROP ROLE IF EXISTS "${loginRole}"`)
    } finally {
      await admin.end({ timeout: 5 })
    }
  })
  try {
    const template = seed ? process.env[PG_TEMPLATE_ENV] : undefined
    // The copy has the template's schema, grants and rows; baken_app and baken_mailer are
    // cluster-wide and already exist (the template's migrations made them).
    await admin.unsafe(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`)
    owner = await openDatabase({ kind: 'postgres', url: databaseUrl(name), max: 2 })
    if (!template) await prepare(owner, seed, dispose)
    // As README/infra: a login role that can read nothing itself and may only become baken_app
    // (and baken_board, the board's transactions: ADR 028).
    const password = randomBytes(16).toString('hex')
    await admin.unsafe(
      `CREATE ROLE "${loginRole}" LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${password}'`,
    )
    await admin.unsafe(`GRANT baken_app, baken_board, baken_family TO "${loginRole}"`)
    app = await openDatabase({ kind: 'postgres', url: databaseUrl(name, { user: loginRole, password }), max: 4 })
  } catch (error) {
    await dispose().catch(() => {})
    throw error
  }
  return { kind, app: app.db, owner: owner.db, separateLoginRole: true, name, dispose }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined
  return () => (done ??= fn())
}

async function prepare(handle: DatabaseHandle, seed: boolean, dispose: () => Promise<void>): Promise<void> {
  try {
    await runMigrations(handle)
    if (seed) await seedDemoData(handle.db, { mode: 'demo' })
  } catch (error) {
    await dispose().catch(() => {})
    throw error
  }
}

/**
 * Registers beforeAll/afterAll for one database of the given driver and returns a getter (valid
 * inside tests and later hooks).
 */
export function useTestDatabase(kind: DriverKind, options: CreateOptions = {}): () => TestDatabase {
  let current: TestDatabase | undefined
  beforeAll(async () => {
    current = await createTestDatabase(kind, options)
  })
  afterAll(async () => {
    await current?.dispose()
    current = undefined
  })
  return () => {
    if (!current) throw new Error(`No ${kind} test database: its beforeAll failed or has not run`)
    return current
  }
}

/**
 * Runs `body` once per driver, inside `describe('<driver>')`, with a fresh database per driver for
 * this describe block. The driver name thus leads every test title ("pglite > ...").
 */
export function describeEachDriver(
  title: string,
  body: (getDb: () => TestDatabase, driver: DriverCase) => void,
  options: CreateOptions = {},
): void {
  describe.each(DRIVER_CASES.map((d) => [d.kind, d] as const))('%s', (_kind, driver) => {
    describe.skipIf(driver.skip)(title, () => {
      const getDb = useTestDatabase(driver.kind, options)
      body(getDb, driver)
    })
  })
}

/** Rows of a `db.execute`/`tx.execute` result: PGlite returns `{ rows }`, postgres.js an array. */
export function rows<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[]
  if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) {
    return (result as { rows: T[] }).rows
  }
  throw new Error(`Not a query result: ${String(result)}`)
}

/** Rows written by an INSERT/UPDATE/DELETE without RETURNING (postgres.js: count, PGlite: affectedRows). */
export function affectedRows(result: unknown): number {
  const r = result as { count?: unknown; affectedRows?: unknown }
  const n = typeof r.count === 'number' ? r.count : r.affectedRows
  if (typeof n !== 'number') throw new Error('Result carries no affected-row count')
  return n
}

export interface PgErrorInfo {
  /** SQLSTATE, e.g. 42501 (insufficient privilege, also used for RLS violations). */
  code: string
  message: string
}

/** The Postgres error inside a (drizzle-wrapped) error, or null when there is none. */
export function pgErrorOf(error: unknown): PgErrorInfo | null {
  // drizzle wraps driver errors in DrizzleQueryError (.cause); both drivers set .code.
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, message: String(message) }
  }
  return null
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: PgErrorInfo }

/** Runs fn and reports its value or its Postgres error; non-Postgres errors are rethrown. */
export async function attempt<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() }
  } catch (error) {
    const pg = pgErrorOf(error)
    if (!pg) throw error
    return { ok: false, error: pg }
  }
}

class Rollback extends Error {}

/** Runs fn in a transaction (as the connecting owner) that is always rolled back; returns fn's value. */
export async function inRolledBackTransaction<T>(
  db: Database,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  let value: T | undefined
  try {
    await db.transaction(async (tx) => {
      value = await fn(tx)
      throw new Rollback()
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
  }
  return value as T
}
