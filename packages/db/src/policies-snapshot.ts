// The row-level-security snapshot: the LIVE policies, RLS flags and grants of every table in schema
// public after all migrations ran, read from the catalogue (pg_class, pg_policy) and written as one
// readable SQL file per area to packages/db/policies/. A table's policies are otherwise spread over
// the migrations that created, dropped and recreated them; the snapshot shows the current set.
//
//   pnpm --filter @baken/db policies:snapshot     (migrates a fresh in-memory PGlite, rewrites the files)
//
// The db test policies-snapshot.db.test.ts renders the same snapshot with the same functions, on
// PGlite and on a Postgres server, and fails when the committed files differ.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { sql } from 'drizzle-orm'
import { type Database, type Tx, openDatabase } from './client.ts'
import { runMigrations } from './migrate.ts'
import { resultRows } from './result-rows.ts'

export const policiesFolder = fileURLToPath(new URL('../policies', import.meta.url))

export const REGENERATE_COMMAND = 'pnpm --filter @baken/db policies:snapshot'

/** Stands in for the role that ran the migrations (and owns every table): owner_all policies name it. */
export const OWNER_PLACEHOLDER = 'CURRENT_USER'

export interface SnapshotPolicy {
  name: string
  permissive: boolean
  /** SELECT, INSERT, UPDATE, DELETE or ALL. */
  command: string
  /** Role names, sorted; the table owner as OWNER_PLACEHOLDER, oid 0 as PUBLIC. */
  roles: string[]
  using: string | null
  withCheck: string | null
}

export interface SnapshotGrant {
  grantee: string
  /** Table-level privileges in the order of PRIVILEGE_ORDER. */
  privileges: string[]
  /** Column-level privileges: privilege → sorted column names. */
  columns: Record<string, string[]>
}

export interface SnapshotTable {
  name: string
  /** r table, p partitioned table, v view, m materialized view. */
  kind: 'r' | 'p' | 'v' | 'm'
  rowSecurity: boolean
  forceRowSecurity: boolean
  /** Views only: security_invoker is set. */
  securityInvoker: boolean
  policies: SnapshotPolicy[]
  grants: SnapshotGrant[]
}

const COMMANDS: Record<string, string> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' }
const PRIVILEGE_ORDER = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN']

/** Plain code-point order, independent of the database's collation. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Reads the live RLS state of every table and view in schema public (as the owner: it sees all). */
export async function readPolicyCatalogue(db: Database | Tx): Promise<SnapshotTable[]> {
  const relations = resultRows<{
    oid: number
    name: string
    kind: SnapshotTable['kind']
    rowSecurity: boolean
    forceRowSecurity: boolean
    securityInvoker: boolean
  }>(
    await db.execute(sql`
      select c.oid::int as oid, c.relname as name, c.relkind::text as kind,
        c.relrowsecurity as "rowSecurity", c.relforcerowsecurity as "forceRowSecurity",
        exists (select 1 from pg_options_to_table(c.reloptions) o
                where o.option_name = 'security_invoker' and o.option_value in ('true', 'on', '1', 'yes'))
          as "securityInvoker"
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')`),
  )
  // pg_get_expr(…, true): the pretty form, with fewer parentheses and indented subqueries.
  const policies = resultRows<{ oid: number; name: string; permissive: boolean; cmd: string; roles: string[]; using: string | null; withCheck: string | null }>(
    await db.execute(sql`
      select p.polrelid::int as oid, p.polname as name, p.polpermissive as permissive, p.polcmd::text as cmd,
        array(select case when r = 0 then 'PUBLIC'
                          when r = c.relowner then ${OWNER_PLACEHOLDER}
                          else quote_ident(pg_get_userbyid(r)) end
              from unnest(p.polroles) r)::text[] as roles,
        pg_get_expr(p.polqual, p.polrelid, true) as using,
        pg_get_expr(p.polwithcheck, p.polrelid, true) as "withCheck"
      from pg_policy p
      join pg_class c on c.oid = p.polrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public'`),
  )
  // Privileges granted to anyone but the owner (whose own privileges differ between versions).
  const tableGrants = resultRows<{ oid: number; grantee: string; privilege: string }>(
    await db.execute(sql`
      select c.oid::int as oid,
        case when a.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(a.grantee)) end as grantee,
        a.privilege_type as privilege
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral aclexplode(c.relacl) a
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') and a.grantee <> c.relowner`),
  )
  const columnGrants = resultRows<{ oid: number; grantee: string; privilege: string; column: string }>(
    await db.execute(sql`
      select c.oid::int as oid,
        case when a.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(a.grantee)) end as grantee,
        a.privilege_type as privilege, quote_ident(att.attname) as column
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute att on att.attrelid = c.oid and att.attnum > 0 and not att.attisdropped
      cross join lateral aclexplode(att.attacl) a
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') and a.grantee <> c.relowner`),
  )

  return relations
    .map((rel): SnapshotTable => {
      const grants = new Map<string, SnapshotGrant>()
      const grantOf = (grantee: string) => {
        let g = grants.get(grantee)
        if (!g) grants.set(grantee, (g = { grantee, privileges: [], columns: {} }))
        return g
      }
      for (const g of tableGrants.filter((x) => x.oid === rel.oid)) grantOf(g.grantee).privileges.push(g.privilege)
      for (const g of columnGrants.filter((x) => x.oid === rel.oid)) {
        const columns = (grantOf(g.grantee).columns[g.privilege] ??= [])
        columns.push(g.column)
      }
      for (const g of grants.values()) {
        g.privileges.sort((a, b) => privilegeRank(a) - privilegeRank(b) || compare(a, b))
        for (const columns of Object.values(g.columns)) columns.sort(compare)
      }
      return {
        name: rel.name,
        kind: rel.kind,
        rowSecurity: rel.rowSecurity,
        forceRowSecurity: rel.forceRowSecurity,
        securityInvoker: rel.securityInvoker,
        policies: policies
          .filter((p) => p.oid === rel.oid)
          .map((p) => ({
            name: p.name,
            permissive: p.permissive,
            command: COMMANDS[p.cmd] ?? p.cmd,
            roles: [...p.roles].sort(compare),
            using: p.using,
            withCheck: p.withCheck,
          }))
          .sort((a, b) => compare(a.name, b.name)),
        grants: [...grants.values()].sort((a, b) => compare(a.grantee, b.grantee)),
      }
    })
    .sort((a, b) => compare(a.name, b.name))
}

