// Export and import of one stichting's data, for a stichting that leaves (its data handed over)
// or a restore of one tenant into a database where it is missing.
//
// The functions behind scripts/backup/tenant.ts:
//
//   node --import tsx scripts/backup/tenant.ts export <owner-url> <stichting-id> <file.json>
//   node --import tsx scripts/backup/tenant.ts import <superuser-url> <file.json>
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
import postgres from 'postgres'

export const FORMAT = 'baken-tenant-export'
/** Shared tables whose rows are exported when a stichting's rows refer to them. */
const REFERENCED = ['users', 'partner_organisations', 'school_years']
/** Per-user tables exported for the exported users (sign-in data), by their user_id. */
const USER_OWNED = ['mfa_totp', 'mfa_recovery_codes', 'mfa_events', 'webauthn_credentials', 'sso_identities', 'api_tokens']
/** Tables keyed by the access log's chain (the stichting's id). */
const CHAIN = ['access_log_heads', 'access_log_checkpoints', 'access_log_digests']

export interface TenantExport {
  format: typeof FORMAT
  version: 1
  stichtingId: string
  exportedAt: string
  tables: Record<string, Record<string, unknown>[]>
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

export async function exportTenant(url: string, stichtingId: string): Promise<TenantExport> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    return await sql.begin('isolation level repeatable read read only', async (tx) => {
      const tables: Record<string, Record<string, unknown>[]> = {}
      // Rows as Postgres writes them in JSON (row_to_json): timestamps keep their microseconds and
      // bytea its hex, which the access log's hashes and signatures depend on.
      const read = async (from: string, where: string, param: unknown) =>
        (await tx.unsafe(`select row_to_json(t) as r from ${ident(from)} t where ${where}`, [param as never])).map((x) => x.r as Record<string, unknown>)
      const [stichting] = await read('stichtingen', 'id = $1', stichtingId)
      if (!stichting) throw new Error(`no stichting ${stichtingId}`)
      tables.stichtingen = [stichting]
      const owned = await tablesWith(tx, 'stichting_id')
      for (const t of owned) tables[t] = await read(t, 'stichting_id = $1', stichtingId)
      for (const t of CHAIN) tables[t] = await read(t, 'chain_key::text = $1', stichtingId)
      // The shared rows the stichting's rows refer to.
      for (const target of REFERENCED) {
        const ids = new Set<string>()
        for (const t of [...owned, 'stichtingen']) {
          for (const column of await foreignKeys(tx, t, target)) for (const r of tables[t]!) if (r[column] != null) ids.add(String(r[column]))
        }
        tables[target] = ids.size ? await read(target, 'id::text = any($1)', [...ids]) : []
      }
      const userIds = tables.users!.map((u) => String(u.id))
      for (const t of USER_OWNED) tables[t] = userIds.length ? await read(t, 'user_id::text = any($1)', userIds) : []
      return { format: FORMAT, version: 1, stichtingId, exportedAt: new Date().toISOString(), tables } satisfies TenantExport
    })
  } finally {
    await sql.end({ timeout: 5 })
  }
}

export async function importTenant(url: string, data: TenantExport): Promise<Record<string, number>> {
  if (data.format !== FORMAT || data.version !== 1) throw new Error('not a Baken tenant export (format/version)')
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  const inserted: Record<string, number> = {}
  try {
    await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`
      for (const [table, rows] of Object.entries(data.tables)) {
        if (!rows.length) continue
        // The columns that can be written (not generated), as the target has them.
        const columns = (
          await tx<{ name: string }[]>`select attname as name from pg_attribute
            where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`
        ).map((c) => c.name)
        const list = columns.map(ident).join(', ')
        let count = 0
        for (let i = 0; i < rows.length; i += 2000) {
          const chunk = JSON.stringify(rows.slice(i, i + 2000))
          const result = await tx.unsafe(
            `insert into ${ident(table)} (${list}) select ${list} from json_populate_recordset(null::${ident(table)}, $1::text::json) on conflict do nothing`,
            [chunk],
          )
          count += result.count
        }
        inserted[table] = count
      }
      await tx`set local session_replication_role = origin`
      // Every foreign key of the imported tables holds (the checks were off while writing).
      const keys = await tx<{ table: string; name: string; def: string }[]>`
        select k.conrelid::regclass::text as table, k.conname as name, pg_get_constraintdef(k.oid) as def
        from pg_constraint k where k.contype = 'f' and k.conrelid::regclass::text = any(${Object.keys(data.tables)})`
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

