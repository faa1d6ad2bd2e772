// The access log's two canonical forms (migration 0067, ADR 040), on a real upgrade: a database
// migrated up to 0066 logs and seals rows with one student_id each (the first form); 0067 is then
// applied, the rows written after it name all their pupils in student_ids (the second form), and
// the one chain of old and new rows still verifies, with the old hashes untouched. A pupil is found
// in rows of both forms; changing a new row's pupils breaks the chain.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/pglite/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessLogConcerns, logAccessRows, mergeAccessRows, type AccessLogInsert } from '../src/access-log-rows.ts'
import { sealAll } from '../src/access-log-sealer.ts'
import { generatedSigner } from '../src/access-log-signing.ts'
import { canonicalText, verifyAccessLog } from '../src/access-log-verify.ts'
import { openDatabase, type DatabaseHandle } from '../src/client.ts'
import { withTenant, type TenantContext } from '../src/context.ts'
import { runMigrations, migrationsFolder } from '../src/migrate.ts'
import { accessLog } from '../src/schema.ts'
import { rows } from './support/test-databases.ts'

const STICHTING = '11111111-1111-4111-8111-111111111111'
const SCHOOL = '22222222-2222-4222-8222-222222222222'
const USER = '33333333-3333-4333-8333-333333333333'
const INCIDENT = '44444444-4444-4444-8444-444444444444'
const [PUPIL_A, PUPIL_B, PUPIL_C] = ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003']

const signer = generatedSigner()
let handle: DatabaseHandle
let folder: string

/** Inserts as the owner (the stamp trigger still runs), as the web server's reads did before and after 0067. */
async function insert(values: { studentId?: string | null; studentIds?: string[] | null; reason?: string }) {
  const ids = values.studentIds === undefined || values.studentIds === null ? sql`null` : sql`${`{${values.studentIds.join(',')}}`}::uuid[]`
  const column = values.studentIds === undefined ? sql`` : sql`, student_ids`
  await handle.db.execute(sql`insert into access_log (chain_key, user_id, user_name, role, stichting_id, school_id, action, subject_type, subject_id, student_id, reason${column})
    values (${STICHTING}::uuid, ${USER}::uuid, 'Şahin Yıldız', 'directeur', ${STICHTING}::uuid, ${SCHOOL}::uuid, 'read', 'incident', ${INCIDENT}::uuid,
      ${values.studentId ?? null}::uuid, ${values.reason ?? null}${values.studentIds === undefined ? sql`` : sql`, ${ids}`})`)
}

async function logRows(withPupils = true) {
  const pupils = withPupils ? sql`, array_to_string(student_ids, ',') as student_ids` : sql``
  return rows<{ id: number; student_id: string | null; student_ids?: string | null; hash: string; seq: number }>(
    await handle.db.execute(sql`select id, student_id::text as student_id, hash, seq::int as seq${pupils} from access_log order by id`),
  )
}

beforeAll(async () => {
  // The migrations as they were before 0067: the same files, the journal cut after 0066.
  folder = mkdtempSync(join(tmpdir(), 'baken-migrations-0066-'))
  cpSync(migrationsFolder, folder, { recursive: true })
  const journalFile = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] }
  for (const e of journal.entries.filter((e) => e.idx >= 67)) rmSync(join(folder, `${e.tag}.sql`))
  journal.entries = journal.entries.filter((e) => e.idx < 67)
  writeFileSync(journalFile, JSON.stringify(journal))
  handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' })
  await migrate(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder })
}, 120_000)
afterAll(async () => {
  await handle?.close()
  if (folder) rmSync(folder, { recursive: true, force: true })
})

