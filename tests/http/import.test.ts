// The CSV import page (/leerlingen/import) through the real server: upload (multipart) → dry run →
// apply, with the file carried between the steps in the form; the role wall and the tenant wall.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, type Reply } from './support/client.ts'
import { currentSchoolYear } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo', 'directeur@horizon.demo']

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
})
afterAll(() => server?.stop())

const HEADER = 'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep;Naam ouder/verzorger 1;E-mail ouder/verzorger 1'
const FILE = '\uFEFF' + [HEADER, '800001;Fenna;de;Wit;12-05-2017;groep 7;Esther de Wit;esther@ouders.test', '800002;Omar;;Tahiri;2018-01-30;groep 3;;'].join('\r\n') + '\r\n'

/** Step 1 as a browser sends it: multipart/form-data with the file, the session cookie and Origin. */
async function upload(c: Client, csv: string | Uint8Array<ArrayBuffer>, fileName = 'export.csv'): Promise<Reply> {
  const form = new FormData()
  form.set('intent', 'upload')
  form.set('file', new Blob([csv], { type: 'text/csv' }), fileName)
  const res = await fetch(`${server.baseUrl}/leerlingen/import`, {
    method: 'POST',
    headers: { origin: server.baseUrl, ...(c.cookie ? { cookie: `baken_session=${c.cookie}` } : {}) },
    body: form,
    redirect: 'manual',
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text), location: res.headers.get('location') }
}

/** The step-2 form as the page rendered it: hidden fields and the selected column per field. */
function reviewForm(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const m of html.matchAll(/<input type="hidden" name="(csv|fileName|checked)" value="([^"]*)"/g)) fields[m[1]!] = m[2]!
  for (const m of html.matchAll(/<select id="imp-map-\w+" name="(map\.\w+)"[^>]*>(.*?)<\/select>/gs)) {
    fields[m[1]!] = /<option value="(\d*)" selected="">/.exec(m[2]!)?.[1] ?? ''
  }
  return fields
}

const students = async (c: Client) =>
  (await c.get('/api/v1/students?pageSize=200')).json<{ items: { id: string; externalId: string; displayName: string; groupName: string | null }[] }>().items

