// Tenant and organisation administration at the domain level on the embedded database: input
// refused per field, a clash refused with nothing written (not the row, not a trail row), another
// stichting's records not found, and RLS pinning the stichting even when the domain is bypassed.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGroup, createSchool, createSession, createStichting, linkPartner, listStichtingen, setStichtingSuspension, unlinkPartner, updateSchool, validateSessionToken } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'

let h: DatabaseHandle
let ctxOf: Record<string, TenantContext>
let horizonBeheer: TenantContext
const SCHOOL = { name: 'IKC Het Anker', brin: '76KL', sector: 'po', holidayRegion: 'noord', street: 'Havenweg 2', postcode: '9711 XY', place: 'Groningen' }

beforeAll(async () => {
  ;({ h, ctxOf } = await openDemoDatabase())
  // A stichtingbeheerder of Horizon, acting in Horizon's context (the demo has none).
  const bestuur = ctxOf['bestuur@horizon.demo']!
  horizonBeheer = { ...bestuur, role: 'stichtingbeheerder' }
})
afterAll(() => h?.close())

const beheer = () => ctxOf['beheer@kompas.demo']!
const rows = async () => {
  const [schools] = await h.db.select({ n: count() }).from(schema.schools)
  const [audit] = await h.db.select({ n: count() }).from(schema.adminAudit)
  return { schools: schools!.n, audit: audit!.n }
}

describe('schools', () => {
  it('names every invalid field, and writes nothing on a taken BRIN', async () => {
    const bad = await runAs(h.db, beheer(), createSchool, { name: '', brin: '1A2B', sector: 'hbo', holidayRegion: 'west', street: '', postcode: '1234', place: '' })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['brin', 'holidayRegion', 'name', 'place', 'postcode', 'sector', 'street'])
    const before = await rows()
    const taken = await runAs(h.db, beheer(), createSchool, { ...SCHOOL, brin: '12AB' })
    expect(taken).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'brin' }] })
    expect(await rows()).toEqual(before)
  })

  it('another stichting’s school, group and link are not found; RLS pins the stichting', async () => {
    const created = await runAs(h.db, beheer(), createSchool, SCHOOL)
    if (!created.ok) throw new Error(JSON.stringify(created))
    const id = created.school.id
    expect(await runAs(h.db, horizonBeheer, updateSchool, { id, ...SCHOOL, name: 'Overgenomen' })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await runAs(h.db, horizonBeheer, createGroup, { schoolId: id, schoolYear: '2026-2027', name: '1A' })).toMatchObject({ ok: false, reason: 'not_found' })
    const [partner] = await h.db.select().from(schema.partnerOrganisations).limit(1)
    expect(await runAs(h.db, horizonBeheer, linkPartner, { partnerId: partner!.id, schoolId: id })).toMatchObject({ ok: false, reason: 'not_found', errors: [{ path: 'schoolId' }] })
    const link = await runAs(h.db, beheer(), linkPartner, { partnerId: partner!.id, schoolId: id })
    if (!link.ok) throw new Error(JSON.stringify(link))
    expect(await runAs(h.db, horizonBeheer, unlinkPartner, { id: link.link.id })).toMatchObject({ ok: false, reason: 'not_found' })
    // Past the domain, straight at the table: Postgres refuses a school for another stichting.
    const direct = withTenant(h.db, horizonBeheer, (tx) => tx.insert(schema.schools).values({ ...SCHOOL, brin: '75KL', sector: 'po', holidayRegion: 'noord', stichtingId: beheer().stichtingId! }))
    await expect(direct).rejects.toThrow()
    // … and a directeur may not add schools at all, even in the own stichting.
    const dir = ctxOf['directeur@branding.demo']!
    const byDirecteur = withTenant(h.db, dir, (tx) => tx.insert(schema.schools).values({ ...SCHOOL, brin: '74KL', sector: 'po', holidayRegion: 'noord', stichtingId: dir.stichtingId! }))
    await expect(byDirecteur).rejects.toThrow()
  })
})

describe('stichtingen', () => {
  it('only the platform creates one; the counts carry no names', async () => {
    expect(await runAs(h.db, beheer(), createStichting, { name: 'Eigen', kvkNumber: '12345678', bevoegdGezagNumber: '12345' })).toMatchObject({ ok: false, reason: 'forbidden' })
    const platform = ctxOf['platform@baken.demo']!
    const out = await runAs(h.db, platform, listStichtingen, {})
    if (!out.ok) throw new Error(JSON.stringify(out))
    for (const item of out.items) expect(Object.keys(item.counts).sort()).toEqual(['incidents', 'pupils', 'schools', 'users'])
    // The counts function answers nobody else.
    const forBeheer = await withTenant(h.db, beheer(), (tx) => tx.execute(sql`select * from platform_usage_counts('2026-2027')`))
    expect((Array.isArray(forBeheer) ? forBeheer : (forBeheer as { rows: unknown[] }).rows).length).toBe(0)
  })

  it('a suspension marks the membership when a session is validated, and lifting it clears the mark', async () => {
    const platform = ctxOf['platform@baken.demo']!
    const b = beheer()
    const { token } = await createSession(h.db, b.userId, {}, b.membershipId)
    expect((await validateSessionToken(h.db, token))?.membership?.suspended).toBe(false)
    expect(await runAs(h.db, platform, setStichtingSuspension, { id: b.stichtingId, suspended: true })).toMatchObject({ ok: true })
    expect((await validateSessionToken(h.db, token))?.membership?.suspended).toBe(true)
    expect(await runAs(h.db, platform, setStichtingSuspension, { id: b.stichtingId, suspended: false })).toMatchObject({ ok: true })
    expect((await validateSessionToken(h.db, token))?.membership?.suspended).toBe(false)
    const [st] = await h.db.select().from(schema.stichtingen).where(eq(schema.stichtingen.id, b.stichtingId!))
    expect(st!.suspendedAt).toBeNull()
  })
})
