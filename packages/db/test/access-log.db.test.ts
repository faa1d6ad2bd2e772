// The access log at the database level (migrations 0019, 0040, 0041): append-only for the application
// role, readable only by the privacyfunctionaris of the stichting, plain rows chained per stichting
// by the sealer after commit (also under concurrent inserts), signed checkpoints, and the verifier
// finds the first broken link after tampering.
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { sealAll } from '../src/access-log-sealer.ts'
import { generatedSigner } from '../src/access-log-signing.ts'
import { canonicalText, chainHash, formatReport, verifyAccessLog, verifyChain, type RawLogRow } from '../src/access-log-verify.ts'
import type { Database, Tx } from '../src/client.ts'
import { withContext } from '../src/context.ts'
import { DEMO_BREAK_GLASS_REASON, seedDemoAccessLog } from '../src/demo-access-log.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { sealInTransaction, sealUntilDone } from './support/seal.ts'
import { attempt, describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

type Ctx = ReturnType<DemoFixture['contextOf']>

/** Inserts one log row as the app role in the given context (the trigger stamps it; the sealer chains it). */
function insertRow(tx: Tx, ctx: Ctx, over: Partial<Record<'userId' | 'role' | 'stichtingId' | 'schoolId' | 'partnerId' | 'subjectId' | 'studentId' | 'reason', string | null>> & { action?: string; breakGlass?: boolean } = {}) {
  const v = { ...ctx, subjectId: null, studentId: null, reason: null, ...over }
  return tx.execute(sql`insert into access_log (chain_key, user_id, user_name, role, stichting_id, school_id, partner_id,
      action, subject_type, subject_id, student_id, reason, break_glass)
    values (${v.stichtingId}::uuid, ${v.userId}::uuid, 'Test', ${v.role}::role, ${v.stichtingId}::uuid, ${v.schoolId}::uuid, ${v.partnerId}::uuid,
      ${over.action ?? 'read'}, 'incident', ${v.subjectId}::uuid, ${v.studentId}::uuid, ${v.reason}, ${over.breakGlass ?? false})`)
}

function as<T>(db: Database, ctx: Ctx, fn: (tx: Tx) => Promise<T>) {
  return withContext(db, ctx, fn)
}

async function count(db: Pick<Database, 'execute'>, where = sql`true`): Promise<number> {
  const [r] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from access_log where ${where}`))
  return r!.n
}

const signer = generatedSigner()
const verifyKey = signer.publicKey

describeEachDriver('access log (migrations 0019, 0040, 0041)', (getDb, driver) => {
  let f: DemoFixture
  let confidentialId: string
  const seal = () => sealUntilDone(getDb().owner, signer)
  const verify = (db: Pick<Database, 'execute'> = getDb().owner) => verifyAccessLog(db, { verifyKey })

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    // The demo's break-glass opening at De Branding (the lead wires it into demo-seed; seeded here if not).
    if ((await count(owner, sql`break_glass`)) === 0) {
      await owner.transaction((tx) =>
        seedDemoAccessLog(tx, {
          school: { id: f.schools.branding, stichtingId: f.stichtingen.kompas },
          directeurId: f.users['directeur@branding.demo']!,
          ibId: f.users['ib@branding.demo']!,
        }),
      )
    }
    const [c] = rows<{ id: string }>(
      await owner.execute(sql`select id from incidents where school_id = ${f.schools.branding} and confidential and status = 'submitted' order by occurred_at desc limit 1`),
    )
    confidentialId = c!.id
    await seal()
  })

  it('the demo log holds a break-glass opening of a confidential case at De Branding, chained intact', async () => {
    const { owner } = getDb()
    const [bg] = rows<{ subject_id: string; reason: string; role: string; school_id: string }>(
      await owner.execute(sql`select subject_id::text, reason, role::text, school_id::text from access_log where action = 'break_glass' order by seq limit 1`),
    )
    expect(bg).toMatchObject({ subject_id: confidentialId, reason: DEMO_BREAK_GLASS_REASON, role: 'directeur', school_id: f.schools.branding })
    expect((await verify()).ok).toBe(true)
  })

  it('the app role inserts a plain row as itself; the sealer numbers and hashes it onto the chain after commit', async () => {
    const { app, owner } = getDb()
    const ctx = f.contextOf('ib@branding.demo')
    const before = await count(owner, sql`chain_key = ${f.stichtingen.kompas}`)
    await as(app, ctx, (tx) => insertRow(tx, ctx, { subjectId: confidentialId }))
    const [plain] = rows<{ seq: string | null; hash: string | null; xid: string | null }>(
      await owner.execute(sql`select seq, hash, xid::text as xid from access_log where chain_key = ${f.stichtingen.kompas} order by id desc limit 1`),
    )
    expect(plain).toMatchObject({ seq: null, hash: null })
    expect(plain!.xid).toMatch(/^\d+$/)
    expect(await seal()).toBe(1)
    const [last, prev] = rows<{ seq: string; prev_hash: string; hash: string; user_id: string }>(
      await owner.execute(sql`select seq, prev_hash, hash, user_id::text from access_log where chain_key = ${f.stichtingen.kompas} order by seq desc limit 2`),
    )
    expect(Number(last!.seq)).toBe(before + 1)
    expect(last!.prev_hash).toBe(prev!.hash)
    expect(last!.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(last!.user_id).toBe(ctx.userId)
  })

  it('the app role cannot insert as someone else, for another stichting or school, or in another role', async () => {
    const { app } = getDb()
    const ctx = f.contextOf('ib@branding.demo')
    const refused = async (over: Parameters<typeof insertRow>[2]) => {
      const r = await attempt(() => as(app, ctx, (tx) => insertRow(tx, ctx, over)))
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('42501')
    }
    await refused({ userId: f.users['directeur@branding.demo']! })
    await refused({ stichtingId: f.stichtingen.horizon })
    await refused({ schoolId: f.schools.lyceum })
    await refused({ role: 'directeur' })
    await refused({ partnerId: f.partners.wijkteam })
  })

  it('a partner logs into the chain of a stichting it works with (partner_links), and no other', async () => {
    const { app } = getDb()
    const ctx = f.contextOf('politie@wijkteam.demo')
    // Wijkteam Centrum works with Kompas schools (De Branding, the Lyceum): its reads join Kompas' chain.
    const kompas = await attempt(() => as(app, ctx, (tx) => insertRow(tx, ctx, { stichtingId: f.stichtingen.kompas, schoolId: null })))
    expect(kompas.ok).toBe(true)
    // Not Horizon's, which never shared with it.
    const horizon = await attempt(() => as(app, ctx, (tx) => insertRow(tx, ctx, { stichtingId: f.stichtingen.horizon, schoolId: null })))
    expect(horizon.ok).toBe(false)
    if (!horizon.ok) expect(horizon.error.code).toBe('42501')
  })

  it('nobody changes or removes log rows: UPDATE, DELETE and TRUNCATE fail, also for the privacyfunctionaris', async () => {
    const { app, owner } = getDb()
    for (const email of ['directeur@branding.demo', 'privacy@kompas.demo']) {
      const ctx = f.contextOf(email)
      for (const statement of [
        sql`update access_log set reason = 'weg' where true`,
        sql`delete from access_log where true`,
        sql`truncate access_log`,
        sql`update access_log_heads set seq = 0`,
      ]) {
        const r = await attempt(() => as(app, ctx, (tx) => tx.execute(statement)))
        expect(r.ok, `${email}: ${JSON.stringify(statement)}`).toBe(false)
        if (!r.ok) expect(r.error.code).toBe('42501')
      }
    }
    // Even the owner is stopped by the append-only trigger (only disabling it, as tampering would, gets past).
    for (const statement of [sql`update access_log set reason = 'weg' where true`, sql`delete from access_log where true`, sql`truncate access_log`]) {
      const r = await attempt(() => inRolledBackTransaction(owner, (tx) => tx.execute(statement)))
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.message).toMatch(/append-only/)
    }
    expect(await count(owner)).toBeGreaterThan(0)
  })

  it('the app role can neither read nor write the chain heads', async () => {
    const { app } = getDb()
    for (const email of ['directeur@branding.demo', 'privacy@kompas.demo']) {
      const ctx = f.contextOf(email)
      for (const statement of [
        sql`select * from access_log_heads`,
        sql`insert into access_log_heads (chain_key, seq, hash) values (${f.stichtingen.kompas}, 0, 'x')`,
        sql`update access_log_heads set seq = 0`,
        sql`delete from access_log_heads`,
      ]) {
        const r = await attempt(() => as(app, ctx, (tx) => tx.execute(statement)))
        expect(r.ok).toBe(false)
        if (!r.ok) expect(r.error.code).toBe('42501')
      }
    }
  })

  it('only the privacyfunctionaris reads the log, and only the own stichting’s rows', async () => {
    const { app, owner } = getDb()
    // A Horizon row, so there is something of another stichting to hide.
    const horizon = f.contextOf('directeur@horizon.demo')
    await as(app, horizon, (tx) => insertRow(tx, horizon))
    expect(await count(owner, sql`stichting_id = ${f.stichtingen.horizon}`)).toBeGreaterThan(0)
    for (const email of ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo', 'vertrouwenspersoon@branding.demo', 'bestuur@kompas.demo', 'beheer@kompas.demo', 'directeur@horizon.demo', 'bestuur@horizon.demo']) {
      expect(await as(app, f.contextOf(email), (tx) => count(tx)), email).toBe(0)
    }
    const fg = f.contextOf('privacy@kompas.demo')
    const seen = await as(app, fg, (tx) => count(tx))
    expect(seen).toBe(await count(owner, sql`stichting_id = ${f.stichtingen.kompas}`))
    expect(await as(app, fg, (tx) => count(tx, sql`stichting_id <> ${f.stichtingen.kompas}`))).toBe(0)
  })

  it('a break-glass reason opens only that record, for that user and role, for a short time', async () => {
    const { app } = getDb()
    const dir = f.contextOf('directeur@branding.demo')
    const reasonFor = (ctx: Ctx, id: string) =>
      as(app, ctx, async (tx) => rows<{ r: string | null }>(await tx.execute(sql`select access_log_break_glass_reason('incident', ${id}::uuid) as r`))[0]!.r)
    const other = crypto.randomUUID()
    const target = crypto.randomUUID()
    expect(await reasonFor(dir, target)).toBeNull()
    await as(app, dir, (tx) => insertRow(tx, dir, { subjectId: target, action: 'break_glass', breakGlass: true, reason: 'Gesprek met ouders voorbereiden' }))
    expect(await reasonFor(dir, target)).toBe('Gesprek met ouders voorbereiden')
    expect(await reasonFor(dir, other)).toBeNull()
    expect(await reasonFor(f.contextOf('ib@branding.demo'), target)).toBeNull()
    expect(await reasonFor(f.contextOf('vertrouwenspersoon@branding.demo'), target)).toBeNull()
  })

  it('concurrent inserts into one chain are numbered one after another without gaps', async () => {
    const { app, owner } = getDb()
    const before = await count(owner, sql`chain_key = ${f.stichtingen.kompas}`)
    const writers = ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo', 'directeur@lyceum.demo']
    const perWriter = 15
    await Promise.all(
      writers.map(async (email) => {
        const ctx = f.contextOf(email)
        for (let i = 0; i < perWriter; i++) {
          await as(app, ctx, async (tx) => {
            await insertRow(tx, ctx)
            // Keep the transaction open a moment, so the others' transactions overlap it.
            await tx.execute(sql`select pg_sleep(0.002)`)
            await insertRow(tx, ctx)
          })
        }
      }),
    )
    await seal()
    const seqs = rows<{ seq: string }>(await owner.execute(sql`select seq from access_log where chain_key = ${f.stichtingen.kompas} order by seq`)).map((r) => Number(r.seq))
    expect(seqs.length).toBe(before + writers.length * perWriter * 2)
    expect(seqs).toEqual(seqs.map((_, i) => i + 1))
    const report = await verify()
    expect(report.ok, formatReport(report)).toBe(true)
    if (driver.kind === 'postgres') {
      // Two separate connections really ran at once (the app pool has several).
      expect(getDb().separateLoginRole).toBe(true)
    }
  })

  describe('the verifier', () => {
    it('passes on an intact log and reports each chain', async () => {
      const report = await verify()
      expect(report.ok, formatReport(report)).toBe(true)
      expect(report.chains.map((c) => c.chainKey)).toContain(f.stichtingen.kompas)
      expect(formatReport(report)).toMatch(/^OK/m)
    })

    it('reports the first broken link after the owner edits a row (trigger disabled to tamper)', async () => {
      const { owner } = getDb()
      const report = await inRolledBackTransaction(owner, async (tx) => {
        await tx.execute(sql`alter table access_log disable trigger access_log_append_only`)
        await tx.execute(sql`update access_log set reason = 'onschuldig' where chain_key = ${f.stichtingen.kompas} and seq in (3, 5)`)
        await tx.execute(sql`alter table access_log enable trigger access_log_append_only`)
        return verify(tx)
      })
      expect(report.ok).toBe(false)
      const kompas = report.chains.find((c) => c.chainKey === f.stichtingen.kompas)!
      expect(kompas.firstBreak).toMatchObject({ kind: 'hash', seq: 3 })
      expect(report.chains.find((c) => c.chainKey === f.stichtingen.horizon)!.ok).toBe(true)
      expect(formatReport(report)).toMatch(/GEBROKEN keten .*volgnummer 3/)
      // Rolled back: intact again.
      expect((await verify()).ok).toBe(true)
    })

    it('reports a gap after a row is deleted, and a cut-off end through the chain head', async () => {
      const { owner } = getDb()
      const [middle, end] = await inRolledBackTransaction(owner, async (tx) => {
        await tx.execute(sql`alter table access_log disable trigger access_log_append_only`)
        await tx.execute(sql`delete from access_log where chain_key = ${f.stichtingen.kompas} and seq = 4`)
        const a = await verify(tx)
        await tx.execute(sql`delete from access_log where chain_key = ${f.stichtingen.horizon} and seq = (select max(seq) from access_log where chain_key = ${f.stichtingen.horizon})`)
        const b = await verify(tx)
        return [a, b]
      })
      expect(middle.chains.find((c) => c.chainKey === f.stichtingen.kompas)!.firstBreak).toMatchObject({ kind: 'seq_gap', seq: 5, expected: '4', found: '5' })
      // The cut-off end is caught by the signed checkpoint of the last row before the head check.
      expect(end.chains.find((c) => c.chainKey === f.stichtingen.horizon)!.firstBreak).toMatchObject({ kind: 'checkpoint' })
    })

    it('catches a rewritten history even when the owner recomputes the chain and its head: the checkpoint signature', async () => {
      const { owner } = getDb()
      const report = await inRolledBackTransaction(owner, async (tx) => {
        // The owner cuts the last row off and rewinds the head, then rewrites the checkpoint to match.
        const [last] = rows<{ seq: string; prev_hash: string }>(
          await tx.execute(sql`select seq, prev_hash from access_log where chain_key = ${f.stichtingen.horizon} and seq is not null order by seq desc limit 1`),
        )
        await tx.execute(sql`alter table access_log disable trigger access_log_append_only`)
        await tx.execute(sql`alter table access_log_checkpoints disable trigger access_log_checkpoints_append_only`)
        await tx.execute(sql`delete from access_log where chain_key = ${f.stichtingen.horizon} and seq = ${Number(last!.seq)}`)
        await tx.execute(sql`update access_log_heads set seq = seq - 1, hash = ${last!.prev_hash} where chain_key = ${f.stichtingen.horizon}`)
        await tx.execute(sql`update access_log_checkpoints set seq = seq - 1, hash = ${last!.prev_hash}
          where chain_key = ${f.stichtingen.horizon} and seq = ${Number(last!.seq)}`)
        await tx.execute(sql`delete from access_log_checkpoints where chain_key = ${f.stichtingen.horizon} and seq = ${Number(last!.seq) - 1} and hash = ${last!.prev_hash}
          and id <> (select max(id) from access_log_checkpoints where chain_key = ${f.stichtingen.horizon})`)
        return verify(tx)
      })
      expect(report.chains.find((c) => c.chainKey === f.stichtingen.horizon)!.firstBreak).toMatchObject({ kind: 'signature' })
      expect(formatReport(report)).toMatch(/handtekening van controlepunt/)
    })

    it('refuses checkpoints signed with another key, and says when it had no key to check with', async () => {
      const { owner } = getDb()
      const other = await verifyAccessLog(owner, { verifyKey: generatedSigner().publicKey })
      expect(other.ok).toBe(false)
      expect(other.chains.find((c) => c.chainKey === f.stichtingen.kompas)!.firstBreak).toMatchObject({ kind: 'signature' })
      const none = await verifyAccessLog(owner)
      expect(none.ok).toBe(true)
      expect(none.signaturesChecked).toBe(false)
      expect(formatReport(none)).toMatch(/handtekeningen van de controlepunten niet gecontroleerd/)
    })

    it('the database accepts a checkpoint only of a sealed row with its hash', async () => {
      const { app } = getDb()
      const r = await attempt(() =>
        app.transaction(async (tx) => {
          await tx.execute(sql`select set_config('role', 'baken_app', true)`)
          await tx.execute(sql`select access_log_add_checkpoint(${f.stichtingen.kompas}::uuid, 1, ${'f'.repeat(64)}, now(), 'x', 'y')`)
        }),
      )
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('23514')
    })

    it('reports a committed row left unsealed longer than the bound, and one out of sealing order', async () => {
      const { app, owner } = getDb()
      const ctx = f.contextOf('directeur@branding.demo')
      await as(app, ctx, (tx) => insertRow(tx, ctx))
      // Within the bound it is fine; with a bound of 0 s it is stale.
      expect((await verifyAccessLog(owner, { verifyKey, maxUnsealedSeconds: 3600 })).ok).toBe(true)
      const stale = await verifyAccessLog(owner, { verifyKey, maxUnsealedSeconds: 0 })
      expect(stale.chains.find((c) => c.chainKey === f.stichtingen.kompas)!.firstBreak).toMatchObject({ kind: 'stale' })
      await seal()
      expect((await verifyAccessLog(owner, { verifyKey, maxUnsealedSeconds: 0 })).ok).toBe(true)
      // A row that appears with a transaction id before rows already chained (what sealing above the
      // horizon would let happen): the stamp trigger is disabled to plant it.
      const late = await inRolledBackTransaction(owner, async (tx) => {
        await tx.execute(sql`alter table access_log disable trigger access_log_stamp`)
        await tx.execute(sql`insert into access_log (chain_key, at, xid, user_id, user_name, role, stichting_id, action, subject_type)
          values (${f.stichtingen.kompas}::uuid, now(), '3'::xid8, ${ctx.userId}::uuid, 'Test', 'directeur', ${f.stichtingen.kompas}::uuid, 'read', 'incident')`)
        return verify(tx)
      })
      expect(late.chains.find((c) => c.chainKey === f.stichtingen.kompas)!.firstBreak).toMatchObject({ kind: 'late_row' })
    })

    it('catches a tampered hash function: it recomputes in TypeScript, not with the database’s functions', async () => {
      const { owner } = getDb()
      const ctx = f.contextOf('directeur@branding.demo')
      await as(getDb().app, ctx, (tx) => insertRow(tx, ctx))
      const report = await inRolledBackTransaction(owner, async (tx) => {
        await tx.execute(sql`create or replace function access_log_hash(prev text, canonical text) returns text language sql immutable as $$ select md5(canonical) || md5(prev) $$`)
        await sealInTransaction(tx)
        return verify(tx)
      })
      await seal()
      expect(report.chains.find((c) => c.chainKey === f.stichtingen.kompas)!.firstBreak).toMatchObject({ kind: 'hash' })
    })

    it('computes the same canonical text and hash as the database', async () => {
      const { owner } = getDb()
      const [r] = rows<{ id: string; canonical: string; hash: string; prev_hash: string }>(
        await owner.execute(sql`select id, access_log_canonical(l) as canonical, hash, prev_hash from access_log l where chain_key = ${f.stichtingen.kompas} and reason is not null order by seq limit 1`),
      )
      const report = await verify()
      expect(report.ok).toBe(true)
      expect(chainHash(r!.prev_hash, r!.canonical)).toBe(r!.hash)
    })
  })

  // Concurrency needs real connections: PGlite has one, so these exist only in the server variant.
  if (driver.kind === 'postgres') describe('the sealer under concurrency (Postgres server)', () => {
    it('a reader does not wait for another reader’s open transaction, and the sealer waits for it', async () => {
      const { app, owner } = getDb()
      const a = f.contextOf('directeur@branding.demo')
      const b = f.contextOf('ib@branding.demo')
      await seal()
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      let inserted!: () => void
      const insertedA = new Promise<void>((resolve) => (inserted = resolve))
      const first = as(app, a, async (tx) => {
        await insertRow(tx, a, { reason: 'eerst begonnen' })
        inserted()
        await held
      })
      await insertedA
      // B commits while A is still open: with the head lock of ADR 008 this would have waited for A.
      await as(app, b, (tx) => insertRow(tx, b, { reason: 'eerst klaar' }))
      // Neither is chained yet: A is running, and B's transaction began after A's (a larger xid).
      expect(await sealAll(owner, signer)).toBe(0)
      release()
      await first
      expect(await seal()).toBe(2)
      const chained = rows<{ reason: string }>(
        await owner.execute(sql`select reason from access_log where chain_key = ${f.stichtingen.kompas} and reason in ('eerst begonnen', 'eerst klaar') order by seq`),
      ).map((r) => r.reason)
      expect(chained).toEqual(['eerst begonnen', 'eerst klaar'])
    })

    it('many concurrent readers and sealers: every committed row is sealed exactly once, in (xid, id) order', async () => {
      const { app, owner } = getDb()
      const before = await count(owner, sql`chain_key = ${f.stichtingen.kompas}`)
      const emails = ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo', 'directeur@lyceum.demo']
      let done = false
      // Two sealers run the whole time, as two web server processes would.
      const sealers = [0, 1].map(async () => {
        let n = 0
        while (!done) n += await sealAll(owner, signer, { batchSize: 7 })
        return n
      })
      await Promise.all(
        Array.from({ length: 16 }, async (_, w) => {
          const ctx = f.contextOf(emails[w % emails.length]!)
          for (let i = 0; i < 12; i++) {
            await as(app, ctx, async (tx) => {
              await insertRow(tx, ctx)
              if (i % 3 === 0) await tx.execute(sql`select pg_sleep(0.003)`)
              await insertRow(tx, ctx)
            })
          }
          // One rolled-back read: its rows never appear, nothing waits for them.
          await as(app, ctx, async (tx) => {
            await insertRow(tx, ctx)
            throw new Error('rolled back')
          }).catch(() => undefined)
        }),
      ).finally(() => {
        done = true
      })
      const sealedConcurrently = (await Promise.all(sealers)).reduce((a, b) => a + b, 0)
      const rest = await seal()
      expect(sealedConcurrently + rest).toBe(16 * 12 * 2)
      const chain = rows<{ id: string; seq: string; xid: string }>(
        await owner.execute(sql`select id, seq, xid::text as xid from access_log where chain_key = ${f.stichtingen.kompas} order by seq`),
      )
      expect(chain.length).toBe(before + 16 * 12 * 2)
      expect(chain.map((r) => Number(r.seq))).toEqual(chain.map((_, i) => i + 1))
      const ordered = chain.filter((r) => r.xid !== null)
      const sorted = [...ordered].sort((p, q) => (BigInt(p.xid) === BigInt(q.xid) ? Number(p.id) - Number(q.id) : BigInt(p.xid) < BigInt(q.xid) ? -1 : 1))
      expect(ordered.map((r) => r.id)).toEqual(sorted.map((r) => r.id))
      const report = await verifyAccessLog(owner, { verifyKey, maxUnsealedSeconds: 0 })
      expect(report.ok, formatReport(report)).toBe(true)
    }, 120_000)
  })

  it('measures how many inserts per second one stichting chain sustains (printed, not asserted)', async () => {
    const { app } = getDb()
    const ctx = f.contextOf('ib@branding.demo')
    const n = 200
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await as(app, ctx, (tx) => insertRow(tx, ctx))
    const single = n / ((performance.now() - t0) / 1000)
    const t1 = performance.now()
    const writers = 4
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = 0; i < n / writers; i++) await as(app, ctx, (tx) => insertRow(tx, ctx))
      }),
    )
    const parallel = n / ((performance.now() - t1) / 1000)
    const t2 = performance.now()
    await as(app, ctx, async (tx) => {
      for (let i = 0; i < n; i++) await insertRow(tx, ctx)
    })
    const batched = n / ((performance.now() - t2) / 1000)
    console.log(
      `[access-log throughput, ${driver.kind}] one chain: ${single.toFixed(0)} inserts/s (one per transaction), ` +
        `${parallel.toFixed(0)} inserts/s (${writers} concurrent writers), ${batched.toFixed(0)} inserts/s (${n} in one transaction)`,
    )
    expect(single).toBeGreaterThan(0)
  }, 120_000)
})

describe('verifyChain (pure)', () => {
  const key = '11111111-1111-4111-8111-111111111111'
  const make = (n: number): RawLogRow[] => {
    const out: RawLogRow[] = []
    let prev = '0'.repeat(64)
    for (let seq = 1; seq <= n; seq++) {
      const r: RawLogRow = {
        id: seq * 10,
        chainKey: key,
        seq,
        atText: `2026-11-21T10:00:0${seq}.000000Z`,
        userId: '22222222-2222-4222-8222-222222222222',
        userName: 'Anna de Vries',
        role: 'directeur',
        stichtingId: key,
        schoolId: null,
        partnerId: null,
        action: 'read',
        subjectType: 'incident',
        subjectId: null,
        studentId: null,
        reason: seq === 2 ? 'Gesprek' : null,
        breakGlass: seq === 2,
        prevHash: prev,
        hash: '',
      }
      r.hash = chainHash(prev, canonicalText(r))
      prev = r.hash
      out.push(r)
    }
    return out
  }
  it('canonical text is the columns joined by | with empty strings for NULLs', () => {
    expect(canonicalText(make(2)[1]!)).toBe(
      `${key}|2|2026-11-21T10:00:02.000000Z|22222222-2222-4222-8222-222222222222|Anna de Vries|directeur|${key}|||read|incident|||Gesprek|true`,
    )
  })
  it('accepts an intact chain and names the first broken link', async () => {
    const rowsOk = make(5)
    expect((await verifyChain(key, rowsOk, { seq: 5, hash: rowsOk[4]!.hash })).ok).toBe(true)
    const edited = make(5).map((r) => (r.seq === 3 ? { ...r, userName: 'Iemand anders' } : r))
    expect((await verifyChain(key, edited, { seq: 5, hash: edited[4]!.hash })).firstBreak).toMatchObject({ kind: 'hash', seq: 3, id: 30 })
    const relinked = make(5).map((r) => (r.seq === 4 ? { ...r, prevHash: 'f'.repeat(64) } : r))
    expect((await verifyChain(key, relinked, { seq: 5, hash: relinked[4]!.hash })).firstBreak).toMatchObject({ kind: 'prev_hash', seq: 4 })
    const gap = make(5).filter((r) => r.seq !== 2)
    expect((await verifyChain(key, gap, { seq: 5, hash: gap[3]!.hash })).firstBreak).toMatchObject({ kind: 'seq_gap', seq: 3 })
    const cut = make(5).slice(0, 4)
    expect((await verifyChain(key, cut, { seq: 5, hash: rowsOk[4]!.hash })).firstBreak).toMatchObject({ kind: 'head', seq: 4 })
  })
})
