// Session lifecycle and API-token minting at the domain level on the embedded database (the HTTP
// suite covers the cookie and tests/http/token-scope.test.ts the token's scope).
import { schema, withContext, type DatabaseHandle } from '@baken/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  attemptLogin,
  createApiToken,
  createSession,
  hashToken,
  SESSION_LIFETIME_MS,
  signOutEverywhere,
  switchMembership,
  validateApiToken,
  validateSessionToken,
} from '../src/index.ts'
import { openSeededDatabase } from './support/demo-database.ts'

let h: DatabaseHandle
let userId: string
const DAY = 24 * 3600 * 1000

beforeAll(async () => {
  h = await openSeededDatabase()
  const [u] = await h.db.select().from(schema.users).where(eq(schema.users.email, 'directeur@lyceum.demo'))
  userId = u!.id
})
afterAll(() => h?.close())

// Test set-up and inspection run as the migration owner, outside the app role.
const sessionRow = async (token: string) =>
  (await h.db.select().from(schema.sessions).where(eq(schema.sessions.id, hashToken(token))))[0]

describe('sessions', () => {
  it('remembers how it was opened and when it proved a second factor', async () => {
    const plain = await createSession(h.db, userId)
    expect((await validateSessionToken(h.db, plain.token))?.session).toMatchObject({ method: 'password', secondFactorAt: null })
    const proved = new Date(Date.now() - 60_000)
    const sso = await createSession(h.db, userId, { method: 'sso', secondFactorAt: proved })
    const s = (await validateSessionToken(h.db, sso.token))?.session
    expect(s?.method).toBe('sso')
    expect(s?.secondFactorAt?.getTime()).toBe(proved.getTime())
  })

  it('stores only the SHA-256 of the token', async () => {
    const { token } = await createSession(h.db, userId)
    const rows = await h.db.select().from(schema.sessions)
    expect(rows.some((r) => r.id === token)).toBe(false)
    expect((await sessionRow(token))?.id).toMatch(/^[0-9a-f]{64}$/)
  })

  it('lasts 30 days and is not rewritten while more than half is left', async () => {
    const { token, expiresAt } = await createSession(h.db, userId)
    expect(Math.abs(expiresAt.getTime() - Date.now() - SESSION_LIFETIME_MS)).toBeLessThan(5000)
    const v = await validateSessionToken(h.db, token)
    expect(v?.session.renewed).toBe(false)
    expect(v?.session.expiresAt.getTime()).toBe(expiresAt.getTime())
  })

  it('slides: a session with less than 15 days left is extended to 30 days', async () => {
    const { token } = await createSession(h.db, userId)
    const soon = new Date(Date.now() + 3 * DAY)
    await h.db.update(schema.sessions).set({ expiresAt: soon }).where(eq(schema.sessions.id, hashToken(token)))
    const v = await validateSessionToken(h.db, token)
    expect(v?.session.renewed).toBe(true)
    expect(v!.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY)
    expect((await sessionRow(token))!.expiresAt.getTime()).toBe(v!.session.expiresAt.getTime())
  })

  it('keeps last seen to 5 minutes: a fresh one is not rewritten, an older one is', async () => {
    const { token } = await createSession(h.db, userId)
    const before = (await sessionRow(token))!.lastSeenAt
    await validateSessionToken(h.db, token)
    expect((await sessionRow(token))!.lastSeenAt).toEqual(before)
    const old = new Date(Date.now() - 6 * 60_000)
    await h.db.update(schema.sessions).set({ lastSeenAt: old }).where(eq(schema.sessions.id, hashToken(token)))
    await validateSessionToken(h.db, token)
    expect((await sessionRow(token))!.lastSeenAt.getTime()).toBeGreaterThan(old.getTime() + 5 * 60_000)
  })

  it('an expired session is refused and deleted', async () => {
    const { token } = await createSession(h.db, userId)
    await h.db
      .update(schema.sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.sessions.id, hashToken(token)))
    expect(await validateSessionToken(h.db, token)).toBeNull()
    expect(await sessionRow(token)).toBeUndefined()
  })

  it('a disabled user’s sessions stop working', async () => {
    const [u] = await h.db.select().from(schema.users).where(eq(schema.users.email, 'mentor@lyceum.demo'))
    const { token } = await createSession(h.db, u!.id)
    await h.db.update(schema.users).set({ disabledAt: new Date() }).where(eq(schema.users.id, u!.id))
    expect(await validateSessionToken(h.db, token)).toBeNull()
    const login = await attemptLogin(h.db, { email: 'mentor@lyceum.demo', password: 'veilig-demo-2026', ip: '10.0.0.9' })
    expect(login).toEqual({ ok: false, reason: 'invalid' })
  })

  it('switching membership only accepts the user’s own memberships', async () => {
    const { token } = await createSession(h.db, userId)
    const mine = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, userId))
    const [foreign] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.role, 'politie'))
    const session = { id: hashToken(token), userId }
    expect(await switchMembership(h.db, session, foreign!.id)).toBe(false)
    expect((await validateSessionToken(h.db, token))?.membership).toBeNull()
    expect(await switchMembership(h.db, session, mine[1]!.id)).toBe(true)
    expect((await validateSessionToken(h.db, token))?.membership?.id).toBe(mine[1]!.id)
  })

  it('signOutEverywhere removes every session and revokes every token of that user only', async () => {
    const [other] = await h.db.select().from(schema.users).where(eq(schema.users.email, 'ib@branding.demo'))
    const [otherMembership] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, other!.id))
    const otherSession = await createSession(h.db, other!.id, {}, otherMembership!.id)
    const otherToken = await mint(otherSession.token, other!.id)
    const [mine] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, userId))
    const session = await createSession(h.db, userId, {}, mine!.id)
    const token = await mint(session.token, userId)
    const result = await signOutEverywhere(h.db, userId)
    expect(result.sessions).toBeGreaterThanOrEqual(1)
    expect(result.tokens).toBeGreaterThanOrEqual(1)
    const left = await h.db.select().from(schema.sessions).where(eq(schema.sessions.userId, userId))
    expect(left).toHaveLength(0)
    expect(await validateApiToken(h.db, token)).toBeNull()
    expect(await validateSessionToken(h.db, otherSession.token)).not.toBeNull()
    expect(await validateApiToken(h.db, otherToken)).not.toBeNull()
  })
})

