// The bestuurder's mandate to a school's directeur for schorsingen (Awb art. 10:1–10:3) through the
// real server: granted per school with a maximum of school days, a start date and the date of the
// mandaatbesluit, versioned and withdrawn; the directeur decides within it and no further; the letter
// says the decision was taken under mandate; and nobody decides on an objection to their own
// decision (Awb art. 10:3 lid 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../../packages/domain/test/support/pdf-text.ts'
import { Client, type Reply } from './support/client.ts'
import { demoDates, dutchToday, plusDays } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['directeur@branding.demo', 'directeur@lyceum.demo', 'bestuur@kompas.demo', 'beheer@kompas.demo', 'bestuur@horizon.demo']
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
const today = dutchToday()
const page = (r: Reply) => r.text.replaceAll('<!-- -->', '')
const branding = demoDates().calendar('noord', 'branding')
const lyceum = demoDates().calendar('noord', 'lyceum')
const MANDATES = '/api/v1/stichting/mandates'

let brandingId: string
let lyceumId: string
let free: string[] = []

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  const schools = (await as['bestuur@kompas.demo']!.get(MANDATES)).json().items as { schoolId: string; schoolName: string }[]
  brandingId = schools.find((s) => s.schoolName === 'OBS De Branding')!.schoolId
  lyceumId = schools.find((s) => s.schoolName !== 'OBS De Branding' && /Lyceum/.test(s.schoolName))!.schoolId
  const dir = as['directeur@branding.demo']!
  const pupils = (await dir.get('/api/v1/students?pageSize=200')).json().items as { id: string }[]
  const taken = new Set(((await dir.get('/api/v1/measures')).json().items as { studentId: string }[]).map((m) => m.studentId))
  free = pupils.filter((p) => !taken.has(p.id)).map((p) => p.id)
})
afterAll(() => server?.stop())

/** The PDF's text (the test client reads bodies as text, which would break binary content). */
async function letterText(c: Client, path: string): Promise<string> {
  const res = await fetch(server.baseUrl + path, { headers: c.cookie ? { cookie: `baken_session=${c.cookie}` } : {} })
  expect(res.status).toBe(200)
  return await pdfText(new Uint8Array(await res.arrayBuffer()))
}

/** A schorsing proposed by the directeur of De Branding for a pupil without measures. */
async function propose(schoolDays: number): Promise<string> {
  const startsOn = branding.addSchoolDays(branding.nextSchoolDay(today), 2)
  const created = await json(as['directeur@branding.demo']!, 'POST', '/api/v1/measures', {
    kind: 'schorsing', studentId: free.shift(), reasons: 'Sloeg een medeleerling op het schoolplein.', startsOn, schoolDays,
    skipJustification: 'De veiligheid van de medeleerlingen vraagt direct een schorsing.',
  })
  expect(created.status, created.text).toBe(201)
  return created.json().id
}
const approve = (c: Client, id: string) => json(c, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'approved' })
interface SchoolMandates {
  schoolId: string
  current: { maxSchoolDays: number; startsOn: string; besluitOn: string } | null
  history: { action: string; version: number; byName: string | null }[]
  sectorMax: number
}
const schoolOf = async (c: Client, id: string) => ((await c.get(MANDATES)).json().items as SchoolMandates[]).find((s) => s.schoolId === id)!

