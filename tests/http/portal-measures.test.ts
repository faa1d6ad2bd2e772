// The measures' side of the parents' portal through the real server on a Postgres server (ADR 033):
// a directeur releases a schorsing's decision letter and a time-out's report (a leerkracht may not),
// the guardian reads them (the letter as PDF), gives "voor gezien" with a reaction, and files a
// bezwaar against the schorsing, which lands in the bezwaar workflow with its date of receipt and
// the decision deadline the workflow computes; staff see it as received through the portal. A
// guardian of another child gets 404 for all of it.
import { bezwaarTerms } from '../../packages/domain/src/measures/bezwaar.ts'
import type postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startOwnDatabase, type OwnDatabase } from './support/own-database.ts'
import type { RunningServer } from './support/server.ts'

const GOOD_PASSWORD = 'fietsbel regent zacht oranje'

let server: RunningServer
let own: OwnDatabase | undefined
let owner: postgres.Sql
const as: Record<string, Client> = {}
const suspension = { measureId: '', studentId: '', guardian: null as unknown as Client }
const timeOut = { measureId: '', studentId: '', guardian: null as unknown as Client }

/** Invites a guardian of the pupil from the roster and accepts by the mailed link, as the guardian. */
async function guardianOf(studentId: string): Promise<Client> {
  const [g] = await owner`select gu.id, gu.email, gu.name from student_guardians sg join guardians gu on gu.id = sg.guardian_id
    where sg.student_id = ${studentId} and gu.email is not null order by gu.name limit 1`
  const invited = await as['directeur@branding.demo']!.request('POST', `/api/v1/students/${studentId}/guardian-invitations`, { json: { kind: 'ouder', guardianId: g!.id } })
  expect(invited.status, invited.text).toBe(201)
  const [mail] = await owner`select text from outbox where to_address = ${String(g!.email).toLowerCase()} order by created_at desc limit 1`
  const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]
  const client = new Client(server.baseUrl)
  expect((await client.post(`/uitnodiging/${token}`, { name: g!.name, password: GOOD_PASSWORD })).status).toBe(302)
  return client
}

