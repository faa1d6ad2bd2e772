// Decision letters through the real server: making one for a decided schorsing, downloading the
// PDF, versions, who may (the school's directeur and the board; not a leerkracht; not another
// stichting), the measure page's button, and the templates page for the stichting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../../packages/domain/test/support/pdf-text.ts'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'directeur@branding.demo',
  'leerkracht@branding.demo',
  'bestuur@kompas.demo',
  'beheer@kompas.demo',
  'bestuur@horizon.demo',
  'directeur@horizon.demo',
  'privacy@kompas.demo',
]
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
let decided: { id: string; studentName: string }
let proposedId: string

/** The PDF's bytes (the test client reads bodies as text, which would break binary content). */
async function download(c: Client, path: string) {
  const res = await fetch(server.baseUrl + path, { headers: c.cookie ? { cookie: `baken_session=${c.cookie}` } : {} })
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
}

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  const dir = as['directeur@branding.demo']!
  decided = (await dir.get('/api/v1/measures?kind=schorsing&state=approved')).json().items[0]
  proposedId = (await dir.get('/api/v1/measures?kind=schorsing&state=proposed')).json().items[0].id
  expect(decided?.id).toBeDefined()
})
afterAll(() => server?.stop())

describe('a letter for a decided schorsing', () => {
  it('the directeur makes it (201 {id, version}) and it downloads as a PDF attachment that is not cached', async () => {
    const dir = as['directeur@branding.demo']!
    const made = await json(dir, 'POST', `/api/v1/measures/${decided.id}/letters`, { kind: 'schorsing' })
    expect(made.status, made.text).toBe(201)
    const { id, version } = made.json()
    expect(version).toBe(1)
    expect(made.location).toBe(`/api/v1/measures/${decided.id}/letters/${id}.pdf`)
    const { res, bytes } = await download(dir, made.location!)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="schorsing-[0-9a-f]{8}-v1\.pdf"$/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const text = await pdfText(bytes)
    expect(text).toContain(decided.studentName)
    expect(text).toContain('WPO art. 40c lid 1')
    expect(text).toContain('bezwaar maken')
  })

  it('the next letter is version 2; the bestuurder makes one too; the list shows them with their links', async () => {
    expect((await json(as['directeur@branding.demo']!, 'POST', `/api/v1/measures/${decided.id}/letters`, { kind: 'schorsing' })).json().version).toBe(2)
    const board = await json(as['bestuur@kompas.demo']!, 'POST', `/api/v1/measures/${decided.id}/letters`, { kind: 'schorsing' })
    expect(board.status).toBe(201)
    expect(board.json().version).toBe(3)
    const list = await as['directeur@branding.demo']!.get(`/api/v1/measures/${decided.id}/letters`)
    expect(list.status).toBe(200)
    const { items, available } = list.json()
    expect(items.map((l: { version: number }) => l.version)).toEqual([3, 2, 1])
    expect(items[0]).toMatchObject({ kind: 'schorsing', templateVersion: 1, href: expect.stringMatching(/\.pdf$/) })
    expect(available).toEqual(['schorsing', 'bezwaar_beslissing'])
  })

  it('a proposed schorsing gets none (409), an unknown kind is a 400', async () => {
    const dir = as['directeur@branding.demo']!
    const early = await json(dir, 'POST', `/api/v1/measures/${proposedId}/letters`, { kind: 'schorsing' })
    expect(early.status).toBe(409)
    expect(early.json().errors[0].message).toMatch(/pas als de schorsing is besloten/)
    expect((await json(dir, 'POST', `/api/v1/measures/${decided.id}/letters`, { kind: 'brief' })).status).toBe(400)
    expect((await json(dir, 'POST', `/api/v1/measures/${decided.id}/letters`, {})).status).toBe(400)
  })
})

