// The notice a verwijdering asks (rule verwijdering.inspectie) in the board's oversight: listed among
// the deadlines at risk until done, overdue once its day has passed. The vo demo verwijdering in
// search is made definitive; its melding achteraf to the Inspectie is then a task of that day.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { completeMeasureTask, getBoardOversight, recordSearchAttempt, transitionMeasure } from '../src/index.ts'
import { localDate, plusDays } from '../src/dates.ts'
import { openDemoDatabase } from './support/demo-database.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const LYCEUM = 'directeur@lyceum.demo'
const BOARD = 'bestuur@kompas.demo'
const as = <T>(email: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, ctxOf[email]!, fn)
const ability = (email: string) => defineAbilityFor(ctxOf[email]!)
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
    const admitted = await as(LYCEUM, (tx) => recordSearchAttempt(tx, ability(LYCEUM), ctxOf[LYCEUM]!, removal!.id, { contactedOn: today, schoolName: 'Duinzicht College', result: 'toegelaten' }))
    expect(admitted).toMatchObject({ ok: true })
    expect(await as(BOARD, (tx) => transitionMeasure(tx, ability(BOARD), ctxOf[BOARD]!, removal!.id, { to: 'definitive' }))).toMatchObject({ ok: true, state: 'definitive' })

    const notices = async (on: string) =>
      (await as(BOARD, (tx) => getBoardOversight(tx, ability(BOARD), ctxOf[BOARD]!, { today: on })))!.deadlines.inspectie.filter((t) => t.measureId === removal!.id)
    expect(await notices(today)).toEqual([expect.objectContaining({ kind: 'inspectie_verwijdering', dueOn: today, overdue: false, schoolName: 'Kompas Lyceum' })])
    expect(await notices(plusDays(today, 1))).toEqual([expect.objectContaining({ kind: 'inspectie_verwijdering', dueOn: today, overdue: true })])

    const [task] = await h.db.select().from(schema.measureTasks).where(and(eq(schema.measureTasks.measureId, removal!.id), eq(schema.measureTasks.kind, 'inspectie_verwijdering')))
    expect(task!.title).toMatch(/^Definitieve verwijdering melden bij de Inspectie van het Onderwijs/)
    // Filed by the school (the Inspectie's reference is optional for this notice).
    const done = await as(LYCEUM, (tx) => completeMeasureTask(tx, ability(LYCEUM), ctxOf[LYCEUM]!, removal!.id, task!.id, { note: 'Gemeld bij de inspecteur.' }))
    expect(done).toMatchObject({ ok: true })
    expect(await notices(plusDays(today, 1))).toEqual([])
  })
})
