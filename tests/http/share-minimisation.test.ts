// What a share names, through the real server (AVG art. 5(1)(c), minimisation): a Halt referral for
// one of four perpetrators of an incident names only her — the other perpetrators, the victim, the
// witness and a bystander the text mentions appear to Halt as "leerling A", "leerling B", … or "een
// andere leerling", in the facts, in the free text and in the referral's own text; Halt's queue
// labels the case with her alone. The same for the police: a share about one pupil names only that
// pupil. The pupils are imported with names found nowhere else in the demo, so their absence from
// every body Halt or the police receive is a meaningful check.
import { pdfText } from '../../packages/domain/test/support/pdf-text.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, type Reply } from './support/client.ts'
import { dutchToday, plusDays } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const VAK = 'directeur@vakcollege.demo'
const BRANDING = 'directeur@branding.demo'
const HALT = 'halt@haltnoord.demo'
const POLITIE = 'politie@wijkteam.demo'
const ACCOUNTS = [VAK, BRANDING, HALT, POLITIE, 'bestuur@kompas.demo', 'privacy@kompas.demo']
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
const today = dutchToday()
const year = Number(today.slice(0, 4))

interface Pupil {
  key: string
  firstName: string
  infix: string
  lastName: string
  id?: string
}
const pupil = (key: string, firstName: string, infix: string, lastName: string): Pupil => ({ key, firstName, infix, lastName })
const full = (p: Pupil) => [p.firstName, p.infix, p.lastName].filter(Boolean).join(' ')

// Kompas Vakcollege (mbo, linked to Halt Noord): four perpetrators, a victim, a witness, a bystander.
const vak = {
  referred: pupil('870001', 'Şahin', '', 'Yıldız'),
  dader2: pupil('870002', 'Łukasz', '', 'Wójcik'),
  dader3: pupil('870003', 'Thủy', '', 'Nguyễn'),
  dader4: pupil('870004', 'Wubbo', 'van der', 'Zijlstra'),
  victim: pupil('870005', 'Femke', '', 'Oudeweetering'),
  witness: pupil('870006', 'Jelmer', '', 'Hoogkamp'),
  bystander: pupil('870007', 'Marit', '', 'Veenhuizen'),
}
// OBS De Branding (po, the police's Wijkteam): three perpetrators, a victim, a witness, a bystander.
const po = {
  subject: pupil('880001', 'Ayşe', '', 'Karataş'),
  dader2: pupil('880002', 'Björn', '', 'Ødegård'),
  dader3: pupil('880003', 'Dorien', '', 'Kwakernaak'),
  victim: pupil('880004', 'Gülsüm', '', 'Arslan'),
  witness: pupil('880005', 'Tjitske', '', 'Hofstee'),
  bystander: pupil('880006', 'Wietse', '', 'Rozendaal'),
}

/** Every way a pupil's name could leak: full name, first name, last name (with and without infix). */
const nameForms = (p: Pupil) => [...new Set([full(p), p.firstName, p.lastName, [p.infix, p.lastName].filter(Boolean).join(' ')])]

function expectNoneNamed(bodies: Record<string, string>, pupils: Pupil[]) {
  for (const [where, body] of Object.entries(bodies)) {
    const text = body.normalize('NFC').toLowerCase()
    for (const p of pupils) {
      for (const form of nameForms(p)) expect(text.includes(form.normalize('NFC').toLowerCase()), `${where} names ${full(p)} ("${form}")`).toBe(false)
    }
  }
}

/** Imports pupils through the CSV import page (upload, then apply the dry run as shown). */
async function importPupils(c: Client, pupils: Pupil[], group: string, age: number) {
  const header = 'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;Groep'
  const born = `15-03-${year - age - 1}`
  const csv = [header, ...pupils.map((p) => [p.key, p.firstName, p.infix, p.lastName, born, group].join(';'))].join('\r\n') + '\r\n'
  const form = new FormData()
  form.set('intent', 'upload')
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'leerlingen.csv')
  const res = await fetch(`${server.baseUrl}/leerlingen/import`, {
    method: 'POST',
    headers: { origin: server.baseUrl, cookie: `baken_session=${c.cookie}` },
    body: form,
    redirect: 'manual',
  })
  const html = await res.text()
  expect(res.status, html.slice(0, 300)).toBe(200)
  const fields: Record<string, string> = {}
  for (const m of html.matchAll(/<input type="hidden" name="(csv|fileName|checked)" value="([^"]*)"/g)) fields[m[1]!] = m[2]!
  for (const m of html.matchAll(/<select id="imp-map-\w+" name="(map\.\w+)"[^>]*>(.*?)<\/select>/gs)) {
    fields[m[1]!] = /<option value="(\d*)" selected="">/.exec(m[2]!)?.[1] ?? ''
  }
  const done = await c.post('/leerlingen/import', { ...fields, intent: 'apply' })
  expect(done.text, done.text.slice(0, 300)).toContain('Import voltooid')
  const items = (await c.get('/api/v1/students?pageSize=200')).json().items as { id: string; externalId: string }[]
  for (const p of pupils) {
    p.id = items.find((s) => s.externalId === p.key)?.id
    expect(p.id, `imported ${full(p)}`).toBeTruthy()
  }
}

