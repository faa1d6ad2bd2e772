// Authentication reads sessions, tokens and users before any tenant is known. Each narrow setting
// (app.session_id, app.token_hash, app.login_email) must open exactly one row, and a signed-in user
// sees only their own sessions and tokens.
import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import type { Database } from '../src/client.ts'
import { type ContextSettings, withContext } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, rows } from './support/test-databases.ts'

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const newSecret = () => sha256(randomBytes(20).toString('hex'))

const HENK = 'directeur@branding.demo'
const GERDA = 'directeur@horizon.demo'

async function idsAs(app: Database, ctx: ContextSettings, table: 'sessions' | 'api_tokens' | 'users'): Promise<string[]> {
  return withContext(app, ctx, async (tx) =>
    rows<{ id: string }>(await tx.execute(sql`select id::text from ${sql.identifier(table)} order by 1`)).map((r) => r.id),
  )
}

describeEachDriver('authentication contexts', (getDb) => {
  let f: DemoFixture
  // Session ids are the SHA-256 of the cookie token, as in the domain code.
  const sessions = { henk1: newSecret(), henk2: newSecret(), gerda: newSecret() }
  const tokenHashes = { henk: newSecret(), gerda: newSecret() }
  const tokenIds: Record<'henk' | 'gerda', string> = { henk: '', gerda: '' }

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    const add = async (who: 'henk' | 'gerda', email: string, sessionIds: string[]) => {
      const membershipId = f.memberships.find((m) => m.email === email)!.id
      for (const id of sessionIds) {
        await owner.execute(sql`insert into sessions (id, user_id, membership_id, expires_at)
          values (${id}, ${f.users[email]!}, ${membershipId}, now() + interval '1 day')`)
      }
      const [token] = rows<{ id: string }>(
        await owner.execute(sql`insert into api_tokens (user_id, membership_id, name, token_hash, expires_at)
          values (${f.users[email]!}, ${membershipId}, 'test token', ${tokenHashes[who]}, now() + interval '30 days')
          returning id`),
      )
      tokenIds[who] = token!.id
    }
    await add('henk', HENK, [sessions.henk1, sessions.henk2])
    await add('gerda', GERDA, [sessions.gerda])
  })

  it('app.session_id opens exactly that session, and no token or user', async () => {
    const { app } = getDb()
    expect(await idsAs(app, { sessionId: sessions.henk1 }, 'sessions')).toEqual([sessions.henk1])
    expect(await idsAs(app, { sessionId: sessions.henk1 }, 'api_tokens')).toEqual([])
    expect(await idsAs(app, { sessionId: sessions.henk1 }, 'users')).toEqual([])
    expect(await idsAs(app, { sessionId: newSecret() }, 'sessions')).toEqual([])
  })

  it('app.token_hash opens exactly that API token', async () => {
    const { app } = getDb()
    expect(await idsAs(app, { tokenHash: tokenHashes.gerda }, 'api_tokens')).toEqual([tokenIds.gerda])
    expect(await idsAs(app, { tokenHash: tokenHashes.gerda }, 'sessions')).toEqual([])
  })

  it('app.login_email opens exactly that user row', async () => {
    const { app } = getDb()
    expect(await idsAs(app, { loginEmail: HENK }, 'users')).toEqual([f.users[HENK]])
    expect(await idsAs(app, { loginEmail: HENK }, 'sessions')).toEqual([])
    expect(await idsAs(app, { loginEmail: 'nobody@example.invalid' }, 'users')).toEqual([])
  })

  it('a user context sees only its own sessions and API tokens', async () => {
    const { app } = getDb()
    const ctx = f.contextOf(HENK)
    expect(await idsAs(app, ctx, 'sessions')).toEqual([sessions.henk1, sessions.henk2].sort())
    expect(await idsAs(app, ctx, 'api_tokens')).toEqual([tokenIds.henk])
    const gerda = f.contextOf(GERDA)
    expect(await idsAs(app, gerda, 'sessions')).toEqual([sessions.gerda])
    expect(await idsAs(app, gerda, 'api_tokens')).toEqual([tokenIds.gerda])
  })

  it("a user context cannot create, change or delete another user's session", async () => {
    const { app, owner } = getDb()
    const ctx = f.contextOf(HENK)
    const insert = await attempt(() =>
      withContext(app, ctx, (tx) =>
        tx.execute(sql`insert into sessions (id, user_id, expires_at)
          values (${newSecret()}, ${f.users[GERDA]!}, now() + interval '1 day')`),
      ),
    )
    expect(insert.ok ? 'inserted' : insert.error.code).toBe('42501')
    expect(insert.ok ? '' : insert.error.message).toMatch(/new row violates row-level security policy/)
    const changed = await withContext(app, ctx, async (tx) => [
      rows(await tx.execute(sql`update sessions set expires_at = now() where id = ${sessions.gerda} returning 1`)).length,
      rows(await tx.execute(sql`delete from api_tokens where id = ${tokenIds.gerda} returning 1`)).length,
      rows(await tx.execute(sql`delete from sessions where user_id = ${f.users[GERDA]!} returning 1`)).length,
    ])
    expect(changed).toEqual([0, 0, 0])
    const left = rows<{ n: number }>(
      await owner.execute(sql`select count(*)::int as n from sessions where id = ${sessions.gerda} and expires_at > now()`),
    )
    expect(left).toEqual([{ n: 1 }])
    const token = rows(await owner.execute(sql`select 1 from api_tokens where id = ${tokenIds.gerda}`))
    expect(token).toHaveLength(1)
  })
})
