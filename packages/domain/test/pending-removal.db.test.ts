// A schorsing pending a verwijdering (rule verwijdering.schorsingHangende). Only a schorsing,
// only pending an open verwijdering of the same pupil at the same school; the sector maximum still
// applies; both ends show the link; ending the verwijdering changes nothing in its schorsingen.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { demoDates, type DemoDates } from '@baken/db/demo'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findMeasures, getMeasure, proposeMeasure, ruleSetFor, transitionMeasure } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'
import type { Outcome, UseCase } from '../src/use-case.ts'
import type { z } from 'zod'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const LYCEUM = 'directeur@lyceum.demo'
const as = <T>(email: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, ctxOf[email]!, fn)
const ability = (email: string) => defineAbilityFor(ctxOf[email]!)
/** Runs a use case as the user, on a Dutch day when given (at noon, so the day is the same in Amsterdam). */
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown, on?: string) =>
  runAs(h.db, ctxOf[email]!, useCase, input, on ? new Date(`${on}T12:00:00Z`) : undefined)
/** The value of an outcome that must have succeeded. */
const ok = <T extends object>(outcome: Outcome<T>) => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome))
  return outcome
}
const propose = (email: string, input: Record<string, unknown>) => run(email, proposeMeasure, input)
const show = async (email: string, id: string) => ok(await run(email, getMeasure, { id }))
const JUSTIFY = 'Ernstige veiligheidsincidenten; lichtere maatregelen volstaan niet meer.'

let removal: { id: string; studentId: string } // the demo verwijdering in "searching"
let others: string[] // Lyceum pupils without any measure
let seeded: DemoDates // the demo's dates: its measures lie around the day it was seeded
const schorsing = (studentId: string, pendingRemovalId: string | undefined, extra: Record<string, unknown> = {}) => ({
  kind: 'schorsing',
  studentId,
  reasons: 'Bedreigde een medeleerling tijdens de pauze.',
  // The demo's schorsing pending the removal runs to the next school day: one school day back at
  // school in between, or the new one would directly follow it (no extension, schorsing-chain.ts).
  startsOn: seeded.schoolDay('noord', 3, 'lyceum'),
  schoolDays: 2,
  skipJustification: JUSTIFY,
  pendingRemovalId,
  ...extra,
})

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  seeded = demoDates(seed!.at)
  const lyceum = ctxOf[LYCEUM]!.schoolId!
  const [r] = await h.db
    .select({ id: schema.measures.id, studentId: schema.measures.studentId })
    .from(schema.measures)
    .where(and(eq(schema.measures.schoolId, lyceum), eq(schema.measures.kind, 'verwijdering'), eq(schema.measures.state, 'searching')))
  removal = r!
  const taken = new Set((await h.db.select({ id: schema.measures.studentId }).from(schema.measures).where(eq(schema.measures.schoolId, lyceum))).map((m) => m.id))
  others = (await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, lyceum))).map((s) => s.id).filter((id) => !taken.has(id))
  expect(others.length).toBeGreaterThanOrEqual(3)
})
afterAll(() => h?.close())

describe('the demo', () => {
  it('has a running schorsing pending the Lyceum verwijdering in search, shown at both ends', async () => {
    const v = await show(LYCEUM, removal.id)
    expect(v!.schorsingenPending).toHaveLength(1)
    const pending = v!.schorsingenPending![0]!
    // From the last school day before the seeding day to the next one after it.
    const day = (n: number) => seeded.schoolDay('noord', n, 'lyceum')
    const schoolDays = seeded.calendar('noord', 'lyceum').countSchoolDays(day(-1), day(1))
    expect(schoolDays).toBeGreaterThanOrEqual(2)
    expect(pending).toMatchObject({ state: 'in_effect', running: true, startsOn: day(-1), endsOn: day(1), schoolDays })
    const s = await show(LYCEUM, pending.id)
    expect(s).toMatchObject({ kind: 'schorsing', studentId: removal.studentId, pendingRemovalId: removal.id, pendingRemoval: { id: removal.id, state: 'searching', open: true } })
    // Other measures carry no link.
    const [plain] = await as(LYCEUM, (tx) => findMeasures(tx, ability(LYCEUM), { kind: 'adempauze' }))
    expect((await show(LYCEUM, plain!.id))!).toMatchObject({ pendingRemovalId: null, pendingRemoval: null, schorsingenPending: null })
  })
})