describe('import page', () => {
  it('only the directeur and IB may open it; a leerkracht gets 403, also when posting', async () => {
    expect((await as['directeur@branding.demo']!.get('/leerlingen/import')).status).toBe(200)
    expect((await as['ib@branding.demo']!.get('/leerlingen/import')).status).toBe(200)
    const teacher = as['leerkracht@branding.demo']!
    expect((await teacher.get('/leerlingen/import')).status).toBe(403)
    expect((await upload(teacher, FILE)).status).toBe(403)
    expect((await teacher.post('/leerlingen/import', { intent: 'apply', csv: Buffer.from(FILE).toString('base64'), 'map.externalId': '0' })).status).toBe(403)
    expect((await new Client(server.baseUrl).get('/leerlingen/import')).location).toMatch(/^\/login/)
    const page = (await as['directeur@branding.demo']!.get('/leerlingen/import')).text
    expect(page).toMatch(/enctype="multipart\/form-data"/i)
    expect(page).toMatch(/<label for="imp-file">CSV-bestand<\/label>/)
  })

  it('upload → dry run with rows and the suggested columns → apply → the pupils are in the API', async () => {
    const dir = as['directeur@branding.demo']!
    const before = await students(dir)
    const dry = await upload(dir, FILE)
    expect(dry.status).toBe(200)
    expect(dry.text).toContain('Proefimport')
    expect(dry.text).toContain('2 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 met fouten (van 2 rijen).')
    expect(dry.text).toContain(`Nieuwe groepen in schooljaar ${currentSchoolYear()}: groep 7.`)
    for (const s of ['800001', 'Fenna de Wit', '800002', 'Omar Tahiri', 'esther@ouders.test']) expect(dry.text).toContain(s)
    const form = reviewForm(dry.text)
    expect(form).toMatchObject({ 'map.externalId': '0', 'map.firstName': '1', 'map.infix': '2', 'map.lastName': '3', 'map.dateOfBirth': '4', 'map.groupName': '5', 'map.guardian1Name': '6', 'map.guardian1Email': '7', 'map.guardian2Name': '' })
    expect(form.csv).toMatch(/^[A-Za-z0-9+/]+=*$/)
    // The dry run wrote nothing.
    expect((await students(dir)).map((s) => s.id)).toEqual(before.map((s) => s.id))

    const done = await dir.post('/leerlingen/import', { ...form, intent: 'apply' })
    expect(done.status).toBe(200)
    expect(done.text).toContain('Import voltooid')
    expect(done.text).toContain('2 leerlingen toegevoegd, 0 bijgewerkt, 0 ongewijzigd.')
    const after = await students(dir)
    expect(after).toHaveLength(before.length + 2)
    expect(after.find((s) => s.externalId === '800001')).toMatchObject({ displayName: 'Fenna de Wit', groupName: 'groep 7' })
    expect(after.find((s) => s.externalId === '800002')).toMatchObject({ displayName: 'Omar Tahiri', groupName: 'groep 3' })
    const detail = (await dir.get(`/api/v1/students/${after.find((s) => s.externalId === '800001')!.id}`)).json()
    expect(detail.guardians).toEqual([expect.objectContaining({ name: 'Esther de Wit', email: 'esther@ouders.test' })])

    // The same file again: everything unchanged, no duplicates.
    const again = await upload(dir, FILE)
    expect(again.text).toContain('0 nieuw, 0 gewijzigd, 2 ongewijzigd, 0 met fouten (van 2 rijen).')
    const applied = await dir.post('/leerlingen/import', { ...reviewForm(again.text), intent: 'apply' })
    expect(applied.text).toContain('0 leerlingen toegevoegd, 0 bijgewerkt, 2 ongewijzigd.')
    expect(await students(dir)).toHaveLength(before.length + 2)
  })

  it('changing the columns and choosing again re-runs the dry run; apply refuses a mapping that was not checked', async () => {
    const dir = as['ib@branding.demo']!
    const dry = await upload(dir, FILE.replaceAll('8000', '8100'))
    const form = reviewForm(dry.text)
    // No group column: the dry run must be repeated before anything is applied.
    const changed = { ...form, 'map.groupName': '', intent: 'apply' }
    const refused = await dir.post('/leerlingen/import', changed)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('De kolomkeuze is gewijzigd')
    expect(refused.text).toMatch(/role="alert"/)
    expect((await students(dir)).some((s) => s.externalId.startsWith('8100'))).toBe(false)
    const rechecked = await dir.post('/leerlingen/import', { ...changed, intent: 'plan' })
    expect(rechecked.status).toBe(200)
    expect(reviewForm(rechecked.text)['map.groupName']).toBe('')
    const done = await dir.post('/leerlingen/import', { ...reviewForm(rechecked.text), intent: 'apply' })
    expect(done.text).toContain('Import voltooid')
    expect((await students(dir)).filter((s) => s.externalId.startsWith('8100')).map((s) => s.groupName)).toEqual([null, null])
  })

  it('a file with a bad row shows the row errors and applies nothing, even when apply is forced', async () => {
    const dir = as['directeur@branding.demo']!
    const before = await students(dir)
    const bad = [HEADER, '820001;Liv;;Kramer;01-03-2018;groep 3;;', '820002;Gijs;;Postma;30-02-2018;groep 3;Rob Postma;geen-adres'].join('\n')
    const dry = await upload(dir, bad)
    expect(dry.status).toBe(200)
    expect(dry.text).toContain('1 nieuw, 0 gewijzigd, 0 ongewijzigd, 1 met fouten (van 2 rijen).')
    expect(dry.text).toContain('De datum 30-02-2018 bestaat niet')
    expect(dry.text).toContain('Ongeldig e-mailadres')
    expect(dry.text).not.toMatch(/name="intent" value="apply"/)
    const forced = await dir.post('/leerlingen/import', { ...reviewForm(dry.text), intent: 'apply' })
    expect(forced.status).toBe(400)
    expect(forced.text).toContain('Er is niets geïmporteerd')
    expect((await students(dir)).map((s) => s.id)).toEqual(before.map((s) => s.id))
  })

  it('an unreadable or too large file is refused with a Dutch message, back at step 1', async () => {
    const dir = as['directeur@branding.demo']!
    const single = await upload(dir, 'alleen één kolom\nx\n')
    expect(single.status).toBe(400)
    expect(single.text).toContain('maar één kolom')
    expect(single.text).toMatch(/enctype="multipart\/form-data"/i)
    const huge = await upload(dir, new Uint8Array(5 * 1024 * 1024 + 10).fill(0x61))
    expect(huge.status).toBe(413)
    expect(huge.text).toContain('Het bestand is te groot')
  })

  it('rows imported by the directeur of De Horizon land in Horizon only', async () => {
    const branding = await students(as['directeur@branding.demo']!)
    const horizonDir = as['directeur@horizon.demo']!
    const csv = [HEADER, '830001;Saar;van;Leeuwen;04-04-2017;groep 4;;', '800001;Fenna;de;Wit;12-05-2017;groep 4;;'].join('\n')
    const dry = await upload(horizonDir, csv)
    // 800001 is a Branding pupil: for Horizon it is a new one.
    expect(dry.text).toContain('2 nieuw, 0 gewijzigd')
    const done = await horizonDir.post('/leerlingen/import', { ...reviewForm(dry.text), intent: 'apply' })
    expect(done.text).toContain('Import voltooid')
    const horizon = await students(horizonDir)
    expect(horizon.filter((s) => ['830001', '800001'].includes(s.externalId)).map((s) => s.groupName)).toEqual(['groep 4', 'groep 4'])
    const brandingAfter = await students(as['directeur@branding.demo']!)
    expect(brandingAfter).toEqual(branding)
    expect(brandingAfter.some((s) => s.externalId === '830001')).toBe(false)
  })
})
