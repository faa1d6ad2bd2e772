// Passkey challenges (0050) as the application role sees them: a session's own challenges only
// (not another session's of the same user, not another user's); sign-in challenges never, except
// through the two functions, which hand each out once and only before it expires; and a sign-in
// reads exactly one credential, of an active user.
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { withContext } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, rows } from './support/test-databases.ts'

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const newSecret = () => sha256(randomBytes(20).toString('hex'))

describeEachDriver('passkey challenges', (getDb) => {
  let f: DemoFixture
  let henk = ''
  let gerda = ''
  const sessions = { henk1: newSecret(), henk2: newSecret(), gerda: newSecret() }

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    henk = f.users['directeur@branding.demo']!
    gerda = f.users['directeur@horizon.demo']!
    for (const [id, user] of [
      [sessions.henk1, henk],
      [sessions.henk2, henk],
      [sessions.gerda, gerda],
    ] as const) {
      await owner.execute(sql`insert into sessions (id, user_id, expires_at) values (${id}, ${user}, now() + interval '1 day')`)
    }
    await owner.execute(sql`insert into webauthn_challenges (challenge, purpose, user_id, session_id, expires_at)
      values ('henk-1', 'registration', ${henk}, ${sessions.henk1}, now() + interval '5 minutes'),
             ('henk-2', 'authentication', ${henk}, ${sessions.henk2}, now() + interval '5 minutes'),
             ('gerda', 'authentication', ${gerda}, ${sessions.gerda}, now() + interval '5 minutes')`)
    await owner.execute(sql`insert into webauthn_credentials (id, user_id, public_key, name) values ('henk-key', ${henk}, '\\x01'::bytea, 'Laptop')`)
  })

  const visible = (ctx: { userId?: string; sessionId?: string }) =>
    withContext(getDb().app, ctx, async (tx) =>
      rows<{ challenge: string }>(await tx.execute(sql`select challenge from webauthn_challenges order by 1`)).map((r) => r.challenge),
    )

  it('a session sees its own challenges only; it cannot write one for another session or a sign-in one', async () => {
    expect(await visible({ userId: henk, sessionId: sessions.henk1 })).toEqual(['henk-1'])
    expect(await visible({ userId: henk, sessionId: sessions.henk2 })).toEqual(['henk-2'])
    expect(await visible({ userId: henk })).toEqual([])
    expect(await visible({ userId: gerda, sessionId: sessions.henk1 })).toEqual([])
    const foreign = await attempt(() =>
      withContext(getDb().app, { userId: henk, sessionId: sessions.henk1 }, (tx) =>
        tx.execute(sql`insert into webauthn_challenges (challenge, purpose, user_id, session_id, expires_at)
          values ('planted', 'authentication', ${gerda}, ${sessions.gerda}, now() + interval '5 minutes')`),
      ),
    )
    expect(foreign.ok).toBe(false)
    const signIn = await attempt(() =>
      withContext(getDb().app, {}, (tx) =>
        tx.execute(sql`insert into webauthn_challenges (challenge, purpose, browser_key, expires_at) values ('planted', 'sign_in', 'b', now() + interval '5 minutes')`),
      ),
    )
    expect(signIn.ok).toBe(false)
  })

  it('a sign-in challenge is handed out once, to its browser, and not after it expired; the app role never reads it directly', async () => {
    const { app, owner } = getDb()
    const browser = newSecret()
    await withContext(app, {}, (tx) => tx.execute(sql`select webauthn_put_sign_in_challenge('sign-in-1', ${browser}, now() + interval '5 minutes')`))
    expect(await visible({})).toEqual([])
    const take = (key: string) =>
      withContext(app, {}, async (tx) => rows<{ challenge: string }>(await tx.execute(sql`select challenge from webauthn_take_sign_in_challenge(${key})`)))
    expect(await take(newSecret())).toEqual([])
    expect(await take(browser)).toEqual([{ challenge: 'sign-in-1' }])
    expect(await take(browser)).toEqual([])
    // A newer challenge replaces the browser's older one; an expired one is gone without answering.
    await withContext(app, {}, (tx) => tx.execute(sql`select webauthn_put_sign_in_challenge('sign-in-2', ${browser}, now() + interval '5 minutes')`))
    await withContext(app, {}, (tx) => tx.execute(sql`select webauthn_put_sign_in_challenge('sign-in-3', ${browser}, now() + interval '5 minutes')`))
    await owner.execute(sql`update webauthn_challenges set created_at = now() - interval '10 minutes', expires_at = now() - interval '1 second' where challenge = 'sign-in-3'`)
    expect(await take(browser)).toEqual([])
    expect(rows(await owner.execute(sql`select 1 from webauthn_challenges where challenge in ('sign-in-2', 'sign-in-3')`))).toEqual([])
  })

  it('a sign-in reads exactly the named credential, and nothing of a deactivated user', async () => {
    const { app, owner } = getDb()
    const lookup = (id: string) =>
      withContext(app, {}, async (tx) => rows<{ user_id: string }>(await tx.execute(sql`select user_id::text from webauthn_sign_in_credential(${id})`)))
    expect(await lookup('henk-key')).toEqual([{ user_id: henk }])
    expect(await lookup('unknown')).toEqual([])
    expect(rows(await withContext(app, {}, (tx) => tx.execute(sql`select id from webauthn_credentials`)))).toEqual([])
    await owner.execute(sql`update users set disabled_at = now() where id = ${henk}`)
    try {
      expect(await lookup('henk-key')).toEqual([])
    } finally {
      await owner.execute(sql`update users set disabled_at = null where id = ${henk}`)
    }
  })
})
