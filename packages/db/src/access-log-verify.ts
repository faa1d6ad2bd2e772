// The access-log verifier (the tamper-evident log of ADR 008 and ADR 021): recomputes every stichting's hash chain
// from the raw columns, independently of the database's own functions (so a tampered
// access_log_canonical or access_log_hash is caught too), checks that the chain follows the sealing
// order (xid, id), that every signed checkpoint's Ed25519 signature holds for the configured public
// key and names a row of the chain with that hash, and that no committed row waits unsealed longer
// than a bound; it reports per chain OK or the first problem.
//
//   pnpm --filter @baken/db access-log:verify      (exit code 1 when a chain is broken)
//
//   BAKEN_AUDIT_VERIFY_KEY                 the public key (PEM or base64 SPKI), else derived from
//                                          BAKEN_AUDIT_SIGNING_KEY; without either, signatures are
//                                          not checked (and the report says so)
//   BAKEN_ACCESS_LOG_MAX_UNSEALED_SECONDS  how long a row may wait for the sealer (default 60)
//
// Connects as the migration owner like migrate-cli: DATABASE_OWNER_URL, else DATABASE_URL, else the
// embedded PGlite data directory (PGLITE_DATA_DIR, default ./data/pglite; stop the web server first,
// PGlite allows one process). The application role cannot read the log; the owner can (owner_all).
import { createHash, type KeyObject } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { sql } from 'drizzle-orm'
import { auditVerifyKeyFromEnv, checkpointMessage, keyIdOf, verifySignature } from './access-log-signing.ts'
import type { Database } from './client.ts'
import { resultRows } from './result-rows.ts'

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
  /**
   * The pupils of a row written since migration 0067 (ADR 040), in stored order; null (or absent)
   * for an older row, which is hashed in the first canonical form.
   */
  studentIds?: readonly string[] | null
  reason: string | null
  breakGlass: boolean
  prevHash: string
  hash: string
  /** The inserting transaction (xid8 as text); null for rows chained before migration 0040. */
  xid?: string | null
}

export const GENESIS_HASH = '0'.repeat(64)

/**
 * The text a row's hash covers: the same as SQL access_log_canonical. Two forms (ADR 040): a row
 * without student_ids (written before migration 0067) in the first form of migration 0019,
 * unchanged, so its sealed hash still verifies; a row with student_ids in the second, which starts
 * with 'v2' (a first-form text starts with the chain's uuid) and ends with the pupils. Pure.
 */
export function canonicalText(r: RawLogRow): string {
  const first = [
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
  ]
  if (r.studentIds === null || r.studentIds === undefined) return first.join('|')
  return ['v2', ...first, r.studentIds.join(',')].join('|')
}

/** sha256(prev ‖ "\n" ‖ canonical), hex: the same as SQL access_log_hash. Pure. */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(`${prevHash}\n${canonical}`, 'utf8').digest('hex')
}

export type BreakKind = 'hash' | 'prev_hash' | 'seq_gap' | 'head' | 'order' | 'late_row' | 'stale' | 'checkpoint' | 'signature'

/** A signed checkpoint as the verifier reads it. */
export interface RawCheckpoint {
  id: number
  seq: number
  hash: string
  atText: string
  keyId: string
  signature: string
}

/** What the verifier knows beyond the sealed rows of a chain. */
export interface ChainExtras {
  checkpoints?: readonly RawCheckpoint[]
  /** The public key checkpoints must verify with; null: signatures are not checked. */
  verifyKey?: KeyObject | null
  /** Unsealed rows whose (xid, id) comes before the last sealed row's: chained out of order. */
  lateRows?: readonly { id: number; xid: string }[]
  /** Unsealed rows older than the bound. */
  staleRows?: readonly { id: number; atText: string }[]
  maxUnsealedSeconds?: number
}

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
  /** Checkpoints checked (their signatures too when a key was given). */
  checkpoints: number
  ok: boolean
  firstBreak: ChainBreak | null
}