describe('the access log across migration 0067 (ADR 040)', () => {
  let before: Awaited<ReturnType<typeof logRows>>

  it('before 0067: one row per pupil, sealed in the first form', async () => {
    await insert({ studentId: PUPIL_A })
    await insert({ studentId: PUPIL_B, reason: 'gesprek met de ouders' })
    expect(await sealAll(handle.db, signer)).toBe(2)
    before = await logRows(false)
    expect(before.map((r) => [r.seq, r.student_id])).toEqual([
      [1, PUPIL_A],
      [2, PUPIL_B],
    ])
  })

  it('after 0067: the old rows keep their hashes, a new row names all its pupils, and the whole chain verifies', async () => {
    await runMigrations(handle)
    // The old rows are untouched: no pupils list, the same hashes.
    expect(await logRows()).toEqual(before.map((r) => ({ ...r, student_ids: null })))
    // A new read of the same incident: one row for its three pupils (the stamp sorts them and folds
    // a single student_id in), hashed in the second form.
    await insert({ studentId: PUPIL_A, studentIds: [PUPIL_C, PUPIL_B] })
    await insert({ studentId: PUPIL_C })
    expect(await sealAll(handle.db, signer)).toBe(2)
    const after = await logRows()
    expect(after.slice(2).map((r) => [r.student_id, r.student_ids])).toEqual([
      [null, [PUPIL_A, PUPIL_B, PUPIL_C].join(',')],
      [null, PUPIL_C],
    ])
    const report = await verifyAccessLog(handle.db, { verifyKey: signer.publicKey })
    expect(report.ok).toBe(true)
    expect(report.chains).toEqual([expect.objectContaining({ chainKey: STICHTING, rows: 4, ok: true })])
  })

  it('the verifier hashes the first form as before and the second form with its pupils', () => {
    const base = {
      id: 1,
      chainKey: STICHTING,
      seq: 1,
      atText: '2026-01-01T00:00:00.000000Z',
      userId: USER,
      userName: 'Şahin Yıldız',
      role: 'directeur',
      stichtingId: STICHTING,
      schoolId: SCHOOL,
      partnerId: null,
      action: 'read',
      subjectType: 'incident',
      subjectId: INCIDENT,
      studentId: PUPIL_A,
      reason: null,
      breakGlass: false,
      prevHash: '',
      hash: '',
    }
    const first = `${STICHTING}|1|2026-01-01T00:00:00.000000Z|${USER}|Şahin Yıldız|directeur|${STICHTING}|${SCHOOL}||read|incident|${INCIDENT}|${PUPIL_A}||false`
    expect(canonicalText(base)).toBe(first)
    expect(canonicalText({ ...base, studentIds: null })).toBe(first)
    expect(canonicalText({ ...base, studentId: null, studentIds: [PUPIL_A, PUPIL_B] })).toBe(
      `v2|${STICHTING}|1|2026-01-01T00:00:00.000000Z|${USER}|Şahin Yıldız|directeur|${STICHTING}|${SCHOOL}||read|incident|${INCIDENT}|||false|${PUPIL_A},${PUPIL_B}`,
    )
    expect(canonicalText({ ...base, studentId: null, studentIds: [] }).endsWith('|false|')).toBe(true)
  })

  it('finds a pupil in rows of both forms', async () => {
    const found = async (pupil: string) =>
      (await handle.db.select({ id: accessLog.id }).from(accessLog).where(accessLogConcerns(pupil)).orderBy(accessLog.id)).map((r) => r.id)
    const ids = (await logRows()).map((r) => r.id)
    expect(await found(PUPIL_A)).toEqual([ids[0], ids[2]])
    expect(await found(PUPIL_B)).toEqual([ids[1], ids[2]])
    expect(await found(PUPIL_C)).toEqual([ids[2], ids[3]])
  })

  it('a new row whose pupils are changed afterwards breaks the chain at that row', async () => {
    const target = (await logRows())[2]!
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`alter table access_log disable trigger access_log_append_only`)
      await tx.execute(sql`update access_log set student_ids = array[${PUPIL_A}::uuid] where id = ${target.id}`)
      const report = await verifyAccessLog(tx, { verifyKey: signer.publicKey })
      expect(report.ok).toBe(false)
      expect(report.chains[0]!.firstBreak).toMatchObject({ kind: 'hash', id: target.id })
      tx.rollback()
    }).catch((error: unknown) => {
      if (!(error instanceof Error && error.message.includes('Rollback'))) throw error
    })
    expect((await verifyAccessLog(handle.db, { verifyKey: signer.publicKey })).ok).toBe(true)
  })
})

