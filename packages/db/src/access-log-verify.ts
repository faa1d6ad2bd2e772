// The access-log verifier (the tamper-evident log of ADR 008): recomputes every stichting's hash chain from the raw
// columns, independently of the database's own functions (so a tampered access_log_canonical or
// access_log_hash is caught too), and reports per chain OK or the first broken link.
//
//   pnpm --filter @baken/db access-log:verify      (exit code 1 when a chain is broken)
//
// Connects as the migration owner like migrate-cli: DATABASE_OWNER_URL, else DATABASE_URL, else the
// embedded PGlite data directory (PGLITE_DATA_DIR, default ./data/pglite; stop the web server first,
// PGlite allows one process). The application role cannot read the log; the owner can (owner_all).
import { createHash } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { sql } from 'drizzle-orm'
import type { Database } from './client.ts'

/** The raw columns of a log row as the verifier reads them; `at` as access_log_canonical formats it. */
export interface RawLogRow {
  id: number
  chainKey: string
  seq: number
  atText: string
  userId: string
  userName: string
  role: string
  stichtingId: string
  schoolId: string | null
  partnerId: string | null
  action: string
  subjectType: string
  subjectId: string | null
  studentId: string | null
  reason: string | null
  breakGlass: boolean
  prevHash: string
  hash: string
}

export const GENESIS_HASH = '0'.repeat(64)

/** The text a row's hash covers: the same as SQL access_log_canonical (migration 0019). Pure. */
export function canonicalText(r: RawLogRow): string {
  return [
    r.chainKey,
    String(r.seq),
    r.atText,
    r.userId,
    r.userName,
    r.role,
    r.stichtingId,
    r.schoolId ?? '',
    r.partnerId ?? '',
    r.action,
    r.subjectType,
    r.subjectId ?? '',
    r.studentId ?? '',
    r.reason ?? '',
    r.breakGlass ? 'true' : 'false',
  ].join('|')
}

/** sha256(prev ‖ "\n" ‖ canonical), hex: the same as SQL access_log_hash. Pure. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex')
}

export type BreakKind = 'hash' | 'prev_hash' | 'seq_gap' | 'head'

export interface ChainBreak {
  kind: BreakKind
  /** The row where the chain breaks (for 'head': the last row, or null for an empty chain). */
  id: number | null
  seq: number | null
  expected: string
  found: string
  message: string
}

export interface ChainReport {
  chainKey: string
  rows: number
  ok: boolean
  firstBreak: ChainBreak | null
}

export interface VerifyReport {
  ok: boolean
  chains: ChainReport[]
}

/** Checks one chain's rows (in seq order) against its head. Pure apart from reading `rows`. */
export async function verifyChain(
  chainKey: string,
  rows: Iterable<RawLogRow> | AsyncIterable<RawLogRow>,
  head: { seq: number; hash: string } | null,
): Promise<ChainReport> {
  let prevHash = GENESIS_HASH
  let expectedSeq = 1
  let n = 0
  let last: RawLogRow | null = null
  const broken = (b: ChainBreak): ChainReport => ({ chainKey, rows: n, ok: false, firstBreak: b })
  for await (const r of rows) {
    n++
    if (r.seq !== expectedSeq) {
      return broken({
        kind: 'seq_gap',
        id: r.id,
        seq: r.seq,
        expected: String(expectedSeq),
        found: String(r.seq),
        message: `gat in de volgnummers: ${expectedSeq} verwacht, ${r.seq} gevonden (rij ${expectedSeq}${r.seq - expectedSeq > 1 ? `–${r.seq - 1}` : ''} ontbreekt)`,
      })
    }
    if (r.prevHash !== prevHash) {
      return broken({ kind: 'prev_hash', id: r.id, seq: r.seq, expected: prevHash, found: r.prevHash, message: 'prev_hash wijkt af van de hash van de vorige rij' })
    }
    const computed = chainHash(prevHash, canonicalText(r))
    if (r.hash !== computed) {
      return broken({ kind: 'hash', id: r.id, seq: r.seq, expected: computed, found: r.hash, message: 'hash klopt niet met de inhoud van de rij (rij gewijzigd)' })
    }
    prevHash = r.hash
    expectedSeq++
    last = r
  }
  // Rows removed from the end leave the chain itself intact: the head still remembers them.
  const headSeq = head?.seq ?? 0
  const headHash = head?.hash ?? GENESIS_HASH
  if (headSeq !== (last?.seq ?? 0) || headHash !== prevHash) {
    return broken({
      kind: 'head',
      id: last?.id ?? null,
      seq: last?.seq ?? null,
      expected: `${headSeq}:${headHash}`,
      found: `${last?.seq ?? 0}:${prevHash}`,
      message: `de kop van de keten (volgnummer ${headSeq}) past niet bij de laatste rij (${last?.seq ?? 0}): rijen aan het eind verwijderd of toegevoegd buiten de trigger`,
    })
  }
  return { chainKey, rows: n, ok: true, firstBreak: null }
}