/** POSTs a form with repeated keys (fields=a&fields=b), as a browser does. */
async function postForm(c: Client, path: string, entries: [string, string][]): Promise<Reply> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `baken_session=${c.cookie}`, origin: server.baseUrl },
    body: new URLSearchParams(entries).toString(),
    redirect: 'manual',
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text), location: res.headers.get('location') }
}

async function approvedAgreement(partnerId: string, schoolId: string, purpose: string, dataCategories: string[]): Promise<string> {
  const draft = await json(as['privacy@kompas.demo']!, 'POST', '/api/v1/agreements', {
    partnerId,
    schoolId,
    title: `Testconvenant ${purpose} (minimalisatie)`,
    publicInterest: 'Een veilige school: grensoverschrijdend gedrag en strafbare feiten aanpakken.',
    partnership: 'School en partner werken samen aan een veilige school.',
    purposes: [purpose],
    dataCategories,
    conditions: 'Alleen bij een concreet incident; niet verder verstrekken.',
    recipients: 'De medewerkers van de partner.',
    legalBasis: 'AVG art. 6 lid 1 sub e; Wpg art. 20.',
    validFrom: plusDays(today, -1),
    validUntil: plusDays(today, 365),
    retentionDays: 300,
  })
  expect(draft.status, draft.text).toBe(201)
  const ok = await json(as['bestuur@kompas.demo']!, 'POST', `/api/v1/agreements/${draft.json().id}/approve`)
  expect(ok.status, ok.text).toBe(200)
  return draft.json().id
}

async function createIncident(c: Client, body: Record<string, unknown>): Promise<string> {
  const res = await json(c, 'POST', '/api/v1/incidents', { occurredAt: new Date(Date.now() - 2 * 3600_000).toISOString(), submit: true, ...body })
  expect(res.status, res.text).toBe(201)
  return res.json().id
}