describe('proposing a schorsing pending removal', () => {
  it('is accepted for an open verwijdering of the same pupil, and the rest of the workflow is the schorsing’s', async () => {
    const r = await propose(LYCEUM, schorsing(removal.studentId, removal.id))
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, state: 'proposed' })
    const id = (r as { id: string }).id
    const [row] = await h.db.select().from(schema.measures).where(eq(schema.measures.id, id))
    expect(row).toMatchObject({ pendingRemovalId: removal.id, kind: 'schorsing', startsOn: seeded.schoolDay('noord', 3, 'lyceum'), schoolDays: 2 })
    const listed = await as(LYCEUM, (tx) => findMeasures(tx, ability(LYCEUM), { pendingRemovalId: removal.id }))
    expect(listed.map((m) => m.id)).toContain(id)
    // The board decides, as for any schorsing: tasks including the Inspectie notice (vo, > 1 day).
    expect(await run('bestuur@kompas.demo', transitionMeasure, { to: 'approved', id })).toMatchObject({ ok: true })
    const tasks = await h.db.select({ kind: schema.measureTasks.kind }).from(schema.measureTasks).where(eq(schema.measureTasks.measureId, id))
    expect(tasks.map((t) => t.kind)).toContain('inspectie_melding')
  })

  it('keeps the sector maximum (uncertain in law: the rule says so)', async () => {
    const r = await propose(LYCEUM, schorsing(removal.studentId, removal.id, { schoolDays: 6 }))
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'schoolDays' }] })
    const rule = ruleSetFor('vo', '2026-11-21').rules.find((x) => x.key === 'verwijdering.schorsingHangende')!
    expect(rule.uncertain).toBe(true)
    expect(rule.note).toMatch(/^Onzeker/)
  })

  it('is refused for another pupil’s verwijdering', async () => {
    const r = await propose(LYCEUM, schorsing(others[0]!, removal.id))
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'pendingRemovalId', message: 'Deze verwijdering gaat over een andere leerling.' }] })
  })

  it('is refused for a measure that is not a verwijdering', async () => {
    const [time] = await as(LYCEUM, (tx) => findMeasures(tx, ability(LYCEUM), { kind: 'time_out' }))
    const r = await propose(LYCEUM, schorsing(time!.studentId, time!.id))
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'pendingRemovalId' }] })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/geen verwijdering/)
  })

  it('is refused for a verwijdering of another school (404) and for an unknown id', async () => {
    const branding = ctxOf['directeur@branding.demo']!.schoolId!
    const [pupil] = await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, branding))
    const r = await propose('directeur@branding.demo', schorsing(pupil!.id, removal.id))
    expect(r).toMatchObject({ ok: false, reason: 'not_found', errors: [{ path: 'pendingRemovalId', message: 'Verwijdering niet gevonden.' }] })
    expect(await propose(LYCEUM, schorsing(removal.studentId, crypto.randomUUID()))).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await propose(LYCEUM, schorsing(removal.studentId, 'geen-id'))).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'pendingRemovalId' }] })
  })

  it('is refused for kinds other than schorsing', async () => {
    for (const kind of ['adempauze', 'time_out', 'verwijdering']) {
      const r = await propose(LYCEUM, schorsing(removal.studentId, removal.id, { kind, startsOn: undefined, schoolDays: undefined }))
      expect(r, kind).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'pendingRemovalId' }] })
    }
  })

  it('is refused once the verwijdering is withdrawn or definitive (409); its schorsingen are left as they were', async () => {
    const [a, b] = [others[1]!, others[2]!]
    const va = await propose(LYCEUM, { kind: 'verwijdering', studentId: a, reasons: 'Herhaald wapenbezit op school.', skipJustification: JUSTIFY })
    const vb = await propose(LYCEUM, { kind: 'verwijdering', studentId: b, reasons: 'Herhaald wapenbezit op school.', skipJustification: JUSTIFY })
    const [ia, ib] = [(va as { id: string }).id, (vb as { id: string }).id]
    const pendingA = await propose(LYCEUM, schorsing(a, ia))
    expect(pendingA).toMatchObject({ ok: true })
    // Withdrawn through the workflow.
    expect(await run(LYCEUM, transitionMeasure, { to: 'withdrawn', reason: 'Ouders en school vonden samen een oplossing.', id: ia })).toMatchObject({ ok: true })
    const late = await propose(LYCEUM, schorsing(a, ia))
    expect(late).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'pendingRemovalId' }] })
    if (!late.ok) expect(late.errors[0]!.message).toMatch(/ingetrokken/)
    // Nothing changed in the schorsing; the verwijdering says it still runs.
    const [s] = await h.db.select().from(schema.measures).where(eq(schema.measures.id, (pendingA as { id: string }).id))
    expect(s).toMatchObject({ state: 'proposed', pendingRemovalId: ia })
    const v = await show(LYCEUM, ia)
    expect(v).toMatchObject({ state: 'withdrawn', schorsingenPending: [{ id: s!.id, running: true }] })
    expect((await show(LYCEUM, s!.id))!.pendingRemoval).toMatchObject({ id: ia, open: false })
    // Definitive (set directly: the way there needs hearings and another school's admission).
    await h.db.update(schema.measures).set({ state: 'definitive' }).where(eq(schema.measures.id, ib))
    const def = await propose(LYCEUM, schorsing(b, ib))
    expect(def).toMatchObject({ ok: false, reason: 'conflict' })
    if (!def.ok) expect(def.errors[0]!.message).toMatch(/definitief/)
  })
})