/** A look as recordAccesses builds it: the directeur reading the incident. */
const look = (over: Partial<AccessLogInsert> = {}): AccessLogInsert => ({
  chainKey: STICHTING,
  userId: USER,
  userName: 'Nguyễn Văn An',
  role: 'directeur',
  stichtingId: STICHTING,
  schoolId: SCHOOL,
  partnerId: null,
  action: 'read',
  subjectType: 'incident',
  subjectId: INCIDENT,
  reason: null,
  breakGlass: false,
  ...over,
})

describe('mergeAccessRows', () => {
  const row = look

  it('makes one row of reads of the same record, action and purpose, with every pupil once', () => {
    const merged = mergeAccessRows([row({ studentIds: [PUPIL_B, PUPIL_A] }), row({ studentId: PUPIL_C }), row({ studentIds: [PUPIL_A] })])
    expect(merged).toEqual([row({ studentId: null, studentIds: [PUPIL_A, PUPIL_B, PUPIL_C] })])
  })

  it('keeps different looks apart: another record, action, purpose or a break-glass', () => {
    const merged = mergeAccessRows([
      row({ studentIds: [PUPIL_A] }),
      row({ subjectId: 'bbbbbbbb-0000-4000-8000-000000000001', studentIds: [PUPIL_A] }),
      row({ action: 'export', studentIds: [PUPIL_A] }),
      row({ reason: 'toezicht bevoegd gezag', studentIds: [PUPIL_A] }),
      row({ action: 'break_glass', breakGlass: true, reason: 'gesprek voorbereiden', studentIds: [PUPIL_A] }),
    ])
    expect(merged).toHaveLength(5)
  })
})

describe('one tenant transaction, one row per look (withTenant collects, ADR 040)', () => {
  const ctx: TenantContext = { userId: USER, membershipId: USER, role: 'directeur', stichtingId: STICHTING, schoolId: SCHOOL, partnerId: null }
  const newRows = async (afterId: number, db: Pick<DatabaseHandle['db'], 'execute'> = handle.db) =>
    rows<{ action: string; student_ids: string }>(
      await db.execute(sql`select action, array_to_string(student_ids, ',') as student_ids from access_log where id > ${afterId} order by id`),
    )
  const lastId = async () => rows<{ id: number }>(await handle.db.execute(sql`select coalesce(max(id), 0)::int as id from access_log`))[0]!.id

  it('two use cases reading the same incident in one request write one row with the pupils of both; another action its own', async () => {
    const since = await lastId()
    await withTenant(handle.db, ctx, async (tx) => {
      await logAccessRows(tx, [look({ studentIds: [PUPIL_B] })])
      await logAccessRows(tx, [look({ studentId: PUPIL_A }), look({ action: 'export', studentIds: [PUPIL_C] })])
      await logAccessRows(tx, [look({ studentIds: [PUPIL_B, PUPIL_A] })])
    })
    expect(await newRows(since)).toEqual([
      { action: 'read', student_ids: `${PUPIL_A},${PUPIL_B}` },
      { action: 'export', student_ids: PUPIL_C },
    ])
  })

  it('a request that fails writes none of its rows (the read and its row are one transaction)', async () => {
    const since = await lastId()
    const failed = withTenant(handle.db, ctx, async (tx) => {
      await logAccessRows(tx, [look({ studentIds: [PUPIL_A] })])
      throw new Error('refused')
    })
    await expect(failed).rejects.toThrow('refused')
    expect(await newRows(since)).toEqual([])
  })

  it('outside withTenant (a bare transaction) the rows are written at once, still merged per call', async () => {
    const since = await lastId()
    await handle.db.transaction(async (tx) => {
      await logAccessRows(tx, [look({ studentIds: [PUPIL_C] }), look({ studentIds: [PUPIL_A] })])
      // Visible in the same transaction, before it ends (PGlite has one connection: ask through tx).
      expect(await newRows(since, tx)).toEqual([{ action: 'read', student_ids: `${PUPIL_A},${PUPIL_C}` }])
    })
  })
})
