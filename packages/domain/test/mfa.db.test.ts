// Second factors at the domain level on the embedded database: TOTP enrolment and codes (replay,
// drift), recovery codes (single use, logged and mailed), the throttle on codes, the gate's status
// and the policy. The HTTP suite (tests/http/mfa.test.ts) covers pages, the API and the cookie.
import { schema, withContext, type DatabaseHandle } from '@baken/db'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  createSession,
  hashToken,
  LOGIN_THROTTLE,
  MFA_DEFAULT_ROLES,
  mfaStatus,
  open,
  replaceRecoveryCodes,
  seal,
  secretKeyFromEnv,
  totpCode,
  totpStep,
  verifySecondFactor,
} from '../src/index.ts'
import { openDemoDatabase, type DemoDatabase } from './support/demo-database.ts'

let d: DemoDatabase
let h: DatabaseHandle
const key = secretKeyFromEnv({})

beforeAll(async () => {
  d = await openDemoDatabase()
  h = d.h
})
afterAll(() => h?.close())

/** Enrols the user's authenticator app and returns its key, the session and the recovery codes. */
async function enrol(email: string, now = new Date()) {
  const userId = d.userOf[email]!
  const session = await createSession(h.db, userId)
  const sessionId = hashToken(session.token)
  const begun = await withContext(h.db, { userId }, (tx) => beginTotpEnrolment(tx, key, { id: userId, email }))
  if (!begun.ok) throw new Error('not begun')
  const totpKey = decodeBase32IgnorePadding(begun.keyText.replace(/ /g, ''))
  // The first code is of the previous step, so a code of the current step is still fresh afterwards.
  const first = totpCode(totpKey, totpStep(now.getTime()) - 1)
  const confirmed = await withContext(h.db, { userId }, (tx) => confirmTotpEnrolment(tx, key, { userId, sessionId, code: first, now }))
  if (!confirmed.ok) throw new Error(`not confirmed: ${confirmed.reason}`)
  return { userId, email, sessionId, totpKey, codes: confirmed.recoveryCodes }
}

describe('secret box', () => {
  it('opens what it sealed, and refuses another key, another purpose and a changed text', () => {
    const sealed = seal(key, 'mfa-totp-key', 'AQIDBAU')
    expect(open(key, 'mfa-totp-key', sealed)).toBe('AQIDBAU')
    expect(open(secretKeyFromEnv({ BAKEN_SECRET_KEY: 'x'.repeat(32) }), 'mfa-totp-key', sealed)).toBeNull()
    expect(open(key, 'sso-client-secret', sealed)).toBeNull()
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1)
    expect(open(key, 'mfa-totp-key', flipped)).toBeNull()
  })

  it('needs BAKEN_SECRET_KEY in production, of at least 32 characters', () => {
    expect(() => secretKeyFromEnv({ BAKEN_MODE: 'production' })).toThrow(/BAKEN_SECRET_KEY/)
    expect(() => secretKeyFromEnv({ BAKEN_SECRET_KEY: 'short' })).toThrow(/32/)
  })
})

