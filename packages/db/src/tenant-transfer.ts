// Export and import of one stichting's data, for a stichting that leaves (its data handed over)
// or a restore of one tenant into a database where it is missing.
//
// The functions behind scripts/backup/tenant.ts:
//
//   node --import tsx scripts/backup/tenant.ts export <owner-url> <stichting-id> <file.ndjson>
//   node --import tsx scripts/backup/tenant.ts import <superuser-url> <file.ndjson>
//
// The file is streamed both ways, one JSON value per line (a header, then one line per row), so a
// large stichting's years of incidents and access log never sit in memory at once: the export
// reads each table through a cursor, the import writes batches as the lines arrive.
//
// What is exported, found in the catalogue (so a new table is included the day it exists):
//   - every row of every table with a stichting_id column that is the stichting's;
//   - the stichting itself, and its access-log chain (heads, checkpoints, digests: chain_key);
//   - the rows those rows refer to in the shared tables (users, partner organisations, school
//     years), and the users' own sign-in data (second factors, passkeys, SSO links, API tokens), so
//     the people can sign in after an import. Sessions, reset links, challenges and login
//     failures are transient and left out; Halt's own workspace (the partner's notes and
//     appointments) belongs to the Halt region, not to the stichting, and is left out too.
// The import writes all rows in one transaction with triggers and foreign-key checks off
// (session_replication_role = replica: the access log's append-only triggers would refuse rows that
// are already sealed, and the order of tables does not matter), keeps any row that exists already,
// and then checks every foreign key of the imported tables. It needs a superuser.
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import postgres from 'postgres'

export const FORMAT = 'baken-tenant-export'
export const VERSION = 2
/** Shared tables whose rows are exported when a stichting's rows refer to them. */
const REFERENCED = ['users', 'partner_organisations', 'school_years']
/** Per-user tables exported for the exported users (sign-in data), by their user_id. */
const USER_OWNED = ['mfa_totp', 'mfa_recovery_codes', 'mfa_events', 'webauthn_credentials', 'sso_identities', 'api_tokens']
/** Tables keyed by the access log's chain (the stichting's id). */
const CHAIN = ['access_log_heads', 'access_log_checkpoints', 'access_log_digests']
/** Rows per cursor fetch and per insert. */
const BATCH = 2000

/** The file's first line. Every other line is `{ "table": …, "row": … }`. */
export interface TenantExportHeader {
  format: typeof FORMAT
  version: typeof VERSION
  stichtingId: string
  exportedAt: string
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`

async function tablesWith(sql: postgres.TransactionSql, column: string): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attname = ${column}
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`
  return rows.map((r) => r.name)
}

/** Single-column foreign keys from `from` to `to`: the referring column names. */
async function foreignKeys(sql: postgres.TransactionSql, from: string, to: string): Promise<string[]> {
  const rows = await sql<{ column: string }[]>`
    select a.attname as column from pg_constraint k
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
    where k.contype = 'f' and array_length(k.conkey, 1) = 1
      and k.conrelid = ${`public.${from}`}::regclass and k.confrelid = ${`public.${to}`}::regclass`
  return rows.map((r) => r.column)
}

/** Writes one line, waiting while the stream's buffer is full. */
async function writeLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain')
}

/**
 * Streams the stichting's rows to `out` (not ended here), from one read-only snapshot. Returns the
 * rows written per table.
 */