let haltPartner: string
let wijkteam: string
let vakIncident: string
let poIncident: string

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  haltPartner = (await as[HALT]!.get('/api/v1/me')).json().organisation.id
  wijkteam = (await as[POLITIE]!.get('/api/v1/me')).json().organisation.id
  const vakSchool = (await as[VAK]!.get('/api/v1/me')).json().organisation.id
  const poSchool = (await as[BRANDING]!.get('/api/v1/me')).json().organisation.id
  await importPupils(as[VAK]!, Object.values(vak), 'TE2B (Techniek)', 17)
  await importPupils(as[BRANDING]!, Object.values(po), 'groep 7', 10)
  await approvedAgreement(haltPartner, vakSchool, 'halt_spreekuur', ['datum', 'type', 'locatie', 'naam_dader', 'naam_slachtoffer', 'naam_getuige', 'geboortedatum', 'groep', 'omschrijving', 'letsel'])
  await approvedAgreement(wijkteam, poSchool, 'strafbare_feiten', ['datum', 'type', 'locatie', 'naam_dader', 'naam_slachtoffer', 'naam_getuige', 'geboortedatum', 'groep', 'omschrijving', 'letsel'])

  const { referred, dader2, dader3, dader4, victim, witness, bystander } = vak
  vakIncident = await createIncident(as[VAK]!, {
    locationCode: 21,
    locationNote: `bij het fietsenhok, naast de scooter van ${victim.firstName}`,
    voorval: [3],
    situation:
      `Na de praktijkles sloegen ${full(referred)}, ${dader2.firstName}, ${full(dader3)} en ${dader4.infix} ${dader4.lastName} op ${full(victim)} in. ` +
      `${witness.firstName} ${witness.lastName} zag het en haalde de docent. ${dader3.firstName}'s telefoon filmde alles; ${full(bystander)} stond erbij. ` +
      `${dader2.lastName} en ${dader4.firstName} liepen weg.`,
    physicalAggression: true,
    physicalForm: `slaan, samen met ${dader2.firstName}`,
    physicalAgainst: full(victim),
    persons: [
      { role: 'dader', kind: 'leerling', studentId: dader2.id },
      { role: 'dader', kind: 'leerling', studentId: referred.id, injury: `Schaafwond aan de hand, van de klap tegen ${victim.firstName}.` },
      { role: 'dader', kind: 'leerling', studentId: dader3.id },
      { role: 'dader', kind: 'leerling', studentId: dader4.id },
      { role: 'slachtoffer', kind: 'leerling', studentId: victim.id, injury: `Bloedneus door een klap van ${full(dader2)}.` },
      { role: 'getuige', kind: 'leerling', studentId: witness.id },
    ],
  })

  const { subject, dader2: b2, dader3: b3, victim: bv, witness: bw, bystander: bb } = po
  poIncident = await createIncident(as[BRANDING]!, {
    locationCode: 21,
    voorval: [13],
    vandalism: true,
    vandalismForm: `fietsbanden lek gestoken, de fiets van ${bv.firstName}`,
    situation:
      `${full(subject)}, ${b2.firstName} ${b2.lastName} en ${b3.firstName} staken de banden van ${full(bv)} lek. ` +
      `${full(bw)} zag het; ${bb.firstName} ${bb.lastName} ook. ${b3.lastName} hield de wacht.`,
    persons: [
      { role: 'dader', kind: 'leerling', studentId: b2.id },
      { role: 'dader', kind: 'leerling', studentId: subject.id, injury: `Schram van ${b3.firstName}.` },
      { role: 'dader', kind: 'leerling', studentId: b3.id },
      { role: 'slachtoffer', kind: 'leerling', studentId: bv.id },
      { role: 'getuige', kind: 'leerling', studentId: bw.id },
    ],
  })
}, 180_000)
afterAll(() => server?.stop())