export interface VerifyReport {
  ok: boolean
  chains: ChainReport[]
  /** False when no public key was configured, so checkpoint signatures were not checked. */
  signaturesChecked: boolean
}

/** (xid, id) of a row compared with another's: negative when a comes first. Pure. */
function sealingOrder(a: { xid: string; id: number }, b: { xid: string; id: number }): number {
  const ax = BigInt(a.xid)
  const bx = BigInt(b.xid)
  if (ax !== bx) return ax < bx ? -1 : 1
  return a.id - b.id
}

/** Checks one chain's rows (in seq order) against its head. Pure apart from reading `rows`. */
export async function verifyChain(
  chainKey: string,
  rows: Iterable<RawLogRow> | AsyncIterable<RawLogRow>,
  head: { seq: number; hash: string } | null,
  extras: ChainExtras = {},
): Promise<ChainReport> {
  let prevHash = GENESIS_HASH
  let expectedSeq = 1
  let n = 0
  let last: RawLogRow | null = null
  let lastOrdered: { xid: string; id: number } | null = null
  const checkpoints = [...(extras.checkpoints ?? [])].sort((a, b) => a.seq - b.seq)
  const checkpointAt = new Map(checkpoints.map((c) => [c.seq, c]))
  const broken = (b: ChainBreak): ChainReport => ({ chainKey, rows: n, checkpoints: checkpoints.length, ok: false, firstBreak: b })
  // A checkpoint is first checked on its own: a forged or rewritten one fails its signature.
  const keyId = extras.verifyKey ? keyIdOf(extras.verifyKey) : null
  for (const c of checkpoints) {
    if (!extras.verifyKey) break
    const valid = c.keyId === keyId && verifySignature(extras.verifyKey, checkpointMessage({ chainKey, seq: c.seq, hash: c.hash, atText: c.atText }), c.signature)
    if (!valid) {
      return broken({
        kind: 'signature',
        id: null,
        seq: c.seq,
        expected: `handtekening van sleutel ${keyId}`,
        found: `sleutel ${c.keyId}, handtekening ${c.signature.slice(0, 16)}…`,
        message: `de handtekening van controlepunt ${c.id} klopt niet: het controlepunt is herschreven of niet met de auditsleutel gezet`,
      })
    }
  }
  for await (const r of rows) {
    n++
    if (r.xid) {
      const here = { xid: r.xid, id: r.id }
      if (lastOrdered && sealingOrder(lastOrdered, here) >= 0) {
        return broken({
          kind: 'order',
          id: r.id,
          seq: r.seq,
          expected: `na (${lastOrdered.xid}, ${lastOrdered.id})`,
          found: `(${r.xid}, ${r.id})`,
          message: 'rij staat in de keten vóór een rij van een eerdere transactie (volgorde (xid, id) geschonden)',
        })
      }
      lastOrdered = here
    }
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
    const cp = checkpointAt.get(r.seq)
    if (cp && cp.hash !== r.hash) {
      return broken({ kind: 'checkpoint', id: r.id, seq: r.seq, expected: cp.hash, found: r.hash, message: `de keten wijkt af van getekend controlepunt ${cp.id} (de geschiedenis is herschreven)` })
    }
    prevHash = r.hash
    expectedSeq++
    last = r
  }
  const beyond = checkpoints.find((c) => c.seq > (last?.seq ?? 0))
  if (beyond) {
    return broken({
      kind: 'checkpoint',
      id: last?.id ?? null,
      seq: beyond.seq,
      expected: `${beyond.seq}:${beyond.hash}`,
      found: `${last?.seq ?? 0}:${prevHash}`,
      message: `getekend controlepunt ${beyond.id} noemt volgnummer ${beyond.seq}, de keten houdt op bij ${last?.seq ?? 0}: rijen verwijderd`,
    })
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
      message: `de kop van de keten (volgnummer ${headSeq}) past niet bij de laatste rij (${last?.seq ?? 0}): rijen aan het eind verwijderd of toegevoegd buiten de sealer`,
    })
  }
  const late = extras.lateRows?.[0]
  if (late) {
    return broken({
      kind: 'late_row',
      id: late.id,
      seq: null,
      expected: `na (${lastOrdered?.xid ?? '-'}, ${lastOrdered?.id ?? '-'})`,
      found: `(${late.xid}, ${late.id})`,
      message: 'een ongesealde rij hoort vóór de laatst gesealde rij: de sealer heeft te vroeg gesealed of de rij is later ingevoegd',
    })
  }
  const stale = extras.staleRows?.[0]
  if (stale) {
    return broken({
      kind: 'stale',
      id: stale.id,
      seq: null,
      expected: `gesealed binnen ${extras.maxUnsealedSeconds ?? DEFAULT_MAX_UNSEALED_SECONDS} s`,
      found: `ongeseald sinds ${stale.atText}`,
      message: `${extras.staleRows!.length} rij(en) langer dan ${extras.maxUnsealedSeconds ?? DEFAULT_MAX_UNSEALED_SECONDS} s niet gesealed (draait de sealer?)`,
    })
  }
  return { chainKey, rows: n, checkpoints: checkpoints.length, ok: true, firstBreak: null }
}

