// Sealing in tests: the sealer chains only rows below the oldest transaction running anywhere on the
// database server (other test databases included), so on a shared server a pass can find nothing
// yet. Tests wait for the state instead: seal until no committed row is left unsealed.
import { sql } from 'drizzle-orm'
import { sealAll } from '../../src/access-log-sealer.ts'
import type { AuditSigner } from '../../src/access-log-signing.ts'
import type { Database, Tx } from '../../src/client.ts'
import { rows } from './test-databases.ts'

const WAIT_MS = 30_000

async function unsealed(db: Pick<Database, 'execute'>): Promise<number> {
  return rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from access_log where seq is null`))[0]!.n
}

/** Seals until every committed row is chained; returns how many rows were chained. */
export async function sealUntilDone(db: Database, signer: AuditSigner): Promise<number> {
  const deadline = Date.now() + WAIT_MS
  let total = 0
  for (;;) {
    total += await sealAll(db, signer)
    if ((await unsealed(db)) === 0 || Date.now() > deadline) return total
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The same inside an open transaction (as the owner), with the database's sealing function only. */
export async function sealInTransaction(tx: Tx): Promise<void> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    await tx.execute(sql`select * from access_log_seal(5000)`)
    if ((await unsealed(tx)) === 0 || Date.now() > deadline) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
