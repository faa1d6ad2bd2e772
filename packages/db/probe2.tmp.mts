import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { openDatabase, runMigrations } from './src/index.ts'
import { seedDemoData } from './src/demo-seed.ts'
const h = await openDatabase({ kind: 'pglite', dataDir: 'memory://' })
await runMigrations(h); await seedDemoData(h.db, { mode: 'demo' })
for (const a of ['SET SESSION AUTHORIZATION postgres', 'SET SESSION AUTHORIZATION DEFAULT']) {
  try { await h.db.transaction(async (tx) => { await tx.execute(sql`select set_config('role','baken_app',true)`); await tx.execute(sql.raw(a)); const r: any = await tx.execute(sql`select current_user, session_user, (select count(*) from students)::int n`); console.log(a, r.rows); throw new Error('rb') }) } catch (e: any) { console.log(a, e.message.slice(-80)) }
}
await h.db.execute(sql`create role baken_web login noinherit in role baken_app`)
const pg = (h as any).db.$client as PGlite
const dump = await pg.dumpDataDir('none')
await h.close()
const pg2 = await PGlite.create({ loadDataDir: dump, username: 'baken_web' })
for (const a of ["select current_user, session_user", "select set_config('role','baken_app',true), current_user", 'set role postgres', 'reset role', 'select count(*) from students', "begin", "select set_config('role','baken_app',true)", "select count(*) from students", "commit"]) {
  try { console.log(a, JSON.stringify((await pg2.query(a)).rows)) } catch (e: any) { console.log(a, 'ERR', e.code, e.message) }
}