describe('a Halt referral names only the referred pupil', () => {
  let referralId: string
  let shareId: string
  const others = () => [vak.dader2, vak.dader3, vak.dader4, vak.victim, vak.witness, vak.bystander]

  it('the school refers one of the four perpetrators, with the names of perpetrators and the description shared', async () => {
    const { referred, dader2, dader4, victim } = vak
    const r = await json(as[VAK]!, 'POST', '/api/v1/referrals', {
      studentId: referred.id,
      incidentIds: [vakIncident],
      reason: `${referred.firstName} sloeg samen met ${full(dader2)} en ${dader4.firstName} op ${victim.firstName}; de school zoekt een pedagogisch alternatief.`,
      incidentTypes: ['fysieke_agressie'],
      schoolActions: `Gesprek met ${referred.firstName}, ${dader2.lastName} en de ouders van ${full(victim)}.`,
      contactName: 'Wendy Hoekstra',
      contactEmail: 'directeur@vakcollege.demo',
      studentConsentOn: plusDays(today, -1),
      parentConsentOn: plusDays(today, -1),
      shareFields: ['datum', 'type', 'locatie', 'naam_dader', 'groep', 'geboortedatum', 'omschrijving'],
      reportFields: ['uitkomst'],
    })
    expect(r.status, r.text).toBe(201)
    referralId = r.json().id
    shareId = r.json().shareId
  })

  it('nothing Halt receives names another pupil: queue, case, shared record, pages and their data', async () => {
    const H = as[HALT]!
    const bodies: Record<string, string> = {}
    for (const path of [
      '/api/v1/halt/referrals',
      '/api/v1/halt/referrals?status=aangemeld',
      `/api/v1/halt/referrals/${referralId}`,
      '/api/v1/shared',
      `/api/v1/shared/${shareId}`,
      '/halt',
      '/halt.data',
      `/halt/${referralId}`,
      `/halt/${referralId}.data`,
      '/gedeeld',
      `/gedeeld/${shareId}`,
      `/gedeeld/${shareId}.data`,
    ]) {
      const res = await H.get(path)
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200)
      bodies[path] = res.text
    }
    expectNoneNamed(bodies, others())
    // The referred pupil is named, where the school chose her name.
    const name = full(vak.referred)
    for (const path of ['/api/v1/halt/referrals', `/api/v1/halt/referrals/${referralId}`, `/api/v1/shared/${shareId}`, '/halt', `/halt/${referralId}`]) {
      expect(bodies[path]!.normalize('NFC'), path).toContain(name)
    }
  })

  it('the facts carry the others as leerling A, B, …, consistently in the name list and the text', async () => {
    const c = (await as[HALT]!.get(`/api/v1/halt/referrals/${referralId}`)).json()
    expect(c.facts).toHaveLength(1)
    const facts = c.facts[0]
    // In the order of the incident's persons: Łukasz A, Thủy B, Wubbo C, Femke D, Jelmer E.
    expect(facts.naam_dader).toEqual(['leerling A', full(vak.referred), 'leerling B', 'leerling C'])
    expect(facts.omschrijving).toBe(
      `Na de praktijkles sloegen ${full(vak.referred)}, leerling A, leerling B en leerling C op leerling D in. ` +
        'Leerling E zag het en haalde de docent. Leerling B’s telefoon filmde alles; een andere leerling stond erbij. Leerling A en leerling C liepen weg.',
    )
    expect(facts.locatie).toMatch(/naast de scooter van leerling D$/)
    // Birth date and group: the referred pupil only.
    expect(facts.groep).toEqual([{ rol: 'dader', naam: full(vak.referred), value: 'TE2B (Techniek)' }])
    expect(facts.geboortedatum).toHaveLength(1)
    expect(facts.geboortedatum[0]).toMatchObject({ rol: 'dader', naam: full(vak.referred) })
    // The referral's own text reached Halt with the same labels.
    expect(c.reason).toBe(`${vak.referred.firstName} sloeg samen met leerling A en leerling C op leerling D; de school zoekt een pedagogisch alternatief.`)
    expect(c.schoolActions).toBe(`Gesprek met ${vak.referred.firstName}, leerling A en de ouders van leerling D.`)
  })

  it('Halt’s queue labels every case with the pupil the school referred, and only her', async () => {
    const queue = (await as[HALT]!.get('/api/v1/halt/referrals')).json().items as { id: string; studentLabel: string | null }[]
    const school = (await as[VAK]!.get('/api/v1/referrals')).json().items as { id: string; studentName: string }[]
    expect(queue.find((q) => q.id === referralId)?.studentLabel).toBe(full(vak.referred))
    // The demo's cases too (the fight after the sports day had four perpetrators).
    expect(queue.length).toBeGreaterThanOrEqual(4)
    for (const q of queue) {
      if (q.studentLabel !== null) expect(q.studentLabel, q.id).toBe(school.find((s) => s.id === q.id)?.studentName)
    }
  })

  it('a name field the referred pupil has no role for is refused, and nothing is referred', async () => {
    const before = (await as[VAK]!.get('/api/v1/referrals')).json().items.length
    const r = await json(as[VAK]!, 'POST', '/api/v1/referrals', {
      studentId: vak.referred.id,
      incidentIds: [vakIncident],
      reason: 'Vocht mee na de praktijkles; de school zoekt een alternatief.',
      incidentTypes: ['fysieke_agressie'],
      schoolActions: 'Gesprek met de student.',
      contactName: 'Wendy Hoekstra',
      contactEmail: 'directeur@vakcollege.demo',
      studentConsentOn: plusDays(today, -1),
      parentConsentOn: plusDays(today, -1),
      shareFields: ['datum', 'naam_slachtoffer'],
      reportFields: ['uitkomst'],
    })
    expect(r.status, r.text).toBe(400)
    expect(r.json().errors[0]).toMatchObject({ path: 'shareFields', message: expect.stringMatching(/slachtoffer/) })
    expect((await as[VAK]!.get('/api/v1/referrals')).json().items.length).toBe(before)
  })
})

