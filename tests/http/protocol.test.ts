// /protocol through the real server: the rule set per school beside the school's protocol. Stichting
// roles see all their schools (and nothing of another stichting), the directeur and IB their own;
// teachers and partners are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'bestuur@kompas.demo',
  'beheer@kompas.demo',
  'privacy@kompas.demo',
  'bestuur@horizon.demo',
  'directeur@branding.demo',
  'ib@branding.demo',
  'directeur@vakcollege.demo',
  'leerkracht@branding.demo',
  'vertrouwenspersoon@branding.demo',
  'politie@wijkteam.demo',
  'halt@haltnoord.demo',
]
/** The status badge of a row where the protocol differs from the law (text, not only colour). */
const DIFFERS_BADGE = '<span class="badge pr-status pr-status-wijkt_af">Wijkt af</span>'
let branding = ''
let vakcollege = ''

/** The page's text without tags, entities decoded enough for matching. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;|&#x27;|&#39;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  const schoolOf = async (email: string) => (await as[email]!.get('/api/v1/me')).json().organisation.id as string
  branding = await schoolOf('directeur@branding.demo')
  vakcollege = await schoolOf('directeur@vakcollege.demo')
})
afterAll(() => server?.stop())

describe('who may open /protocol', () => {
  it.each(['bestuur@kompas.demo', 'beheer@kompas.demo', 'privacy@kompas.demo', 'directeur@branding.demo', 'ib@branding.demo'])(
    '%s: 200',
    async (email) => {
      expect((await as[email]!.get('/protocol')).status).toBe(200)
    },
  )

  it.each(['leerkracht@branding.demo', 'vertrouwenspersoon@branding.demo', 'politie@wijkteam.demo', 'halt@haltnoord.demo'])('%s: 403', async (email) => {
    const res = await as[email]!.get('/protocol')
    expect(res.status).toBe(403)
    expect(res.text).not.toContain('WPO art. 40c')
  })

  it('anonymous: to the login page', async () => {
    const res = await new Client(server.baseUrl).get('/protocol')
    expect(res.status).toBe(302)
    expect(res.location).toBe('/login?redirectTo=%2Fprotocol')
  })
})

describe('the bestuurder', () => {
  it('sees the three Kompas schools with their rule sets, and nothing of CBS De Horizon', async () => {
    const page = textOf((await as['bestuur@kompas.demo']!.get('/protocol')).text)
    for (const name of ['OBS De Branding', 'Kompas Lyceum', 'Kompas Vakcollege']) expect(page).toContain(name)
    for (const id of ['wet-po-2026', 'wet-vo-2026', 'wet-mbo-2026']) expect(page).toContain(id)
    expect(page).not.toContain('De Horizon')
    expect(page).not.toContain('45GH')
  })

  it('opens De Branding: the school safety protocol beside the WPO, the 8-week rule marked "Wijkt af"', async () => {
    const res = await as['bestuur@kompas.demo']!.get(`/protocol?school=${branding}`)
    expect(res.status).toBe(200)
    const page = textOf(res.text)
    expect(page).toContain('Protocol op dossier: Protocol Incidenten, schorsing en verwijdering (december 2023)')
    expect(page).toContain('acht weken zonder succes')
    expect(res.text).toContain(DIFFERS_BADGE)
  })

  it('opens the Vakcollege: the mbo rules (one week, "Onzeker"; no Inspectie notice) and no protocol on file', async () => {
    const res = await as['bestuur@kompas.demo']!.get(`/protocol?school=${vakcollege}`)
    const page = textOf(res.text)
    expect(page).toContain('Kompas Vakcollege (34EF)')
    expect(page).toContain('Een schorsing duurt ten hoogste één week: 5 schooldagen.')
    expect(page).toContain('Kamerstuk 35 625')
    expect(page).not.toContain('10 schooldagen')
    expect(page).toContain('WEB art. 8.1.7c')
    expect(page).toContain('Geen melding aan de Inspectie.')
    expect(page).toContain('Voor deze school is geen protocol vastgelegd.')
    expect(page).toContain('Onzeker')
    expect(res.text).not.toContain(DIFFERS_BADGE)
    expect(res.text).not.toContain('pr-differs')
  })

  it('another stichting’s school, or nonsense, is not found', async () => {
    const horizonSchool = (await (async () => {
      const c = new Client(server.baseUrl)
      await c.login('directeur@horizon.demo')
      return (await c.get('/api/v1/me')).json().organisation.id as string
    })())
    expect((await as['bestuur@kompas.demo']!.get(`/protocol?school=${horizonSchool}`)).status).toBe(404)
    expect((await as['bestuur@kompas.demo']!.get('/protocol?school=niet-een-id')).status).toBe(404)
    // And the Horizon bestuurder sees its own school only.
    const page = textOf((await as['bestuur@horizon.demo']!.get('/protocol')).text)
    expect(page).toContain('CBS De Horizon (45GH)')
    expect(page).not.toContain('Branding')
    expect(page).toContain('Voor deze school is geen protocol vastgelegd.')
  })
})

describe('the directeur of De Branding', () => {
  it('sees the own school only, with the differences from the law in text', async () => {
    const res = await as['directeur@branding.demo']!.get('/protocol')
    expect(res.status).toBe(200)
    const page = textOf(res.text)
    expect(page).toContain('OBS De Branding (12AB)')
    expect(page).not.toContain('Kompas Lyceum')
    expect(page).not.toContain('Kompas Vakcollege')
    expect(page).toContain('5 verschil(len) met de wet.')
    expect(page).toContain('Waar het protocol afwijkt')
    expect(res.text.split(DIFFERS_BADGE).length - 1).toBe(5)
    expect(page).toContain('WPO art. 40c lid 1')
    expect(page).toContain('§3.5')
    // The differing row is marked for the eye as well as in words.
    expect(res.text).toMatch(/<tr id="regel-verwijdering-definitief" class="pr-differs">/)
  })

  it('cannot open another school of the stichting', async () => {
    expect((await as['directeur@branding.demo']!.get(`/protocol?school=${vakcollege}`)).status).toBe(404)
  })
})
