// A fresh in-memory embedded database with the migrations and the demo seed, and the tenant context
// of every demo membership (first membership per e-mail), for domain tests that run as the routes do.
// It starts from the run's seeded snapshot (the db project's globalSetup, ADR 010), so migrating
// and seeding below find nothing to do; a file run without that setup migrates and seeds here.
import { openDatabase, runMigrations, schema, type DatabaseHandle, type TenantContext } from '@baken/db'
import { seedDemoData } from '@baken/db/demo'
import { eq } from 'drizzle-orm'
import { PGLITE_SNAPSHOT_ENV } from '../../../db/test/support/seeded-env.ts'

export interface DemoDatabase {
  h: DatabaseHandle
  /** Tenant context per demo e-mail address. */
  ctxOf: Record<string, TenantContext>
  /** User id per demo e-mail address. */
  userOf: Record<string, string>
}

/** A fresh in-memory database with the demo data (a copy of the run's seeded snapshot). */
export async function openSeededDatabase(): Promise<DatabaseHandle> {
  const snapshot = process.env[PGLITE_SNAPSHOT_ENV]
  const h = await openDatabase({ kind: 'pglite', dataDir: 'memory://', ...(snapshot ? { snapshot } : {}) })
  if (!snapshot) {
    await runMigrations(h)
    await seedDemoData(h.db, { mode: 'demo' })
  }
  return h
}

export async function openDemoDatabase(): Promise<DemoDatabase> {
  const h = await openSeededDatabase()
  // Set-up and direct look-ups run as the migration owner, outside the app role.
  const rows = await h.db
    .select({ email: schema.users.email, m: schema.memberships })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
  const ctxOf: Record<string, TenantContext> = {}
  const userOf: Record<string, string> = {}
  for (const { email, m } of rows) {
    userOf[email] = m.userId
    ctxOf[email] ??= { userId: m.userId, membershipId: m.id, role: m.role, stichtingId: m.stichtingId, schoolId: m.schoolId, partnerId: m.partnerId }
  }
  return { h, ctxOf, userOf }
}
