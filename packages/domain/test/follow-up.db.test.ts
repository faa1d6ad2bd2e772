// Follow-up tasks, acknowledgements and the parents' report on the embedded database with the demo
// seed, through the tenant transaction (RLS as baken_app) and each role's CASL rules, as the routes
// call them.
import { schema, withTenant, type DatabaseHandle, type TenantContext, type Tx } from '@baken/db'
import { demoDates, dutchMoment } from '@baken/db/demo'
import { defineAbilityFor, ForbiddenError, type AppAbility } from '@baken/permissions'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createIncident,
  createTask,
  displayName,
  exportParentReport,
  listAcknowledgements,
  listOverdueTasks,
  listTasks,
  loadIncident,
  plusDays,
  recordAcknowledgement,
  updateTask,
  type Outcome,
  type UseCase,
} from '../src/index.ts'
import type { z } from 'zod'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'
import { pdfText } from './support/pdf-text.ts'

// The day the demo was seeded: its tasks are open, done or overdue relative to it, and the use cases
// below are called as on that day.
let TODAY: string
const inDays = (n: number) => plusDays(TODAY, n)
let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const userOf: Record<string, string> = {}
let branding: string

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  Object.assign(userOf, demo.userOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  TODAY = demoDates(seed!.at).today
  branding = ctxOf['directeur@branding.demo']!.schoolId!
})
afterAll(() => h?.close())

/** Rows of a raw query on the embedded database. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows

/** Runs a use case as the user, on the day the demo was seeded (noon, Dutch time). */
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown) =>
  runAs(h.db, ctxOf[email]!, useCase, input, dutchMoment(TODAY, 12))
/** A read's value, or null when it was refused (not found). */
const valueOf = <T extends object>(outcome: Outcome<T>) => (outcome.ok ? outcome : null)

const as = <T>(email: string, fn: (tx: Tx, ability: AppAbility, ctx: TenantContext) => Promise<T>) => {
  const ctx = ctxOf[email]!
  return withTenant(h.db, ctx, (tx) => fn(tx, defineAbilityFor(ctx), ctx))
}

/** A submitted Branding incident (as the owner sees it) matching the condition. */
async function brandingIncident(where: ReturnType<typeof sql>) {
  const [row] = await h.db
    .select({ id: schema.incidents.id })
    .from(schema.incidents)
    .where(and(eq(schema.incidents.schoolId, branding), eq(schema.incidents.status, 'submitted'), where))
    .orderBy(sql`occurred_at desc`)
    .limit(1)
  return row!.id
}

const task = (overrides: Record<string, unknown> = {}) => ({
  kind: 'gesprek_slachtoffer',
  title: 'Gesprek met het slachtoffer',
  ownerId: userOf['leerkracht@branding.demo'],
  dueOn: inDays(4),
  ...overrides,
})