export const DEFAULT_MAX_UNSEALED_SECONDS = 60

export interface VerifyOptions {
  /** The checkpoints' public key; null or absent: signatures are not checked. */
  verifyKey?: KeyObject | null
  /** How long a row may stay unsealed (default 60 s). */
  maxUnsealedSeconds?: number
}

const BATCH = 5000

/** Reads every chain (as the owner) in batches and verifies it. */
export async function verifyAccessLog(db: Pick<Database, 'execute'>, options: VerifyOptions = {}): Promise<VerifyReport> {
  const maxUnsealedSeconds = options.maxUnsealedSeconds ?? DEFAULT_MAX_UNSEALED_SECONDS
  const heads = resultRows<{ chain_key: string; seq: string | number; hash: string }>(await db.execute(sql`select chain_key::text, seq, hash from access_log_heads`))
  const keys = resultRows<{ chain_key: string }>(await db.execute(sql`select distinct chain_key::text from access_log`)).map((r) => r.chain_key)
  const checkpointRows = resultRows<{ id: string | number; chain_key: string; seq: string | number; hash: string; at_text: string; key_id: string; signature: string }>(
    await db.execute(sql`select id, chain_key::text as chain_key, seq, hash, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text, key_id, signature
      from access_log_checkpoints order by chain_key, seq`),
  )
  // Unsealed rows that come before a chain's last sealed row in sealing order: none may exist.
  const late = resultRows<{ chain_key: string; id: string | number; xid: string }>(
    await db.execute(sql`select u.chain_key::text as chain_key, u.id, u.xid::text as xid from access_log u
      join lateral (select s.xid, s.id from access_log s where s.chain_key = u.chain_key and s.seq is not null and s.xid is not null
                    order by s.seq desc limit 1) last on true
      where u.seq is null and (u.xid, u.id) < (last.xid, last.id) order by u.xid, u.id`),
  )
  const stale = resultRows<{ chain_key: string; id: string | number; at_text: string }>(
    await db.execute(sql`select chain_key::text as chain_key, id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text
      from access_log where seq is null and at < now() - make_interval(secs => ${maxUnsealedSeconds}) order by at, id`),
  )
  const group = <T extends { chain_key: string }>(list: T[]) => {
    const out = new Map<string, T[]>()
    for (const r of list) out.set(r.chain_key, [...(out.get(r.chain_key) ?? []), r])
    return out
  }
  const checkpointsOf = group(checkpointRows)
  const lateOf = group(late)
  const staleOf = group(stale)
  const headOf = new Map(heads.map((h) => [h.chain_key, { seq: Number(h.seq), hash: h.hash }]))
  const allKeys = [...new Set([...keys, ...headOf.keys(), ...checkpointsOf.keys()])].sort()
  const chains: ChainReport[] = []
  for (const key of allKeys) {
    chains.push(
      await verifyChain(key, await readChain(db, key), headOf.get(key) ?? null, {
        checkpoints: (checkpointsOf.get(key) ?? []).map((c) => ({ id: Number(c.id), seq: Number(c.seq), hash: c.hash, atText: c.at_text, keyId: c.key_id, signature: c.signature })),
        verifyKey: options.verifyKey ?? null,
        lateRows: (lateOf.get(key) ?? []).map((r) => ({ id: Number(r.id), xid: r.xid })),
        staleRows: (staleOf.get(key) ?? []).map((r) => ({ id: Number(r.id), atText: r.at_text })),
        maxUnsealedSeconds,
      }),
    )
  }
  return { ok: chains.every((c) => c.ok), chains, signaturesChecked: Boolean(options.verifyKey) }
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
               subject_id::text as subject_id, student_id::text as student_id,
               array_to_string(student_ids, ',') as student_ids, reason, break_glass, prev_hash, hash, xid::text as xid
        from access_log where chain_key = ${chainKey}::uuid and seq is not null and seq > ${after}
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
        studentIds: typeof r.student_ids === 'string' ? (r.student_ids === '' ? [] : r.student_ids.split(',')) : null,
        reason: (r.reason as string | null) ?? null,
        breakGlass: r.break_glass === true || r.break_glass === 't',
        prevHash: String(r.prev_hash),
        hash: String(r.hash),
        xid: (r.xid as string | null) ?? null,
      }
    }
    if (batch.length < BATCH) return
    after = Number(batch[batch.length - 1]!.seq)
  }
}

