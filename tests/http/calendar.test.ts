// The school calendar page through the real server: the stichtingbeheerder adds and deletes days,
// school staff get their own school's calendar read-only (and 403 on any write), and another
// stichting sees nothing of Kompas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { demoDates, demoEntriesOf, dutchToday, plusDays, schoolYearBounds, schoolYearOfDate } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'beheer@kompas.demo',
  'bestuur@kompas.demo',
  'directeur@branding.demo',
  'leerkracht@branding.demo',
  'directeur@horizon.demo',
  'bestuur@horizon.demo',
  'politie@wijkteam.demo',
]
// Today's schooljaar: the demo has its holidays and every school's study days.
const YEAR = schoolYearOfDate(dutchToday())
const PAGE = `/kalender?schooljaar=${YEAR}`
const NEXT = Number(YEAR.slice(5, 9))
const ENTRIES = demoEntriesOf(YEAR)
const studyDays = (schoolKey: string) => ENTRIES.filter((e) => e.schoolKey === schoolKey)
const regionHoliday = (region: string, name: string) => ENTRIES.find((e) => e.schoolKey === undefined && e.region === region && e.name === name)!
const BRANDING = demoDates().calendar('noord', 'branding')
const { first, last } = schoolYearBounds(YEAR)
// The school days of De Branding in the schooljaar, on the same calendar the seed lays out.
const SCHOOL_DAYS = BRANDING.countSchoolDays(first, last)
// A school day at De Branding in March and one in June, to take off.
const FREE_DAY = BRANDING.nextSchoolDay(`${NEXT}-03-20`)
const STUDY_DAY = BRANDING.nextSchoolDay(`${NEXT}-06-14`)

/** '2026-11-25' → 'wo 25 nov 2026', as the calendar page shows a day. */
function dayLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
  return `${['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'][weekday]} ${d} ${['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][m - 1]} ${y}`
}
const periodLabel = (e: { startsOn: string; endsOn: string }) => (e.startsOn === e.endsOn ? dayLabel(e.startsOn) : `${dayLabel(e.startsOn)} t/m ${dayLabel(e.endsOn)}`)

interface Day {
  name: string
  startsOn: string
  endsOn: string
}
/** The table rows of the page that name a day and show its date. */
const rowsOf = (html: string, e: Day) => html.split('<tr').filter((row) => row.includes(e.name) && row.includes(periodLabel(e)))
const hasRow = (html: string, e: Day) => rowsOf(html, e).length > 0
/** The study days of one school that another does not have on the same day under the same name (generated years repeat names). */
const onlyAt = (schoolKey: string, ...others: string[]) =>
  studyDays(schoolKey).filter((e) => !others.some((o) => studyDays(o).some((x) => x.name === e.name && x.startsOn === e.startsOn)))
let horizonSchool = ''
let brandingSchool = ''

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  horizonSchool = (await as['directeur@horizon.demo']!.get('/api/v1/me')).json().organisation.id
  brandingSchool = (await as['directeur@branding.demo']!.get('/api/v1/me')).json().organisation.id
})
afterAll(() => server?.stop())

const entry = (over: Record<string, string> = {}) => ({
  intent: 'create',
  schooljaar: YEAR,
  kind: 'vrije_dag',
  name: 'Paasvrije dag (test)',
  startsOn: FREE_DAY,
  endsOn: FREE_DAY,
  scope: 'regio:noord',
  ...over,
})

/** The id in the delete form of the table row that names the entry (and shows its date). */
function entryIdIn(html: string, name: string | Day): string | null {
  for (const row of typeof name === 'string' ? html.split('<tr').filter((r) => r.includes(name)) : rowsOf(html, name)) {
    const m = /name="id" value="([0-9a-f-]{36})"/.exec(row)
    if (m) return m[1]!
  }
  return null
}