describe('who may', () => {
  it('a leerkracht may not make a letter (403)', async () => {
    const res = await json(as['leerkracht@branding.demo']!, 'POST', `/api/v1/measures/${decided.id}/letters`, { kind: 'schorsing' })
    expect(res.status).toBe(403)
    expect(res.json().errors[0]).toMatchObject({ message: expect.any(String) })
  })

  it('Horizon’s bestuurder and directeur: 404 for making, listing and downloading', async () => {
    const letterId = (await as['directeur@branding.demo']!.get(`/api/v1/measures/${decided.id}/letters`)).json().items[0].id
    for (const email of ['bestuur@horizon.demo', 'directeur@horizon.demo']) {
      const c = as[email]!
      expect((await json(c, 'POST', `/api/v1/measures/${decided.id}/letters`, { kind: 'schorsing' })).status, email).toBe(404)
      expect((await c.get(`/api/v1/measures/${decided.id}/letters`)).status, email).toBe(404)
      expect((await download(c, `/api/v1/measures/${decided.id}/letters/${letterId}.pdf`)).res.status, email).toBe(404)
    }
  })

  it('roles outside measures: 403; anonymous: 401', async () => {
    expect((await as['privacy@kompas.demo']!.get(`/api/v1/measures/${decided.id}/letters`)).status).toBe(403)
    expect((await json(as['beheer@kompas.demo']!, 'POST', `/api/v1/measures/${decided.id}/letters`, { kind: 'schorsing' })).status).toBe(403)
    expect((await new Client(server.baseUrl).get(`/api/v1/measures/${decided.id}/letters`)).status).toBe(401)
  })
})

describe('the measure page', () => {
  it('lists the letters and offers "Besluitbrief maken", which makes the next version', async () => {
    const dir = as['directeur@branding.demo']!
    const page = await dir.get(`/maatregelen/${decided.id}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Besluitbrief maken')
    expect(page.text).toContain(`/api/v1/measures/${decided.id}/letters/`)
    const posted = await dir.post(`/maatregelen/${decided.id}`, { intent: 'make-letter', kind: 'schorsing' })
    expect(posted.status).toBe(302)
    const items = (await dir.get(`/api/v1/measures/${decided.id}/letters`)).json().items
    expect(items[0].version).toBe(4)
  })
})

describe('/sjablonen', () => {
  it('the stichtingbeheerder sees the templates with their required placeholders and saves a new version', async () => {
    const beheer = as['beheer@kompas.demo']!
    const page = await beheer.get('/sjablonen')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Besluit tot schorsing')
    expect(page.text).toContain('{{bezwaarclausule}}')
    const refused = await beheer.post('/sjablonen', { intent: 'save', kind: 'schorsing', body: 'Onderwerp: schorsing van {{leerling}}\n\n{{aanhef}}\n\nZonder redenen.' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Het sjabloon mist verplichte plaatshouders')
    expect(refused.text).toContain('{{redenen}}')
    const body =
      'Onderwerp: schorsing van {{leerling}}\n\n{{aanhef}}\n\nWij schorsen {{leerling}} voor {{duur}}: {{periode}}.\n\nRedenen\n{{redenen}}\n\nWettelijke grondslag\n{{wettelijke_grondslag}}\n\nOnderwijs\n{{onderwijs_tijdens_maatregel}}\n\n{{bezwaarclausule}}\n\nAfschrift aan de leerplichtambtenaar{{inspectie_melding}}.\n\nMet vriendelijke groet,\n{{ondertekening}}'
    const saved = await beheer.post('/sjablonen', { intent: 'save', kind: 'schorsing', body })
    expect(saved.status).toBe(302)
    expect(saved.location).toMatch(/^\/sjablonen\?opgeslagen=schorsing&versie=2/)
    const after = await beheer.get('/sjablonen')
    expect(after.text).toContain('Versie 2')
    // The next letter is made from version 2.
    const made = await json(as['directeur@branding.demo']!, 'POST', `/api/v1/measures/${decided.id}/letters`, { kind: 'schorsing' })
    const { bytes } = await download(as['directeur@branding.demo']!, made.location!)
    expect(await pdfText(bytes)).toContain('Wij schorsen')
  })

  it('a directeur gets 403 there, for the page and for saving', async () => {
    const dir = as['directeur@branding.demo']!
    expect((await dir.get('/sjablonen')).status).toBe(403)
    expect((await dir.post('/sjablonen', { intent: 'save', kind: 'schorsing', body: 'x'.repeat(40) })).status).toBe(403)
  })

  it('the bestuurder may; another stichting’s bestuurder sees only its own versions', async () => {
    expect((await as['bestuur@kompas.demo']!.get('/sjablonen')).status).toBe(200)
    const horizon = await as['bestuur@horizon.demo']!.get('/sjablonen')
    expect(horizon.status).toBe(200)
    expect(horizon.text).not.toContain('Versie 2')
  })
})
