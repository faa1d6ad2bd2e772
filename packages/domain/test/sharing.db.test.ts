// Purpose-bound sharing through the tenant transaction, as the routes call it: the law's conditions
// on a share (agreement, purpose, fields, expiry), the minimised payload, the access log, agreements
// (draft, approve by the bevoegd gezag only, end), revocation and what a recipient sees.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSharingRefs, seedDemoSharing, HALT_AGREEMENT_TITLE, POLICE_AGREEMENT_TITLE } from '../../db/src/demo-sharing.ts'
import {
  approveAgreement,
  createAgreement,
  createShareRecord,
  endAgreement,
  getAgreement,
  getShare,
  getSharedRecord,
  listAgreements,
  listShares,
  listSharedRecords,
  localDate,
  plusDays,
  projectPayload,
  recordPoliceReport,
  revokeShare,
  schoolYearOf,
  type CreateShareInput,
  type UseCase,
} from '../src/index.ts'
import { runAs } from './support/run-use-case.ts'
import { openDemoDatabase } from './support/demo-database.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const userOf: Record<string, string> = {}
// Shares, agreements and reports are checked against the real day.
const today = localDate(new Date())
const fightAt = new Date(Date.now() - 3 * 86400_000)
const as = <T>(email: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, ctxOf[email]!, fn)
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown) => runAs(h.db, ctxOf[email]!, useCase, input)

let wijkteam: string
let haltNoord: string
let policeAgreement: string
/** A submitted Branding incident with a dader, a slachtoffer and a situation naming them. */
let fight: string
let dader: { id: string; name: string }
let victim: { id: string; name: string }
let bystander: { id: string; name: string }
let horizonIncident: string
let lyceumIncident: string

const DAY = 86_400_000
const base = (over: Partial<CreateShareInput> = {}): CreateShareInput => ({
  partnerId: wijkteam,
  purpose: 'strafbare_feiten',
  fields: ['datum', 'type'],
  incidentIds: [fight],
  studentIds: [],
  expiresAt: new Date(Date.now() + 30 * DAY),
  origin: 'handmatig',
  ...over,
})
const share = (email: string, input: CreateShareInput) => as(email, (tx) => createShareRecord(tx, ctxOf[email]!, input))

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  Object.assign(userOf, demo.userOf)
  await h.db.transaction(async (tx) => seedDemoSharing(tx, await loadSharingRefs(tx)))
  const [w] = await h.db.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.kind, 'police_unit'))
  const [hn] = await h.db.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.kind, 'halt_region'))
  wijkteam = w!.id
  haltNoord = hn!.id
  const [a] = await h.db.select().from(schema.sharingAgreements).where(eq(schema.sharingAgreements.title, POLICE_AGREEMENT_TITLE))
  policeAgreement = a!.id

  // A fight at De Branding: a dader, a slachtoffer, and a text naming both and a bystander.
  const branding = ctxOf['directeur@branding.demo']!
  const pupils = await h.db.select().from(schema.students).where(eq(schema.students.schoolId, branding.schoolId!)).limit(3)
  const name = (p: (typeof pupils)[number]) => [p.firstName, p.infix, p.lastName].filter(Boolean).join(' ')
  // Distinct first names, so the redaction of one never hits the other.
  dader = { id: pupils[0]!.id, name: name(pupils[0]!) }
  victim = { id: pupils[1]!.id, name: name(pupils[1]!) }
  bystander = { id: pupils[2]!.id, name: name(pupils[2]!) }
  const [incident] = await h.db
    .insert(schema.incidents)
    .values({
      stichtingId: branding.stichtingId!,
      schoolId: branding.schoolId!,
      status: 'submitted',
      submittedAt: new Date(),
      schoolYear: schoolYearOf(fightAt),
      occurredAt: fightAt,
      locationCode: 3,
      situation: `${dader.name} sloeg ${victim.name} in de klas; ${bystander.name} zag het gebeuren.`,
      physicalAggression: true,
      reportedById: branding.userId,
    })
    .returning()
  fight = incident!.id
  await h.db.insert(schema.incidentCodes).values({ stichtingId: branding.stichtingId!, schoolId: branding.schoolId!, incidentId: fight, list: 'voorval', code: 2 })
  await h.db.insert(schema.incidentPersons).values([
    { stichtingId: branding.stichtingId!, schoolId: branding.schoolId!, incidentId: fight, role: 'dader', kind: 'leerling', studentId: dader.id, position: 0, injury: null },
    { stichtingId: branding.stichtingId!, schoolId: branding.schoolId!, incidentId: fight, role: 'slachtoffer', kind: 'leerling', studentId: victim.id, position: 1, injury: `Blauw oog na de klap van ${dader.name}.` },
  ])
  const [hz] = await h.db.select({ id: schema.incidents.id }).from(schema.incidents).where(eq(schema.incidents.schoolId, ctxOf['directeur@horizon.demo']!.schoolId!)).limit(1)
  horizonIncident = hz!.id
  const [ly] = await h.db
    .select({ id: schema.incidents.id })
    .from(schema.incidents)
    .where(and(eq(schema.incidents.schoolId, ctxOf['directeur@lyceum.demo']!.schoolId!), eq(schema.incidents.status, 'submitted')))
    .limit(1)
  lyceumIncident = ly!.id
})
afterAll(() => h?.close())

