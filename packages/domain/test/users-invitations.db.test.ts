// Invitations, memberships and users at the domain level on the embedded database, and the rule
// "nobody grants a role above their own" as the database enforces it: the forged writes below go
// straight to the tables as the app role, past CASL and the use cases, and must still be refused.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  acceptInvitation,
  changeMembershipRole,
  checkPassword,
  createInvitation,
  createPartner,
  deactivateUser,
  endMembership,
  hashToken,
  listUsers,
  readInvitation,
  reactivateUser,
} from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'

let h: DatabaseHandle
let ctxOf: Record<string, TenantContext>
let userOf: Record<string, string>

beforeAll(async () => {
  ;({ h, ctxOf, userOf } = await openDemoDatabase())
})
afterAll(() => h?.close())

const beheer = () => ctxOf['beheer@kompas.demo']!
const directeur = () => ctxOf['directeur@branding.demo']!
const GOOD_PASSWORD = 'fietsbel regent zacht oranje'
/** What Postgres answered a statement (Drizzle wraps it as the cause), or 'ok'. */
const answer = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  )

/** The token of the last invitation mail to an address, read from the outbox as the owner. */
async function tokenFromOutbox(email: string): Promise<string> {
  const rows = await h.db.select().from(schema.outbox).where(eq(schema.outbox.toAddress, email))
  const text = rows.at(-1)?.text ?? ''
  const token = /\/uitnodiging\/([a-z0-9]+)/.exec(text)?.[1]
  if (!token) throw new Error(`no invitation mail to ${email}`)
  return token
}

describe('the password policy', () => {
  it('wants 12 characters and refuses common, Dutch and personal passwords, without composition rules', () => {
    expect(checkPassword('kort1!A')).toMatchObject({ ok: false, message: expect.stringContaining('minstens 12 tekens') })
    expect(checkPassword('wachtwoord12').ok).toBe(false)
    expect(checkPassword('welkom123456').ok).toBe(false)
    expect(checkPassword('Zomervakantie2024').ok).toBe(false)
    expect(checkPassword('PietJanssen2026', ['Piet Janssen', 'piet.janssen@school.nl']).ok).toBe(false)
    // All lower case, no digits, no symbols: long and unguessable is enough.
    expect(checkPassword(GOOD_PASSWORD)).toEqual({ ok: true })
    expect(checkPassword('x'.repeat(129)).ok).toBe(false)
  })
})

