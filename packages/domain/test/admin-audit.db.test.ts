// The admin audit trail at the domain level on the embedded database: written in the change's own
// transaction by the acting user, read only by the stichting's beheerder and privacyfunctionaris
// (and the platform's own rows by the platform_beheerder), never written in someone else's name.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changedFields, listAdminAudit, recordAdminChange } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'

let h: DatabaseHandle
let ctxOf: Record<string, TenantContext>
let schoolId: string

beforeAll(async () => {
  ;({ h, ctxOf } = await openDemoDatabase())
  schoolId = ctxOf['directeur@branding.demo']!.schoolId!
})
afterAll(() => h?.close())

const beheer = () => ctxOf['beheer@kompas.demo']!
/** What Postgres answered a statement (Drizzle wraps it as the cause), or 'ok'. */
const answer = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
  )

describe('admin audit trail', () => {
  it('keeps who changed what, before and after, without secrets', async () => {
    await withTenant(h.db, beheer(), (tx) =>
      recordAdminChange(tx, { tenant: beheer() }, {
        action: 'school.updated',
        subjectType: 'school',
        subjectId: schoolId,
        ...changedFields({ name: 'De Branding', brin: '12AB' }, { name: 'OBS De Branding', brin: '12AB' }),
      }),
    )
    await withTenant(h.db, beheer(), (tx) =>
      recordAdminChange(tx, { tenant: beheer() }, {
        action: 'user.invited',
        subjectType: 'user',
        subjectId: null,
        before: null,
        after: { email: 'nieuw@branding.demo', tokenHash: 'abc', passwordHash: 'x' },
      }),
    )
    const out = await runAs(h.db, beheer(), listAdminAudit, {})
    if (!out.ok) throw new Error(JSON.stringify(out))
    const [invited, updated] = out.items
    expect(updated).toMatchObject({
      action: 'school.updated',
      actorName: 'Ruud Verhoef',
      actorRole: 'stichtingbeheerder',
      before: { name: 'De Branding' },
      after: { name: 'OBS De Branding' },
    })
    expect(invited?.after).toEqual({ email: 'nieuw@branding.demo' })
    const privacy = await runAs(h.db, ctxOf['privacy@kompas.demo']!, listAdminAudit, { subjectType: 'school' })
    expect(privacy.ok && privacy.items.map((i) => i.action)).toEqual(['school.updated'])
  })

  it('is refused to the other roles, and shows another stichting nothing', async () => {
    for (const email of ['bestuur@kompas.demo', 'directeur@branding.demo', 'politie@wijkteam.demo']) {
      expect(await runAs(h.db, ctxOf[email]!, listAdminAudit, {})).toMatchObject({ ok: false, reason: 'forbidden' })
    }
    const horizon = ctxOf['bestuur@horizon.demo']!
    const otherBeheer: TenantContext = { ...horizon, role: 'stichtingbeheerder' }
    const other = await runAs(h.db, otherBeheer, listAdminAudit, {})
    expect(other.ok && other.items).toEqual([])
    const platform = await runAs(h.db, ctxOf['platform@baken.demo']!, listAdminAudit, {})
    expect(platform.ok && platform.items).toEqual([])
  })

  it('cannot be written in another user’s name, for another stichting, or changed afterwards', async () => {
    const forged = withTenant(h.db, beheer(), (tx) =>
      tx.insert(schema.adminAudit).values({
        stichtingId: beheer().stichtingId,
        actorUserId: ctxOf['privacy@kompas.demo']!.userId,
        actorRole: 'stichtingbeheerder',
        action: 'user.deactivated',
        subjectType: 'user',
        after: {},
      }),
    )
    expect(await answer(forged)).toMatch(/new row violates row-level security policy/)
    const elsewhere = withTenant(h.db, beheer(), (tx) =>
      recordAdminChange(tx, { tenant: beheer() }, {
        action: 'school.created',
        subjectType: 'school',
        subjectId: null,
        stichtingId: ctxOf['bestuur@horizon.demo']!.stichtingId,
        before: null,
        after: { name: 'x' },
      }),
    )
    expect(await answer(elsewhere)).toMatch(/new row violates row-level security policy/)
    const edit = withTenant(h.db, beheer(), (tx) =>
      tx.update(schema.adminAudit).set({ action: 'school.deleted' }).where(eq(schema.adminAudit.action, 'school.updated')),
    )
    expect(await answer(edit)).toMatch(/permission denied/)
  })

  it('lets the platform_beheerder write a stichting’s first change and read only the platform’s own rows', async () => {
    const platform = ctxOf['platform@baken.demo']!
    await withTenant(h.db, platform, async (tx) => {
      await recordAdminChange(tx, { tenant: platform }, {
        action: 'stichting.created',
        subjectType: 'stichting',
        subjectId: beheer().stichtingId,
        stichtingId: beheer().stichtingId,
        before: null,
        after: { name: 'Kompas' },
      })
      await recordAdminChange(tx, { tenant: platform }, {
        action: 'partner.created',
        subjectType: 'partner',
        subjectId: null,
        stichtingId: null,
        before: null,
        after: { name: 'Halt Zuid' },
      })
    })
    const mine = await runAs(h.db, platform, listAdminAudit, {})
    expect(mine.ok && mine.items.map((i) => i.action)).toEqual(['partner.created'])
    const kompas = await runAs(h.db, beheer(), listAdminAudit, { subjectType: 'stichting' })
    expect(kompas.ok && kompas.items.map((i) => [i.action, i.actorRole])).toEqual([['stichting.created', 'platform_beheerder']])
  })
})