describe('createShareRecord', () => {
  it('shares under the active agreement with only the chosen fields, and logs the share once, naming its pupil', async () => {
    // The share is about the dader: only she is named (ADR 013).
    const r = await share('directeur@branding.demo', base({ fields: ['datum', 'type', 'naam_dader', 'omschrijving'], studentIds: [dader.id] }))
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    if (!r.ok) return
    const [row] = await h.db.select().from(schema.shares).where(eq(schema.shares.id, r.shareId))
    expect(row).toMatchObject({ agreementId: policeAgreement, partnerId: wijkteam, fields: ['datum', 'type', 'naam_dader', 'omschrijving'], origin: 'handmatig' })
    const [item] = await h.db.select().from(schema.shareItems).where(eq(schema.shareItems.shareId, r.shareId))
    const payload = item!.payload as Record<string, unknown>
    expect(Object.keys(payload).sort()).toEqual(['datum', 'naam_dader', 'omschrijving', 'type'])
    expect(payload.naam_dader).toEqual([dader.name])
    const json = JSON.stringify(payload)
    // The victim is not named anywhere, also not in the free text; nor the bystander.
    expect(json).not.toContain(victim.name)
    expect(json).not.toContain(bystander.name)
    expect(payload.omschrijving).toContain(dader.name)
    expect(payload.omschrijving).toMatch(/leerling A/)
    expect(payload.omschrijving).toMatch(/een andere leerling/)
    const students = await h.db.select().from(schema.shareStudents).where(eq(schema.shareStudents.shareId, r.shareId))
    expect(students.map((s) => s.studentId)).toEqual([dader.id])
    const log = await h.db.select().from(schema.accessLog).where(and(eq(schema.accessLog.subjectId, r.shareId), eq(schema.accessLog.action, 'share')))
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ subjectType: 'share', studentId: null, studentIds: [dader.id], userId: userOf['directeur@branding.demo'] })
  })

  it('the least: date and type only, no pupil at all', async () => {
    const r = await share('directeur@branding.demo', base())
    if (!r.ok) throw new Error(JSON.stringify(r))
    const [item] = await h.db.select().from(schema.shareItems).where(eq(schema.shareItems.shareId, r.shareId))
    expect(Object.keys(item!.payload as object).sort()).toEqual(['datum', 'type'])
    expect(JSON.stringify(item!.payload)).not.toContain(dader.name)
  })

  it('refuses a field outside the agreement’s data categories, naming it', async () => {
    const r = await share('directeur@branding.demo', base({ fields: ['datum', 'letsel'], studentIds: [victim.id] }))
    // letsel is not among the police agreement's categories
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'fields' }] })
    if (r.ok) return
    expect(r.errors[0]!.message).toMatch(/Letsel/)
  })

  it('refuses a share without an agreement with that partner', async () => {
    const r = await share('directeur@branding.demo', base({ partnerId: haltNoord, purpose: 'halt_spreekuur' }))
    expect(r).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'agreementId', message: expect.stringMatching(/buiten een geldend convenant/) }] })
  })

  it('refuses a purpose the agreement does not cover', async () => {
    const r = await share('directeur@branding.demo', base({ purpose: 'hulpverlening' }))
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'purpose' }] })
  })

  it('refuses an expiry beyond the retention period, or in the past', async () => {
    expect(await share('directeur@branding.demo', base({ expiresAt: new Date(Date.now() + 400 * DAY) }))).toMatchObject({ ok: false, errors: [{ path: 'expiresAt' }] })
    expect(await share('directeur@branding.demo', base({ expiresAt: new Date(Date.now() - DAY) }))).toMatchObject({ ok: false, errors: [{ path: 'expiresAt' }] })
  })

  it('refuses a named agreement that is not approved, or of another school', async () => {
    const [draft] = await h.db.select().from(schema.sharingAgreements).where(eq(schema.sharingAgreements.status, 'concept'))
    expect(await share('directeur@branding.demo', base({ agreementId: draft!.id }))).toMatchObject({ ok: false, reason: 'conflict' })
    const [halt] = await h.db.select().from(schema.sharingAgreements).where(eq(schema.sharingAgreements.title, HALT_AGREEMENT_TITLE))
    expect(await share('directeur@branding.demo', base({ agreementId: halt!.id }))).toMatchObject({ ok: false })
  })

  it('refuses incidents of another school or another stichting (404)', async () => {
    expect(await share('directeur@branding.demo', base({ incidentIds: [lyceumIncident] }))).toMatchObject({ ok: false, reason: 'not_found', errors: [{ path: 'incidentIds' }] })
    expect(await share('directeur@branding.demo', base({ incidentIds: [horizonIncident] }))).toMatchObject({ ok: false, reason: 'not_found' })
  })

  it('refuses a recipient who is not of the partner; accepts the police officer', async () => {
    expect(await share('directeur@branding.demo', base({ recipientUserIds: [userOf['halt@haltnoord.demo']!] }))).toMatchObject({ ok: false, errors: [{ path: 'recipientUserIds' }] })
    const ok = await share('directeur@branding.demo', base({ recipientUserIds: [userOf['politie@wijkteam.demo']!] }))
    expect(ok.ok).toBe(true)
  })

  it('refuses bad input with Dutch messages', async () => {
    const r = await share('directeur@branding.demo', base({ fields: [] }))
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'fields', message: expect.stringMatching(/ten minste één gegeven/) }] })
  })

  it('a partner cannot share (no school)', async () => {
    expect(await share('politie@wijkteam.demo', base())).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('the Halt agreement covers a Vakcollege referral', async () => {
    const vak = ctxOf['directeur@vakcollege.demo']!
    const [inc] = await h.db
      .select({ id: schema.incidents.id, studentId: schema.incidentPersons.studentId })
      .from(schema.incidents)
      .innerJoin(schema.incidentPersons, and(eq(schema.incidentPersons.incidentId, schema.incidents.id), eq(schema.incidentPersons.role, 'dader')))
      .where(and(eq(schema.incidents.schoolId, vak.schoolId!), eq(schema.incidents.status, 'submitted'), eq(schema.incidents.confidential, false), isNotNull(schema.incidentPersons.studentId)))
      .limit(1)
    const r = await share(
      'directeur@vakcollege.demo',
      base({ partnerId: haltNoord, purpose: 'halt_spreekuur', incidentIds: [inc!.id], studentIds: [inc!.studentId!], origin: 'halt_verwijzing', fields: ['datum', 'type', 'naam_dader'] }),
    )
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
  })

  it('the database refuses a second revocation or any other change of a share', async () => {
    const r = await share('directeur@branding.demo', base())
    if (!r.ok) throw new Error('no share')
    await expect(
      as('directeur@branding.demo', (tx) => tx.update(schema.shares).set({ fields: ['datum', 'type', 'omschrijving'] }).where(eq(schema.shares.id, r.shareId))),
    ).rejects.toThrow()
    await as('directeur@branding.demo', (tx) =>
      tx.update(schema.shares).set({ revokedAt: new Date(), revokedById: userOf['directeur@branding.demo']!, revokeReason: 'test' }).where(eq(schema.shares.id, r.shareId)),
    )
    await expect(
      as('directeur@branding.demo', (tx) =>
        tx.update(schema.shares).set({ revokedAt: new Date(), revokedById: userOf['directeur@branding.demo']!, revokeReason: 'nog eens' }).where(eq(schema.shares.id, r.shareId)),
      ),
    ).rejects.toThrow()
    void sql
  })
})

