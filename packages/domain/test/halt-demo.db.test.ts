// The Halt demo (packages/db/src/demo-halt.ts): the leaflet's three examples at Kompas Vakcollege in
// different states, seen through the domain as Halt and as the school would see them.
import { schema, type DatabaseHandle, type TenantContext } from '@baken/db'
import { loadHaltRefs, seedDemoHalt } from '../../db/src/demo-halt.ts'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { getHaltCase, getHaltOverview, getReferral, listHaltQueue, listReferrals, listSlots, type UseCase } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
/** Runs a read as the caller; its value, or null when refused. */
const view = async <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown) => {
  const o = await runAs(h.db, ctxOf[email]!, useCase, input)
  return o.ok ? o : null
}
const HALT = 'halt@haltnoord.demo'
const DIR = 'directeur@vakcollege.demo'

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [existing] = await h.db.select({ n: count() }).from(schema.haltReferrals)
  if ((existing?.n ?? 0) === 0) await h.db.transaction(async (tx) => seedDemoHalt(tx, await loadHaltRefs(tx)))
})
afterAll(() => h?.close())

describe('the Halt demo', () => {
  it('has the leaflet’s three examples in different states, in Halt’s queue with the shared names', async () => {
    const queue = (await view(HALT, listHaltQueue, {}))!.items
    expect(queue.map((q) => q.status).sort()).toEqual(['afgesloten', 'intake_gepland', 'lopend'])
    expect(queue.every((q) => q.studentLabel && q.schoolName === 'Kompas Vakcollege')).toBe(true)
    const types = queue.flatMap((q) => q.incidentTypes)
    expect(types).toEqual(expect.arrayContaining(['fysieke_agressie', 'bedreiging', 'digitaal_grensoverschrijdend']))
  })

  it('the scissors case runs with weekly spreekuren and a JIM; the fight is closed with two referred to care', async () => {
    const queue = (await view(HALT, listHaltQueue, {}))!.items
    const scissors = await view(HALT, getHaltCase, { id: queue.find((q) => q.status === 'lopend')!.id })
    expect(scissors!.jims).toHaveLength(1)
    expect(scissors!.appointments.filter((a) => a.kind === 'spreekuur').length).toBeGreaterThanOrEqual(3)
    expect(Object.keys(scissors!.facts[0] as object).sort()).toEqual(['datum', 'naam_dader', 'omschrijving', 'type', 'voorwerpen'])
    const fight = await view(HALT, getHaltCase, { id: queue.find((q) => q.status === 'afgesloten')!.id })
    expect(fight!.restorativeSteps.map((s) => s.kind)).toEqual(['herstel_tussen_groepen', 'doorverwijzing_hulpverlening'])
    const sexting = await view(HALT, getHaltCase, { id: queue.find((q) => q.status === 'intake_gepland')!.id })
    expect(sexting!.appointments.map((a) => a.kind)).toEqual(['intake', 'gesprek_slachtoffer', 'klassenbijeenkomst'])
    const slots = (await view(HALT, listSlots, {}))!
    expect(slots.slots).toHaveLength(2)
  })

  it('the school reads the closing report of the fight and never Halt’s notes', async () => {
    const list = (await view(DIR, listReferrals, {}))!.items
    expect(list).toHaveLength(3)
    const closed = list.find((r) => r.status === 'afgesloten')!
    const r = await view(DIR, getReferral, { id: closed.id })
    expect(Object.keys(r!.closingReport!).sort()).toEqual(['doorverwijzing', 'herstel', 'onderdelen', 'uitkomst'])
    expect(JSON.stringify(r)).not.toContain('alleen voor Halt')
    const notes = await h.db.select().from(schema.haltNotes).where(eq(schema.haltNotes.referralId, closed.id))
    expect(notes.length).toBeGreaterThan(0)
  })

  it('feeds the overview: completion and waiting time', async () => {
    const o = (await view(HALT, getHaltOverview, {}))!
    expect(o.total).toBe(3)
    expect(o.completion).toMatchObject({ closed: 1, completed: 1, rate: 1 })
    expect(o.waitingDays.count).toBe(3)
    expect(o.waitingDays.median).toBe(7)
  })
})
