// `pnpm --filter @baken/db migrate`: applies the migrations with DATABASE_OWNER_URL (or DATABASE_URL,
// or the embedded database) — for deployments that migrate before starting the web tier.
import { databaseConfigFromEnv, openDatabase } from './client.ts'
import { runMigrations } from './migrate.ts'

const config = process.env.DATABASE_OWNER_URL
  ? ({ kind: 'postgres', url: process.env.DATABASE_OWNER_URL, max: 1 } as const)
  : databaseConfigFromEnv()
const handle = await openDatabase(config)
try {
  await runMigrations(handle)
  console.log(`Migrations applied (${handle.kind}).`)
} finally {
  await handle.close()
}