describe('agreements', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    partnerId: wijkteam,
    title: 'Convenant openbare orde',
    publicInterest: 'Openbare orde rond de school.',
    partnership: 'School en wijkteam.',
    purposes: ['openbare_orde'],
    dataCategories: ['datum', 'type', 'locatie'],
    conditions: 'Alleen buiten het gebouw.',
    recipients: 'Wijkagenten.',
    legalBasis: 'AVG art. 6 lid 1 sub e.',
    validFrom: plusDays(today, -30),
    validUntil: plusDays(today, 700),
    retentionDays: 30,
    ...over,
  })
  const create = (email: string, input: unknown) => run(email, createAgreement, input)

  it('names every missing Wpg field in Dutch', async () => {
    const r = await create('privacy@kompas.demo', { partnerId: wijkteam, purposes: [], dataCategories: [], validFrom: '2027-01-01', validUntil: '2026-01-01', retentionDays: 0 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]))
    expect(byPath).toMatchObject({
      title: expect.stringMatching(/titel/),
      publicInterest: expect.stringMatching(/zwaarwegend algemeen belang/),
      partnership: expect.stringMatching(/samenwerkingsverband/),
      purposes: expect.stringMatching(/ten minste één doel/),
      dataCategories: expect.stringMatching(/categorie/),
      conditions: expect.stringMatching(/voorwaarden/),
      recipients: expect.stringMatching(/ontvangers/),
      legalBasis: expect.stringMatching(/grondslag/),
      retentionDays: expect.stringMatching(/ten minste 1 dag/),
    })
  })

  it('refuses an end before the start', async () => {
    const r = await create('privacy@kompas.demo', body({ validFrom: '2027-01-01', validUntil: '2026-01-01' }))
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'validUntil', message: expect.stringMatching(/vóór de begindatum/) }] })
  })

  it('a directeur drafts for the own school only; a leerkracht not at all', async () => {
    const lyceum = ctxOf['directeur@lyceum.demo']!.schoolId!
    expect(await create('directeur@branding.demo', body({ schoolId: lyceum }))).toMatchObject({ ok: false, reason: 'forbidden' })
    const own = await create('directeur@branding.demo', body())
    expect(own.ok).toBe(true)
    expect(await create('leerkracht@branding.demo', body())).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('is a concept until the bestuurder approves it; then it can carry a share; ended, it no longer can', async () => {
    const r = await create('privacy@kompas.demo', body({ schoolId: ctxOf['directeur@branding.demo']!.schoolId }))
    if (!r.ok) throw new Error(JSON.stringify(r))
    const shareUnder = () => share('directeur@branding.demo', base({ agreementId: r.id, purpose: 'openbare_orde', fields: ['datum', 'locatie'] }))
    expect(await shareUnder()).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await run('privacy@kompas.demo', approveAgreement, { id: r.id })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await run('bestuur@kompas.demo', approveAgreement, { id: r.id })).toMatchObject({ ok: true })
    expect(await run('bestuur@kompas.demo', approveAgreement, { id: r.id })).toMatchObject({ ok: false, reason: 'conflict' })
    expect((await shareUnder()).ok).toBe(true)
    expect(await run('privacy@kompas.demo', endAgreement, { id: r.id })).toMatchObject({ ok: true })
    expect(await shareUnder()).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('both sides read it; the police only approved ones of their own; another stichting nothing', async () => {
    const listed = await run('politie@wijkteam.demo', listAgreements, {})
    if (!listed.ok) throw new Error(JSON.stringify(listed))
    const police = listed.items
    expect(police.length).toBeGreaterThan(0)
    expect(police.every((a) => a.partnerId === wijkteam && a.status !== 'concept')).toBe(true)
    expect(police.map((a) => a.id)).toContain(policeAgreement)
    const horizon = await run('directeur@horizon.demo', listAgreements, {})
    expect(horizon).toEqual({ ok: true, items: [] })
    expect(await run('directeur@horizon.demo', getAgreement, { id: policeAgreement })).toMatchObject({ ok: false, reason: 'not_found' })
    const got = await run('directeur@branding.demo', getAgreement, { id: policeAgreement })
    expect(got).toMatchObject({ title: POLICE_AGREEMENT_TITLE, active: true, partnerName: 'Wijkteam Centrum' })
  })
})

describe('what the police see, and revocation', () => {
  it('lists only active shares addressed to them, newest first, with the payload projected; each look logged', async () => {
    const r = await share('directeur@branding.demo', base({ fields: ['datum', 'type', 'naam_dader'], studentIds: [dader.id] }))
    if (!r.ok) throw new Error('no share')
    const email = 'politie@wijkteam.demo'
    const listed = await run(email, listSharedRecords, {})
    if (!listed.ok) throw new Error(JSON.stringify(listed))
    const list = listed.items
    expect(list!.length).toBeGreaterThan(0)
    const times = list!.map((s) => s.sharedAt.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const mine = list!.find((s) => s.id === r.shareId)!
    expect(Object.keys(mine.items[0]!.payload).sort()).toEqual(['datum', 'naam_dader', 'type'])
    // Expired and revoked demo shares are not there.
    const demoShares = await h.db.select().from(schema.shares).where(eq(schema.shares.agreementId, policeAgreement))
    for (const s of demoShares.filter((s) => s.revokedAt || s.expiresAt < new Date())) {
      expect(list!.map((x) => x.id)).not.toContain(s.id)
      expect(await run(email, getSharedRecord, { id: s.id })).toMatchObject({ ok: false, reason: 'not_found' })
    }
    const one = await run(email, getSharedRecord, { id: r.shareId })
    expect(one.ok).toBe(true)
    const logged = await h.db
      .select()
      .from(schema.accessLog)
      .where(and(eq(schema.accessLog.subjectId, r.shareId), eq(schema.accessLog.userId, userOf[email]!)))
    expect(logged.length).toBeGreaterThanOrEqual(2)
    expect(logged[0]).toMatchObject({ subjectType: 'share', action: 'read', studentId: null, studentIds: [dader.id], stichtingId: ctxOf['directeur@branding.demo']!.stichtingId, partnerId: wijkteam })
    // The summary list shows no payload and is not logged.
    const before = logged.length
    const summary = await run(email, listSharedRecords, { summaryOnly: true })
    if (!summary.ok) throw new Error(JSON.stringify(summary))
    expect(summary.items.find((s) => s.id === r.shareId)!.items).toEqual([])
    const after = await h.db.select().from(schema.accessLog).where(and(eq(schema.accessLog.subjectId, r.shareId), eq(schema.accessLog.userId, userOf[email]!)))
    expect(after.length).toBe(before)
  })

  it('a projected payload drops any key outside the share’s fields', () => {
    expect(projectPayload({ datum: 'x', omschrijving: 'geheim', naam_slachtoffer: ['A'] }, ['datum', 'type'])).toEqual({ datum: 'x' })
  })

  it('revocation: reason required, not twice, logged, and the police get null at once', async () => {
    const r = await share('directeur@branding.demo', base())
    if (!r.ok) throw new Error('no share')
    const email = 'directeur@branding.demo'
    expect(await run(email, revokeShare, { id: r.shareId, reason: '' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'reason' }] })
    expect(await run('leerkracht@branding.demo', revokeShare, { id: r.shareId, reason: 'weg' })).toMatchObject({ ok: false })
    expect(await run(email, revokeShare, { id: r.shareId, reason: 'Onderzoek afgerond.' })).toMatchObject({ ok: true })
    expect(await run(email, revokeShare, { id: r.shareId, reason: 'Nog eens.' })).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await run('politie@wijkteam.demo', getSharedRecord, { id: r.shareId })).toMatchObject({ ok: false, reason: 'not_found' })
    const list = await run(email, listShares, { status: 'ingetrokken' })
    if (!list.ok) throw new Error(JSON.stringify(list))
    expect(list.items.map((s) => s.id)).toContain(r.shareId)
  })

  it('the privacyfunctionaris revokes for the stichting', async () => {
    const r = await share('directeur@branding.demo', base())
    if (!r.ok) throw new Error('no share')
    const email = 'privacy@kompas.demo'
    expect(await run(email, revokeShare, { id: r.shareId, reason: 'Geen grondslag.' })).toMatchObject({ ok: true })
  })

  it('another stichting cannot read or revoke a share', async () => {
    const r = await share('directeur@branding.demo', base())
    if (!r.ok) throw new Error('no share')
    const email = 'directeur@horizon.demo'
    expect(await run(email, getShare, { id: r.shareId })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await run(email, revokeShare, { id: r.shareId, reason: 'niet van ons' })).toMatchObject({ ok: false, reason: 'not_found' })
  })
})

