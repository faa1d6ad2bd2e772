// A schooljaar without school holidays, through the real server: the calendar page and the proposal
// form warn, a schorsing in it is refused (its school days cannot be counted), and the
// stichtingbeheerder imports the holidays from a file in the Rijksoverheid's open-data format
// (content[].vacations[].regions[]). A bad file is refused with a Dutch error and saves nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, type Reply } from './support/client.ts'
import { demoDates, demoEntriesOf, dutchToday, plusDays, schoolYearOfDate } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['beheer@kompas.demo', 'directeur@branding.demo', 'bestuur@kompas.demo']
const today = dutchToday()
// The schooljaar after today's: the demo has its holidays, until this file deletes those of regio noord.
const THIS_YEAR = schoolYearOfDate(today)
const NEXT = `${Number(THIS_YEAR.slice(0, 4)) + 1}-${Number(THIS_YEAR.slice(0, 4)) + 2}`
const PAGE = `/kalender?schooljaar=${NEXT}`
const REGIONS = ['noord', 'midden', 'zuid'] as const
const HOLIDAYS = demoEntriesOf(NEXT).filter((e) => e.schoolKey === undefined)
const BRANDING = demoDates().calendar('noord', 'branding')
const herfst = HOLIDAYS.find((e) => e.region === 'noord' && e.name === 'Herfstvakantie')!
// The last school day at De Branding before its herfstvakantie: a schorsing of two days from there
// runs on after the holiday.
let lastBeforeHerfst = plusDays(herfst.startsOn, -1)
while (!BRANDING.isSchoolDay(lastBeforeHerfst)) lastBeforeHerfst = plusDays(lastBeforeHerfst, -1)
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })

/** The demo holidays of a schooljaar as the Rijksoverheid's open data lists them: a day's end is 23:59 Dutch time, in UTC. */
function rijksoverheidFile(schoolYear: string, extraRegion?: { vacation: string; region: string }) {
  const names = [...new Set(HOLIDAYS.map((e) => e.name))]
  const utcEnd = (day: string) => demoDates().at(day, 23, 59).toISOString()
  return {
    id: 'test',
    type: 'schoolvakanties',
    content: [
      {
        title: `Schoolvakanties ${schoolYear}`,
        schoolyear: ` ${schoolYear} `,
        vacations: names.map((name) => {
          const per = REGIONS.map((region) => HOLIDAYS.find((e) => e.name === name && e.region === region)!)
          const same = per.every((e) => e.startsOn === per[0]!.startsOn && e.endsOn === per[0]!.endsOn)
          const regions: { region: string; startdate: string; enddate: string }[] = same
            ? [{ region: 'heel Nederland', startdate: `${per[0]!.startsOn}T00:00:00.000Z`, enddate: utcEnd(per[0]!.endsOn) }]
            : per.map((e) => ({ region: e.region as string, startdate: `${e.startsOn}T00:00:00.000Z`, enddate: utcEnd(e.endsOn) }))
          if (extraRegion?.vacation === name) regions.push({ region: extraRegion.region, startdate: `${per[0]!.startsOn}T00:00:00.000Z`, enddate: utcEnd(per[0]!.endsOn) })
          return { type: `\n ${name} \n`, compulsorydates: name === 'Herfstvakantie' || name === 'Voorjaarsvakantie' ? 'false' : 'true', regions }
        }),
      },
    ],
    notice: 'Testbestand in het formaat van opendata.rijksoverheid.nl',
  }
}

/** The import form as a browser sends it: multipart/form-data with the file. */
async function upload(c: Client, content: string, fileName = 'schoolvakanties.json'): Promise<Reply> {
  const form = new FormData()
  form.set('intent', 'import')
  form.set('schooljaar', NEXT)
  form.set('file', new Blob([content], { type: 'application/json' }), fileName)
  const res = await fetch(`${server.baseUrl}/kalender`, {
    method: 'POST',
    headers: { origin: server.baseUrl, ...(c.cookie ? { cookie: `baken_session=${c.cookie}` } : {}) },
    body: form,
    redirect: 'manual',
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text), location: res.headers.get('location') }
}

/** The part of the stichting's calendar page about one region. */
function regionSection(html: string, region: string): string {
  const start = html.indexOf(`id="kal-region-${region}"`)
  expect(start).toBeGreaterThan(0)
  const end = html.indexOf('id="kal-region-', start + 10)
  return html.slice(start, end > 0 ? end : html.indexOf('id="kal-schools"', start))
}
const propose = () =>
  json(as['directeur@branding.demo']!, 'POST', '/api/v1/measures', {
    kind: 'schorsing',
    studentId: pupil,
    reasons: 'Gooide een stoel naar een medeleerling.',
    startsOn: lastBeforeHerfst,
    schoolDays: 2,
    skipJustification: 'De veiligheid van de medeleerlingen vraagt direct een schorsing.',
  })
let pupil = ''

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  const dir = as['directeur@branding.demo']!
  const taken = new Set((await dir.get('/api/v1/measures')).json().items.map((m: { studentId: string }) => m.studentId))
  pupil = (await dir.get('/api/v1/students?pageSize=200')).json().items.find((p: { id: string }) => !taken.has(p.id)).id
  // The stichtingbeheerder deletes every holiday of regio noord in the next schooljaar.
  const beheer = as['beheer@kompas.demo']!
  const section = regionSection((await beheer.get(PAGE)).text, 'noord')
  const ids = [...section.matchAll(/name="id" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!)
  expect(ids.length).toBe(HOLIDAYS.filter((e) => e.region === 'noord').length)
  for (const id of ids) expect((await beheer.post('/kalender', { intent: 'delete', schooljaar: NEXT, id })).status).toBe(302)
})
afterAll(() => server?.stop())

