// Mail through the real server: /berichten for the roles that may read the outbox (and 403 for the
// rest), each tenant its own rows, the body hidden from the stichtingbeheerder, and the in-process
// worker sending the demo's pending mail through the local transport. A second server with
// BAKEN_MAIL_WORKER=0 shows the same mail staying pending, so it was the worker that sent it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

interface Row {
  id: string
  status: string
  subject: string
}

/** The rows of the /berichten table (each <tr> carries its id and status as data attributes). */
function rowsOf(html: string): Row[] {
  const out: Row[] = []
  for (const m of html.matchAll(/<tr data-outbox-id="([0-9a-f-]{36})" data-status="(\w+)"[\s\S]*?<\/tr>/g)) {
    const subject = /<a [^>]*href="\/berichten\?bericht=[^"]+">([^<]*)<\/a>/.exec(m[0])?.[1] ?? ''
    out.push({ id: m[1]!, status: m[2]!, subject: subject.replace(/&amp;/g, '&') })
  }
  return out
}

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await fn()
    if (ok(value) || Date.now() > deadline) return value
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('/berichten with the mail worker running', () => {
  let server: RunningServer
  const as: Record<string, Client> = {}
  const ACCOUNTS = [
    'directeur@branding.demo',
    'beheer@kompas.demo',
    'bestuur@kompas.demo',
    'directeur@horizon.demo',
    'leerkracht@branding.demo',
    'ib@branding.demo',
    'privacy@kompas.demo',
    'politie@wijkteam.demo',
    'platform@baken.demo',
  ]

  beforeAll(async () => {
    server = await startServer({ MAIL_WORKER_INTERVAL_MS: '200' })
    for (const email of ACCOUNTS) {
      as[email] = new Client(server.baseUrl)
      await as[email].login(email)
    }
  })
  afterAll(() => server?.stop())

  it('the server says which transport it uses', () => {
    expect(server.output()).toContain('Mail: local transport (nothing leaves this machine; messages at /berichten); worker every 200 ms')
  })

  it.each(['directeur@branding.demo', 'beheer@kompas.demo', 'bestuur@kompas.demo', 'directeur@horizon.demo'])('200 for %s', async (email) => {
    const res = await as[email]!.get('/berichten')
    expect(res.status).toBe(200)
    expect(res.text).toContain('<h1>Berichten</h1>')
    expect(rowsOf(res.text).length).toBeGreaterThanOrEqual(3)
  })

  it.each(['leerkracht@branding.demo', 'ib@branding.demo', 'privacy@kompas.demo', 'politie@wijkteam.demo', 'platform@baken.demo'])(
    '403 for %s',
    async (email) => {
      expect((await as[email]!.get('/berichten')).status).toBe(403)
    },
  )

  it('not signed in: to the login page', async () => {
    const res = await new Client(server.baseUrl).get('/berichten')
    expect(res.status).toBe(302)
    expect(res.location).toBe('/login?redirectTo=%2Fberichten')
  })

  it('each sees its own tenant only: the directeur one school, the stichting roles all Kompas schools, Horizon nothing of Kompas', async () => {
    const subjects = async (email: string) => rowsOf((await as[email]!.get('/berichten')).text).map((r) => r.subject)
    const branding = await subjects('directeur@branding.demo')
    expect(branding.every((s) => s.endsWith('OBS De Branding'))).toBe(true)
    for (const email of ['beheer@kompas.demo', 'bestuur@kompas.demo']) {
      const kompas = await subjects(email)
      for (const school of ['OBS De Branding', 'Kompas Lyceum', 'Kompas Vakcollege']) expect(kompas.some((s) => s.endsWith(school)), school).toBe(true)
      expect(kompas.some((s) => s.includes('Horizon'))).toBe(false)
    }
    const horizon = await subjects('directeur@horizon.demo')
    expect(horizon.length).toBeGreaterThan(0)
    expect(horizon.every((s) => s.endsWith('CBS De Horizon'))).toBe(true)
  })

  it('a message: the directeur reads its text; the stichtingbeheerder only the envelope; another tenant gets 404', async () => {
    const [first] = rowsOf((await as['directeur@branding.demo']!.get('/berichten')).text)
    const mine = await as['directeur@branding.demo']!.get(`/berichten?bericht=${first!.id}`)
    expect(mine.status).toBe(200)
    expect(mine.text).toContain('Beste ')
    expect(mine.text).toContain('Dit bericht gaat over')
    const beheer = await as['beheer@kompas.demo']!.get(`/berichten?bericht=${first!.id}`)
    expect(beheer.status).toBe(200)
    expect(beheer.text).not.toContain('Dit bericht gaat over')
    expect(beheer.text).toContain('alleen zichtbaar voor de directeur en het bestuur')
    const board = await as['bestuur@kompas.demo']!.get(`/berichten?bericht=${first!.id}`)
    expect(board.text).toContain('Dit bericht gaat over')
    expect((await as['directeur@horizon.demo']!.get(`/berichten?bericht=${first!.id}`)).status).toBe(404)
    expect((await as['directeur@branding.demo']!.get('/berichten?bericht=geen-id')).status).toBe(404)
  })

  it('the in-process worker sends the demo’s pending mail through the local transport, once', async () => {
    const page = () => as['bestuur@kompas.demo']!.get('/berichten').then((r) => rowsOf(r.text))
    const rows = await until(page, (rs) => rs.every((r) => r.status !== 'pending'))
    const timeOuts = rows.filter((r) => r.subject.startsWith('Time-out – '))
    expect(timeOuts.map((r) => r.subject).sort()).toEqual(['Time-out – Kompas Lyceum', 'Time-out – Kompas Vakcollege', 'Time-out – OBS De Branding'])
    expect(timeOuts.every((r) => r.status === 'sent')).toBe(true)
    // The demo's refused message stays failed: the worker never picks it up again.
    expect(rows.filter((r) => r.status === 'failed').map((r) => r.subject)).toEqual(['Verslag voor gezien – OBS De Branding'])
    const detail = await as['bestuur@kompas.demo']!.get(`/berichten?bericht=${timeOuts[0]!.id}`)
    expect(detail.text).toContain(`local-${timeOuts[0]!.id}`)
    expect(detail.text).toContain('lokaal bewaard, niet echt verstuurd')
    expect(detail.text).toMatch(/Pogingen<\/dt><dd>1<\/dd>/)
    // Horizon's too.
    const horizon = rowsOf((await as['directeur@horizon.demo']!.get('/berichten')).text)
    expect(horizon.filter((r) => r.status === 'pending')).toEqual([])
  })
})

describe('/berichten with BAKEN_MAIL_WORKER=0', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer({ BAKEN_MAIL_WORKER: '0', MAIL_WORKER_INTERVAL_MS: '200' })
  })
  afterAll(() => server?.stop())

  it('no worker runs: the demo’s pending mail stays pending', async () => {
    expect(server.output()).toContain('no worker in this process')
    const c = new Client(server.baseUrl)
    await c.login('directeur@branding.demo')
    // Absence cannot be waited for, only watched: the page is read again and again over five
    // worker intervals (200 ms), and the mail must be pending at every look.
    const pendingSubjects = async () =>
      rowsOf((await c.get('/berichten')).text)
        .filter((r) => r.status === 'pending')
        .map((r) => r.subject)
    const watchUntil = Date.now() + 5 * 200
    do {
      expect(await pendingSubjects()).toEqual(['Time-out – OBS De Branding'])
    } while (Date.now() < watchUntil)
  })
})