function privilegeRank(privilege: string): number {
  const i = PRIVILEGE_ORDER.indexOf(privilege)
  return i === -1 ? PRIVILEGE_ORDER.length : i
}

/**
 * Areas by table name, first match wins; a table no rule claims lands in FALLBACK_AREA, so none is
 * ever left out of the snapshot.
 */
export const AREAS: { area: string; tables: RegExp }[] = [
  { area: 'auth', tables: /^(users|sessions|api_tokens|login_failures|rate_limit_buckets|mfa_[a-z_]+|webauthn_[a-z_]+)$/ },
  { area: 'accounts', tables: /^(admin_audit|invitation|password_reset|sign_in_link)/ },
  {
    area: 'tenants',
    tables: /^(stichtingen|schools|school_years|school_mandates|stichting_settings|partner_organisations|partner_links|memberships)$/,
  },
  { area: 'students', tables: /^(students|guardians|student_guardians|groups|group_teachers)$/ },
  { area: 'portal', tables: /^(guardian_links|guardian_invitations|portal_items|measure_acknowledgements)$/ },
  { area: 'incidents', tables: /^(incident|board_incident_)/ },
  { area: 'measures', tables: /^(measure|bezwar|letter_|removal_)/ },
  { area: 'sharing', tables: /^(share|sharing_)/ },
  { area: 'privacy', tables: /^(access_log|subject_requests|retention_|legal_holds|purge_)/ },
  { area: 'halt', tables: /^halt_/ },
  { area: 'reporting', tables: /^report_/ },
  { area: 'calendar', tables: /^calendar_/ },
  { area: 'mail', tables: /^(outbox|mail)/ },
  { area: 'sso', tables: /^sso_/ },
]
export const FALLBACK_AREA = 'other'

export function areaOf(table: string): string {
  return AREAS.find((a) => a.tables.test(table))?.area ?? FALLBACK_AREA
}

/** The line that opens a table's section in a snapshot file (diffSnapshots splits on it). */
export const TABLE_MARKER = '-- Table '
const RULE = `-- ${'-'.repeat(97)}`

/** File name → content, for every area that has at least one table. Pure and deterministic. */
export function renderPolicySnapshot(tables: SnapshotTable[]): Map<string, string> {
  const byArea = new Map<string, SnapshotTable[]>()
  for (const t of [...tables].sort((a, b) => compare(a.name, b.name))) {
    const area = areaOf(t.name)
    byArea.set(area, [...(byArea.get(area) ?? []), t])
  }
  const files = new Map<string, string>()
  for (const area of [...byArea.keys()].sort(compare)) {
    const sections = byArea.get(area)!.map(renderTable)
    files.set(`${area}.sql`, `${header(area)}\n${sections.join('\n')}`)
  }
  return files
}

function header(area: string): string {
  return [
    `-- GENERATED FILE - do not edit. Row-level security of the "${area}" tables as it stands after`,
    '-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.',
    '-- To change a policy, write a migration; then regenerate this folder with:',
    `--   ${REGENERATE_COMMAND}`,
    '-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.',
    `-- ${OWNER_PLACEHOLDER} in a policy stands for the role that ran the migrations and owns the tables.`,
    '',
  ].join('\n')
}