describe('melding / aangifte', () => {
  it('records the aangifte on the incident with a version and makes the police share', async () => {
    const email = 'directeur@branding.demo'
    const r = await run(email, recordPoliceReport, {
        id: fight,
        kind: 'aangifte',
        reportedOn: plusDays(today, -1),
        reportedBy: 'Henk Mulder',
        onBehalfOfVictim: 'on',
        fields: ['datum', 'naam_slachtoffer'],
        studentIds: [victim.id],
        expiresOn: new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10),
      })
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    if (!r.ok) return
    const [row] = await h.db.select().from(schema.incidents).where(eq(schema.incidents.id, fight))
    expect(row).toMatchObject({ policeReportKind: 'aangifte', policeReportedOn: plusDays(today, -1), policeOnBehalfOfVictim: true })
    const [s] = await h.db.select().from(schema.shares).where(eq(schema.shares.id, r.shareId))
    expect(s).toMatchObject({ origin: 'aangifte', purpose: 'strafbare_feiten', partnerId: wijkteam })
    const students = await h.db.select().from(schema.shareStudents).where(eq(schema.shareStudents.shareId, r.shareId))
    expect(students.map((x) => x.studentId)).toEqual([victim.id])
  })

  it('a refused share records nothing on the incident (the route rolls back); a leerkracht may not', async () => {
    const email = 'leerkracht@branding.demo'
    const r = await run(email, recordPoliceReport, { id: fight, kind: 'melding', reportedOn: '2026-11-20', reportedBy: 'x', fields: ['datum'], expiresOn: '2026-12-01' })
    expect(r.ok).toBe(false)
  })
})

describe('oversight by the stichting', () => {
  it('the bestuurder and the privacyfunctionaris see the facts of a share, not its content', async () => {
    const r = await share('directeur@branding.demo', base({ fields: ['datum', 'naam_dader'], studentIds: [dader.id] }))
    if (!r.ok) throw new Error('no share')
    for (const email of ['bestuur@kompas.demo', 'privacy@kompas.demo']) {
      const got = await run(email, getShare, { id: r.shareId })
      expect(got).toMatchObject({ contentHidden: true, items: [], students: [], studentCount: 1, partnerName: 'Wijkteam Centrum' })
      expect(JSON.stringify(got)).not.toContain(dader.name)
    }
    const school = await run('directeur@branding.demo', getShare, { id: r.shareId })
    expect(JSON.stringify(school)).toContain(dader.name)
  })
})
