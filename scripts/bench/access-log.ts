// Access-log throughput on the Postgres server: logged reads of ONE stichting per second with 16
// concurrent readers, before (main's chain trigger, ADR 008: each insert locks the stichting's head
// row until commit) and after (ADR 021: plain inserts, the sealer chains them after commit), in one
// run on one fresh database. Prints chained rows per second for both and the load average.
//
//   node --import tsx scripts/bench/access-log.ts [--readers=16] [--duration=10]
//
// BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be allowed to CREATE
// DATABASE; the scratch database baken_bench_accesslog_<random> is dropped at the end.
import { randomBytes, randomUUID } from 'node:crypto'
import { loadavg } from 'node:os'
import { applyContext, generatedSigner, openDatabase, runMigrations, sealAll, startAccessLogSealer, type Database } from '../../packages/db/src/index.ts'
import { parseArgs } from './common.ts'

const args = parseArgs(process.argv.slice(2))
const READERS = Number(args.readers ?? 16)
const DURATION_S = Number(args.duration ?? 10)
const ADMIN_URL = process.env.BENCH_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

// Main's chain trigger (migration 0019), re-installed for the "before" run. It fires after
// access_log_stamp (triggers of one event fire in name order) and chains the row at insert.
const MAIN_TRIGGER = `
CREATE FUNCTION bench_main_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE head_seq bigint; head_hash text;
BEGIN
  INSERT INTO access_log_heads (chain_key, seq, hash) VALUES (NEW.chain_key, 0, repeat('0', 64)) ON CONFLICT (chain_key) DO NOTHING;
  SELECT seq, hash INTO head_seq, head_hash FROM access_log_heads WHERE chain_key = NEW.chain_key FOR UPDATE;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := access_log_hash(head_hash, access_log_canonical(NEW));
  NEW.sealed_at := now();
  UPDATE access_log_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain_key = NEW.chain_key;
  RETURN NEW;
END $$;
CREATE TRIGGER access_log_zz_main_chain BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION bench_main_chain();`

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ')

interface Ctx {
  userId: string
  stichtingId: string
}

/** 16 readers, each logging one read per transaction as baken_app, for DURATION_S seconds. */
async function readers(db: Database, stichtingId: string): Promise<{ rows: number; seconds: number }> {
  const users: Ctx[] = Array.from({ length: READERS }, () => ({ userId: randomUUID(), stichtingId }))
  const until = performance.now() + DURATION_S * 1000
  const t0 = performance.now()
  const counts = await Promise.all(
    users.map(async (u) => {
      let n = 0
      while (performance.now() < until) {
        await db.transaction(async (tx) => {
          await applyContext(tx, { userId: u.userId, role: 'directeur', stichtingId: u.stichtingId })
          // Literal values only: all three are UUIDs made here.
          await tx.execute(`insert into access_log (chain_key, user_id, user_name, role, stichting_id, action, subject_type, subject_id)
            values ('${u.stichtingId}', '${u.userId}', 'Bench', 'directeur', '${u.stichtingId}', 'read', 'incident', '${randomUUID()}')`)
        })
        n++
      }
      return n
    }),
  )
  return { rows: counts.reduce((a, b) => a + b, 0), seconds: (performance.now() - t0) / 1000 }
}

async function count(db: Database, query: string): Promise<number> {
  const result = (await db.execute(query)) as unknown as { n: number }[]
  return result[0]!.n
}

async function main(): Promise<void> {
  const name = `baken_bench_accesslog_${randomBytes(4).toString('hex')}`
  const admin = await openDatabase({ kind: 'postgres', url: ADMIN_URL, max: 1 })
  await admin.db.execute(`create database ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), max: READERS + 4 })
  try {
    await runMigrations(handle)
    const db = handle.db
    const signer = generatedSigner()
    console.log(`Access log benchmark: ${READERS} concurrent readers, one stichting, ${DURATION_S} s per run, database ${name}`)
    console.log(`load average at start: ${load()}`)

    // Before: main's trigger chains every row at insert, under the head row lock.
    await db.execute(MAIN_TRIGGER)
    const before = await readers(db, randomUUID())
    console.log(`before (chain trigger, ADR 008): ${before.rows} rows chained in ${before.seconds.toFixed(1)} s = ${(before.rows / before.seconds).toFixed(0)} chained rows/s; load ${load()}`)
    await db.execute('drop trigger access_log_zz_main_chain on access_log')

    // After: plain inserts, the web server's sealer (every 2 s) chains them after commit.
    const stichting = randomUUID()
    const t0 = performance.now()
    let sealedDuringReads = 0
    const stop = startAccessLogSealer(() => db, signer, { intervalMs: 2000, onRun: (r) => (sealedDuringReads += r.rows) })
    const after = await readers(db, stichting)
    await stop()
    const readersDone = performance.now()
    // Drain: seal until nothing is left. The horizon is the oldest transaction running anywhere on
    // the server (other databases included), so a long transaction elsewhere delays this.
    let drained = 0
    let unsealed = 0
    for (;;) {
      drained += await sealAll(db, signer)
      unsealed = await count(db, `select count(*)::int as n from access_log where chain_key = '${stichting}' and seq is null`)
      if (unsealed === 0 || performance.now() - readersDone > 60_000) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const seconds = (performance.now() - t0) / 1000
    const drainSeconds = (performance.now() - readersDone) / 1000
    const chained = await count(db, `select count(*)::int as n from access_log where chain_key = '${stichting}' and seq is not null`)
    console.log(
      `after (sealer, ADR 021): ${after.rows} reads in ${after.seconds.toFixed(1)} s = ${(after.rows / after.seconds).toFixed(0)} logged reads/s; ` +
        `${chained} rows chained (${sealedDuringReads} while reading, ${drained} in the ${drainSeconds.toFixed(1)} s after) in ${seconds.toFixed(1)} s = ${(chained / seconds).toFixed(0)} chained rows/s; ${unsealed} left unsealed; load ${load()}`,
    )
    console.log(`signed checkpoints for the chain: ${await count(db, `select count(*)::int as n from access_log_checkpoints where chain_key = '${stichting}'`)}`)
  } finally {
    await handle.close()
    await admin.db.execute(`drop database if exists ${name}`)
    await admin.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