describe('TOTP', () => {
  it('enrols with a first code, stores the secret sealed, and counts as a second factor', async () => {
    const { userId, sessionId, totpKey, codes } = await enrol('leerkracht@branding.demo')
    expect(codes).toHaveLength(10)
    const [row] = await h.db.select().from(schema.mfaTotp).where(eq(schema.mfaTotp.userId, userId))
    expect(row?.confirmedAt).not.toBeNull()
    expect(row?.secretEncrypted).not.toContain(Buffer.from(totpKey).toString('base64'))
    const [session] = await h.db.select().from(schema.sessions).where(eq(schema.sessions.id, sessionId))
    expect(session?.secondFactorAt).not.toBeNull()
    expect(await mfaStatus(h.db, userId, false)).toEqual({ required: false, enrolled: true })
  })

  it('refuses a wrong first code at enrolment and a second enrolment over a confirmed app', async () => {
    const email = 'ib@branding.demo'
    const userId = d.userOf[email]!
    const begun = await withContext(h.db, { userId }, (tx) => beginTotpEnrolment(tx, key, { id: userId, email }))
    expect(begun.ok).toBe(true)
    const totpKey = begun.ok ? decodeBase32IgnorePadding(begun.keyText.replace(/ /g, '')) : new Uint8Array()
    const now = new Date()
    // A code of a step too far away: the app's code, but not of now.
    const far = totpCode(totpKey, totpStep(now.getTime()) + 5)
    const wrong = await withContext(h.db, { userId }, (tx) => confirmTotpEnrolment(tx, key, { userId, sessionId: 'x', code: far, now }))
    expect(wrong).toEqual({ ok: false, reason: 'invalid' })
    const again = await enrol('leerkracht2@branding.demo')
    const twice = await withContext(h.db, { userId: again.userId }, (tx) => beginTotpEnrolment(tx, key, { id: again.userId, email: 'leerkracht2@branding.demo' }))
    expect(twice).toEqual({ ok: false, reason: 'already_enrolled' })
  })

  it('accepts a code once (a replay is refused), one step of drift, and no older code', async () => {
    const { userId, email, sessionId, totpKey } = await enrol('vertrouwenspersoon@branding.demo')
    const now = new Date()
    const step = totpStep(now.getTime())
    const input = { userId, email, sessionId, ip: '198.51.100.1', now }
    expect(await verifySecondFactor(h.db, key, { ...input, code: totpCode(totpKey, step) })).toEqual({ ok: true, via: 'totp' })
    expect(await verifySecondFactor(h.db, key, { ...input, code: totpCode(totpKey, step) })).toEqual({ ok: false, reason: 'invalid' })
    // The next step (a clock 30 s ahead) is still accepted; after it, the current step is old.
    expect(await verifySecondFactor(h.db, key, { ...input, code: totpCode(totpKey, step + 1) })).toMatchObject({ ok: true })
    expect(await verifySecondFactor(h.db, key, { ...input, code: totpCode(totpKey, step) })).toMatchObject({ ok: false })
    expect(await verifySecondFactor(h.db, key, { ...input, code: totpCode(totpKey, step + 3) })).toMatchObject({ ok: false })
  })
})

describe('recovery codes', () => {
  it('are stored hashed, work once each, and their use is logged and mailed', async () => {
    const email = 'directeur@vakcollege.demo'
    const { userId, sessionId, codes } = await enrol(email)
    const stored = await h.db.select().from(schema.mfaRecoveryCodes).where(eq(schema.mfaRecoveryCodes.userId, userId))
    expect(stored).toHaveLength(10)
    expect(stored.some((r) => codes.includes(r.codeHash))).toBe(false)
    const input = { userId, email, sessionId, ip: '198.51.100.2' }
    // Typed in capitals and without the dashes: still the code.
    expect(await verifySecondFactor(h.db, key, { ...input, code: codes[0]!.toUpperCase().replace(/-/g, '') })).toEqual({ ok: true, via: 'recovery_code' })
    expect(await verifySecondFactor(h.db, key, { ...input, code: codes[0]! })).toEqual({ ok: false, reason: 'invalid' })
    const events = await h.db.select().from(schema.mfaEvents).where(and(eq(schema.mfaEvents.userId, userId), eq(schema.mfaEvents.kind, 'recovery_code_used')))
    expect(events).toHaveLength(1)
    expect(events[0]?.ip).toBe('198.51.100.2')
    const mails = await h.db.select().from(schema.outbox).where(eq(schema.outbox.toAddress, email))
    expect(mails.map((m) => m.subject)).toContain('Er is ingelogd met een herstelcode')
    expect(mails.find((m) => m.subject === 'Er is ingelogd met een herstelcode')?.text).toContain('nog 9 ongebruikte herstelcodes')
  })

  it('regenerating replaces the old ones', async () => {
    const { userId, email, sessionId, codes } = await enrol('docent@vakcollege.demo')
    const fresh = await withContext(h.db, { userId }, (tx) => replaceRecoveryCodes(tx, userId))
    expect(fresh).toHaveLength(10)
    expect(await verifySecondFactor(h.db, key, { userId, email, sessionId, ip: '198.51.100.3', code: codes[1]! })).toMatchObject({ ok: false })
    expect(await verifySecondFactor(h.db, key, { userId, email, sessionId, ip: '198.51.100.3', code: fresh[1]! })).toMatchObject({ ok: true })
  })
})

describe('throttle on codes', () => {
  it('after the free failures of a pair, further codes wait (also the right one) and do not count', async () => {
    const { userId, email, sessionId, totpKey } = await enrol('mentor@lyceum.demo')
    const input = { userId, email, sessionId, ip: '198.51.100.4' }
    const valid = () => [-1, 0, 1].map((k) => totpCode(totpKey, totpStep(Date.now()) + k))
    for (let i = 0; i < LOGIN_THROTTLE.pairFreeFailures; i++) {
      let wrong = 100000 + i
      while (valid().includes(String(wrong))) wrong += 7
      expect(await verifySecondFactor(h.db, key, { ...input, code: String(wrong) })).toMatchObject({ ok: false, reason: 'invalid' })
    }
    const right = totpCode(totpKey, totpStep(Date.now()))
    const refused = await verifySecondFactor(h.db, key, { ...input, code: right })
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' })
    // Another address of the same user is not slowed by this one.
    expect(await verifySecondFactor(h.db, key, { ...input, ip: '198.51.100.5', code: right })).toMatchObject({ ok: true })
  })
})

