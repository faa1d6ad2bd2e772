// The purge's dry run names the parents' portal rows of every pupil file it removes (items released
// about the pupil, "voor gezien" on the pupil's measures), and the purge confirming it removes
// exactly those; a portal row added after a dry run makes that dry run stale (409). Through the real
// server on a Postgres server, with an owner connection beside it to add the portal rows to a pupil
// whose file is due.
import type postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startOwnDatabase, type OwnDatabase } from './support/own-database.ts'

let own: OwnDatabase | undefined
let owner: postgres.Sql
let fg: Client

beforeAll(async () => {
  own = await startOwnDatabase('baken_portal_purge', { BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0' })
  owner = own.owner
  fg = new Client(own.server.baseUrl)
  await fg.login('privacy@kompas.demo')
}, 240_000)

afterAll(() => own?.stop())

const dryRun = async () => {
  const res = await fg.request('POST', '/api/v1/purge?dryRun=true', { json: {} })
  expect(res.status, res.text).toBe(200)
  return res.json()
}

describe('the purge and the parents portal', () => {
  it('the dry run lists the portal rows of a pupil file that is due, and the purge removes exactly those', async () => {
    const before = await dryRun()
    type Entry = { studentId: string; schoolId: string; measures: string[]; portalItems: string[]; measureAcknowledgements: string[] }
    const entry = (before.report.leerlingdossier as Entry[]).find((e) => e.measures.length > 0)
    expect(entry, 'a pupil file due for the purge with a measure (the demo’s pupils who left long ago)').toBeTruthy()
    expect(entry!.portalItems).toEqual([])
    expect(before.summary).toMatchObject({ portalItems: 0, measureAcknowledgements: 0 })

    // What the school had released about that pupil, and a paper "voor gezien" on the measure.
    const [released] = await owner`
      insert into portal_items (stichting_id, school_id, student_id, kind, measure_id, title, body, released_by_id)
      select s.stichting_id, s.school_id, s.id, 'decision_letter', ${entry!.measures[0]!}, 'Besluit', '{}'::jsonb,
             (select m.user_id from memberships m where m.school_id = s.school_id and m.role = 'directeur' limit 1)
      from students s where s.id = ${entry!.studentId} returning id`
    const [ack] = await owner`
      insert into measure_acknowledgements (stichting_id, school_id, measure_id, student_id, portal_item_id, guardian_name, acknowledged_on, method, recorded_by_id)
      select p.stichting_id, p.school_id, p.measure_id, p.student_id, p.id, 'Łukasz Wójcik', current_date, 'per post', p.released_by_id
      from portal_items p where p.id = ${released!.id} returning id`

    // The earlier dry run no longer matches what would be removed.
    const stale = await fg.request('POST', '/api/v1/purge?dryRun=false', { json: { dryRunId: before.runId } })
    expect(stale.status).toBe(409)
    expect(await owner`select 1 from portal_items where id = ${released!.id}`).toHaveLength(1)

    const dry = await dryRun()
    const listed = (dry.report.leerlingdossier as Entry[]).find((e) => e.studentId === entry!.studentId)!
    expect(listed.portalItems).toEqual([released!.id])
    expect(listed.measureAcknowledgements).toEqual([ack!.id])
    expect(dry.summary).toMatchObject({ portalItems: 1, measureAcknowledgements: 1 })
    // The FG's page names them too.
    expect((await fg.get('/privacy')).text).toContain('Ouderportaal: berichten 1; voor gezien op maatregelen 1')

    const purged = await fg.request('POST', '/api/v1/purge?dryRun=false', { json: { dryRunId: dry.runId } })
    expect(purged.status, purged.text).toBe(201)
    expect(purged.json().report).toEqual(dry.report)
    expect(await owner`select 1 from portal_items where id = ${released!.id}`).toHaveLength(0)
    expect(await owner`select 1 from measure_acknowledgements where id = ${ack!.id}`).toHaveLength(0)
  })
})