describe('stichtingbeheerder of Kompas', () => {
  it('sees the region holidays and every Kompas school with its own days, and the form', async () => {
    const res = await as['beheer@kompas.demo']!.get(PAGE)
    expect(res.status).toBe(200)
    for (const text of [`Schoolkalender ${YEAR}`, 'Schoolvakanties per regio', 'Regio noord', 'Regio zuid', 'Herfstvakantie', 'Voorjaarsvakantie']) {
      expect(res.text).toContain(text)
    }
    // A plausible count (a schooljaar has some 190 to 205 school days), and the calendar's own.
    expect(SCHOOL_DAYS).toBeGreaterThan(180)
    expect(SCHOOL_DAYS).toBeLessThan(215)
    for (const text of [`OBS De Branding (12AB), regio noord: ${SCHOOL_DAYS} schooldagen`, 'Kompas Lyceum', 'Kompas Vakcollege']) {
      expect(res.text).toContain(text)
    }
    for (const key of ['branding', 'lyceum', 'vakcollege']) {
      expect(studyDays(key)).toHaveLength(2)
      for (const e of studyDays(key)) expect(hasRow(res.text, e), `${key}: ${e.name} ${e.startsOn}`).toBe(true)
    }
    expect(res.text).not.toContain('CBS De Horizon')
    for (const e of onlyAt('horizon-school', 'branding', 'lyceum', 'vakcollege')) expect(hasRow(res.text, e), e.startsOn).toBe(false)
    expect(res.text).toContain('name="intent" value="create"')
    expect(res.text).toContain('name="intent" value="delete"')
  })

  it('adds a day for regio noord: the directeur of De Branding sees it and one school day fewer; then deletes it', async () => {
    const beheer = as['beheer@kompas.demo']!
    const added = await beheer.post('/kalender', entry())
    expect(added.status).toBe(302)
    expect(added.location).toBe(`/kalender?schooljaar=${YEAR}&toegevoegd=1`)
    const page = await beheer.get(`${PAGE}&toegevoegd=1`)
    expect(page.text).toContain('De dag of periode is toegevoegd.')
    const id = entryIdIn(page.text, 'Paasvrije dag (test)')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(page.text).toContain(`OBS De Branding (12AB), regio noord: ${SCHOOL_DAYS - 1} schooldagen`)

    const school = await as['directeur@branding.demo']!.get(PAGE)
    expect(school.text).toContain('Paasvrije dag (test)')
    expect(school.text).toContain(`${SCHOOL_DAYS - 1} schooldagen in schooljaar ${YEAR}`)

    const deleted = await beheer.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })
    expect(deleted.status).toBe(302)
    expect(deleted.location).toBe(`/kalender?schooljaar=${YEAR}&verwijderd=1`)
    const after = await as['directeur@branding.demo']!.get(PAGE)
    expect(after.text).not.toContain('Paasvrije dag (test)')
    expect(after.text).toContain(`${SCHOOL_DAYS} schooldagen in schooljaar ${YEAR}`)
    // Deleting it again: 404 with a message, nothing else removed.
    const again = await beheer.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })
    expect(again.status).toBe(404)
    expect(again.text).toContain('Niet gevonden')
  })

  it('adds a study day for one school only', async () => {
    const beheer = as['beheer@kompas.demo']!
    const added = await beheer.post('/kalender', entry({ kind: 'studiedag', name: 'Studiedag (test)', scope: `school:${brandingSchool}`, startsOn: STUDY_DAY, endsOn: STUDY_DAY }))
    expect(added.status).toBe(302)
    const school = await as['directeur@branding.demo']!.get(PAGE)
    expect(school.text).toContain('Studiedag (test)')
    expect(school.text).toContain(`${SCHOOL_DAYS - 1} schooldagen`)
    const id = entryIdIn((await beheer.get(PAGE)).text, 'Studiedag (test)')
    expect((await beheer.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })).status).toBe(302)
  })

  it.each([
    ['the end before the start', { startsOn: FREE_DAY, endsOn: plusDays(FREE_DAY, -6) }, 'De einddatum ligt vóór de begindatum'],
    ['a date outside the schooljaar', { startsOn: `${NEXT}-08-02`, endsOn: `${NEXT}-08-03` }, `De begindatum valt buiten schooljaar ${YEAR}`],
    ['a school of another stichting', { scope: 'school:HORIZON' }, 'Onbekende school'],
    ['no name', { name: '' }, 'Geef een naam'],
    ['a date that does not exist', { startsOn: `${NEXT}-02-31` }, 'Begindatum als JJJJ-MM-DD'],
  ] as [string, Record<string, string>, string][])('refuses %s with a Dutch message (400) and adds nothing', async (_label, over, message) => {
    const beheer = as['beheer@kompas.demo']!
    const before = (await beheer.get(PAGE)).text.split('name="intent" value="delete"').length
    const values = over.scope === 'school:HORIZON' ? { ...over, scope: `school:${horizonSchool}` } : over
    const res = await beheer.post('/kalender', entry(values))
    expect(res.status).toBe(400)
    expect(res.text).toContain('De dag of periode is niet toegevoegd')
    expect(res.text).toContain(message)
    expect((await beheer.get(PAGE)).text.split('name="intent" value="delete"').length).toBe(before)
  })
})