function renderTable(t: SnapshotTable): string {
  const lines = [RULE, `${TABLE_MARKER}${t.name}${t.kind === 'v' ? ' (view)' : t.kind === 'm' ? ' (materialized view)' : ''}`, RULE]
  const name = quoteIdent(t.name)
  if (t.kind === 'v') {
    lines.push(t.securityInvoker ? `-- security_invoker: reads with the caller's rights (and RLS)` : `-- NOT security_invoker: reads with its owner's rights`)
  } else if (t.kind === 'm') {
    lines.push('-- a materialized view cannot have row level security')
  } else {
    lines.push(t.rowSecurity ? `ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;` : '-- row level security NOT enabled')
    lines.push(t.forceRowSecurity ? `ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;` : '-- row level security NOT forced (the owner bypasses it)')
  }
  if (t.grants.length === 0) lines.push('-- no grants to other roles')
  for (const g of t.grants) {
    if (g.privileges.length > 0) lines.push(`GRANT ${g.privileges.join(', ')} ON ${name} TO ${g.grantee};`)
    for (const privilege of Object.keys(g.columns).sort((a, b) => privilegeRank(a) - privilegeRank(b))) {
      lines.push(`GRANT ${privilege} (${g.columns[privilege]!.join(', ')}) ON ${name} TO ${g.grantee};`)
    }
  }
  if (t.policies.length === 0 && t.kind !== 'v' && t.kind !== 'm') lines.push('-- no policies')
  for (const p of t.policies) {
    const statement = [
      `CREATE POLICY ${quoteIdent(p.name)} ON ${name} AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${p.command} TO ${p.roles.join(', ')}`,
    ]
    if (p.using !== null) statement.push(clause('USING', p.using))
    if (p.withCheck !== null) statement.push(clause('WITH CHECK', p.withCheck))
    lines.push('', `${statement.join('\n')};`)
  }
  return `${lines.join('\n')}\n`
}

const MAX_INLINE = 96

function clause(keyword: string, expression: string): string {
  const inline = `  ${keyword} (${expression})`
  if (!expression.includes('\n') && inline.length <= MAX_INLINE) return inline
  return `  ${keyword} (\n${formatExpression(expression, 4)}\n  )`
}

/**
 * Lays out an expression as pg_get_expr printed it, one top-level operand a line: split at OR when
 * the expression has a top-level OR (it binds loosest), else at AND; operands that are themselves
 * long are split the same way, one level deeper (inside their parentheses, or below their first
 * operand when they are an AND chain within an OR). Only whitespace changes.
 */
export function formatExpression(expression: string, indent: number): string {
  const pad = ' '.repeat(indent)
  const reindent = (text: string, by: string) => text.split('\n').map((l, i) => (i === 0 ? l : by + l)).join('\n')
  const [operator, operands] = operandsOf(expression)
  if (operands.length === 1) return pad + reindent(expression, pad)
  return operands
    .map((operand, i) => {
      const prefix = i === 0 ? '' : `${operator} `
      const inner = wholeParenthesised(operand)
      const long = operand.includes('\n') || pad.length + prefix.length + operand.length > MAX_INLINE
      if (inner !== null && long && operandsOf(inner)[1].length > 1) {
        return `${pad}${prefix}(\n${formatExpression(inner, indent + 2)}\n${pad})`
      }
      // An AND chain inside an OR: its own operands a line each, indented below the first.
      if (inner === null && long && operandsOf(operand)[1].length > 1) {
        return pad + prefix + formatExpression(operand, indent + prefix.length + 2).trimStart()
      }
      return pad + prefix + reindent(operand, pad + ' '.repeat(prefix.length))
    })
    .join('\n')
}

/** The top-level operator to split at (OR binds loosest) and the operands; one operand when neither. */
function operandsOf(expression: string): ['OR' | 'AND', string[]] {
  const or = splitTopLevel(expression, 'OR')
  return or.length > 1 ? ['OR', or] : ['AND', splitTopLevel(expression, 'AND')]
}

/** Operands of `operator` at parenthesis depth 0, outside quotes; [expression] when there is none. */
function splitTopLevel(expression: string, operator: 'AND' | 'OR'): string[] {
  const parts: string[] = []
  let depth = 0
  let quote: string | null = null
  let start = 0
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i]!
    if (quote) {
      if (ch === quote) quote = null
      continue
    }
    if (ch === "'" || ch === '"') quote = ch
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (depth === 0 && /\s/.test(ch)) {
      const match = new RegExp(`^\\s${operator}\\s`).exec(expression.slice(i, i + operator.length + 2))
      if (match) {
        parts.push(expression.slice(start, i).trim())
        start = i + match[0].length
        i = start - 1
      }
    }
  }
  parts.push(expression.slice(start).trim())
  return parts
}