describe('planning tasks', () => {
  it('the IB plans a task for a teacher; validation refuses non-staff owners, old due dates and empty titles', async () => {
    const incidentId = await brandingIncident(sql`not confidential and severity = 'ernstig'`)
    const create = (body: unknown) => run('ib@branding.demo', createTask, { ...(body as object), id: incidentId })
    const ok = await create(task())
    expect(ok.ok).toBe(true)
    // Yesterday is still allowed (planned a day late); two days ago is not.
    expect((await create(task({ dueOn: inDays(-1) }))).ok).toBe(true)
    const old = await create(task({ dueOn: inDays(-2) }))
    expect(old).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'dueOn' }] })
    for (const outsider of ['bestuur@kompas.demo', 'directeur@lyceum.demo', 'politie@wijkteam.demo']) {
      const res = await create(task({ ownerId: userOf[outsider] }))
      expect(res, outsider).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'ownerId', message: 'Kies een medewerker van deze school' }] })
    }
    expect(await create(task({ title: '   ' }))).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'title' }] })
    expect(await create(task({ kind: 'iets' }))).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'kind' }] })
    expect(await create(task({ dueOn: '2026-02-30' }))).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'dueOn' }] })
    const items = valueOf(await run('ib@branding.demo', listTasks, { id: incidentId }))!.items
    const mine = items.find((t) => ok.ok && t.id === ok.id)!
    expect(mine).toMatchObject({ ownerName: 'Joyce Smit', dueOn: inDays(4), doneAt: null, overdue: false })
  })

  it('a leerkracht plans no tasks; another school’s incident is not found', async () => {
    const incidentId = await brandingIncident(sql`not confidential`)
    const teacher = await run('leerkracht@branding.demo', createTask, { ...task(), id: incidentId })
    expect(teacher).toMatchObject({ ok: false, reason: 'forbidden' })
    const lyceum = await run('directeur@lyceum.demo', createTask, { ...task(), id: incidentId })
    expect(lyceum).toMatchObject({ ok: false, reason: 'not_found' })
  })

  it('a task of a confidential incident goes only to the directeur or the vertrouwenspersoon', async () => {
    const incidentId = await brandingIncident(sql`confidential`)
    const create = (owner: string) =>
      run('directeur@branding.demo', createTask, { ...task({ ownerId: userOf[owner] }), id: incidentId })
    expect(await create('ib@branding.demo')).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'ownerId' }] })
    expect((await create('vertrouwenspersoon@branding.demo')).ok).toBe(true)
    // The IB cannot even see that incident's tasks.
    expect(valueOf(await run('ib@branding.demo', listTasks, { id: incidentId }))).toBeNull()
  })

  it('no tasks on a draft: it is the author’s alone until submitted', async () => {
    const pupil = (await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, branding)).limit(1))[0]!
    const draft = await run('directeur@branding.demo', createIncident, {
      occurredAt: dutchMoment(inDays(-1), 10).toISOString(),
      voorval: [3],
      situation: 'Duwen op het plein.',
      physicalAggression: true,
      persons: [{ role: 'slachtoffer', kind: 'leerling', studentId: pupil.id }],
      submit: false,
    })
    expect(draft.ok).toBe(true)
    const res = await run('directeur@branding.demo', createTask, { ...task(), id: draft.ok ? draft.id : '' })
    expect(res).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'status' }] })
  })

  it('proposes the §4 steps for a demo incident with a victim, marking the ones the seed planned', async () => {
    const incidentId = await brandingIncident(
      // With a victim: another test of this file plans a task on the latest ernstig incident, victim or not.
      sql`severity = 'ernstig' and not confidential and exists (select 1 from incident_tasks t where t.incident_id = incidents.id)
        and exists (select 1 from incident_persons p where p.incident_id = incidents.id and p.role = 'slachtoffer')`,
    )
    const proposals = valueOf(await run('ib@branding.demo', listTasks, { id: incidentId }))!.proposals
    expect(proposals.find((p) => p.kind === 'gesprek_slachtoffer')!.planned).toBe(true)
    expect(proposals.find((p) => p.kind === 'beleidsmaatregelen')!.planned).toBe(false)
    expect(proposals.every((p) => p.dueOn >= TODAY && p.dueOn >= p.protocolDueOn)).toBe(true)
  })
})

describe('completing and changing tasks', () => {
  it('an owner completes their own task with a note, but neither reassigns it nor completes a colleague’s', async () => {
    // An incident the leerkracht may read (one of its groups is involved, or it reported it).
    const teacherId = userOf['leerkracht@branding.demo']!
    const incidentId = await brandingIncident(sql`not confidential and severity = 'ernstig' and (reported_by_id = ${teacherId} or exists (select 1 from incident_persons p
      join group_teachers gt on gt.group_id = p.group_id where p.incident_id = incidents.id and gt.user_id = ${teacherId}))`)
    const plan = (owner: string) =>
      run('ib@branding.demo', createTask, { ...task({ ownerId: userOf[owner] }), id: incidentId })
    const own = await plan('leerkracht@branding.demo')
    const colleague = await plan('directeur@branding.demo')
    if (!own.ok || !colleague.ok) throw new Error('set-up failed')
    const teacher = (taskId: string, body: unknown) =>
      run('leerkracht@branding.demo', updateTask, { ...(body as object), id: incidentId, taskId })

    expect(await teacher(own.id, { done: true, note: 'Gesprek gevoerd, het gaat goed.' })).toEqual({ ok: true, id: own.id })
    expect(await teacher(own.id, { ownerId: userOf['leerkracht2@branding.demo'] })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await teacher(own.id, { dueOn: inDays(11) })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await teacher(colleague.id, { done: true })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await teacher(own.id, { colour: 'rood' })).toMatchObject({ ok: false, reason: 'invalid' })

    const [row] = await h.db.select().from(schema.incidentTasks).where(eq(schema.incidentTasks.id, own.id))
    expect(row).toMatchObject({ doneById: userOf['leerkracht@branding.demo'], note: 'Gesprek gevoerd, het gaat goed.' })
    expect(row!.doneAt).toBeInstanceOf(Date)

    // The IB reassigns and moves the colleague's task; a wrong incident id finds nothing.
    const ib = (body: unknown, inIncident = incidentId) =>
      run('ib@branding.demo', updateTask, { ...(body as object), id: inIncident, taskId: colleague.id })
    expect((await ib({ ownerId: userOf['leerkracht2@branding.demo'], dueOn: inDays(11) })).ok).toBe(true)
    expect(await ib({ dueOn: inDays(-19) })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'dueOn' }] })
    expect(await ib({ done: true }, await brandingIncident(sql`id <> ${incidentId} and not confidential`))).toMatchObject({ ok: false, reason: 'not_found' })
    const [moved] = await h.db.select().from(schema.incidentTasks).where(eq(schema.incidentTasks.id, colleague.id))
    expect(moved).toMatchObject({ ownerId: userOf['leerkracht2@branding.demo'], dueOn: inDays(11), doneAt: null })
  })
})