describe('school staff', () => {
  it.each(['directeur@branding.demo', 'leerkracht@branding.demo'])('%s gets the own school calendar read-only, national holidays included', async (email) => {
    const res = await as[email]!.get(PAGE)
    expect(res.status).toBe(200)
    for (const text of ['OBS De Branding', `${SCHOOL_DAYS} schooldagen in schooljaar ${YEAR}`, 'Hemelvaartsdag', 'Tweede Paasdag', 'Goede Vrijdag', 'geen vrije dag', 'Kerstvakantie', 'Alleen de stichtingbeheerder kan de kalender aanpassen.']) {
      expect(res.text).toContain(text)
    }
    for (const e of studyDays('branding')) expect(hasRow(res.text, e), e.startsOn).toBe(true)
    // Not another school's study days, and no forms to change anything.
    const others = onlyAt('lyceum', 'branding')
    expect(others.length).toBeGreaterThan(0)
    for (const e of others) expect(hasRow(res.text, e), e.startsOn).toBe(false)
    expect(res.text).not.toContain('Kompas Lyceum')
    expect(res.text).not.toContain('name="intent"')
  })

  it('the directeur gets 403 on every POST, and nothing changes', async () => {
    const directeur = as['directeur@branding.demo']!
    expect((await directeur.post('/kalender', entry())).status).toBe(403)
    expect((await directeur.post('/kalender', entry({ scope: `school:${brandingSchool}` }))).status).toBe(403)
    const studyDay = studyDays('branding')[1]!
    const id = entryIdIn((await as['beheer@kompas.demo']!.get(PAGE)).text, studyDay)
    expect(id).not.toBeNull()
    expect((await directeur.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })).status).toBe(403)
    const page = await directeur.get(PAGE)
    expect(hasRow(page.text, studyDay)).toBe(true)
    expect(page.text).not.toContain('Paasvrije dag (test)')
  })

  it('the Horizon school (regio zuid) has its own voorjaarsvakantie', async () => {
    const res = await as['directeur@horizon.demo']!.get(PAGE)
    expect(res.status).toBe(200)
    expect(res.text).toContain('CBS De Horizon')
    const zuid = periodLabel(regionHoliday('zuid', 'Voorjaarsvakantie'))
    const noord = periodLabel(regionHoliday('noord', 'Voorjaarsvakantie'))
    expect(zuid).not.toBe(noord)
    expect(res.text).toContain(zuid)
    expect((await as['directeur@branding.demo']!.get(PAGE)).text).toContain(noord)
  })
})

describe('other stichting, other roles', () => {
  it('the bestuurder of Horizon sees Horizon only, nothing of Kompas, and cannot write', async () => {
    const bestuur = as['bestuur@horizon.demo']!
    const res = await bestuur.get(PAGE)
    expect(res.status).toBe(200)
    expect(res.text).toContain('CBS De Horizon')
    for (const e of studyDays('horizon-school')) expect(hasRow(res.text, e), e.startsOn).toBe(true)
    for (const text of ['Kompas', 'OBS De Branding']) expect(res.text).not.toContain(text)
    const kompasOnly = ['branding', 'lyceum', 'vakcollege'].flatMap((key) => onlyAt(key, 'horizon-school'))
    expect(kompasOnly.length).toBeGreaterThan(0)
    for (const e of kompasOnly) expect(hasRow(res.text, e), e.startsOn).toBe(false)
    expect(res.text).not.toContain('name="intent"')
    expect((await bestuur.post('/kalender', entry({ scope: 'regio:zuid' }))).status).toBe(403)
    // Not even with a Kompas entry's id.
    const id = entryIdIn((await as['beheer@kompas.demo']!.get(PAGE)).text, studyDays('branding')[1]!)
    expect(id).not.toBeNull()
    expect((await bestuur.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })).status).toBe(403)
  })

  it('the bestuurder of Kompas reads the stichting calendar without the form', async () => {
    const res = await as['bestuur@kompas.demo']!.get(PAGE)
    expect(res.status).toBe(200)
    for (const e of studyDays('lyceum')) expect(hasRow(res.text, e), e.startsOn).toBe(true)
    expect(res.text).not.toContain('name="intent"')
    expect((await as['bestuur@kompas.demo']!.post('/kalender', entry())).status).toBe(403)
  })

  it('a partner gets 403, anonymous is sent to the login page, a bad schooljaar is 400', async () => {
    expect((await as['politie@wijkteam.demo']!.get(PAGE)).status).toBe(403)
    expect((await as['politie@wijkteam.demo']!.post('/kalender', entry())).status).toBe(403)
    const anonymous = await new Client(server.baseUrl).get(PAGE)
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
    expect((await as['directeur@branding.demo']!.get('/kalender?schooljaar=2026-2028')).status).toBe(400)
  })

  it('English from the local dictionary when the language cookie says so', async () => {
    const res = await fetch(`${server.baseUrl}${PAGE}`, { headers: { cookie: `baken_session=${as['directeur@branding.demo']!.cookie}; baken_lang=en` } })
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain(`School calendar ${YEAR}`)
    expect(html).toContain(`${SCHOOL_DAYS} school days in school year ${YEAR}`)
  })
})