describe('invitations', () => {
  it('go out through the outbox with the token only in the mail, and are accepted once', async () => {
    const schoolId = directeur().schoolId!
    const out = await runAs(h.db, beheer(), createInvitation, { email: 'Nieuw.Collega@Branding.demo', memberships: [{ role: 'leerkracht', schoolId }] })
    if (!out.ok) throw new Error(JSON.stringify(out))
    const token = await tokenFromOutbox('nieuw.collega@branding.demo')
    const [stored] = await h.db.select().from(schema.invitations).where(eq(schema.invitations.id, out.id))
    expect(stored?.tokenHash).toBe(hashToken(token))
    expect(JSON.stringify(stored)).not.toContain(token)
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(72 * 3600_000)

    const view = await readInvitation(h.db, token)
    expect(view).toMatchObject({ email: 'nieuw.collega@branding.demo', invitedBy: 'Ruud Verhoef', state: 'open', hasAccount: false })
    expect(view?.memberships).toEqual([{ role: 'leerkracht', school: expect.any(String), stichting: expect.any(String), partner: null }])

    const weak = await acceptInvitation(h.db, { token, name: 'Nieuwe Collega', password: 'wachtwoord12' })
    expect(weak).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'password' }] })
    const accepted = await acceptInvitation(h.db, { token, name: 'Nieuwe Collega', password: GOOD_PASSWORD })
    if (!accepted.ok) throw new Error(JSON.stringify(accepted))
    const [m] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, accepted.userId))
    expect(m).toMatchObject({ role: 'leerkracht', schoolId, id: accepted.membershipId })
    expect(await acceptInvitation(h.db, { token, name: 'Nog eens', password: GOOD_PASSWORD })).toMatchObject({ ok: false, state: 'used' })
    const audit = await h.db.select().from(schema.adminAudit).where(eq(schema.adminAudit.subjectId, out.id))
    expect(audit.map((a) => a.action).sort()).toEqual(['invitation.accepted', 'invitation.created'])
  })

  it('refuse an expired or revoked link with its own message', async () => {
    for (const [email, change] of [
      ['verlopen@branding.demo', { createdAt: sql`now() - interval '2 hours'`, expiresAt: sql`now() - interval '1 hour'` }],
      ['ingetrokken@branding.demo', { revokedAt: new Date() }],
    ] as const) {
      const out = await runAs(h.db, directeur(), createInvitation, { email, memberships: [{ role: 'leerkracht' }] })
      if (!out.ok) throw new Error(JSON.stringify(out))
      await h.db.update(schema.invitations).set(change).where(eq(schema.invitations.id, out.id))
      const token = await tokenFromOutbox(email)
      const result = await acceptInvitation(h.db, { token, name: 'Iemand', password: GOOD_PASSWORD })
      expect(result).toMatchObject({ ok: false, state: email.startsWith('verlopen') ? 'expired' : 'revoked' })
      expect(result.ok === false && result.errors[0]?.message).toMatch(email.startsWith('verlopen') ? /verlopen/ : /ingetrokken/)
    }
  })

  it('do not let a directeur offer a stichting role or another school, nor a beheerder a role above its own', async () => {
    const lyceum = ctxOf['directeur@lyceum.demo']!.schoolId!
    expect(await runAs(h.db, directeur(), createInvitation, { email: 'x@branding.demo', memberships: [{ role: 'bestuurder' }] })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await runAs(h.db, directeur(), createInvitation, { email: 'x@branding.demo', memberships: [{ role: 'leerkracht', schoolId: lyceum }] })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await runAs(h.db, beheer(), createInvitation, { email: 'x@kompas.demo', memberships: [{ role: 'platform_beheerder' }] })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await runAs(h.db, ctxOf['leerkracht@branding.demo']!, createInvitation, { email: 'x@branding.demo', memberships: [{ role: 'leerkracht' }] })).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('let the platform_beheerder invite only a stichting’s first stichtingbeheerder', async () => {
    const platform = ctxOf['platform@baken.demo']!
    const horizon = ctxOf['bestuur@horizon.demo']!.stichtingId!
    const first = await runAs(h.db, platform, createInvitation, { email: 'beheer@horizon.demo', stichtingId: horizon, memberships: [{ role: 'stichtingbeheerder' }] })
    expect(first).toMatchObject({ ok: true })
    // Kompas has its beheerder already: that beheerder invites colleagues, the platform no longer.
    const kompas = beheer().stichtingId!
    const second = await runAs(h.db, platform, createInvitation, { email: 'tweede@kompas.demo', stichtingId: kompas, memberships: [{ role: 'stichtingbeheerder' }] })
    expect(second).toMatchObject({ ok: false, reason: 'conflict' })
    // And the database refuses the offer whatever the use case thinks (a forged write).
    const forged = answer(
      withTenant(h.db, platform, async (tx) => {
        const id = crypto.randomUUID()
        await tx.insert(schema.invitations).values({ id, tokenHash: hashToken('x'.repeat(43)), email: 'tweede@kompas.demo', invitedBy: platform.userId, stichtingId: kompas, schoolId: null, partnerId: null, createdAt: new Date(), expiresAt: new Date(Date.now() + 3600_000) })
        await tx.insert(schema.invitationMemberships).values({ invitationId: id, role: 'stichtingbeheerder', stichtingId: kompas, schoolId: null, partnerId: null })
      }),
    )
    expect(await forged).toMatch(/row-level security/)
  })

  it('let the platform_beheerder invite a partner organisation’s first user, in the role its kind has, by account mail', async () => {
    const platform = ctxOf['platform@baken.demo']!
    const created = await runAs(h.db, platform, createPartner, { name: 'Halt Testregio', kind: 'halt_region' })
    if (!created.ok) throw new Error(JSON.stringify(created))
    const partnerId = created.partner.id
    // A police role for a Halt region is refused: the kind decides.
    expect(await runAs(h.db, platform, createInvitation, { email: 'agent@halt-test.nl', partnerId, memberships: [{ role: 'politie' }] })).toMatchObject({ ok: false, reason: 'invalid' })
    // A stichting and a partner at once is refused.
    expect(await runAs(h.db, platform, createInvitation, { email: 'x@halt-test.nl', partnerId, stichtingId: beheer().stichtingId!, memberships: [{ role: 'halt_medewerker' }] })).toMatchObject({ ok: false, reason: 'invalid' })
    const first = await runAs(h.db, platform, createInvitation, { email: 'eerste@halt-test.nl', partnerId, memberships: [{ role: 'halt_medewerker' }] })
    expect(first).toMatchObject({ ok: true, memberships: [{ role: 'halt_medewerker', partnerId, stichtingId: null, schoolId: null }] })
    const [mail] = await h.db.select().from(schema.outbox).where(eq(schema.outbox.toAddress, 'eerste@halt-test.nl'))
    expect(mail).toMatchObject({ stichtingId: null, schoolId: null })
    const accepted = await acceptInvitation(h.db, { token: await tokenFromOutbox('eerste@halt-test.nl'), name: 'Eerste Halt', password: GOOD_PASSWORD })
    if (!accepted.ok) throw new Error(JSON.stringify(accepted))
    // The organisation has a member now: a second first user is refused.
    expect(await runAs(h.db, platform, createInvitation, { email: 'tweede@halt-test.nl', partnerId, memberships: [{ role: 'halt_medewerker' }] })).toMatchObject({ ok: false, reason: 'conflict' })
    // The first user invites a colleague, in their own role and organisation only.
    const halt: TenantContext = { userId: accepted.userId, membershipId: accepted.membershipId!, role: 'halt_medewerker', stichtingId: null, schoolId: null, partnerId }
    expect(await runAs(h.db, halt, createInvitation, { email: 'collega@halt-test.nl', memberships: [{ role: 'halt_medewerker' }] })).toMatchObject({ ok: true, memberships: [{ role: 'halt_medewerker', partnerId }] })
    expect(await runAs(h.db, halt, createInvitation, { email: 'agent@halt-test.nl', memberships: [{ role: 'politie' }] })).toMatchObject({ ok: false })
    // Naming another organisation changes nothing: a partner user invites for their own.
    const otherPartner = ctxOf['halt@haltnoord.demo']!.partnerId!
    const out = await runAs(h.db, halt, createInvitation, { email: 'elders@halt-test.nl', partnerId: otherPartner, memberships: [{ role: 'halt_medewerker' }] })
    expect(out).toMatchObject({ ok: true, memberships: [{ partnerId }] })
    // Forged: an offer for another organisation, straight to the table as the app role.
    const forged = answer(
      withTenant(h.db, halt, async (tx) => {
        const id = crypto.randomUUID()
        await tx.insert(schema.invitations).values({ id, tokenHash: hashToken('y'.repeat(43)), email: 'vals@halt-test.nl', invitedBy: halt.userId, stichtingId: null, schoolId: null, partnerId: otherPartner, createdAt: new Date(), expiresAt: new Date(Date.now() + 3600_000) })
        await tx.insert(schema.invitationMemberships).values({ invitationId: id, role: 'politie', stichtingId: null, schoolId: null, partnerId: otherPartner })
      }),
    )
    expect(await forged).toMatch(/row-level security/)
  })
})