describe('a mandate for schorsingen, per school (Awb art. 10:1–10:3)', () => {
  it('only the bestuurder of the stichting grants it, within the sector maximum, with its dates', async () => {
    const board = as['bestuur@kompas.demo']!
    const grant = { schoolId: brandingId, maxSchoolDays: 3, startsOn: today, besluitOn: today }
    expect((await schoolOf(board, brandingId)).current).toBeNull()
    const byDirecteur = await json(as['directeur@branding.demo']!, 'POST', MANDATES, grant)
    expect(byDirecteur.status).toBe(403)
    expect((await json(as['beheer@kompas.demo']!, 'POST', MANDATES, grant)).status).toBe(403)
    expect((await json(as['bestuur@horizon.demo']!, 'POST', MANDATES, grant)).status).toBe(404)
    const tooMany = await json(board, 'POST', MANDATES, { ...grant, maxSchoolDays: 6 })
    expect(tooMany.status).toBe(400)
    expect(tooMany.json().errors[0]).toMatchObject({ path: 'maxSchoolDays', message: expect.stringMatching(/5 schooldagen/) })
    expect((await json(board, 'POST', MANDATES, { ...grant, maxSchoolDays: 0 })).status).toBe(400)
    const future = await json(board, 'POST', MANDATES, { ...grant, besluitOn: plusDays(today, 1) })
    expect(future.status).toBe(400)
    expect(future.json().errors[0].path).toBe('besluitOn')
    const granted = await json(board, 'POST', MANDATES, grant)
    expect(granted.status, granted.text).toBe(201)
    const school = await schoolOf(board, brandingId)
    expect(school.current).toMatchObject({ maxSchoolDays: 3, startsOn: today, besluitOn: today })
    expect(school.history).toMatchObject([{ action: 'verleend', version: 1, byName: expect.any(String) }])
    // The stichtingbeheerder sees it; another stichting does not.
    expect((await schoolOf(as['beheer@kompas.demo']!, brandingId)).current).toMatchObject({ maxSchoolDays: 3 })
    expect(((await as['bestuur@horizon.demo']!.get(MANDATES)).json().items as { schoolId: string }[]).some((s) => s.schoolId === brandingId)).toBe(false)
  })

  it('the directeur of that school decides a schorsing within it, not beyond; another school’s directeur does not', async () => {
    const dir = as['directeur@branding.demo']!
    const two = await propose(2)
    const decided = await approve(dir, two)
    expect(decided.status, decided.text).toBe(200)
    const detail = (await dir.get(`/api/v1/measures/${two}`)).json()
    expect(detail).toMatchObject({ state: 'approved', decidedUnderMandate: true, mandate: { maxSchoolDays: 3, besluitOn: today } })
    expect(page(await dir.get(`/maatregelen/${two}`))).toMatch(/krachtens mandaat van/)
    // The Inspectie notice (po, more than one day) says who decided, and under which mandaatbesluit.
    const notice = detail.tasks.find((t: { kind: string }) => t.kind === 'inspectie_melding')
    expect(notice.summary).toContain(`krachtens mandaat van ${today}`)

    const letter = await json(dir, 'POST', `/api/v1/measures/${two}/letters`, { kind: 'schorsing' })
    expect(letter.status, letter.text).toBe(201)
    expect((await letterText(dir, letter.location!)).replace(/\s+/g, ' ')).toMatch(/namens het bevoegd gezag.*krachtens mandaat van \d{1,2} \w+ \d{4}/)

    const four = await propose(4)
    const beyond = await approve(dir, four)
    expect(beyond.status).toBe(403)
    expect(beyond.json().errors[0].message).toMatch(/mandaat.*ten hoogste 3 schooldagen/)
    expect((await approve(as['bestuur@kompas.demo']!, four)).status).toBe(200)
    expect((await dir.get(`/api/v1/measures/${four}`)).json().decidedUnderMandate).toBe(false)

    // The Kompas Lyceum has no mandate.
    const ly = as['directeur@lyceum.demo']!
    const pupils = (await ly.get('/api/v1/students?pageSize=200')).json().items as { id: string }[]
    const taken = new Set(((await ly.get('/api/v1/measures')).json().items as { studentId: string }[]).map((m) => m.studentId))
    const created = await json(ly, 'POST', '/api/v1/measures', {
      kind: 'schorsing', studentId: pupils.find((p) => !taken.has(p.id))!.id, reasons: 'Bedreigde een docent in de gang.', schoolDays: 1,
      startsOn: lyceum.addSchoolDays(lyceum.nextSchoolDay(today), 2), skipJustification: 'De veiligheid van de docent vraagt direct een schorsing.',
    })
    expect(created.status, created.text).toBe(201)
    const other = await approve(ly, created.json().id)
    expect(other.status).toBe(403)
    expect(other.json().errors[0].message).toMatch(/mandaat/)
    expect((await approve(ly, two)).status).toBe(404)
    expect(lyceumId).toBeTruthy()
  })

  it('who decided under mandate does not decide the bezwaar against it (Awb art. 10:3 lid 3); the bestuurder does', async () => {
    const dir = as['directeur@branding.demo']!
    const id = await propose(1)
    expect((await approve(dir, id)).status).toBe(200)
    const path = `/api/v1/measures/${id}/bezwaren`
    const created = await json(dir, 'POST', path, { receivedOn: today })
    expect(created.status, created.text).toBe(201)
    const bezwaar = created.json().id
    expect((await json(dir, 'POST', `${path}/${bezwaar}`, { action: 'hearing', hearingOn: today })).status).toBe(200)
    const decision = { action: 'decide', decidedOn: today, outcome: 'ongegrond', reasons: 'De schorsing was evenredig en goed gemotiveerd.' }
    const own = await json(dir, 'POST', `${path}/${bezwaar}`, decision)
    expect(own.status).toBe(403)
    expect(own.json().errors[0].message).toMatch(/Awb art\. 10:3 lid 3/)
    expect((await json(as['bestuur@kompas.demo']!, 'POST', `${path}/${bezwaar}`, decision)).status).toBe(200)
  })

  it('a withdrawal ends it, kept as a new version; a mandate starts on its start date', async () => {
    const board = as['bestuur@kompas.demo']!
    const dir = as['directeur@branding.demo']!
    expect((await json(dir, 'POST', `${MANDATES}/withdraw`, { schoolId: brandingId })).status).toBe(403)
    expect((await json(as['bestuur@horizon.demo']!, 'POST', `${MANDATES}/withdraw`, { schoolId: brandingId })).status).toBe(404)
    const withdrawn = await json(board, 'POST', `${MANDATES}/withdraw`, { schoolId: brandingId, besluitOn: today })
    expect(withdrawn.status, withdrawn.text).toBe(200)
    const school = await schoolOf(board, brandingId)
    expect(school.current).toBeNull()
    expect(school.history.map((h) => [h.version, h.action])).toEqual([[2, 'ingetrokken'], [1, 'verleend']])
    expect((await json(board, 'POST', `${MANDATES}/withdraw`, { schoolId: brandingId })).status).toBe(409)
    const after = await approve(dir, await propose(2))
    expect(after.status).toBe(403)
    expect(after.json().errors[0].message).toMatch(/mandaat/)

    // Granted again from tomorrow: not yet today.
    const tomorrow = branding.nextSchoolDay(today)
    expect((await json(board, 'POST', MANDATES, { schoolId: brandingId, maxSchoolDays: 5, startsOn: tomorrow, besluitOn: today })).status).toBe(201)
    const early = await approve(dir, await propose(2))
    expect(early.status).toBe(403)
    expect(early.json().errors[0].message).toMatch(/gaat in op/)
    expect((await schoolOf(board, brandingId)).history).toHaveLength(3)
  })

  it('/instellingen shows the mandate per school; only the bestuurder gets the forms', async () => {
    const boardPage = page(await as['bestuur@kompas.demo']!.get('/instellingen'))
    expect(boardPage).toContain('Mandaat voor schorsingen')
    expect(boardPage).toContain('OBS De Branding')
    expect(boardPage).toMatch(/<label[^>]*for="mandate-max-/)
    expect(boardPage).toContain('Mandaat intrekken')
    const beheerPage = page(await as['beheer@kompas.demo']!.get('/instellingen'))
    expect(beheerPage).toContain('Mandaat voor schorsingen')
    expect(beheerPage).not.toContain('Mandaat intrekken')
    expect(beheerPage).not.toMatch(/for="mandate-max-/)
  })
})
