// A token bucket held in Postgres (rate_limit_take, migration 0066): every web process counts the
// same bucket, and a restart forgets nothing.
import { sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { withContext } from './context.ts'
import { resultRows } from './result-rows.ts'

/**
 * Takes one token from bucket `key` (refilled at perMinute, holding at most burst), in a
 * transaction as the application role for the user. Answers the seconds to wait when the bucket is
 * empty, or 0 when the request may go ahead.
 */
export async function takeRateLimit(db: Database, userId: string, key: string, limit: { burst: number; perMinute: number }): Promise<number> {
  const wait = await withContext(db, { userId }, async (tx) => {
    const result = await tx.execute(sql`select rate_limit_take(${key}, ${limit.burst}::integer, ${limit.perMinute}::double precision) as wait`)
    return Number(resultRows<{ wait: number | string }>(result)[0]!.wait)
  })
  return wait > 0 ? Math.max(1, Math.ceil(wait)) : 0
}
