// Sharding by stichting (Citus, when one server is no longer enough) needs the distribution column
// in every primary key, unique constraint and foreign key of a distributed table. This test lists,
// from the live catalogue, the row-level-secured tables that do not have that yet: without a
// stichting_id column at all, or with a primary key, unique constraint or foreign key that leaves
// it out. The list is committed below, so a new table (or a fixed one) changes it knowingly: the
// work to do before distributing, not something to fix table by table now.
import { sql, type SQL } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { describeEachDriver, rows } from './support/test-databases.ts'

/** Per table: what keeps it from being distributed by stichting_id. */
async function distributionFindings(db: { execute: (query: SQL) => Promise<unknown> }): Promise<Record<string, string[]>> {
  const tables = rows<{ name: string; has_column: boolean }>(
    await db.execute(sql`select c.relname as name,
        exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'stichting_id' and not a.attisdropped) as has_column
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity order by 1`),
  )
  const keys = rows<{ table_name: string; kind: string; has_key: boolean }>(
    await db.execute(sql`select c.relname as table_name, k.contype::text as kind,
        exists (select 1 from unnest(k.conkey) col join pg_attribute a on a.attrelid = c.oid and a.attnum = col
                where a.attname = 'stichting_id') as has_key
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and k.contype in ('p', 'u', 'f') and c.relrowsecurity`),
  )
  const out: Record<string, string[]> = {}
  const KIND: Record<string, string> = { p: 'primary key', u: 'unique', f: 'foreign key' }
  for (const t of tables) {
    const missing = t.has_column
      ? [...new Set(keys.filter((k) => k.table_name === t.name && !k.has_key).map((k) => KIND[k.kind]!))].sort()
      : ['no stichting_id']
    if (missing.length) out[t.name] = missing
  }
  return out
}

describeEachDriver('keys for distribution by stichting', (getDb) => {
  it('lists the tenant tables whose keys lack stichting_id', async () => {
    const findings = await distributionFindings(getDb().owner)
    const summary = Object.entries(findings).map(([t, m]) => `${t}: ${m.join(', ')}`)
    expect(summary).toEqual(EXPECTED)
  })
})

// Measured on the migrations as they stand: most tables key on their own uuid alone. Before
// distributing, each primary key becomes (stichting_id, id), each foreign key and unique constraint
// gains stichting_id, and the tables without the column (Halt's, the access log's heads and
// checkpoints, the account tables of a user) get it or become reference tables.
const EXPECTED: string[] = [
  'access_log: primary key, unique',
  'access_log_checkpoints: no stichting_id',
  'access_log_digests: no stichting_id',
  'access_log_heads: no stichting_id',
  'admin_audit: foreign key, primary key',
  'api_tokens: no stichting_id',
  'bezwaren: foreign key, primary key',
  'calendar_entries: foreign key, primary key',
  'group_teachers: foreign key, primary key',
  'groups: foreign key, primary key, unique',
  'guardian_invitations: foreign key, primary key',
  'guardian_links: foreign key, primary key',
  'guardians: primary key, unique',
  'halt_appointments: no stichting_id',
  'halt_components: no stichting_id',
  'halt_jims: no stichting_id',
  'halt_notes: no stichting_id',
  'halt_referrals: foreign key, primary key, unique',
  'halt_restorative_steps: no stichting_id',
  'halt_slots: foreign key, primary key',
  'incident_acknowledgements: foreign key, primary key',
  'incident_codes: foreign key, primary key',
  'incident_persons: foreign key, primary key',
  'incident_tasks: foreign key, primary key',
  'incident_versions: foreign key, primary key, unique',
  'incidents: foreign key, primary key, unique',
  'invitation_memberships: foreign key, primary key',
  'invitations: foreign key, primary key',
  'legal_holds: foreign key, primary key',
  'letter_templates: foreign key, primary key',
  'login_failures: no stichting_id',
  'measure_acknowledgements: foreign key, primary key',
  'measure_incidents: foreign key, primary key',
  'measure_letters: foreign key, primary key, unique',
  'measure_tasks: foreign key, primary key',
  'measure_transitions: foreign key, primary key',
  'measures: foreign key, primary key, unique',
  'memberships: foreign key, primary key',
  'mfa_events: no stichting_id',
  'mfa_policies: foreign key',
  'mfa_recovery_codes: no stichting_id',
  'mfa_totp: no stichting_id',
  'outbox: foreign key, primary key',
  'partner_links: foreign key, primary key',
  'partner_organisations: no stichting_id',
  'password_resets: no stichting_id',
  'portal_items: foreign key, primary key',
  'purge_runs: foreign key, primary key',
  // Request-limit buckets (0066), keyed by user or token: a local table on each node.
  'rate_limit_buckets: no stichting_id',
  'removal_hearings: foreign key, primary key',
  'removal_search_attempts: foreign key, primary key',
  'report_case_steps: foreign key, primary key',
  'report_cases: foreign key, primary key, unique',
  'retention_settings: foreign key',
  'school_mandates: foreign key, primary key, unique',
  'school_years: no stichting_id',
  'schools: primary key',
  'sessions: no stichting_id',
  'share_items: foreign key, primary key, unique',
  'share_students: foreign key, primary key',
  'shares: foreign key, primary key, unique',
  'sharing_agreements: foreign key, primary key',
  'sign_in_links: no stichting_id',
  'sso_identities: no stichting_id',
  'sso_providers: primary key',
  'stichting_settings: foreign key',
  'stichtingen: no stichting_id',
  'student_guardians: foreign key, primary key',
  'students: foreign key, primary key, unique',
  'subject_requests: foreign key, primary key',
  'users: no stichting_id',
  'webauthn_challenges: no stichting_id',
  'webauthn_credentials: no stichting_id',
]