describe('policy', () => {
  it('the default is every role, the same list in the database and in the domain', async () => {
    const rows = (await h.db.execute(sql`select mfa_default_roles() as roles`)) as unknown as { roles: string[] }[] | { rows: { roles: string[] }[] }
    const roles = Array.isArray(rows) ? rows[0]!.roles : rows.rows[0]!.roles
    expect([...roles].sort()).toEqual([...MFA_DEFAULT_ROLES].sort())
  })

  it('every role that can read or open personal records is in the default (derived from CASL)', () => {
    const personal = ['Student', 'Guardian', 'Incident', 'Measure', 'Referral', 'HaltCase', 'SharedRecord', 'ReportCase', 'AccessLog', 'SubjectRequest', 'Share', 'Bezwaar'] as const
    for (const [email, ctx] of Object.entries(d.ctxOf)) {
      const ability = defineAbilityFor(ctx)
      if (personal.some((s) => ability.can('read', s) || ability.can('open', s))) expect(MFA_DEFAULT_ROLES, email).toContain(ctx.role)
    }
  })

  it('a stichting without a policy row requires every role; the demo stichtingen require nobody', async () => {
    const userId = d.userOf['leerkracht@branding.demo']!
    expect((await mfaStatus(h.db, userId, false)).required).toBe(false)
    const stichtingId = d.ctxOf['leerkracht@branding.demo']!.stichtingId!
    await h.db.delete(schema.mfaPolicies).where(eq(schema.mfaPolicies.stichtingId, stichtingId))
    try {
      expect((await mfaStatus(h.db, userId, false)).required).toBe(true)
      // A partner linked to that stichting follows its default too.
      expect((await mfaStatus(h.db, d.userOf['halt@haltnoord.demo']!, false)).required).toBe(true)
    } finally {
      await h.db.insert(schema.mfaPolicies).values({ stichtingId, requiredRoles: [] })
    }
    expect((await mfaStatus(h.db, d.userOf['platform@baken.demo']!, false)).required).toBe(false)
    expect((await mfaStatus(h.db, d.userOf['platform@baken.demo']!, true)).required).toBe(true)
  })
})

describe('RLS', () => {
  it('a user sees and changes only their own factors; a policy only within its stichting, written by its beheerder', async () => {
    const a = await enrol('directeur@horizon.demo')
    const other = d.userOf['bestuur@horizon.demo']!
    const seen = await withContext(h.db, { userId: other }, async (tx) => ({
      totp: await tx.select().from(schema.mfaTotp),
      codes: await tx.select().from(schema.mfaRecoveryCodes),
      events: await tx.select().from(schema.mfaEvents),
    }))
    expect(seen.totp.some((r) => r.userId === a.userId)).toBe(false)
    expect(seen.codes.some((r) => r.userId === a.userId)).toBe(false)
    expect(seen.events.some((r) => r.userId === a.userId)).toBe(false)
    const deleted = await withContext(h.db, { userId: other }, (tx) => tx.delete(schema.mfaTotp).where(eq(schema.mfaTotp.userId, a.userId)).returning())
    expect(deleted).toEqual([])
    const own = await withContext(h.db, { userId: a.userId }, (tx) => tx.select().from(schema.mfaTotp))
    expect(own.map((r) => r.userId)).toEqual([a.userId])
    // Policies: the Horizon bestuurder reads Horizon's, not Kompas's; only a stichtingbeheerder writes.
    const horizon = d.ctxOf['bestuur@horizon.demo']!
    const policies = await withContext(h.db, horizon, (tx) => tx.select().from(schema.mfaPolicies))
    expect(policies.map((p) => p.stichtingId)).toEqual([horizon.stichtingId])
    await expect(
      withContext(h.db, horizon, (tx) => tx.update(schema.mfaPolicies).set({ requiredRoles: ['leerkracht'] }).where(eq(schema.mfaPolicies.stichtingId, horizon.stichtingId!)).returning()),
    ).resolves.toEqual([])
  })
})