beforeAll(async () => {
  own = await startOwnDatabase('baken_portal_measures', { BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0' })
  server = own.server
  owner = own.owner
  for (const email of ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo', 'ouder@branding.demo', 'directeur@horizon.demo']) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  const demoChild = (await owner`select l.student_id from guardian_links l join users u on u.id = l.user_id where u.email = 'ouder@branding.demo'`)[0]!.student_id
  // A decided schorsing at De Branding without an open bezwaar, and a time-out whose parents were told.
  const pick = (kind: string, states: string[]) => owner`
    select m.id, m.student_id from measures m join schools sc on sc.id = m.school_id
    where sc.name = 'OBS De Branding' and m.kind = ${kind} and m.state = any(${states}) and m.student_id <> ${demoChild}
      and not exists (select 1 from bezwaren b where b.measure_id = m.id and b.state <> 'decided')
      and exists (select 1 from student_guardians g join guardians gu on gu.id = g.guardian_id where g.student_id = m.student_id and gu.email is not null)
    order by m.created_at desc limit 1`
  const [s] = await pick('schorsing', ['approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'])
  const [t] = await pick('time_out', ['parents_informed'])
  Object.assign(suspension, { measureId: s!.id, studentId: s!.student_id })
  Object.assign(timeOut, { measureId: t!.id, studentId: t!.student_id })
  suspension.guardian = await guardianOf(suspension.studentId)
  timeOut.guardian = timeOut.studentId === suspension.studentId ? suspension.guardian : await guardianOf(timeOut.studentId)
}, 240_000)

afterAll(() => own?.stop())

describe('decision letters and measure reports in the parents portal, over HTTP', () => {
  let letterItem = ''
  let reportItem = ''

  it('the decision letter is released only by a school lead, once a letter exists, once per measure', async () => {
    const path = `/api/v1/measures/${suspension.measureId}/portal-letter`
    expect((await as['leerkracht@branding.demo']!.request('POST', path, { json: {} })).status).toBe(403)
    // Another school's directeur: the measure does not exist for her.
    expect((await as['directeur@horizon.demo']!.request('POST', path, { json: {} })).status).toBe(404)
    const [letters] = await owner`select count(*)::int as n from measure_letters where measure_id = ${suspension.measureId} and kind = 'schorsing'`
    if (letters!.n === 0) {
      const none = await as['directeur@branding.demo']!.request('POST', path, { json: {} })
      expect(none.status).toBe(409)
      expect(none.json().errors[0].message).toContain('besluitbrief')
      const made = await as['directeur@branding.demo']!.request('POST', `/api/v1/measures/${suspension.measureId}/letters`, { json: { kind: 'schorsing' } })
      expect(made.status, made.text).toBe(201)
    }
    const res = await as['directeur@branding.demo']!.request('POST', path, { json: {} })
    expect(res.status, res.text).toBe(201)
    expect(res.json().notified).toBeGreaterThanOrEqual(1)
    letterItem = res.json().id
    expect((await as['ib@branding.demo']!.request('POST', path, { json: {} })).status).toBe(409)
  })

  it('the guardian reads the letter and downloads it as PDF; the JSON carries no PDF bytes', async () => {
    const res = await suspension.guardian.get(`/api/v1/portal/items/${letterItem}`)
    expect(res.status).toBe(200)
    const { item } = res.json()
    expect(item.kind).toBe('decision_letter')
    expect(item.letter).toMatchObject({ measureKind: 'schorsing', letterKind: 'schorsing', objectable: true })
    expect(item.letter).not.toHaveProperty('pdfBase64')
    const pdf = await suspension.guardian.get(`/api/v1/portal/items/${letterItem}/pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.text.startsWith('%PDF')).toBe(true)
  })

  it('"voor gezien" on the letter is a digital acknowledgement of the measure, with the reaction', async () => {
    const res = await suspension.guardian.request('POST', `/api/v1/portal/items/${letterItem}/acknowledgements`, { json: { reaction: 'Ontvangen, maar wij zijn het er niet mee eens.' } })
    expect(res.status, res.text).toBe(201)
    const [row] = await owner`select method, reaction, measure_id, student_id from measure_acknowledgements where portal_item_id = ${letterItem}`
    expect(row).toMatchObject({ method: 'digitaal', reaction: 'Ontvangen, maar wij zijn het er niet mee eens.', measure_id: suspension.measureId, student_id: suspension.studentId })
    const item = (await suspension.guardian.get(`/api/v1/portal/items/${letterItem}`)).json()
    expect(item.acknowledgements).toHaveLength(1)
    // The school reads it with the reaction; another school's directeur gets 404.
    const staff = await as['ib@branding.demo']!.get(`/api/v1/measures/${suspension.measureId}/acknowledgements`)
    expect(staff.status).toBe(200)
    expect(staff.json().items).toEqual([expect.objectContaining({ portalItemId: letterItem, kind: 'decision_letter', method: 'digitaal', reaction: 'Ontvangen, maar wij zijn het er niet mee eens.' })])
    expect((await as['directeur@horizon.demo']!.get(`/api/v1/measures/${suspension.measureId}/acknowledgements`)).status).toBe(404)
  })

  it('a guardian of another child gets 404 for the letter, its PDF, "voor gezien" and a bezwaar; staff get 404 in the portal', async () => {
    const other = as['ouder@branding.demo']!
    expect((await other.get(`/api/v1/portal/items/${letterItem}`)).status).toBe(404)
    expect((await other.get(`/api/v1/portal/items/${letterItem}/pdf`)).status).toBe(404)
    expect((await other.request('POST', `/api/v1/portal/items/${letterItem}/acknowledgements`, { json: {} })).status).toBe(404)
    expect((await other.request('POST', `/api/v1/portal/items/${letterItem}/bezwaren`, { json: { grounds: 'Wij zijn het niet eens met dit besluit.' } })).status).toBe(404)
    expect((await other.get(`/api/v1/measures/${suspension.measureId}`)).status).toBe(404)
    expect((await other.get(`/api/v1/measures/${suspension.measureId}/bezwaren`)).status).toBe(404)
    const [n] = await owner`select count(*)::int as n from bezwaren where measure_id = ${suspension.measureId} and received_via = 'portaal'`
    expect(n!.n).toBe(0)
    expect((await as['directeur@branding.demo']!.request('POST', `/api/v1/portal/items/${letterItem}/bezwaren`, { json: { grounds: 'Wij zijn het niet eens met dit besluit.' } })).status).toBe(404)
  })

  it('files a bezwaar: received today with the deadline of the workflow; staff see it as received through the portal', async () => {
    const empty = await suspension.guardian.request('POST', `/api/v1/portal/items/${letterItem}/bezwaren`, { json: { grounds: 'nee' } })
    expect(empty.status).toBe(400)
    expect(empty.json().errors[0].path).toBe('grounds')
    const res = await suspension.guardian.request('POST', `/api/v1/portal/items/${letterItem}/bezwaren`, { json: { grounds: 'De schorsing is te zwaar voor wat er gebeurd is.' } })
    expect(res.status, res.text).toBe(201)
    const filed = res.json()
    expect(filed.late).toBe(false)
    // The deadline is what the bezwaar workflow computes for this decision and this day of receipt.
    const { letter } = (await suspension.guardian.get(`/api/v1/portal/items/${letterItem}`)).json().item
    const [m] = await owner`select sector from measures where id = ${suspension.measureId}`
    const terms = bezwaarTerms({ sector: m!.sector, measureKind: 'schorsing', decisionSentOn: letter.decisionSentOn, receivedOn: filed.receivedOn })
    expect(filed.decisionDueOn).toBe(terms.decisionDueOn)
    expect(filed.objectionDeadline).toBe(terms.objectionDeadline)
    expect(filed.decisionDueOn > filed.receivedOn).toBe(true)
    const staff = await as['directeur@branding.demo']!.get(`/api/v1/measures/${suspension.measureId}/bezwaren`)
    expect(staff.status).toBe(200)
    const b = staff.json().items.find((x: { id: string }) => x.id === filed.id)
    // The deadline is the one the bezwaar workflow shows for this decision and date of receipt.
    expect(b).toMatchObject({ receivedVia: 'portaal', receivedOn: filed.receivedOn, decisionDueOn: filed.decisionDueOn, state: 'received', grounds: 'De schorsing is te zwaar voor wat er gebeurd is.' })
    const [step] = await owner`select reason, data from measure_transitions where measure_id = ${suspension.measureId} and data->>'bezwaarId' = ${filed.id}`
    expect(step!.data).toMatchObject({ event: 'bezwaar_ontvangen', via: 'portaal' })
    expect(step!.reason).toContain('ouderportaal')
    // The school hears of it: a mail without content, through the stichting's outbox, to the
    // school's directeur and the stichting's bestuurder, no one else.
    const mails = await owner`select o.to_address, o.stichting_id, o.school_id, o.subject, o.text from outbox o where o.subject_ref = ${`bezwaar:${filed.id}`} order by o.to_address`
    const expected = await owner`
      select distinct u.email from memberships mb join users u on u.id = mb.user_id join measures m on m.id = ${suspension.measureId}
      where u.disabled_at is null and mb.stichting_id = m.stichting_id and ((mb.role = 'directeur' and mb.school_id = m.school_id) or mb.role = 'bestuurder')
      order by u.email`
    expect(mails.map((x) => x.to_address)).toEqual(expected.map((x) => x.email))
    expect(mails.map((x) => x.to_address)).toEqual(expect.arrayContaining(['bestuur@kompas.demo', 'directeur@branding.demo']))
    const [pupil] = await owner`select first_name, last_name from students where id = ${suspension.studentId}`
    for (const mail of mails) {
      expect(mail).toMatchObject({ subject: 'Bezwaar ontvangen via het ouderportaal', school_id: expect.any(String), stichting_id: expect.any(String) })
      expect(mail.text).toContain(`/maatregelen/${suspension.measureId}`)
      for (const secret of [pupil!.first_name, pupil!.last_name, 'De schorsing is te zwaar']) expect(mail.text).not.toContain(secret)
    }
    // The directeur reads it under the school's mail.
    expect((await as['directeur@branding.demo']!.get('/berichten')).text).toContain('Bezwaar ontvangen via het ouderportaal')
    // A second one while it runs: refused, nothing added.
    const again = await suspension.guardian.request('POST', `/api/v1/portal/items/${letterItem}/bezwaren`, { json: { grounds: 'Nog een keer bezwaar tegen de schorsing.' } })
    expect(again.status).toBe(409)
    // The portal page shows it, and its form refuses a second one with a clear message.
    const page = await suspension.guardian.get(`/ouders/berichten/${letterItem}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Uw bezwaar is ontvangen op')
    const form = await suspension.guardian.post(`/ouders/berichten/${letterItem}`, { intent: 'bezwaar', grounds: 'Nog een keer bezwaar tegen de schorsing.' })
    expect(form.status).toBe(409)
    expect(form.text).toContain('Er loopt al een bezwaar')
    const item = (await suspension.guardian.get(`/api/v1/portal/items/${letterItem}`)).json()
    expect(item.bezwaren).toEqual([expect.objectContaining({ id: filed.id, state: 'received', decisionDueOn: filed.decisionDueOn })])
    // One mail per recipient, however often the guardian tries again.
    expect(await owner`select 1 from outbox where subject_ref = ${`bezwaar:${filed.id}`}`).toHaveLength(mails.length)
  })

  it('a withdrawn letter leaves the portal with its bezwaar form, and the API refuses a bezwaar on it', async () => {
    // While the letter is live, a second bezwaar is refused because one runs (409) ...
    const grounds = 'Wij maken opnieuw bezwaar tegen deze schorsing.'
    expect((await suspension.guardian.request('POST', `/api/v1/portal/items/${letterItem}/bezwaren`, { json: { grounds } })).status).toBe(409)
    const withdrawn = await as['directeur@branding.demo']!.post(`/leerlingen/${suspension.studentId}`, { intent: 'withdraw', id: letterItem })
    expect(withdrawn.status, withdrawn.text).toBeLessThan(400)
    expect(await owner`select 1 from portal_items where id = ${letterItem} and withdrawn_at is not null`).toHaveLength(1)
    // ... once withdrawn, the letter is gone for the family: no page, no form, and the API says so.
    const page = await suspension.guardian.get(`/ouders/berichten/${letterItem}`)
    expect(page.status).toBe(404)
    expect(page.text).not.toContain('name="grounds"')
    expect((await suspension.guardian.get('/ouders')).text).not.toContain(`/ouders/berichten/${letterItem}`)
    const refused = await suspension.guardian.request('POST', `/api/v1/portal/items/${letterItem}/bezwaren`, { json: { grounds } })
    expect(refused.status).toBe(404)
    expect(refused.json().errors).toEqual([{ path: 'id', message: 'Bericht niet gevonden.' }])
    const form = await suspension.guardian.post(`/ouders/berichten/${letterItem}`, { intent: 'bezwaar', grounds })
    expect(form.status).toBe(404)
    expect(await owner`select 1 from bezwaren where grounds = ${grounds}`).toHaveLength(0)
  })

  it('the report of a time-out exists after the talk with the parents; released redacted, with "voor gezien"', async () => {
    const path = `/api/v1/measures/${timeOut.measureId}/portal-report`
    const early = await as['directeur@branding.demo']!.request('POST', path, { json: {} })
    expect(early.status).toBe(409)
    const moved = await as['directeur@branding.demo']!.request('POST', `/api/v1/measures/${timeOut.measureId}/transitions`, { json: { to: 'meeting_held' } })
    expect(moved.status, moved.text).toBeLessThan(300)
    expect((await as['leerkracht@branding.demo']!.request('POST', path, { json: {} })).status).toBe(403)
    // The IB uses the button on the measure page.
    const res = await as['ib@branding.demo']!.post(`/maatregelen/${timeOut.measureId}`, { intent: 'portal-report' })
    expect(res.status, res.text).toBe(302)
    const [released] = await owner`select id from portal_items where measure_id = ${timeOut.measureId} and kind = 'measure_report' and withdrawn_at is null`
    reportItem = released!.id
    const read = await timeOut.guardian.get(`/api/v1/portal/items/${reportItem}`)
    expect(read.status).toBe(200)
    const report = read.json().item.measureReport
    expect(report).toMatchObject({ measureKind: 'time_out', state: 'gesprek met ouders gevoerd' })
    expect(report.steps.map((s: { label: string }) => s.label)).toContain('gesprek met ouders gevoerd')
    for (const s of report.steps) expect(s).not.toHaveProperty('by')
    // Staff names are not in it.
    const staffNames = (await owner`select distinct u.name from memberships m join users u on u.id = m.user_id join schools sc on sc.id = m.school_id where sc.name = 'OBS De Branding'`).map((r) => r.name as string)
    for (const name of staffNames) expect(read.text).not.toContain(name)
    expect((await timeOut.guardian.request('POST', `/api/v1/portal/items/${reportItem}/acknowledgements`, { json: {} })).status).toBe(201)
    // No bezwaar on a report.
    expect((await timeOut.guardian.request('POST', `/api/v1/portal/items/${reportItem}/bezwaren`, { json: { grounds: 'Wij zijn het er niet mee eens.' } })).status).toBe(409)
    if (timeOut.studentId !== suspension.studentId) expect((await suspension.guardian.get(`/api/v1/portal/items/${reportItem}`)).status).toBe(404)
    expect((await as['ouder@branding.demo']!.get(`/api/v1/portal/items/${reportItem}`)).status).toBe(404)
  })

  it('staff record a paper or in-person "voor gezien" on a released item: on the measure page and in the API, never "digitaal"', async () => {
    const path = `/api/v1/measures/${timeOut.measureId}/acknowledgements`
    const today = (await as['ib@branding.demo']!.get(path)).json()
    expect(today.released).toEqual([expect.objectContaining({ id: reportItem, kind: 'measure_report', withdrawnAt: null })])
    // The release's day at the school (Dutch time), and the day before it.
    const releasedOn = new Date(today.released[0].releasedAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })
    const dayBefore = new Date(Date.parse(`${releasedOn}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    const body = { portalItemId: reportItem, guardianName: 'Şahin Yıldız', acknowledgedOn: releasedOn, method: 'per post' }
    // 'digitaal' is the family's own; a date before the release or in the future is refused; nothing is saved.
    const digital = await as['ib@branding.demo']!.request('POST', path, { json: { ...body, method: 'digitaal' } })
    expect(digital.status).toBe(400)
    expect(digital.json().errors[0].path).toBe('method')
    const early = await as['ib@branding.demo']!.request('POST', path, { json: { ...body, acknowledgedOn: dayBefore } })
    expect(early.status).toBe(400)
    expect(early.json().errors[0]).toMatchObject({ path: 'acknowledgedOn', message: expect.stringContaining('vóór de vrijgave') })
    // An item of another measure is not this measure's.
    const foreign = await as['ib@branding.demo']!.request('POST', path, { json: { ...body, portalItemId: letterItem } })
    expect(foreign.status).toBe(400)
    expect(foreign.json().errors[0].path).toBe('portalItemId')
    expect(await owner`select 1 from measure_acknowledgements where guardian_name = 'Şahin Yıldız'`).toHaveLength(0)
    // Another school's directeur: no such measure. A teacher who did not propose it: no such measure either.
    expect((await as['directeur@horizon.demo']!.request('POST', path, { json: body })).status).toBe(404)
    expect((await as['leerkracht@branding.demo']!.request('POST', path, { json: body })).status).toBe(404)
    const created = await as['ib@branding.demo']!.request('POST', path, { json: body })
    expect(created.status, created.text).toBe(201)
    // The measure page's form records one too.
    const page = await as['directeur@branding.demo']!.get(`/maatregelen/${timeOut.measureId}`)
    expect(page.text).toContain('Voor gezien vastleggen (op papier of op school)')
    const form = await as['directeur@branding.demo']!.post(`/maatregelen/${timeOut.measureId}`, { intent: 'acknowledge', portalItemId: reportItem, guardianName: 'Nguyễn Văn An', acknowledgedOn: releasedOn, method: 'op school getekend' })
    expect(form.status, form.text).toBe(302)
    const listed = (await as['ib@branding.demo']!.get(path)).json().items
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ portalItemId: reportItem, guardianName: 'Şahin Yıldız', method: 'per post', reaction: null }),
        expect.objectContaining({ portalItemId: reportItem, guardianName: 'Nguyễn Văn An', method: 'op school getekend' }),
      ]),
    )
    expect((await as['directeur@branding.demo']!.get(`/maatregelen/${timeOut.measureId}`)).text).toContain('Nguyễn Văn An')
    // Recorded by the IB, for the measure's pupil.
    const [row] = await owner`select a.student_id, a.measure_id, u.email from measure_acknowledgements a join users u on u.id = a.recorded_by_id where a.guardian_name = 'Şahin Yıldız'`
    expect(row).toMatchObject({ email: 'ib@branding.demo', student_id: timeOut.studentId, measure_id: timeOut.measureId })
  })

  it('a confidential incident is released only by the directeur, with a reason recorded with the release and in the access log', async () => {
    const [c] = await owner`
      select i.id, p.student_id from incidents i join incident_persons p on p.incident_id = i.id join schools sc on sc.id = i.school_id
      where sc.name = 'OBS De Branding' and i.confidential and i.severity = 'zeer_ernstig' and i.status = 'submitted' and p.student_id is not null
      limit 1`
    expect(c, 'a confidential zeer ernstig incident in the demo').toBeTruthy()
    const path = `/api/v1/incidents/${c!.id}/participants/${c!.student_id}/release`
    const headers = { 'X-Access-Reason': encodeURIComponent('Vrijgave aan de ouders beoordeeld') }
    // The IB cannot open a confidential incident: not found.
    expect((await as['ib@branding.demo']!.request('POST', path, { json: {}, headers })).status).toBe(404)
    const without = await as['directeur@branding.demo']!.request('POST', path, { json: {}, headers })
    expect(without.status, without.text).toBe(400)
    expect(without.json().errors[0]).toMatchObject({ path: 'releaseReason', message: expect.stringContaining('AVG art. 23') })
    const [none] = await owner`select count(*)::int as n from portal_items where incident_id = ${c!.id}`
    expect(none!.n).toBe(0)
    const reason = 'Met de vertrouwenspersoon besproken: het onderzoek is afgerond en niemand wordt geschaad.'
    const res = await as['directeur@branding.demo']!.request('POST', path, { json: { releaseReason: reason }, headers })
    expect(res.status, res.text).toBe(201)
    const [item] = await owner`select confidential, release_reason from portal_items where id = ${res.json().id}`
    expect(item).toEqual({ confidential: true, release_reason: reason })
    const [log] = await owner`select break_glass, reason from access_log where subject_id = ${c!.id} and action = 'share' order by at desc limit 1`
    expect(log).toMatchObject({ break_glass: true, reason: expect.stringContaining(reason) })
  })
})
