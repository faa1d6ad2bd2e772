// Reporting duties through the real server: a leerkracht reports a suspected sexual offence
// by a staff member; the board is notified by mail (no names, no details) and sees the case, as does
// the vertrouwenspersoon; the directeur, the other stichting and partners get 404. The Meldcode case
// is the school's (directeur, IB, vertrouwenspersoon, opener), never the board's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { dutchToday } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

// Steps are recorded on the day they are taken.
const today = dutchToday()
let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'leerkracht@branding.demo',
  'leerkracht2@branding.demo',
  'directeur@branding.demo',
  'ib@branding.demo',
  'vertrouwenspersoon@branding.demo',
  'bestuur@kompas.demo',
  'directeur@horizon.demo',
  'bestuur@horizon.demo',
  'politie@wijkteam.demo',
]
const SUMMARY = 'Leerling vertelde dat meester Bakker haar na de gymles ongepast aanraakte.'
let zeden = ''
let meldcode = ''

const rowsOf = (html: string) =>
  [...html.matchAll(/<tr data-outbox-id="([0-9a-f-]{36})"[\s\S]*?<\/tr>/g)].map((m) => ({ id: m[1]!, html: m[0] }))

beforeAll(async () => {
  server = await startServer({ BAKEN_MAIL_WORKER: '0' })
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
})
afterAll(() => server?.stop())