export async function exportTenant(url: string, stichtingId: string, out: Writable): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  const written: Record<string, number> = {}
  try {
    await sql.begin('isolation level repeatable read read only', async (tx) => {
      // Rows as Postgres writes them in JSON (row_to_json): timestamps keep their microseconds and
      // bytea its hex, which the access log's hashes and signatures depend on.
      const copy = async (table: string, where: string) => {
        written[table] = 0
        const params = where.includes('$1') ? [stichtingId] : []
        // The async iterator, not cursor(n, callback): postgres.js does not wait for the callback's
        // promise on the last batch, so the export would move on (and the file be closed) while
        // that batch is still being written.
        for await (const rows of tx.unsafe(`select row_to_json(t) as r from ${ident(table)} t where ${where}`, params).cursor(BATCH)) {
          for (const { r } of rows) await writeLine(out, { table, row: r })
          written[table]! += rows.length
        }
      }
      const [found] = await tx`select 1 from stichtingen where id::text = ${stichtingId}`
      if (!found) throw new Error(`no stichting ${stichtingId}`)
      await writeLine(out, { format: FORMAT, version: VERSION, stichtingId, exportedAt: new Date().toISOString() } satisfies TenantExportHeader)
      await copy('stichtingen', 'id = $1')
      const owned = await tablesWith(tx, 'stichting_id')
      for (const t of owned) await copy(t, 'stichting_id = $1')
      for (const t of CHAIN) await copy(t, 'chain_key::text = $1')
      // The shared rows the stichting's rows refer to, found by the database, not gathered here.
      const referring = async (target: string) => {
        const parts: string[] = []
        for (const t of [...owned, 'stichtingen']) {
          const own = t === 'stichtingen' ? 'id = $1' : 'stichting_id = $1'
          for (const column of await foreignKeys(tx, t, target)) parts.push(`select ${ident(column)} from ${ident(t)} where ${own}`)
        }
        return parts.length ? `id in (${parts.join(' union ')})` : 'false'
      }
      const users = await referring('users')
      for (const target of REFERENCED) await copy(target, target === 'users' ? users : await referring(target))
      for (const t of USER_OWNED) await copy(t, `user_id in (select id from users where ${users})`)
    })
    return written
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/**
 * Reads an export line by line and writes its rows in one transaction, in batches. Rows that exist
 * already are kept. Returns the rows written per table.
 */
export async function importTenant(url: string, input: Readable): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  const inserted: Record<string, number> = {}
  try {
    await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`
      const columnsOf = new Map<string, string>()
      let table: string | null = null
      let batch: unknown[] = []
      const flush = async () => {
        if (!table || !batch.length) return
        let list = columnsOf.get(table)
        if (!list) {
          // The columns that can be written (not generated), as the target has them.
          const columns = await tx<{ name: string }[]>`select attname as name from pg_attribute
            where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`
          list = columns.map((c) => ident(c.name)).join(', ')
          columnsOf.set(table, list)
        }
        const result = await tx.unsafe(
          `insert into ${ident(table)} (${list}) select ${list} from json_populate_recordset(null::${ident(table)}, $1::text::json) on conflict do nothing`,
          [JSON.stringify(batch)],
        )
        inserted[table] = (inserted[table] ?? 0) + result.count
        batch = []
      }
      let header: TenantExportHeader | null = null
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        if (!line.trim()) continue
        const value = JSON.parse(line) as Partial<TenantExportHeader> & { table?: string; row?: unknown }
        if (!header) {
          if (value.format !== FORMAT || value.version !== VERSION) throw new Error(`not a Baken tenant export (format ${FORMAT}, version ${VERSION})`)
          header = value as TenantExportHeader
          continue
        }
        if (typeof value.table !== 'string' || typeof value.row !== 'object') throw new Error('import: a line without table and row')
        if (value.table !== table || batch.length >= BATCH) await flush()
        if (value.table !== table) inserted[value.table] ??= 0
        table = value.table
        batch.push(value.row)
      }
      await flush()
      if (!header) throw new Error('import: the file is empty')
      await tx`set local session_replication_role = origin`
      // Every foreign key of the imported tables holds (the checks were off while writing).
      const keys = await tx<{ table: string; name: string; def: string }[]>`
        select k.conrelid::regclass::text as table, k.conname as name, pg_get_constraintdef(k.oid) as def
        from pg_constraint k where k.contype = 'f' and k.conrelid::regclass::text = any(${Object.keys(inserted)})`
      for (const k of keys) {
        const m = /^FOREIGN KEY \(([^)]+)\) REFERENCES ([^(]+)\(([^)]+)\)/.exec(k.def)
        if (!m) continue
        const [cols, target, refs] = [m[1]!.split(', '), m[2]!.trim(), m[3]!.split(', ')]
        const join = cols.map((c, i) => `r.${refs[i]} = t.${c}`).join(' and ')
        const present = cols.map((c) => `t.${c} is not null`).join(' and ')
        const [broken] = await tx.unsafe(`select count(*)::int as n from ${k.table} t where ${present} and not exists (select 1 from ${target} r where ${join})`)
        if (broken!.n > 0) throw new Error(`import: ${broken!.n} rows of ${k.table} break ${k.name}`)
      }
    })
    return inserted
  } finally {
    await sql.end({ timeout: 5 })
  }
}
