// The notice a verwijdering asks (rule verwijdering.inspectie) in the board's oversight: listed among
// the deadlines at risk until done, overdue once its day has passed. The vo demo verwijdering in
// search is made definitive; its melding achteraf to the Inspectie is then a task of that day.
import { schema, type DatabaseHandle, type TenantContext } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { completeMeasureTask, getBoardOversight, recordSearchAttempt, transitionMeasure } from '../src/index.ts'
import { localDate, plusDays } from '../src/dates.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'
import type { Outcome, UseCase } from '../src/use-case.ts'
import type { z } from 'zod'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const LYCEUM = 'directeur@lyceum.demo'
const BOARD = 'bestuur@kompas.demo'
/** Runs a use case as the user, on a Dutch day when given (at noon, so the day is the same in Amsterdam). */
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown, on?: string) =>
  runAs(h.db, ctxOf[email]!, useCase, input, on ? new Date(`${on}T12:00:00Z`) : undefined)
/** The value of an outcome that must have succeeded. */
const ok = <T extends object>(outcome: Outcome<T>) => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome))
  return outcome
}
const today = localDate(new Date())

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
})
afterAll(() => h?.close())

describe('the melding achteraf of a definitive vo verwijdering', () => {
  it('is among the board’s deadlines at risk, overdue from the next day, and gone once done', async () => {
    const [removal] = await h.db
      .select({ id: schema.measures.id })
      .from(schema.measures)
      .where(and(eq(schema.measures.schoolId, ctxOf[LYCEUM]!.schoolId!), eq(schema.measures.kind, 'verwijdering'), eq(schema.measures.state, 'searching')))
    const admitted = await run(LYCEUM, recordSearchAttempt, { contactedOn: today, schoolName: 'Duinzicht College', result: 'toegelaten', id: removal!.id })
    expect(admitted).toMatchObject({ ok: true })
    expect(await run(BOARD, transitionMeasure, { to: 'definitive', id: removal!.id })).toMatchObject({ ok: true, state: 'definitive' })

    const notices = async (on: string) =>
      ok(await run(BOARD, getBoardOversight, {}, on)).deadlines.inspectie.filter((t) => t.measureId === removal!.id)
    expect(await notices(today)).toEqual([expect.objectContaining({ kind: 'inspectie_verwijdering', dueOn: today, overdue: false, schoolName: 'Kompas Lyceum' })])
    expect(await notices(plusDays(today, 1))).toEqual([expect.objectContaining({ kind: 'inspectie_verwijdering', dueOn: today, overdue: true })])

    const [task] = await h.db.select().from(schema.measureTasks).where(and(eq(schema.measureTasks.measureId, removal!.id), eq(schema.measureTasks.kind, 'inspectie_verwijdering')))
    expect(task!.title).toMatch(/^Definitieve verwijdering melden bij de Inspectie van het Onderwijs/)
    // Filed by the school (the Inspectie's reference is optional for this notice).
    const done = await run(LYCEUM, completeMeasureTask, { note: 'Gemeld bij de inspecteur.', id: removal!.id, taskId: task!.id })
    expect(done).toMatchObject({ ok: true })
    expect(await notices(plusDays(today, 1))).toEqual([])
  })
})
