// The school calendar page through the real server: the stichtingbeheerder adds and deletes days,
// school staff get their own school's calendar read-only (and 403 on any write), and another
// stichting sees nothing of Kompas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
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
const YEAR = '2026-2027'
const PAGE = `/kalender?schooljaar=${YEAR}`
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
  startsOn: '2027-03-26',
  endsOn: '2027-03-26',
  scope: 'regio:noord',
  ...over,
})

/** The id in the delete form of the table row that names the entry. */
function entryIdIn(html: string, name: string): string | null {
  for (const row of html.split('<tr')) {
    if (!row.includes(name)) continue
    const m = /name="id" value="([0-9a-f-]{36})"/.exec(row)
    if (m) return m[1]!
  }
  return null
}

describe('stichtingbeheerder of Kompas', () => {
  it('sees the region holidays and every Kompas school with its own days, and the form', async () => {
    const res = await as['beheer@kompas.demo']!.get(PAGE)
    expect(res.status).toBe(200)
    for (const text of ['Schoolkalender 2026-2027', 'Schoolvakanties per regio', 'Regio noord', 'Regio zuid', 'Herfstvakantie', 'Voorjaarsvakantie']) {
      expect(res.text).toContain(text)
    }
    for (const text of ['OBS De Branding (12AB), regio noord: 205 schooldagen', 'Kompas Lyceum', 'Kompas Vakcollege', 'Studiedag toetsbeleid', 'Studiedag rekenen']) {
      expect(res.text).toContain(text)
    }
    expect(res.text).not.toContain('CBS De Horizon')
    expect(res.text).not.toContain('Studiedag lezen')
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
    expect(page.text).toContain('OBS De Branding (12AB), regio noord: 204 schooldagen')

    const school = await as['directeur@branding.demo']!.get(PAGE)
    expect(school.text).toContain('Paasvrije dag (test)')
    expect(school.text).toContain('204 schooldagen in schooljaar 2026-2027')

    const deleted = await beheer.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })
    expect(deleted.status).toBe(302)
    expect(deleted.location).toBe(`/kalender?schooljaar=${YEAR}&verwijderd=1`)
    const after = await as['directeur@branding.demo']!.get(PAGE)
    expect(after.text).not.toContain('Paasvrije dag (test)')
    expect(after.text).toContain('205 schooldagen in schooljaar 2026-2027')
    // Deleting it again: 404 with a message, nothing else removed.
    const again = await beheer.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })
    expect(again.status).toBe(404)
    expect(again.text).toContain('Niet gevonden')
  })

  it('adds a study day for one school only', async () => {
    const beheer = as['beheer@kompas.demo']!
    const added = await beheer.post('/kalender', entry({ kind: 'studiedag', name: 'Studiedag (test)', scope: `school:${brandingSchool}`, startsOn: '2027-06-16', endsOn: '2027-06-16' }))
    expect(added.status).toBe(302)
    const school = await as['directeur@branding.demo']!.get(PAGE)
    expect(school.text).toContain('Studiedag (test)')
    expect(school.text).toContain('204 schooldagen')
    const id = entryIdIn((await beheer.get(PAGE)).text, 'Studiedag (test)')
    expect((await beheer.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })).status).toBe(302)
  })

  it.each([
    ['the end before the start', { startsOn: '2027-03-26', endsOn: '2027-03-20' }, 'De einddatum ligt vóór de begindatum'],
    ['a date outside the schooljaar', { startsOn: '2027-08-02', endsOn: '2027-08-03' }, 'De begindatum valt buiten schooljaar 2026-2027'],
    ['a school of another stichting', { scope: 'school:HORIZON' }, 'Onbekende school'],
    ['no name', { name: '' }, 'Geef een naam'],
    ['a date that does not exist', { startsOn: '2027-02-31' }, 'Begindatum als JJJJ-MM-DD'],
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
    for (const text of ['OBS De Branding', '205 schooldagen in schooljaar 2026-2027', 'Hemelvaartsdag', 'Tweede Paasdag', 'Goede Vrijdag', 'geen vrije dag', 'Kerstvakantie', 'Studiedag team', 'Alleen de stichtingbeheerder kan de kalender aanpassen.']) {
      expect(res.text).toContain(text)
    }
    // Not another school's study days, and no forms to change anything.
    expect(res.text).not.toContain('Studiedag toetsbeleid')
    expect(res.text).not.toContain('Kompas Lyceum')
    expect(res.text).not.toContain('name="intent"')
  })

  it('the directeur gets 403 on every POST, and nothing changes', async () => {
    const directeur = as['directeur@branding.demo']!
    expect((await directeur.post('/kalender', entry())).status).toBe(403)
    expect((await directeur.post('/kalender', entry({ scope: `school:${brandingSchool}` }))).status).toBe(403)
    const id = entryIdIn((await as['beheer@kompas.demo']!.get(PAGE)).text, 'Studiedag rekenen')
    expect(id).not.toBeNull()
    expect((await directeur.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })).status).toBe(403)
    const page = await directeur.get(PAGE)
    expect(page.text).toContain('Studiedag rekenen')
    expect(page.text).not.toContain('Paasvrije dag (test)')
  })

  it('the Horizon school (regio zuid) has its own voorjaarsvakantie', async () => {
    const res = await as['directeur@horizon.demo']!.get(PAGE)
    expect(res.status).toBe(200)
    expect(res.text).toContain('CBS De Horizon')
    expect(res.text).toContain('za 6 feb 2027 t/m zo 14 feb 2027')
    expect((await as['directeur@branding.demo']!.get(PAGE)).text).toContain('za 20 feb 2027 t/m zo 28 feb 2027')
  })
})

describe('other stichting, other roles', () => {
  it('the bestuurder of Horizon sees Horizon only, nothing of Kompas, and cannot write', async () => {
    const bestuur = as['bestuur@horizon.demo']!
    const res = await bestuur.get(PAGE)
    expect(res.status).toBe(200)
    expect(res.text).toContain('CBS De Horizon')
    expect(res.text).toContain('Studiedag lezen')
    for (const text of ['Kompas', 'OBS De Branding', 'Studiedag rekenen', 'Studiedag toetsbeleid', 'Studiedag praktijkopleiders']) {
      expect(res.text).not.toContain(text)
    }
    expect(res.text).not.toContain('name="intent"')
    expect((await bestuur.post('/kalender', entry({ scope: 'regio:zuid' }))).status).toBe(403)
    // Not even with a Kompas entry's id.
    const id = entryIdIn((await as['beheer@kompas.demo']!.get(PAGE)).text, 'Studiedag rekenen')
    expect((await bestuur.post('/kalender', { intent: 'delete', schooljaar: YEAR, id: id! })).status).toBe(403)
  })

  it('the bestuurder of Kompas reads the stichting calendar without the form', async () => {
    const res = await as['bestuur@kompas.demo']!.get(PAGE)
    expect(res.status).toBe(200)
    expect(res.text).toContain('Studiedag toetsbeleid')
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
    expect(html).toContain('School calendar 2026-2027')
    expect(html).toContain('205 school days in school year 2026-2027')
  })
})
