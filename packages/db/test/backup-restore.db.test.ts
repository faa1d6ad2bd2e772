// Backup and restore on a Postgres server, with the scripts an operator runs (scripts/backup/):
// the whole database (roles, then pg_dump's custom format) restored into a fresh database has the
// same rows in every table, an access-log chain that verifies (hashes, order and signed
// checkpoints), and the same walls (the catalogue guard finds nothing; a tenant's context sees no
// other tenant's rows). One stichting exported and imported into an empty, migrated database
// brings exactly its rows and a chain that verifies. Skipped with a message without a server.
import { execFile } from 'node:child_process'
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Readable, Writable } from 'node:stream'
import { promisify } from 'node:util'
import { sql } from 'drizzle-orm'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedSigner } from '../src/access-log-signing.ts'
import { formatReport, verifyAccessLog } from '../src/access-log-verify.ts'
import { openDatabase, type DatabaseHandle } from '../src/client.ts'
import { withContext } from '../src/context.ts'
import { exportTenant, importTenant } from '../src/tenant-transfer.ts'
import { tenantGuardFindings } from './support/catalogue.ts'
import { sealUntilDone } from './support/seal.ts'
import { adminClient, ADMIN_URL, databaseUrl } from './support/seeded-template.ts'
import { createTestDatabase, rows, serverStatus, serverUnavailableMessage, type TestDatabase } from './support/test-databases.ts'

const run = promisify(execFile)
const scripts = fileURLToPath(new URL('../../../scripts/backup/', import.meta.url))
const signer = generatedSigner()

if (!serverStatus.available) console.warn(`${serverUnavailableMessage}; the backup and restore tests are skipped.`)