/** The inside of `( … )` when the first parenthesis closes at the very end, else null. */
function wholeParenthesised(expression: string): string | null {
  if (!expression.startsWith('(') || !expression.endsWith(')')) return null
  let depth = 0
  let quote: string | null = null
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i]!
    if (quote) {
      if (ch === quote) quote = null
      continue
    }
    if (ch === "'" || ch === '"') quote = ch
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0 && i < expression.length - 1) return null
  }
  return expression.slice(1, -1).trim()
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`
}

/** The committed snapshot: file name → content of every .sql file in the folder. */
export function readCommittedSnapshot(folder: string = policiesFolder): Map<string, string> {
  const files = new Map<string, string>()
  let names: string[] = []
  try {
    names = readdirSync(folder)
  } catch {
    return files
  }
  for (const name of names.filter((n) => n.endsWith('.sql')).sort(compare)) {
    files.set(name, readFileSync(join(folder, name), 'utf8'))
  }
  return files
}

/** The sections of a snapshot file, keyed by table name ('(header)' for the text before the first). */
function sectionsOf(content: string): Map<string, string> {
  const sections = new Map<string, string>()
  let key = '(header)'
  let current: string[] = []
  const lines = content.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    // A section starts at the rule line before its marker.
    if (line === RULE && lines[i + 1]?.startsWith(TABLE_MARKER)) {
      sections.set(key, current.join('\n'))
      key = lines[i + 1]!.slice(TABLE_MARKER.length).replace(/ \(.*\)$/, '')
      current = []
    }
    current.push(line)
  }
  sections.set(key, current.join('\n'))
  return sections
}

/** Which policies (or the RLS flags and grants) of one table section differ, as " (…)". */
function changedParts(before: string, after: string): string {
  const parts = (section: string) => {
    const map = new Map<string, string>()
    for (const chunk of section.split('\n\n')) {
      const policy = /^CREATE POLICY (\S+)/.exec(chunk)?.[1]
      const key = policy ? `policy ${policy}` : 'RLS flags or grants'
      map.set(key, `${map.get(key) ?? ''}${chunk}\n`)
    }
    return map
  }
  const a = parts(before)
  const b = parts(after)
  const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort(compare)
  return changed.length > 0 ? ` (${changed.join(', ')})` : ''
}

/**
 * What differs between the committed files and a fresh rendering, one line per file or table:
 * empty when they agree.
 */
export function diffSnapshots(committed: Map<string, string>, rendered: Map<string, string>): string[] {
  const differences: string[] = []
  const names = [...new Set([...committed.keys(), ...rendered.keys()])].sort(compare)
  for (const name of names) {
    const file = `packages/db/policies/${name}`
    const was = committed.get(name)
    const is = rendered.get(name)
    if (was === is) continue
    if (was === undefined) {
      differences.push(`${file}: missing (tables ${[...sectionsOf(is!).keys()].filter((k) => k !== '(header)').join(', ')})`)
      continue
    }
    if (is === undefined) {
      differences.push(`${file}: no longer produced (its tables moved or are gone)`)
      continue
    }
    const before = sectionsOf(was)
    const after = sectionsOf(is)
    const keys = [...new Set([...before.keys(), ...after.keys()])]
    const changed = keys.filter((k) => before.get(k) !== after.get(k))
    for (const key of changed) {
      const what = !before.has(key) ? 'not in the committed file' : !after.has(key) ? 'no longer in this area' : 'differs'
      const detail = what === 'differs' ? changedParts(before.get(key)!, after.get(key)!) : ''
      differences.push(key === '(header)' ? `${file}: the header differs` : `${file}: table ${key} ${what}${detail}`)
    }
    if (changed.length === 0) differences.push(`${file}: differs`)
  }
  return differences
}

/** Migrates a fresh in-memory PGlite and renders its snapshot. */
export async function renderFreshSnapshot(): Promise<Map<string, string>> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' })
  try {
    await runMigrations(handle)
    return renderPolicySnapshot(await readPolicyCatalogue(handle.db))
  } finally {
    await handle.close()
  }
}

/** Rewrites the folder's .sql files (and removes any the snapshot no longer produces). */
export function writeSnapshot(files: Map<string, string>, folder: string = policiesFolder): void {
  mkdirSync(folder, { recursive: true })
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.sql') && !files.has(name)) rmSync(join(folder, name))
  }
  for (const [name, content] of files) writeFileSync(join(folder, name), content)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await renderFreshSnapshot()
  writeSnapshot(files)
  console.log(`Policy snapshot written: ${[...files.keys()].map((f) => `policies/${f}`).join(', ')}`)
}
