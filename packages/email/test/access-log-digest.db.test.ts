// The daily access-log digest (ADR 021): each stichting's privacyfunctionaris gets, through the
// outbox, the day's last signed checkpoint once the day is over; once per stichting and day, and the
// signature in the mail verifies with the audit key, so the mail stands on its own outside the database.
import { checkpointMessage, generatedSigner, verifySignature } from '@baken/db'
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { type DemoFixture, loadDemoFixture } from '../../db/test/support/demo-fixture.ts'
import { sealUntilDone } from '../../db/test/support/seal.ts'
import { describeEachDriver, rows } from '../../db/test/support/test-databases.ts'
import { dutchDay, queueAccessLogDigests } from '../src/access-log-digest.ts'
import { localTransport } from '../src/local-transport.ts'
import { processOutbox } from '../src/worker.ts'

/** The day after a YYYY-MM-DD day. Pure. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

describeEachDriver('access log digest', (getDb) => {
  let f: DemoFixture
  const signer = generatedSigner()
  let day: string

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    await sealUntilDone(owner, signer)
    const [c] = rows<{ at: string }>(await owner.execute(sql`select max(at)::text as at from access_log_checkpoints`))
    day = dutchDay(new Date(c!.at))
  })

  it('queues nothing for a day that is not over yet', async () => {
    expect(await queueAccessLogDigests(getDb().app, { before: day })).toEqual({ digests: 0, messages: 0 })
  })

  it('mails the day’s last checkpoint to the privacyfunctionaris of each stichting, once', async () => {
    const { app, owner } = getDb()
    const first = await queueAccessLogDigests(app, { before: nextDay(day) })
    expect(first.digests).toBeGreaterThanOrEqual(1)
    expect(first.messages).toBeGreaterThanOrEqual(1)
    expect(await queueAccessLogDigests(app, { before: nextDay(day) })).toEqual({ digests: 0, messages: 0 })

    const [last] = rows<{ seq: string; hash: string; signature: string; at_text: string; key_id: string }>(
      await owner.execute(sql`select seq, hash, signature, key_id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text
        from access_log_checkpoints where chain_key = ${f.stichtingen.kompas} order by seq desc limit 1`),
    )
    const mails = rows<{ to_address: string; subject: string; text: string; html: string; subject_ref: string }>(
      await owner.execute(sql`select to_address, subject, text, html, subject_ref from outbox where stichting_id = ${f.stichtingen.kompas} and subject_ref = ${`access_log_digest:${day}`}`),
    )
    expect(mails.map((m) => m.to_address)).toEqual(['privacy@kompas.demo'])
    const m = mails[0]!
    expect(m.subject).toMatch(new RegExp(`^Toegangslog .*Kompas.*: controlepunt van ${day}$`))
    expect(m.text).toContain(`Aantal rijen in de keten: ${Number(last!.seq)}`)
    expect(m.text).toContain(`Hash van de keten: ${last!.hash}`)
    expect(m.html).toContain(last!.signature)
    // The mail alone is enough to check the checkpoint with the public key.
    const signature = /Handtekening \(Ed25519\): (\S+)/.exec(m.text)![1]!
    const atText = /Getekend op: (\S+)/.exec(m.text)![1]!
    expect(verifySignature(signer.publicKey, checkpointMessage({ chainKey: f.stichtingen.kompas, seq: Number(last!.seq), hash: last!.hash, atText }), signature)).toBe(true)
    // Nobody else of Kompas gets it, and Horizon's goes to Horizon's privacyfunctionaris only.
    const others = rows<{ to_address: string; stichting_id: string }>(
      await owner.execute(sql`select to_address, stichting_id::text from outbox where subject_ref = ${`access_log_digest:${day}`} and stichting_id <> ${f.stichtingen.kompas}`),
    )
    for (const o of others) expect(o.to_address).not.toBe('privacy@kompas.demo')
  })

  it('goes out through the outbox worker like any other mail', async () => {
    const { owner } = getDb()
    // As the owner (which may become baken_mailer); the web server's login role is granted it too.
    await processOutbox(owner, localTransport(), { batchSize: 100 })
    const [status] = rows<{ status: string }>(
      await owner.execute(sql`select status::text from outbox where stichting_id = ${f.stichtingen.kompas} and subject_ref = ${`access_log_digest:${day}`}`),
    )
    expect(status!.status).toBe('sent')
  })
})