describe('the database refuses a forged grant (RLS 0046, ctx_may_grant)', () => {
  const forge = (tenant: TenantContext, role: string, schoolId: string | null, stichtingId = tenant.stichtingId) =>
    answer(
      withTenant(h.db, tenant, (tx) =>
        tx.execute(sql`insert into memberships (user_id, role, stichting_id, school_id) values (${userOf['leerkracht2@branding.demo']}, ${role}, ${stichtingId}, ${schoolId})`),
      ),
    )

  it('a role above one’s own, a stichting role from a directeur, another school or stichting', async () => {
    const branding = directeur().schoolId!
    expect(await forge(directeur(), 'bestuurder', null)).toMatch(/row-level security/)
    expect(await forge(directeur(), 'stichtingbeheerder', null)).toMatch(/row-level security/)
    expect(await forge(directeur(), 'intern_begeleider', ctxOf['directeur@lyceum.demo']!.schoolId!)).toMatch(/row-level security/)
    expect(await forge(ctxOf['leerkracht@branding.demo']!, 'leerkracht', branding)).toMatch(/row-level security/)
    expect(await forge(beheer(), 'platform_beheerder', null, null)).toMatch(/row-level security|memberships_scope/)
    // Within one's rank and scope the same write goes through (and is removed again).
    expect(await forge(directeur(), 'vertrouwenspersoon', branding)).toBe('ok')
    await h.db.execute(sql`delete from memberships where user_id = ${userOf['leerkracht2@branding.demo']} and role = 'vertrouwenspersoon'`)
  })

  it('an offered membership above the inviter’s own, and a role raised by update', async () => {
    const offer = answer(
      withTenant(h.db, directeur(), async (tx) => {
        const id = crypto.randomUUID()
        await tx.insert(schema.invitations).values({ id, tokenHash: hashToken(id), email: 'vals@branding.demo', invitedBy: directeur().userId, stichtingId: directeur().stichtingId, schoolId: directeur().schoolId, expiresAt: new Date(Date.now() + 3600_000) })
        await tx.insert(schema.invitationMemberships).values({ invitationId: id, role: 'stichtingbeheerder', stichtingId: directeur().stichtingId })
      }),
    )
    expect(await offer).toMatch(/row-level security/)
    const [ib] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, userOf['ib@branding.demo']!))
    const raise = await answer(withTenant(h.db, directeur(), (tx) => tx.execute(sql`update memberships set role = 'stichtingbeheerder' where id = ${ib!.id}`)))
    expect(raise).toMatch(/row-level security|memberships_scope/)
  })
})