describe('a schooljaar without the region’s school holidays', () => {
  it('is flagged on the calendar page and on the proposal form', async () => {
    const page = await as['beheer@kompas.demo']!.get(PAGE)
    const noord = regionSection(page.text, 'noord')
    expect(noord).toContain(`Voor schooljaar ${NEXT} zijn nog geen schoolvakanties van regio noord ingevoerd`)
    expect(noord).toContain('Een schorsing in dit schooljaar wordt geweigerd')
    expect(regionSection(page.text, 'midden')).not.toContain('nog geen schoolvakanties')
    const form = await as['directeur@branding.demo']!.get('/maatregelen/nieuw')
    expect(form.text).toContain(`Voor schooljaar ${NEXT} zijn nog geen schoolvakanties van regio noord ingevoerd`)
  })

  it('refuses a schorsing in it, naming the schooljaar, the region and who can enter the calendar', async () => {
    const res = await propose()
    expect(res.status, res.text).toBe(400)
    const [error] = res.json().errors
    expect(error.path).toBe('startsOn')
    expect(error.message).toContain(`schooljaar ${NEXT}`)
    expect(error.message).toContain('regio noord')
    expect(error.message).toContain('stichtingbeheerder')
  })
})

describe('importing the Rijksoverheid’s open data', () => {
  it('refuses a file that is no JSON, has another shape, or names an unknown region, and saves nothing', async () => {
    const beheer = as['beheer@kompas.demo']!
    const notJson = await upload(beheer, 'Herfstvakantie 16 oktober')
    expect(notJson.status).toBe(400)
    expect(notJson.text).toContain('Het bestand is geen geldige JSON')
    const shape = await upload(beheer, JSON.stringify({ vakanties: [] }))
    expect(shape.status).toBe(400)
    expect(shape.text).toContain('content[].vacations[].regions[]')
    const oost = await upload(beheer, JSON.stringify(rijksoverheidFile(NEXT, { vacation: 'Zomervakantie', region: 'oost' })))
    expect(oost.status).toBe(400)
    expect(oost.text).toContain('onbekende regio &quot;oost&quot;')
    const kerst2090 = { schoolyear: '2090-2091', vacations: [{ type: 'Kerstvakantie', regions: [{ region: 'heel Nederland', startdate: '2090-12-23T00:00:00.000Z', enddate: '2091-01-07T22:59:00.000Z' }] }] }
    // A good schooljaar beside one Baken does not know: neither is imported.
    const unknownYear = await upload(beheer, JSON.stringify([rijksoverheidFile(NEXT), { content: [kerst2090] }]))
    expect(unknownYear.status).toBe(400)
    expect(unknownYear.text).toContain('Schooljaar 2090-2091 is niet bekend in Baken')
    // Nothing was saved: regio noord still has no holidays in the schooljaar.
    expect(regionSection((await beheer.get(PAGE)).text, 'noord')).toContain('nog geen schoolvakanties')
    expect((await propose()).status).toBe(400)
  })

  it('imports the holidays of every region (replacing those of the schooljaar), after which the schorsing is accepted and counted on them', async () => {
    const beheer = as['beheer@kompas.demo']!
    const file = JSON.stringify(rijksoverheidFile(NEXT))
    // Only the stichtingbeheerder keeps the calendar.
    expect((await upload(as['directeur@branding.demo']!, file)).status).toBe(403)
    expect((await upload(as['bestuur@kompas.demo']!, file)).status).toBe(403)
    for (let round = 0; round < 2; round++) {
      const res = await upload(beheer, file)
      expect(res.status, res.text.slice(0, 800)).toBe(302)
      expect(res.location).toBe(`${PAGE}&geimporteerd=${HOLIDAYS.length}`)
    }
    const page = await beheer.get(`${PAGE}&geimporteerd=${HOLIDAYS.length}`)
    expect(page.text).toContain(`${HOLIDAYS.length} schoolvakanties van schooljaar ${NEXT} geïmporteerd`)
    for (const region of REGIONS) {
      const section = regionSection(page.text, region)
      expect(section).not.toContain('nog geen schoolvakanties')
      // Once each: the second import replaced the first.
      expect(section.split('<tr').filter((row) => row.includes('Herfstvakantie'))).toHaveLength(1)
    }
    const form = await as['directeur@branding.demo']!.get('/maatregelen/nieuw')
    expect(form.text).not.toContain(`Voor schooljaar ${NEXT} zijn nog geen schoolvakanties`)

    const res = await propose()
    expect(res.status, res.text).toBe(201)
    const detail = (await as['directeur@branding.demo']!.get(`/api/v1/measures/${res.json().id}`)).json()
    // The second school day is the first one after the herfstvakantie.
    expect(detail.endsOn).toBe(BRANDING.addSchoolDays(lastBeforeHerfst, 2))
    expect(detail.endsOn > herfst.endsOn).toBe(true)
  })
})