/** Every base table of schema public with its row count and a digest of all its rows. */
async function fingerprint(url: string): Promise<Record<string, { rows: number; digest: string }>> {
  const client = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const tables = (await client<{ name: string }[]>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`).map((t) => t.name)
    const out: Record<string, { rows: number; digest: string }> = {}
    for (const t of tables) {
      const [r] = await client.unsafe(`select count(*)::int as rows, md5(coalesce(string_agg(x, '|' order by x), '')) as digest from (select t::text as x from "${t}" t) s`)
      out[t] = { rows: r!.rows as number, digest: r!.digest as string }
    }
    return out
  } finally {
    await client.end({ timeout: 5 })
  }
}

describe.skipIf(!serverStatus.available)('backup and restore of the whole database', () => {
  let source: TestDatabase
  const restored = `baken_restored_${Date.now().toString(36)}`
  const dir = mkdtempSync(join(tmpdir(), 'baken-backup-'))
  let copy: DatabaseHandle

  beforeAll(async () => {
    source = await createTestDatabase('postgres')
    // The demo's access log, chained and signed as the running server would.
    await sealUntilDone(source.owner, signer)
    await run('bash', [join(scripts, 'backup-database.sh'), databaseUrl(source.name), join(dir, 'backup')])
    await run('bash', [join(scripts, 'restore-database.sh'), ADMIN_URL, restored, join(dir, 'backup')])
    copy = await openDatabase({ kind: 'postgres', url: databaseUrl(restored), max: 2 })
  }, 240_000)

  afterAll(async () => {
    await copy?.close()
    const admin = adminClient()
    await admin.unsafe(`drop database if exists "${restored}" with (force)`)
    await admin.end({ timeout: 5 })
    await source?.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('has every table with the same number of rows and the same rows', async () => {
    const before = await fingerprint(databaseUrl(source.name))
    const after = await fingerprint(databaseUrl(restored))
    expect(Object.keys(after)).toEqual(Object.keys(before))
    expect(Object.keys(before).length).toBeGreaterThan(50)
    expect(before.incidents!.rows).toBeGreaterThan(10)
    expect(before.access_log!.rows).toBeGreaterThan(0)
    expect(after).toEqual(before)
  })

  it('keeps an access-log chain that verifies, signatures included', async () => {
    const report = await verifyAccessLog(copy.db, { verifyKey: signer.publicKey, maxUnsealedSeconds: 3600 })
    expect(report.ok, formatReport(report)).toBe(true)
    expect(report.chains.length).toBeGreaterThanOrEqual(1)
  })

  it('keeps both walls: row-level security forced everywhere, and one tenant’s context sees none of another’s rows', async () => {
    expect(await tenantGuardFindings(copy.db)).toEqual([])
    const [kompas, horizon] = rows<{ id: string }>(await copy.db.execute(sql`select id from stichtingen where name in ('Stichting Kompas', 'Stichting Horizon') order by name desc`))
    expect(kompas && horizon).toBeTruthy()
    const [directeur] = rows<{ user_id: string; school_id: string }>(
      await copy.db.execute(sql`select m.user_id, m.school_id from memberships m join users u on u.id = m.user_id where u.email = 'directeur@horizon.demo' limit 1`),
    )
    const seen = await withContext(copy.db, { userId: directeur!.user_id, role: 'directeur', stichtingId: horizon!.id, schoolId: directeur!.school_id }, async (tx) =>
      rows<{ own: number; foreign: number }>(
        await tx.execute(sql`select count(*) filter (where stichting_id = ${horizon!.id})::int as own, count(*) filter (where stichting_id <> ${horizon!.id})::int as foreign from students`),
      ),
    )
    expect(seen[0]!.own).toBeGreaterThan(0)
    expect(seen[0]!.foreign).toBe(0)
  })
})

describe.skipIf(!serverStatus.available)('export and import of one stichting', () => {
  let source: TestDatabase
  let target: TestDatabase
  const dir = mkdtempSync(join(tmpdir(), 'baken-tenant-'))

  beforeAll(async () => {
    source = await createTestDatabase('postgres')
    await sealUntilDone(source.owner, signer)
    target = await createTestDatabase('postgres', { seed: false })
  }, 240_000)
  afterAll(async () => {
    await source?.dispose()
    await target?.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('brings exactly the stichting’s rows into an empty database, with its access-log chain intact', async () => {
    const [kompas] = rows<{ id: string }>(await source.owner.execute(sql`select id from stichtingen where name = 'Stichting Kompas'`))
    // The operator's command streams the export into a file: a header line, then one line per row.
    const file = join(dir, 'kompas.ndjson')
    await run('node', ['--import', 'tsx', join(scripts, 'tenant.ts'), 'export', databaseUrl(source.name), kompas!.id, file])
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { table?: string; format?: string; version?: number })
    expect(lines[0]).toMatchObject({ format: 'baken-tenant-export', version: 2, stichtingId: kompas!.id })
    const perTable = (table: string) => lines.filter((l) => l.table === table).length
    expect(perTable('incidents')).toBeGreaterThan(10)
    expect(perTable('access_log')).toBeGreaterThan(0)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const inserted = await importTenant(databaseUrl(target.name), createReadStream(file))
    expect(inserted.incidents).toBe(perTable('incidents'))

    const owned = rows<{ name: string }>(
      await source.owner.execute(sql`select c.table_name as name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
        where c.table_schema = 'public' and c.column_name = 'stichting_id' and t.table_type = 'BASE TABLE' order by 1`),
    ).map((r) => r.name)
    const count = async (db: TestDatabase, table: string) =>
      rows<{ mine: number; other: number }>(
        await db.owner.execute(sql.raw(`select count(*) filter (where stichting_id = '${kompas!.id}')::int as mine, count(*) filter (where stichting_id is distinct from '${kompas!.id}')::int as other from "${table}"`)),
      )[0]!
    for (const table of owned) {
      const [from, to] = [await count(source, table), await count(target, table)]
      expect({ table, rows: to.mine }).toEqual({ table, rows: from.mine })
      // Nothing of another stichting came along (account mail without a stichting included).
      expect({ table, other: to.other }).toEqual({ table, other: 0 })
    }
    const report = await verifyAccessLog(target.owner, { verifyKey: signer.publicKey, maxUnsealedSeconds: 3600 })
    expect(report.ok, formatReport(report)).toBe(true)
    expect(report.chains.map((c) => c.chainKey)).toEqual([kompas!.id])
    // The people can sign in: their users and memberships are there.
    expect(rows(await target.owner.execute(sql`select 1 from users where email = 'directeur@branding.demo'`))).toHaveLength(1)
    // Importing the same file again changes nothing.
    const again = await importTenant(databaseUrl(target.name), createReadStream(file))
    expect(Object.values(again).reduce((a, b) => a + b, 0)).toBe(0)
  })

  it('waits for a slow reader instead of buffering the export, and refuses a file that is not an export', async () => {
    const [kompas] = rows<{ id: string }>(await source.owner.execute(sql`select id from stichtingen where name = 'Stichting Kompas'`))
    // A reader that takes each line late, with a 1 KB buffer: the export must wait for 'drain'
    // rather than pile the stichting's rows up in the stream's buffer.
    let bytes = 0
    let lines = 0
    let mostBuffered = 0
    /** The tables in the order their lines came, one entry per run of lines. */
    const tables: string[] = []
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length
        lines++
        const { table } = JSON.parse(String(chunk)) as { table?: string }
        if (table && tables.at(-1) !== table) tables.push(table)
        setImmediate(done)
      },
    })
    const write = slow.write.bind(slow) as (chunk: string) => boolean
    slow.write = ((chunk: string) => {
      const ok = write(chunk)
      mostBuffered = Math.max(mostBuffered, slow.writableLength)
      return ok
    }) as typeof slow.write
    const written = await exportTenant(databaseUrl(source.name), kompas!.id, slow)
    expect(lines).toBe(1 + Object.values(written).reduce((a, b) => a + b, 0))
    // Every table's rows came in one run: none was still being written while the next table was
    // read (nor, for the last table, after the export returned and the file was closed).
    expect(tables).toEqual([...new Set(tables)])
    expect(bytes).toBeGreaterThan(100 * 1024)
    // Never more waiting than the buffer and the one row written past it.
    expect(mostBuffered).toBeLessThan(1024 + 32 * 1024)
    await expect(importTenant(databaseUrl(target.name), Readable.from(['{"format":"iets anders"}\n']))).rejects.toThrow(/not a Baken tenant export/)
  })
})
