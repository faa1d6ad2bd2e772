// A Postgres server for the HTTP files that need one (TEST_DATABASE_ADMIN_URL, default the local
// trust-auth server): whether it answers, and the warning or failure when it does not.
import postgres from 'postgres'

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** True when the server answers; otherwise warns (the file's tests skip) or, with BAKEN_REQUIRE_PG_SERVER=1, throws. */
export async function pgServerReachable(what: string): Promise<boolean> {
  const sql = postgres(ADMIN_URL, { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    await sql`select 1`
    return true
  } catch {
    const message = `Postgres server not reachable at ${ADMIN_URL}: start one or set TEST_DATABASE_ADMIN_URL`
    if (process.env.BAKEN_REQUIRE_PG_SERVER === '1') throw new Error(message)
    console.warn(`${message}; ${what} are skipped.`)
    return false
  } finally {
    await sql.end({ timeout: 1 })
  }
}

/** The URL of database `name` on the same server as ADMIN_URL. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}