describe('users and memberships', () => {
  it('a directeur lists only its school’s staff; role changes and ends are audited; one’s own is refused', async () => {
    const list = await runAs(h.db, directeur(), listUsers, {})
    if (!list.ok) throw new Error(JSON.stringify(list))
    expect(list.items.every((u) => u.memberships.every((m) => m.schoolId === directeur().schoolId))).toBe(true)
    expect(list.items.map((u) => u.email)).toContain('ib@branding.demo')
    expect(list.items.map((u) => u.email)).not.toContain('beheer@kompas.demo')

    const [own] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.id, directeur().membershipId))
    expect(await runAs(h.db, directeur(), changeMembershipRole, { id: own!.id, role: 'leerkracht' })).toMatchObject({ ok: false, reason: 'conflict' })
    const [teacher] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, userOf['leerkracht2@branding.demo']!))
    expect(await runAs(h.db, directeur(), changeMembershipRole, { id: teacher!.id, role: 'bestuurder' })).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await runAs(h.db, directeur(), changeMembershipRole, { id: teacher!.id, role: 'intern_begeleider' })).toMatchObject({ ok: true, role: 'intern_begeleider' })
    // Another stichting's membership does not exist for the caller.
    const [horizonDir] = await h.db.select().from(schema.memberships).where(eq(schema.memberships.userId, userOf['directeur@horizon.demo']!))
    expect(await runAs(h.db, beheer(), endMembership, { id: horizonDir!.id })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await runAs(h.db, directeur(), endMembership, { id: teacher!.id })).toMatchObject({ ok: true })
    expect(await h.db.select().from(schema.memberships).where(eq(schema.memberships.id, teacher!.id))).toEqual([])
    const trail = await h.db.select().from(schema.adminAudit).where(eq(schema.adminAudit.subjectId, teacher!.id))
    expect(trail.map((a) => a.action).sort()).toEqual(['membership.ended', 'membership.role_changed'])
  })

  it('deactivation ends all sessions and tokens at once; reactivation restores sign-in only', async () => {
    const ib = userOf['ib@branding.demo']!
    await h.db.insert(schema.sessions).values({ id: hashToken('ib-session'), userId: ib, expiresAt: new Date(Date.now() + 3600_000) })
    expect(await runAs(h.db, directeur(), deactivateUser, { id: userOf['beheer@kompas.demo']! })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await runAs(h.db, directeur(), deactivateUser, { id: directeur().userId })).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await runAs(h.db, directeur(), deactivateUser, { id: ib })).toMatchObject({ ok: true, changed: true })
    const [user] = await h.db.select().from(schema.users).where(eq(schema.users.id, ib))
    expect(user?.disabledAt).not.toBeNull()
    expect(await h.db.select().from(schema.sessions).where(eq(schema.sessions.userId, ib))).toEqual([])
    expect(await runAs(h.db, directeur(), reactivateUser, { id: ib })).toMatchObject({ ok: true, changed: true })
    const trail = await h.db.select().from(schema.adminAudit).where(eq(schema.adminAudit.subjectId, ib))
    expect(trail.map((a) => a.action).sort()).toEqual(['user.deactivated', 'user.reactivated'])
  })
})