describe('the overdue list', () => {
  // The board may not read tasks at all: its refusal is thrown as CASL's ForbiddenError.
  const overdue = async (email: string) => {
    const outcome = await run(email, listOverdueTasks, {})
    if (!outcome.ok) throw new ForbiddenError('read', 'IncidentTask')
    return outcome.items
  }

  // An open task of a confidential incident, due yesterday: whether the seed's own overdue tasks
  // include one depends on the day it was seeded (in the summer holiday only old ones are left).
  beforeAll(async () => {
    const incidentId = await brandingIncident(sql`confidential`)
    const r = await run('directeur@branding.demo', createTask, { ...task({ ownerId: userOf['vertrouwenspersoon@branding.demo'], dueOn: inDays(-1) }), id: incidentId })
    expect(r.ok).toBe(true)
  })

  it('the directeur sees every open task of the school due before today, confidential ones included', async () => {
    const list = await overdue('directeur@branding.demo')
    const [expected] = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from incident_tasks t join incidents i on i.id = t.incident_id
      where t.school_id = ${branding} and t.done_at is null and t.due_on < ${TODAY} and (i.status = 'submitted' or i.reported_by_id = ${userOf['directeur@branding.demo']})`))
    expect(list.length).toBe(expected!.n)
    expect(list.length).toBeGreaterThan(0)
    expect(list.every((t) => t.overdue && t.doneAt === null && t.dueOn < TODAY)).toBe(true)
    expect(list.some((t) => t.incidentConfidential)).toBe(true)
    expect(list.map((t) => t.dueOn)).toEqual([...list.map((t) => t.dueOn)].sort())
  })

  it('the IB sees the same list without confidential incidents', async () => {
    const dir = await overdue('directeur@branding.demo')
    const ib = await overdue('ib@branding.demo')
    expect(ib.length).toBeGreaterThan(0)
    expect(ib.some((t) => t.incidentConfidential)).toBe(false)
    expect(ib.map((t) => t.id).sort()).toEqual(dir.filter((t) => !t.incidentConfidential).map((t) => t.id).sort())
  })

  it('a leerkracht sees only tasks of incidents it may read, and its own', async () => {
    const email = 'leerkracht2@branding.demo'
    const list = await overdue(email)
    for (const t of list) {
      const readable = await as(email, (tx, ability) => loadIncident(tx, ability, t.incidentId))
      expect(readable !== null || t.ownerId === userOf[email], t.id).toBe(true)
    }
    expect(list.length).toBeLessThan((await overdue('ib@branding.demo')).length)
  })

  it('the board has no tasks at all (the route answers 403)', async () => {
    await expect(overdue('bestuur@kompas.demo')).rejects.toBeInstanceOf(ForbiddenError)
  })
})

describe('voor gezien', () => {
  it('is recorded for a zeer ernstig incident and refused, with the reason, for any other', async () => {
    const zeer = await brandingIncident(sql`severity = 'zeer_ernstig' and not confidential`)
    const ernstig = await brandingIncident(sql`severity = 'ernstig' and not confidential`)
    const record = (id: string, body: unknown) =>
      run('ib@branding.demo', recordAcknowledgement, { ...(body as object), id })
    const body = { guardianName: 'Linda Bakker', acknowledgedOn: TODAY, method: 'op school getekend' }
    const refused = await record(ernstig, body)
    expect(refused).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'severity' }] })
    if (!refused.ok) expect(refused.errors[0]!.message).toMatch(/^Alleen bij een zeer ernstig incident .*ernstig\.$/)
    const ok = await record(zeer, body)
    expect(ok.ok).toBe(true)
    expect(await record(zeer, { ...body, acknowledgedOn: inDays(1) })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'acknowledgedOn' }] })
    expect(await record(zeer, { ...body, method: 'per duif' })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'method' }] })
    const stranger = await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, branding)).limit(200)
    const incident = (await as('ib@branding.demo', (tx, ability) => loadIncident(tx, ability, zeer)))!
    const outsider = stranger.find((s) => !incident.persons.some((p) => p.studentId === s.id))!
    expect(await record(zeer, { ...body, studentId: outsider.id })).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'studentId' }] })
    const list = valueOf(await run('directeur@branding.demo', listAcknowledgements, { id: zeer }))!.items
    expect(list.at(-1)).toMatchObject({ guardianName: 'Linda Bakker', acknowledgedOn: TODAY, method: 'op school getekend', recordedByName: 'Sanne Kuipers' })
  })
})

describe('the parents’ report', () => {
  it('names the pupil and calls every other pupil leerling A, B, … — never by name', async () => {
    // A zeer ernstig incident with at least two pupils, no two of them sharing a first or a last name.
    const candidates = rowsOf<{ id: string }>(await h.db.execute(sql`select i.id from incidents i
      where i.school_id = ${branding} and i.status = 'submitted' and not i.confidential and i.severity = 'zeer_ernstig'
        and (select count(distinct p.student_id) from incident_persons p where p.incident_id = i.id) >= 2
        and (select count(distinct s.first_name) from incident_persons p join students s on s.id = p.student_id where p.incident_id = i.id)
          = (select count(distinct p.student_id) from incident_persons p where p.incident_id = i.id)
        and (select count(distinct s.last_name) from incident_persons p join students s on s.id = p.student_id where p.incident_id = i.id)
          = (select count(distinct p.student_id) from incident_persons p where p.incident_id = i.id)
      order by i.occurred_at desc limit 1`))
    const incidentId = candidates[0]!.id
    const pupils = await h.db
      .select({ id: schema.students.id, firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName })
      .from(schema.incidentPersons)
      .innerJoin(schema.students, eq(schema.students.id, schema.incidentPersons.studentId))
      .where(eq(schema.incidentPersons.incidentId, incidentId))
    const [focal, ...others] = pupils
    const report = await run('ib@branding.demo', exportParentReport, { id: incidentId, studentId: focal!.id })
    if (!report.ok) throw new Error(JSON.stringify(report.errors))
    expect(report.filename).toMatch(/^incidentverslag-\d{4}-\d{2}-\d{2}\.pdf$/)
    const text = await pdfText(report.pdf)
    expect(text).toContain(displayName(focal!))
    expect(text).toContain('leerling A')
    expect(text).toContain('OBS De Branding')
    expect(text).toContain('Sanne Kuipers')
    for (const other of others) {
      expect(text).not.toContain(displayName(other))
      expect(text).not.toMatch(new RegExp(`\\b${other.firstName}\\b`))
      expect(text).not.toMatch(new RegExp(`\\b${other.lastName}\\b`))
    }
  })

  it('is not found for a pupil outside the incident, and refused for an incident that is not zeer ernstig', async () => {
    const zeer = await brandingIncident(sql`severity = 'zeer_ernstig' and not confidential`)
    const ernstig = await brandingIncident(sql`severity = 'ernstig' and not confidential`)
    const [pupilOfErnstig] = await h.db
      .select({ id: schema.incidentPersons.studentId })
      .from(schema.incidentPersons)
      .where(and(eq(schema.incidentPersons.incidentId, ernstig), sql`student_id is not null`))
    const [outsider] = await h.db
      .select({ id: schema.students.id })
      .from(schema.students)
      .where(and(eq(schema.students.schoolId, branding), sql`id not in (select student_id from incident_persons where incident_id = ${zeer} and student_id is not null)`))
      .limit(1)
    const build = (incidentId: string, studentId: string) =>
      run('directeur@branding.demo', exportParentReport, { id: incidentId, studentId })
    expect(await build(zeer, outsider!.id)).toMatchObject({ ok: false, reason: 'not_found', errors: [{ path: 'studentId' }] })
    expect(await build(ernstig, pupilOfErnstig!.id!)).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await build(zeer, 'geen-uuid')).toMatchObject({ ok: false, reason: 'not_found' })
  })
})