/** Mints a token in a session, as the account page does; the secret. */
async function mint(sessionToken: string, owner: string, membershipId?: string): Promise<string> {
  const session = { id: hashToken(sessionToken), userId: owner }
  const result = await withContext(h.db, { userId: owner, sessionId: session.id }, (tx) =>
    createApiToken(tx, session, { name: 'test', days: 1, membershipId }),
  )
  if (!result.ok) throw new Error(result.reason)
  return result.token
}

describe('minting an API token', () => {
  const attempt = (session: { id: string; userId: string }, membershipId?: string) =>
    withContext(h.db, { userId: session.userId, sessionId: session.id }, (tx) => createApiToken(tx, session, { name: 'test', days: 1, membershipId }))

  it('is for the membership the session acts for, and no other of the user', async () => {
    const [a, b] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, userId))
    const { token } = await createSession(h.db, userId, {}, a!.id)
    const session = { id: hashToken(token), userId }
    expect(await attempt(session, b!.id)).toEqual({ ok: false, reason: 'other-membership' })
    const made = await attempt(session)
    expect(made.ok && made.membershipId).toBe(a!.id)
    expect((await validateApiToken(h.db, made.ok ? made.token : ''))?.membership.id).toBe(a!.id)
  })

  it('needs a live session of that user with an organisation chosen', async () => {
    const { token } = await createSession(h.db, userId)
    expect(await attempt({ id: hashToken(token), userId })).toEqual({ ok: false, reason: 'no-membership' })
    expect(await attempt({ id: hashToken('no-such-session'), userId })).toEqual({ ok: false, reason: 'no-session' })
    const [other] = await h.db.select().from(schema.users).where(eq(schema.users.email, 'ib@branding.demo'))
    const [m] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, userId))
    const mine = await createSession(h.db, userId, {}, m!.id)
    // Someone else's user id with this session: not their session.
    expect(await attempt({ id: hashToken(mine.token), userId: other!.id })).toEqual({ ok: false, reason: 'no-session' })
    await h.db.update(schema.sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.sessions.id, hashToken(mine.token)))
    expect(await attempt({ id: hashToken(mine.token), userId })).toEqual({ ok: false, reason: 'no-session' })
  })
})