function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[]
  return (result as { rows: T[] }).rows
}

const BATCH = 5000

/** Reads every chain (as the owner) in batches and verifies it. */
export async function verifyAccessLog(db: Pick<Database, 'execute'>): Promise<VerifyReport> {
  const heads = resultRows<{ chain_key: string; seq: string | number; hash: string }>(await db.execute(sql`select chain_key::text, seq, hash from access_log_heads`))
  const keys = resultRows<{ chain_key: string }>(await db.execute(sql`select distinct chain_key::text from access_log`)).map((r) => r.chain_key)
  const headOf = new Map(heads.map((h) => [h.chain_key, { seq: Number(h.seq), hash: h.hash }]))
  const allKeys = [...new Set([...keys, ...headOf.keys()])].sort()
  const chains: ChainReport[] = []
  for (const key of allKeys) {
    chains.push(await verifyChain(key, await readChain(db, key), headOf.get(key) ?? null))
  }
  return { ok: chains.every((c) => c.ok), chains }
}

async function* readChain(db: Pick<Database, 'execute'>, chainKey: string): AsyncGenerator<RawLogRow> {
  let after = 0
  for (;;) {
    const batch = resultRows<Record<string, unknown>>(
      await db.execute(sql`
        select id, chain_key::text as chain_key, seq,
               to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text,
               user_id::text as user_id, user_name, role::text as role, stichting_id::text as stichting_id,
               school_id::text as school_id, partner_id::text as partner_id, action, subject_type,
               subject_id::text as subject_id, student_id::text as student_id, reason, break_glass, prev_hash, hash
        from access_log where chain_key = ${chainKey}::uuid and seq > ${after}
        order by seq limit ${BATCH}`),
    )
    for (const r of batch) {
      yield {
        id: Number(r.id),
        chainKey: String(r.chain_key),
        seq: Number(r.seq),
        atText: String(r.at_text),
        userId: String(r.user_id),
        userName: String(r.user_name),
        role: String(r.role),
        stichtingId: String(r.stichting_id),
        schoolId: (r.school_id as string | null) ?? null,
        partnerId: (r.partner_id as string | null) ?? null,
        action: String(r.action),
        subjectType: String(r.subject_type),
        subjectId: (r.subject_id as string | null) ?? null,
        studentId: (r.student_id as string | null) ?? null,
        reason: (r.reason as string | null) ?? null,
        breakGlass: r.break_glass === true || r.break_glass === 't',
        prevHash: String(r.prev_hash),
        hash: String(r.hash),
      }
    }
    if (batch.length < BATCH) return
    after = Number(batch[batch.length - 1]!.seq)
  }
}

/** The report as text, one line per chain. Pure. */
export function formatReport(report: VerifyReport): string {
  if (report.chains.length === 0) return 'Toegangslog: geen ketens (nog niets gelogd).'
  return report.chains
    .map((c) =>
      c.ok
        ? `OK      keten ${c.chainKey}: ${c.rows} rijen`
        : `GEBROKEN keten ${c.chainKey}: eerste breuk bij volgnummer ${c.firstBreak!.seq ?? '-'} (id ${c.firstBreak!.id ?? '-'}): ${c.firstBreak!.kind} — ${c.firstBreak!.message}; verwacht ${c.firstBreak!.expected}, gevonden ${c.firstBreak!.found}`,
    )
    .join('\n')
}

async function main(): Promise<void> {
  const { databaseConfigFromEnv, openDatabase } = await import('./client.ts')
  const config = process.env.DATABASE_OWNER_URL
    ? ({ kind: 'postgres', url: process.env.DATABASE_OWNER_URL, max: 1 } as const)
    : databaseConfigFromEnv()
  const handle = await openDatabase(config)
  try {
    const report = await verifyAccessLog(handle.db)
    console.log(formatReport(report))
    process.exitCode = report.ok ? 0 : 1
  } finally {
    await handle.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 2
  })
}