describe('a police share names only the pupils it is about', () => {
  const FIELDS = ['datum', 'type', 'locatie', 'naam_dader', 'geboortedatum', 'groep', 'omschrijving', 'letsel']
  let shareId: string

  it('the directeur shares the incident about one of three perpetrators', async () => {
    const res = await json(as[BRANDING]!, 'POST', '/api/v1/shares', {
      partnerId: wijkteam,
      purpose: 'strafbare_feiten',
      fields: FIELDS,
      incidentIds: [poIncident],
      studentIds: [po.subject.id],
      expiresOn: plusDays(today, 30),
    })
    expect(res.status, res.text).toBe(201)
    shareId = res.json().id
  })

  it('nothing the police receive names another pupil; the pupil of the share is named', async () => {
    const P = as[POLITIE]!
    const bodies: Record<string, string> = {}
    for (const path of ['/api/v1/shared', `/api/v1/shared/${shareId}`, '/gedeeld', '/gedeeld.data', `/gedeeld/${shareId}`, `/gedeeld/${shareId}.data`]) {
      const res = await P.get(path)
      expect(res.status, path).toBe(200)
      bodies[path] = res.text
    }
    expectNoneNamed(bodies, [po.dader2, po.dader3, po.victim, po.witness, po.bystander])
    for (const path of ['/api/v1/shared', `/api/v1/shared/${shareId}`, `/gedeeld/${shareId}`]) expect(bodies[path]!.normalize('NFC'), path).toContain(full(po.subject))
    const payload = (await P.get(`/api/v1/shared/${shareId}`)).json().items[0].payload
    expect(payload.naam_dader).toEqual(['leerling A', full(po.subject), 'leerling B'])
    expect(payload.omschrijving).toBe(`${full(po.subject)}, leerling A en leerling B staken de banden van leerling C lek. Leerling D zag het; een andere leerling ook. Leerling B hield de wacht.`)
    expect(payload.letsel).toEqual([{ rol: 'dader', naam: full(po.subject), value: 'Schram van leerling B.' }])
  })

  it('the melding form shares about the pupil chosen there, and names no one else', async () => {
    const res = await postForm(as[BRANDING]!, `/incidenten/${poIncident}/melding`, [
      ['kind', 'melding'],
      ['reportedOn', today],
      ['reportedBy', 'Henk Mulder'],
      ['fields', 'datum'],
      ['fields', 'naam_dader'],
      ['fields', 'omschrijving'],
      ['studentIds', po.dader2.id!],
      ['expiresOn', plusDays(today, 20)],
    ])
    expect(res.status, res.text.slice(0, 500)).toBe(302)
    const melding = res.location!.split('/').pop()!
    const seen = await as[POLITIE]!.get(`/api/v1/shared/${melding}`)
    const page = await as[POLITIE]!.get(`/gedeeld/${melding}`)
    expectNoneNamed({ api: seen.text, page: page.text }, [po.subject, po.dader3, po.victim, po.witness, po.bystander])
    expect(seen.json().items[0].payload.naam_dader).toEqual([full(po.dader2), 'leerling A', 'leerling B'])
  })

  it('a name field without a pupil of that role among those chosen is refused (400), nothing shared', async () => {
    const before = (await as[BRANDING]!.get(`/api/v1/shares?incidentId=${poIncident}`)).json().items.length
    const body = { partnerId: wijkteam, purpose: 'strafbare_feiten', incidentIds: [poIncident], expiresOn: plusDays(today, 30) }
    const victimName = await json(as[BRANDING]!, 'POST', '/api/v1/shares', { ...body, fields: ['datum', 'naam_slachtoffer'], studentIds: [po.subject.id] })
    expect(victimName.status, victimName.text).toBe(400)
    expect(victimName.json().errors[0]).toMatchObject({ path: 'fields', message: expect.stringMatching(/slachtoffer/) })
    const nobody = await json(as[BRANDING]!, 'POST', '/api/v1/shares', { ...body, fields: ['datum', 'naam_dader'], studentIds: [] })
    expect(nobody.status, nobody.text).toBe(400)
    expect(nobody.json().errors[0]).toMatchObject({ path: 'fields', message: expect.stringMatching(/dader/) })
    expect((await as[BRANDING]!.get(`/api/v1/shares?incidentId=${poIncident}`)).json().items.length).toBe(before)
  })
})

describe('the names as written in a PDF', () => {
  it('the student export prints Şahin Yıldız, Łukasz Wójcik and Thủy Nguyễn as they were imported', async () => {
    for (const p of [vak.referred, vak.dader2, vak.dader3]) {
      const res = await fetch(`${server.baseUrl}/api/v1/students/${p.id}/export?format=pdf`, {
        headers: { cookie: `baken_session=${as[VAK]!.cookie}` },
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/pdf')
      const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).normalize('NFC')
      expect(text).toContain(full(p).normalize('NFC'))
    }
  })
})