describe('the zeden route', () => {
  it('a leerkracht opens a case; it redirects to the case, which shows only that the board was informed', async () => {
    const teacher = as['leerkracht@branding.demo']!
    expect((await teacher.get('/meldplicht/nieuw')).status).toBe(200)
    const refused = await teacher.post('/meldplicht/nieuw', { kind: 'zedendelict_medewerker', summary: 'kort' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Beschrijf wat je weet')
    const res = await teacher.post('/meldplicht/nieuw', { kind: 'zedendelict_medewerker', summary: SUMMARY })
    expect(res.status).toBe(302)
    const m = /^\/meldplicht\/([0-9a-f-]{36})\?geopend=1$/.exec(res.location ?? '')
    expect(m, res.location ?? '').not.toBeNull()
    zeden = m![1]!
    const page = await teacher.get(`/meldplicht/${zeden}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('bestuur geïnformeerd')
    expect(page.text).toContain('Wat het bestuur na je melding doet, is vertrouwelijk')
  })

  it('a directeur may report too; without read access to the case afterwards, the list confirms it was sent', async () => {
    const res = await as['directeur@branding.demo']!.post('/meldplicht/nieuw', { kind: 'zedendelict_medewerker', summary: 'Een ouder meldde mij een vermoeden over een medewerker.' })
    expect(res.status).toBe(302)
    expect(res.location).toMatch(/^\/meldplicht(\/[0-9a-f-]{36}\?geopend=1|\?gemeld=bestuur)$/)
    const page = await as['directeur@branding.demo']!.get(res.location!)
    expect(page.status).toBe(200)
    expect(page.text).toContain('het bestuur is geïnformeerd')
  })

  it('the board is notified through the outbox: one message to bestuur@kompas.demo, with a link and without names or details', async () => {
    const board = as['bestuur@kompas.demo']!
    const rows = rowsOf((await board.get('/berichten')).text).filter((r) => r.html.includes('een melding vraagt uw aandacht'))
    const mine = []
    for (const r of rows) {
      const detail = await board.get(`/berichten?bericht=${r.id}`)
      if (detail.text.includes(`/meldplicht/${zeden}`)) mine.push(detail.text)
    }
    expect(mine).toHaveLength(1)
    expect(mine[0]).toContain('bestuur@kompas.demo')
    expect(mine[0]).not.toContain('Bakker')
    expect(mine[0]).not.toContain('gymles')
    // The school's directeur does not find the notification in the school's outbox.
    expect((await as['directeur@branding.demo']!.get('/berichten')).text).not.toContain('een melding vraagt uw aandacht')
  })

  it('the bestuurder and the vertrouwenspersoon see it, with the next step explained', async () => {
    for (const email of ['bestuur@kompas.demo', 'vertrouwenspersoon@branding.demo']) {
      const page = await as[email]!.get(`/meldplicht/${zeden}`)
      expect(page.status, email).toBe(200)
      expect(page.text).toContain('Bakker')
      expect(page.text).toContain('vertrouwensinspecteur')
    }
    expect((await as['bestuur@kompas.demo']!.get('/meldplicht')).text).toContain(`/meldplicht/${zeden}`)
  })

  it('the directeur, the IB, another teacher, the other stichting and the police get 404', async () => {
    for (const email of ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht2@branding.demo', 'directeur@horizon.demo', 'bestuur@horizon.demo', 'politie@wijkteam.demo']) {
      expect((await as[email]!.get(`/meldplicht/${zeden}`)).status, email).toBe(404)
      expect((await as[email]!.post(`/meldplicht/${zeden}`, { step: 'overleg_vertrouwensinspecteur', date: today, contact: 'VI', advice: 'Aangifte doen.' })).status, email).toBe(404)
    }
    expect((await as['directeur@branding.demo']!.get('/meldplicht')).text).not.toContain(`/meldplicht/${zeden}`)
    expect((await as['politie@wijkteam.demo']!.get('/meldplicht')).status).toBe(403)
  })

  it('only the board records the steps: the reporter is refused with the legal source; aangifte waits for the consultation', async () => {
    const refused = await as['leerkracht@branding.demo']!.post(`/meldplicht/${zeden}`, { step: 'overleg_vertrouwensinspecteur', date: today, contact: 'VI', advice: 'Aangifte doen.' })
    expect(refused.status).toBe(403)
    expect(refused.text).toContain('bevoegd gezag')
    const board = as['bestuur@kompas.demo']!
    const early = await board.post(`/meldplicht/${zeden}`, { step: 'aangifte', reasons: 'Redelijk vermoeden na gesprek.', date: today, policeUnit: 'Politie', reference: 'PL-1' })
    expect(early.status).toBe(409)
    expect(early.text).toContain('Eerst het overleg met de vertrouwensinspecteur')
    const ok = await board.post(`/meldplicht/${zeden}`, { step: 'overleg_vertrouwensinspecteur', date: today, contact: 'Vertrouwensinspecteur VI-9', advice: 'Redelijk vermoeden: aangifte doen.', expectedState: 'bestuur_geinformeerd' })
    expect(ok.status).toBe(302)
    const page = await as['vertrouwenspersoon@branding.demo']!.get(`/meldplicht/${zeden}`)
    expect(page.text).toContain('Vertrouwensinspecteur VI-9')
    // The reporter still sees only the notification.
    expect((await as['leerkracht@branding.demo']!.get(`/meldplicht/${zeden}`)).text).not.toContain('VI-9')
  })
})

describe('the Meldcode', () => {
  it('a leerkracht opens it for a pupil; the IB, directeur and vertrouwenspersoon see it; the board and other teachers get 404', async () => {
    const teacher = as['leerkracht@branding.demo']!
    const form = (await teacher.get('/meldplicht/nieuw?soort=meldcode')).text
    const pupil = /<option value="([0-9a-f-]{36})">/.exec(form)![1]!
    const res = await teacher.post('/meldplicht/nieuw', { kind: 'meldcode', studentId: pupil, summary: 'Blauwe plekken op de armen en vaak moe.' })
    expect(res.status).toBe(302)
    meldcode = /\/meldplicht\/([0-9a-f-]{36})/.exec(res.location ?? '')![1]!
    for (const email of ['ib@branding.demo', 'directeur@branding.demo', 'vertrouwenspersoon@branding.demo', 'leerkracht@branding.demo']) {
      expect((await as[email]!.get(`/meldplicht/${meldcode}`)).status, email).toBe(200)
    }
    for (const email of ['bestuur@kompas.demo', 'leerkracht2@branding.demo', 'directeur@horizon.demo']) {
      expect((await as[email]!.get(`/meldplicht/${meldcode}`)).status, email).toBe(404)
    }
  })

  it('steps in order: the conversation before the consultation is refused; the consultation is recorded', async () => {
    const ib = as['ib@branding.demo']!
    const early = await ib.post(`/meldplicht/${meldcode}`, { step: 'gesprek', skipped: 'nee', date: today, with: 'ouders', note: 'Gesprek gevoerd.' })
    expect(early.status).toBe(409)
    expect(early.text).toContain('Eerst stap 2')
    const ok = await ib.post(`/meldplicht/${meldcode}`, { step: 'consultatie', date: today, consulted: 'Aandachtsfunctionaris', veiligThuis: 'nee', advice: 'Gesprek met ouders voeren.' })
    expect(ok.status).toBe(302)
    expect((await ib.get(`/meldplicht/${meldcode}`)).text).toContain('stap 2: collegiale consultatie gedaan')
  })
})
