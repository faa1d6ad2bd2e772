// Catalogue queries shared by the isolation and guard suites. Tables are discovered, never listed,
// so a new school-owned table is covered (or flagged) the moment its migration exists.
import { sql } from 'drizzle-orm'
import type { Database, Tx } from '../../src/client.ts'
import { APP_ROLE, BOARD_ROLE } from '../../src/context.ts'
import { rows } from './test-databases.ts'

export interface TenantTable {
  name: string
  /** Has a uuid `id` column (so a copied row can get a fresh primary key). */
  hasUuidId: boolean
  /** Privileges of the app role; without one, Postgres refuses before RLS is even consulted. */
  canInsert: boolean
  canUpdate: boolean
  canDelete: boolean
}

/** Base tables in schema public with the given column (default school_id), as seen by the owner. */
export async function tablesWithColumn(db: Database | Tx, column = 'school_id'): Promise<TenantTable[]> {
  return rows<TenantTable>(
    await db.execute(sql`
      select c.table_name as name,
        exists (select 1 from information_schema.columns i
                where i.table_schema = 'public' and i.table_name = c.table_name
                  and i.column_name = 'id' and i.data_type = 'uuid') as "hasUuidId",
        has_table_privilege(${APP_ROLE}, format('public.%I', c.table_name), 'INSERT') as "canInsert",
        has_table_privilege(${APP_ROLE}, format('public.%I', c.table_name), 'UPDATE') as "canUpdate",
        has_table_privilege(${APP_ROLE}, format('public.%I', c.table_name), 'DELETE') as "canDelete"
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and c.column_name = ${column} and t.table_type = 'BASE TABLE'
      order by 1`),
  )
}

export interface GuardFinding {
  relation: string
  problem: string
}

/**
 * The catalogue guard: every relation in schema public with a school_id or stichting_id column must
 * be a table with ENABLE and FORCE row level security and at least one policy that applies to an
 * application role: PUBLIC (oid 0), baken_app, or baken_board (the board's role, a member of
 * baken_app: a policy for either applies to it, ADR 028). A view over such data must be security_invoker, else it
 * reads with its owner's rights; a materialized view cannot have RLS at all (both only matter when
 * the app role may select from them).
 */
export async function tenantGuardFindings(db: Database | Tx): Promise<GuardFinding[]> {
  const findings = rows<GuardFinding>(
    await db.execute(sql`
      with tenant_relations as (
        select c.oid, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity, c.reloptions
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
          and exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                        and a.attname in ('school_id', 'stichting_id'))
      )
      select relname as relation, problem from (
        select relname, 'row level security not enabled' as problem from tenant_relations
          where relkind in ('r', 'p') and not relrowsecurity
        union all
        select relname, 'row level security not forced' from tenant_relations
          where relkind in ('r', 'p') and not relforcerowsecurity
        union all
        select relname, ${`no policy applies to ${APP_ROLE} or ${BOARD_ROLE}`} from tenant_relations t
          where relkind in ('r', 'p') and not exists (
            select 1 from pg_policy p
            where p.polrelid = t.oid
              and (0::oid = any (p.polroles)
                   or (select oid from pg_roles where rolname = ${APP_ROLE}) = any (p.polroles)
                   or (select oid from pg_roles where rolname = ${BOARD_ROLE}) = any (p.polroles)))
        union all
        select relname, ${`view readable by ${APP_ROLE} is not security_invoker`} from tenant_relations
          where relkind = 'v' and has_table_privilege(${APP_ROLE}, oid, 'SELECT')
            and not exists (select 1 from pg_options_to_table(reloptions) o
                            where o.option_name = 'security_invoker' and o.option_value in ('true', 'on', '1', 'yes'))
        union all
        select relname, ${`materialized view readable by ${APP_ROLE} (no row level security possible)`}
          from tenant_relations
          where relkind = 'm' and has_table_privilege(${APP_ROLE}, oid, 'SELECT')
      ) findings`),
  )
  // Sorted here, not in SQL, so the order does not depend on the database's collation.
  const key = (f: GuardFinding) => `${f.relation}\u0000${f.problem}`
  return findings.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
