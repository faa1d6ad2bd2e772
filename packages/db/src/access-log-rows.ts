// One access-log row per record per request (ADR 040). The reads a request makes in its tenant
// transaction are collected here and written as one insert just before that transaction commits:
// reads of the same record, with the same action and purpose, become one row naming every pupil
// they concerned (student_ids), however many use cases of one loader opened it. The guarantee of
// ADR 008 holds: the rows are written in the read's own transaction, so a read whose row cannot be
// written is rolled back with it and nothing unlogged is answered.
//
// withTenant (context.ts) opens a collection for its transaction; a transaction without one (a
// script, a test calling a domain function in a bare transaction) inserts at once, still merged
// per call.
import { sql, type SQL } from 'drizzle-orm'
import type { Tx } from './client.ts'
import { accessLog } from './schema.ts'

/**
 * A row as recordAccesses builds it (chain, time, xid and the seal are stamped later); the actor's
 * name may be read inside the insert.
 */
export type AccessLogInsert = Omit<typeof accessLog.$inferInsert, 'userName'> & { userName: string | SQL<string> }

/** What makes two reads the same look: everything but the pupils. */
function lookKey(r: AccessLogInsert): string {
  return JSON.stringify([
    r.stichtingId,
    r.schoolId ?? null,
    r.partnerId ?? null,
    r.userId,
    r.role,
    r.action,
    r.subjectType,
    r.subjectId ?? null,
    r.reason ?? null,
    r.breakGlass ?? false,
  ])
}

function pupilsOf(r: AccessLogInsert): string[] {
  return [...(r.studentIds ?? []), ...(r.studentId ? [r.studentId] : [])]
}

/**
 * Merges reads of the same look into one row with the union of their pupils, sorted, in the order
 * the looks were first made; student_id is folded into student_ids. Pure.
 */
export function mergeAccessRows(rows: readonly AccessLogInsert[]): AccessLogInsert[] {
  const merged = new Map<string, { row: AccessLogInsert; pupils: Set<string> }>()
  for (const r of rows) {
    const key = lookKey(r)
    const seen = merged.get(key)
    if (seen) for (const p of pupilsOf(r)) seen.pupils.add(p)
    else merged.set(key, { row: r, pupils: new Set(pupilsOf(r)) })
  }
  return [...merged.values()].map(({ row, pupils }) => ({ ...row, studentId: null, studentIds: [...pupils].sort() }))
}

const collections = new WeakMap<Tx, AccessLogInsert[]>()

/** Inserts the rows now, merged (one statement). */
export async function insertAccessRows(tx: Tx, rows: readonly AccessLogInsert[]): Promise<void> {
  if (rows.length === 0) return
  await tx.insert(accessLog).values(mergeAccessRows(rows))
}

/**
 * Logs reads in the caller's transaction: collected until the transaction's end when withTenant
 * opened a collection for it, else inserted at once.
 */
export async function logAccessRows(tx: Tx, rows: readonly AccessLogInsert[]): Promise<void> {
  const pending = collections.get(tx)
  if (pending) pending.push(...rows)
  else await insertAccessRows(tx, rows)
}

/** Writes what was collected so far (withTenant calls it before commit; a reader of its own log rows may call it earlier). */
export async function flushAccessRows(tx: Tx): Promise<void> {
  const pending = collections.get(tx)
  if (!pending?.length) return
  const rows = pending.splice(0)
  await insertAccessRows(tx, rows)
}

/** Runs fn with a collection for tx and writes the collected reads, merged, before returning. */
export async function collectingAccessRows<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  if (collections.has(tx)) return fn()
  collections.set(tx, [])
  try {
    const result = await fn()
    await flushAccessRows(tx)
    return result
  } finally {
    collections.delete(tx)
  }
}

/**
 * The rows that concern a pupil, in either form: student_ids (since migration 0067) or the one
 * student_id of older rows. Uses the GIN index access_log_students_idx.
 */
export function accessLogConcerns(studentId: string): SQL {
  return sql`coalesce(${accessLog.studentIds}, array[${accessLog.studentId}]) @> array[${studentId}::uuid]`
}