/** The report as text, one line per chain. Pure. */
export function formatReport(report: VerifyReport): string {
  if (report.chains.length === 0) return 'Toegangslog: geen ketens (nog niets gelogd).'
  const unsigned = report.signaturesChecked
    ? ''
    : '\nLet op: handtekeningen van de controlepunten niet gecontroleerd (BAKEN_AUDIT_VERIFY_KEY of BAKEN_AUDIT_SIGNING_KEY ontbreekt).'
  return report.chains
    .map((c) =>
      c.ok
        ? `OK      keten ${c.chainKey}: ${c.rows} rijen, ${c.checkpoints} controlepunten`
        : `GEBROKEN keten ${c.chainKey}: eerste breuk bij volgnummer ${c.firstBreak!.seq ?? '-'} (id ${c.firstBreak!.id ?? '-'}): ${c.firstBreak!.kind} — ${c.firstBreak!.message}; verwacht ${c.firstBreak!.expected}, gevonden ${c.firstBreak!.found}`,
    )
    .join('\n') + unsigned
}

async function main(): Promise<void> {
  const { databaseConfigFromEnv, openDatabase } = await import('./client.ts')
  const config = process.env.DATABASE_OWNER_URL
    ? ({ kind: 'postgres', url: process.env.DATABASE_OWNER_URL, max: 1 } as const)
    : databaseConfigFromEnv()
  const handle = await openDatabase(config)
  try {
    const bound = process.env.BAKEN_ACCESS_LOG_MAX_UNSEALED_SECONDS?.trim()
    if (bound && !/^\d+$/.test(bound)) throw new Error(`BAKEN_ACCESS_LOG_MAX_UNSEALED_SECONDS must be a whole number of seconds, not ${bound}`)
    const report = await verifyAccessLog(handle.db, {
      verifyKey: auditVerifyKeyFromEnv(),
      maxUnsealedSeconds: bound ? Number(bound) : DEFAULT_MAX_UNSEALED_SECONDS,
    })
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
