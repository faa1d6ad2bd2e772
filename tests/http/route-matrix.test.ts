// Every route × every demo role (and anonymous): the exact status the server answers. The UI hiding a
// link proves nothing; these requests go to the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { currentSchoolYear, previousSchoolYear } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

const SCHOOL_OF: Record<string, string> = {
  'directeur@branding.demo': 'branding',
  'ib@branding.demo': 'branding',
  'leerkracht@branding.demo': 'branding',
  'leerkracht2@branding.demo': 'branding',
  'vertrouwenspersoon@branding.demo': 'branding',
  'directeur@lyceum.demo': 'lyceum',
  'mentor@lyceum.demo': 'lyceum',
  'directeur@vakcollege.demo': 'vakcollege',
  'docent@vakcollege.demo': 'vakcollege',
  'directeur@horizon.demo': 'horizon',
}
const OTHERS = [
  'bestuur@kompas.demo',
  'beheer@kompas.demo',
  'privacy@kompas.demo',
  'halt@haltnoord.demo',
  'politie@wijkteam.demo',
  'bestuur@horizon.demo',
  'platform@baken.demo',
]
// The family (ADR 033): a guardian at De Branding and a pupil of 17 at the Vakcollege.
const FAMILY = ['ouder@branding.demo', 'leerling@vakcollege.demo']
const ACCOUNTS = [...Object.keys(SCHOOL_OF), ...OTHERS, ...FAMILY]
type Who = string | 'anonymous'

let server: RunningServer
const clients = new Map<Who, Client>()
const studentOf: Record<string, string> = {}

beforeAll(async () => {
  server = await startServer()
  clients.set('anonymous', new Client(server.baseUrl))
  for (const email of ACCOUNTS) {
    const c = new Client(server.baseUrl)
    await c.login(email)
    clients.set(email, c)
  }
  // One pupil id per school, read through that school's own directeur.
  for (const [email, school] of [
    ['directeur@branding.demo', 'branding'],
    ['directeur@lyceum.demo', 'lyceum'],
    ['directeur@horizon.demo', 'horizon'],
  ] as const) {
    const list = (await clients.get(email)!.get('/api/v1/students?pageSize=1')).json()
    studentOf[school] = list.items[0].id
  }
  // One incident at De Branding, registered by the groep 6 teacher about two pupils of her group.
  const teacher = clients.get('leerkracht@branding.demo')!
  const pupils = (await teacher.get('/api/v1/students?pageSize=200')).json().items.filter((p: { groupName: string }) => p.groupName === 'groep 6')
  const created = await teacher.request('POST', '/api/v1/incidents', {
    json: {
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      voorval: [1],
      situation: 'Schelden tijdens de gymles.',
      persons: [
        { role: 'dader', kind: 'leerling', studentId: pupils[0].id },
        { role: 'slachtoffer', kind: 'leerling', studentId: pupils[1].id },
      ],
      submit: true,
    },
  })
  incidentId = created.json().id
  schoolIdOf.branding = (await clients.get('directeur@branding.demo')!.get('/api/v1/me')).json().organisation.id
  kompasId = (await clients.get('bestuur@kompas.demo')!.get('/api/v1/me')).json().organisation.id
  const portal = (await clients.get('ouder@branding.demo')!.get('/api/v1/portal')).json()
  demoChild = portal.children[0].id
  demoItem = portal.items[0].id
  // An adempauze at De Branding (it has no decision letter and no report for the portal), and a
  // schorsing at De Branding and at De Horizon (another stichting), which the boards oversee.
  const firstOf = async (email: string, kind: string) => (await clients.get(email)!.get(`/api/v1/measures?kind=${kind}`)).json().items[0].id as string
  measureOf.brandingPause = await firstOf('directeur@branding.demo', 'adempauze')
  measureOf.branding = await firstOf('directeur@branding.demo', 'schorsing')
  measureOf.horizon = await firstOf('directeur@horizon.demo', 'schorsing')
})
let demoChild = ''
/** The report released to the demo guardian (demo-portal.ts). */
let demoItem = ''
const measureOf: Record<string, string> = {}
let kompasId = ''
let incidentId = ''
const schoolIdOf: Record<string, string> = {}
// Who reads measures: every school role but the vertrouwenspersoon, and the board.
const MEASURE_READERS = new Set([...Object.keys(SCHOOL_OF).filter((e) => !e.startsWith('vertrouwenspersoon@')), 'bestuur@kompas.demo', 'bestuur@horizon.demo'])
// Stichting-level accounts (bestuurder, beheerder, privacyfunctionaris).
const STICHTING = new Set(['bestuur@kompas.demo', 'beheer@kompas.demo', 'privacy@kompas.demo', 'bestuur@horizon.demo'])
// The board and the FG on the stichting's side of sharing; the partners that receive.
const SHARING_SIDE = new Set(['bestuur@kompas.demo', 'privacy@kompas.demo', 'bestuur@horizon.demo'])
const PARTNERS = new Set(['politie@wijkteam.demo', 'halt@haltnoord.demo'])
// School leads: directeur and intern begeleider (yearly overview, import).
const LEADS = new Set(['directeur@branding.demo', 'ib@branding.demo', 'directeur@lyceum.demo', 'directeur@vakcollege.demo', 'directeur@horizon.demo'])
// Who may open that incident: the school's directeur and IB, and its reporter (own report, own group).
const SEES_INCIDENT = new Set(['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo'])
afterAll(() => server?.stop())

type Expect = (who: Who) => number
const page = (signedIn: number): Expect => (who) => (who === 'anonymous' ? 302 : signedIn)
const api = (signedIn: number): Expect => (who) => (who === 'anonymous' ? 401 : signedIn)
const schoolOnly = (anon: number): Expect => (who) => (who === 'anonymous' ? anon : SCHOOL_OF[who] ? 200 : 403)
const pupilOf = (school: string, anon: number): Expect => (who) =>
  who === 'anonymous' ? anon : !SCHOOL_OF[who] ? 403 : SCHOOL_OF[who] === school ? 200 : 404

const routes: { path: () => string; label: string; expect: Expect; redirect?: (who: Who) => RegExp | null }[] = [
  { label: 'GET /', path: () => '/', expect: page(200) },
  // Signed in already: the login page sends you home.
  { label: 'GET /login', path: () => '/login', expect: (who) => (who === 'anonymous' ? 200 : 302) },
  { label: 'GET /organisatie', path: () => '/organisatie', expect: page(200) },
  { label: 'GET /account', path: () => '/account', expect: page(200) },
  // Second factors. No demo account has one: the second step sends them on, enrolment shows the setup.
  { label: 'GET /login/tweede-stap', path: () => '/login/tweede-stap', expect: page(302), redirect: (who) => (who === 'anonymous' ? null : /^\/$/) },
  { label: 'GET /account/tweede-factor', path: () => '/account/tweede-factor', expect: page(200) },
  { label: 'GET /api/v1/account/mfa', path: () => '/api/v1/account/mfa', expect: api(200) },
  // Passkeys: the list; the ceremonies are POST only (tests/http/passkeys.test.ts runs them).
  { label: 'GET /api/v1/account/mfa/passkeys', path: () => '/api/v1/account/mfa/passkeys', expect: api(200) },
  { label: 'GET /api/v1/account/mfa/passkeys/options', path: () => '/api/v1/account/mfa/passkeys/options', expect: () => 405 },
  { label: 'GET /api/v1/account/mfa/passkey-assertion', path: () => '/api/v1/account/mfa/passkey-assertion', expect: () => 405 },
  { label: 'GET /login/passkey', path: () => '/login/passkey', expect: () => 405 },
  {
    label: 'GET /beheer/tweede-factor',
    path: () => '/beheer/tweede-factor',
    expect: (who) => (who === 'anonymous' ? 302 : who === 'beheer@kompas.demo' ? 200 : 403),
  },
  {
    label: 'GET /api/v1/stichting/mfa-policy',
    path: () => '/api/v1/stichting/mfa-policy',
    expect: (who) => (who === 'anonymous' ? 401 : who === 'beheer@kompas.demo' ? 200 : 403),
  },
  { label: 'GET /leerlingen', path: () => '/leerlingen', expect: schoolOnly(302) },
  { label: 'GET /groepen', path: () => '/groepen', expect: schoolOnly(302) },
  { label: 'GET /leerlingen/{Branding pupil}', path: () => `/leerlingen/${studentOf.branding}`, expect: pupilOf('branding', 302) },
  { label: 'GET /leerlingen/{Lyceum pupil}', path: () => `/leerlingen/${studentOf.lyceum}`, expect: pupilOf('lyceum', 302) },
  { label: 'GET /leerlingen/{Horizon pupil}', path: () => `/leerlingen/${studentOf.horizon}`, expect: pupilOf('horizon', 302) },
  { label: 'GET /api/v1/me', path: () => '/api/v1/me', expect: api(200) },
  { label: 'GET /api/v1/students', path: () => '/api/v1/students', expect: schoolOnly(401) },
  { label: 'GET /api/v1/students/{Branding pupil}', path: () => `/api/v1/students/${studentOf.branding}`, expect: pupilOf('branding', 401) },
  { label: 'GET /api/v1/students/{Lyceum pupil}', path: () => `/api/v1/students/${studentOf.lyceum}`, expect: pupilOf('lyceum', 401) },
  { label: 'GET /api/v1/students/{Horizon pupil}', path: () => `/api/v1/students/${studentOf.horizon}`, expect: pupilOf('horizon', 401) },
  { label: 'GET /api/v1/incidents', path: () => '/api/v1/incidents', expect: schoolOnly(401) },
  {
    label: 'GET /api/v1/incidents/{Branding incident}',
    path: () => `/api/v1/incidents/${incidentId}`,
    expect: (who) => (who === 'anonymous' ? 401 : !SCHOOL_OF[who] ? 403 : SEES_INCIDENT.has(who) ? 200 : 404),
  },
  {
    label: 'GET /api/v1/students/{Branding pupil}/dossier',
    path: () => `/api/v1/students/${studentOf.branding}/dossier`,
    // A leerkracht opens the dossier of a pupil outside her groups only with a reason (break-glass):
    // the pupil is in groep 6, taught by leerkracht@ and not by leerkracht2@.
    expect: (who) => (who === 'leerkracht2@branding.demo' ? 403 : pupilOf('branding', 401)(who)),
  },
  { label: 'GET /api/v1/students/{Horizon pupil}/dossier', path: () => `/api/v1/students/${studentOf.horizon}/dossier`, expect: pupilOf('horizon', 401) },
  { label: 'GET /overzicht', path: () => '/overzicht', expect: (who) => (who === 'anonymous' ? 302 : LEADS.has(who) ? 200 : 403) },
  {
    label: 'GET /overzicht/export',
    path: () => `/overzicht/export?schooljaar=${currentSchoolYear()}&format=csv`,
    expect: (who) => (who === 'anonymous' ? 302 : LEADS.has(who) ? 200 : 403),
  },
  { label: 'GET /leerlingen/import', path: () => '/leerlingen/import', expect: (who) => (who === 'anonymous' ? 302 : LEADS.has(who) ? 200 : 403) },
  { label: 'GET /incidenten', path: () => '/incidenten', expect: schoolOnly(302) },
  { label: 'GET /incidenten/nieuw', path: () => '/incidenten/nieuw', expect: schoolOnly(302) },
  {
    label: 'GET /incidenten/{Branding incident}',
    path: () => `/incidenten/${incidentId}`,
    expect: (who) => (who === 'anonymous' ? 302 : !SCHOOL_OF[who] ? 403 : SEES_INCIDENT.has(who) ? 200 : 404),
  },
  {
    label: 'GET /api/v1/tasks/overdue',
    path: () => '/api/v1/tasks/overdue',
    expect: (who) => (who === 'anonymous' ? 401 : SCHOOL_OF[who] ? 200 : 403),
  },
  {
    label: 'GET /api/v1/schools/{own school}/overview',
    path: () => `/api/v1/schools/${schoolIdOf.branding}/overview?schooljaar=${previousSchoolYear()}`,
    expect: (who) => (who === 'anonymous' ? 401 : !LEADS.has(who) ? 403 : SCHOOL_OF[who] === 'branding' ? 200 : 404),
  },
  {
    label: 'GET /api/v1/stichting/incident-counts',
    path: () => `/api/v1/stichting/incident-counts?schooljaar=${previousSchoolYear()}`,
    expect: (who) => (who === 'anonymous' ? 401 : who.startsWith('bestuur@') ? 200 : 403),
  },
  {
    label: 'GET /kalender',
    path: () => `/kalender?schooljaar=${currentSchoolYear()}`,
    expect: (who) => (who === 'anonymous' ? 302 : SCHOOL_OF[who] || STICHTING.has(who) ? 200 : 403),
  },
  {
    label: 'GET /protocol',
    path: () => '/protocol',
    expect: (who) => (who === 'anonymous' ? 302 : LEADS.has(who) || STICHTING.has(who) ? 200 : 403),
  },
  {
    label: 'GET /berichten',
    path: () => '/berichten',
    expect: (who) =>
      who === 'anonymous' ? 302 : who.startsWith('directeur@') || who.startsWith('bestuur@') || who === 'beheer@kompas.demo' ? 200 : 403,
  },
  {
    label: 'GET /api/v1/measures',
    path: () => '/api/v1/measures',
    // Every school role but the vertrouwenspersoon (who has no part in measures), and the board.
    expect: (who) =>
      who === 'anonymous' ? 401 : (SCHOOL_OF[who] && !who.startsWith('vertrouwenspersoon@')) || who.startsWith('bestuur@') ? 200 : 403,
  },
  {
    label: 'GET /maatregelen',
    path: () => '/maatregelen',
    expect: (who) =>
      who === 'anonymous' ? 302 : (SCHOOL_OF[who] && !who.startsWith('vertrouwenspersoon@')) || who.startsWith('bestuur@') ? 200 : 403,
  },
  {
    label: 'GET /maatregelen/nieuw',
    path: () => '/maatregelen/nieuw',
    // Proposing is for school staff; the board decides and proposes nothing.
    expect: (who) => (who === 'anonymous' ? 302 : SCHOOL_OF[who] && !who.startsWith('vertrouwenspersoon@') ? 200 : 403),
  },
  { label: 'GET /bestuur', path: () => '/bestuur', expect: (who) => (who === 'anonymous' ? 302 : who.startsWith('bestuur@') ? 200 : 403) },
  {
    label: 'GET /sjablonen',
    path: () => '/sjablonen',
    expect: (who) => (who === 'anonymous' ? 302 : who.startsWith('bestuur@') || who === 'beheer@kompas.demo' ? 200 : 403),
  },
  // The stichting's choices where the law leaves room: the bestuurder and the stichtingbeheerder.
  {
    label: 'GET /instellingen',
    path: () => '/instellingen',
    expect: (who) => (who === 'anonymous' ? 302 : who.startsWith('bestuur@') || who === 'beheer@kompas.demo' ? 200 : 403),
  },
  {
    label: 'GET /api/v1/stichting/settings',
    path: () => '/api/v1/stichting/settings',
    expect: (who) => (who === 'anonymous' ? 401 : who.startsWith('bestuur@') || who === 'beheer@kompas.demo' ? 200 : 403),
  },
  // Single sign-on: the stichtingbeheerder configures it (the demo has none configured: 404);
  // the start and the callback are for anyone, and a callback without this browser's sign-in is refused.
  {
    label: 'GET /beheer/sso',
    path: () => '/beheer/sso',
    expect: (who) => (who === 'anonymous' ? 302 : who === 'beheer@kompas.demo' ? 200 : 403),
  },
  {
    label: 'GET /api/v1/admin/sso',
    path: () => '/api/v1/admin/sso',
    expect: (who) => (who === 'anonymous' ? 401 : who === 'beheer@kompas.demo' ? 404 : 403),
  },
  { label: 'GET /login/sso', path: () => '/login/sso', expect: () => 302 },
  { label: 'GET /login/sso/callback', path: () => '/login/sso/callback?code=x&state=y', expect: () => 400 },
  // The directeur's mandate per school: read by the bestuurder and the beheerder, set by the bestuurder.
  {
    label: 'GET /api/v1/stichting/mandates',
    path: () => '/api/v1/stichting/mandates',
    expect: (who) => (who === 'anonymous' ? 401 : who.startsWith('bestuur@') || who === 'beheer@kompas.demo' ? 200 : 403),
  },
  {
    label: 'GET /api/v1/stichtingen/{Kompas}/oversight',
    path: () => `/api/v1/stichtingen/${kompasId}/oversight`,
    expect: (who) => (who === 'anonymous' ? 401 : who === 'bestuur@kompas.demo' ? 200 : who === 'bestuur@horizon.demo' ? 404 : 403),
  },
  // The access log (the privacyfunctionaris only).
  { label: 'GET /toegangslog', path: () => '/toegangslog', expect: (who) => (who === 'anonymous' ? 302 : who === 'privacy@kompas.demo' ? 200 : 403) },
  { label: 'GET /toegangslog.csv', path: () => '/toegangslog.csv', expect: (who) => (who === 'anonymous' ? 302 : who === 'privacy@kompas.demo' ? 200 : 403) },
  { label: 'GET /api/v1/access-log', path: () => '/api/v1/access-log', expect: (who) => (who === 'anonymous' ? 401 : who === 'privacy@kompas.demo' ? 200 : 403) },
  // Sharing. The school's side (directeur, IB) and the board and FG; partners see /gedeeld.
  {
    label: 'GET /delen',
    path: () => '/delen',
    expect: (who) =>
      who === 'anonymous'
        ? 302
        : SHARING_SIDE.has(who) || who.startsWith('directeur@') || who.startsWith('ib@')
          ? 200
          : PARTNERS.has(who)
            ? 302
            : 403,
    // The police and Halt are sent to what was shared with them.
    redirect: (who) => (PARTNERS.has(who) ? /^\/gedeeld$/ : null),
  },
  { label: 'GET /delen/nieuw', path: () => '/delen/nieuw', expect: (who) => (who === 'anonymous' ? 302 : who.startsWith('directeur@') ? 200 : 403) },
  { label: 'GET /gedeeld', path: () => '/gedeeld', expect: (who) => (who === 'anonymous' ? 302 : PARTNERS.has(who) ? 200 : 403) },
  {
    label: 'GET /api/v1/agreements',
    path: () => '/api/v1/agreements',
    expect: (who) =>
      who === 'anonymous' ? 401 : SHARING_SIDE.has(who) || who.startsWith('directeur@') || who.startsWith('ib@') || PARTNERS.has(who) ? 200 : 403,
  },
  {
    label: 'GET /api/v1/shares',
    path: () => '/api/v1/shares',
    expect: (who) => (who === 'anonymous' ? 401 : SHARING_SIDE.has(who) || who.startsWith('directeur@') || who.startsWith('ib@') ? 200 : 403),
  },
  { label: 'GET /api/v1/shared', path: () => '/api/v1/shared', expect: (who) => (who === 'anonymous' ? 401 : PARTNERS.has(who) ? 200 : 403) },
  {
    label: 'GET /incidenten/{Branding incident}/melding',
    path: () => `/incidenten/${incidentId}/melding`,
    expect: (who) =>
      who === 'anonymous' ? 302 : who === 'directeur@branding.demo' ? 200 : who.startsWith('directeur@') ? 404 : 403,
  },
  // Data-subject rights and retention (FG stichting-wide, directeur for the own school).
  {
    label: 'GET /privacy',
    path: () => '/privacy',
    expect: (who) => (who === 'anonymous' ? 302 : who === 'privacy@kompas.demo' || who.startsWith('directeur@') ? 200 : 403),
  },
  {
    label: 'GET /api/v1/subject-requests',
    path: () => '/api/v1/subject-requests',
    expect: (who) => (who === 'anonymous' ? 401 : who === 'privacy@kompas.demo' || who.startsWith('directeur@') ? 200 : 403),
  },
  { label: 'GET /api/v1/retention', path: () => '/api/v1/retention', expect: (who) => (who === 'anonymous' ? 401 : who === 'privacy@kompas.demo' ? 200 : 403) },
  {
    label: 'GET /api/v1/students/{Branding pupil}/export',
    path: () => `/api/v1/students/${studentOf.branding}/export`,
    expect: (who) =>
      who === 'anonymous' ? 401 : who === 'directeur@branding.demo' ? 200 : who.startsWith('directeur@') ? 404 : 403,
  },
  // Reporting duties (any school staff member reports; the board follows the zeden route).
  {
    label: 'GET /meldplicht',
    path: () => '/meldplicht',
    expect: (who) => (who === 'anonymous' ? 302 : SCHOOL_OF[who] || who.startsWith('bestuur@') ? 200 : 403),
  },
  { label: 'GET /meldplicht/nieuw', path: () => '/meldplicht/nieuw', expect: (who) => (who === 'anonymous' ? 302 : SCHOOL_OF[who] ? 200 : 403) },
  // Halt referrals (the school's side: directeur, IB, leerkracht) and Halt's workspace.
  {
    label: 'GET /verwijzingen',
    path: () => '/verwijzingen',
    expect: (who) => (who === 'anonymous' ? 302 : SCHOOL_OF[who] && !who.startsWith('vertrouwenspersoon@') ? 200 : 403),
  },
  {
    label: 'GET /api/v1/referrals',
    path: () => '/api/v1/referrals',
    expect: (who) => (who === 'anonymous' ? 401 : SCHOOL_OF[who] && !who.startsWith('vertrouwenspersoon@') ? 200 : 403),
  },
  { label: 'GET /halt', path: () => '/halt', expect: (who) => (who === 'anonymous' ? 302 : who === 'halt@haltnoord.demo' ? 200 : 403) },
  { label: 'GET /halt/overzicht', path: () => '/halt/overzicht', expect: (who) => (who === 'anonymous' ? 302 : who === 'halt@haltnoord.demo' ? 200 : 403) },
  {
    label: 'GET /api/v1/halt/referrals',
    path: () => '/api/v1/halt/referrals',
    expect: (who) => (who === 'anonymous' ? 401 : who === 'halt@haltnoord.demo' ? 200 : 403),
  },
  // Tenant and organisation administration: the platform_beheerder (stichtingen, partners) and the
  // stichtingbeheerder (schools, groups, partner links); the audit trail also for the FG.
  { label: 'GET /platform', path: () => '/platform', expect: (who) => (who === 'anonymous' ? 302 : who === 'platform@baken.demo' ? 200 : 403) },
  {
    label: 'GET /platform/stichtingen/{Kompas}',
    path: () => `/platform/stichtingen/${kompasId}`,
    expect: (who) => (who === 'anonymous' ? 302 : who === 'platform@baken.demo' ? 200 : 403),
  },
  {
    label: 'GET /api/v1/platform/stichtingen',
    path: () => '/api/v1/platform/stichtingen',
    expect: (who) => (who === 'anonymous' ? 401 : who === 'platform@baken.demo' ? 200 : 403),
  },
  {
    label: 'GET /api/v1/platform/partners',
    path: () => '/api/v1/platform/partners',
    expect: (who) => (who === 'anonymous' ? 401 : who === 'platform@baken.demo' || who === 'beheer@kompas.demo' || PARTNERS.has(who) ? 200 : 403),
  },
  {
    label: 'GET /beheer',
    path: () => '/beheer',
    expect: (who) => (who === 'anonymous' ? 302 : ['beheer@kompas.demo', 'privacy@kompas.demo', 'platform@baken.demo'].includes(who) ? 200 : 403),
  },
  { label: 'GET /beheer/scholen', path: () => '/beheer/scholen', expect: (who) => (who === 'anonymous' ? 302 : who === 'beheer@kompas.demo' ? 200 : 403) },
  {
    label: 'GET /beheer/scholen/{Branding}',
    path: () => `/beheer/scholen/${schoolIdOf.branding}`,
    expect: (who) => (who === 'anonymous' ? 302 : who === 'beheer@kompas.demo' ? 200 : 403),
  },
  { label: 'GET /beheer/partners', path: () => '/beheer/partners', expect: (who) => (who === 'anonymous' ? 302 : who === 'beheer@kompas.demo' ? 200 : 403) },
  {
    label: 'GET /beheer/audit',
    path: () => '/beheer/audit',
    expect: (who) => (who === 'anonymous' ? 302 : ['beheer@kompas.demo', 'privacy@kompas.demo', 'platform@baken.demo'].includes(who) ? 200 : 403),
  },
  { label: 'GET /api/v1/admin/schools', path: () => '/api/v1/admin/schools', expect: (who) => (who === 'anonymous' ? 401 : who === 'beheer@kompas.demo' ? 200 : 403) },
  {
    label: 'GET /api/v1/admin/groups?schoolId={Branding}',
    path: () => `/api/v1/admin/groups?schoolId=${schoolIdOf.branding}`,
    expect: (who) => (who === 'anonymous' ? 401 : who === 'beheer@kompas.demo' ? 200 : 403),
  },
  {
    label: 'GET /api/v1/admin/partner-links',
    path: () => '/api/v1/admin/partner-links',
    expect: (who) => (who === 'anonymous' ? 401 : who === 'beheer@kompas.demo' ? 200 : 403),
  },
  {
    label: 'GET /api/v1/admin/audit',
    path: () => '/api/v1/admin/audit',
    expect: (who) => (who === 'anonymous' ? 401 : ['beheer@kompas.demo', 'privacy@kompas.demo', 'platform@baken.demo'].includes(who) ? 200 : 403),
  },
  // User management: the stichtingbeheerder (its stichting's staff) and the directeuren (their school's).
  {
    label: 'GET /beheer/gebruikers',
    path: () => '/beheer/gebruikers',
    expect: (who) => (who === 'anonymous' ? 302 : who === 'beheer@kompas.demo' || who.startsWith('directeur@') ? 200 : 403),
  },
  {
    label: 'GET /beheer/gebruikers/uitnodigen',
    path: () => '/beheer/gebruikers/uitnodigen',
    // Partner users invite colleagues of their own organisation.
    expect: (who) =>
      who === 'anonymous' ? 302 : ['beheer@kompas.demo', 'platform@baken.demo', 'halt@haltnoord.demo', 'politie@wijkteam.demo'].includes(who) || who.startsWith('directeur@') ? 200 : 403,
  },
  {
    label: 'GET /api/v1/admin/users',
    path: () => '/api/v1/admin/users',
    expect: (who) => (who === 'anonymous' ? 401 : who === 'beheer@kompas.demo' || who.startsWith('directeur@') ? 200 : 403),
  },
  { label: 'GET /uitnodiging/{unknown}', path: () => '/uitnodiging/onbekend', expect: () => 404 },
  { label: 'GET /wachtwoord-vergeten', path: () => '/wachtwoord-vergeten', expect: () => 200 },
  // Sign-in by e-mail link (ADR 042): asking is for whoever is not signed in; an unknown link is 404.
  { label: 'GET /login/link', path: () => '/login/link', expect: (who) => (who === 'anonymous' ? 200 : 302), redirect: (who) => (who === 'anonymous' ? null : /^\/$/) },
  { label: 'GET /login/link/{unknown}', path: () => '/login/link/onbekend', expect: () => 404 },
  { label: 'GET /wachtwoord-herstellen/{unknown}', path: () => '/wachtwoord-herstellen/onbekend', expect: () => 404 },
  { label: 'GET /api/v1/openapi.json', path: () => '/api/v1/openapi.json', expect: () => 200 },
  { label: 'GET /healthz', path: () => '/healthz', expect: () => 200 },
  // The family's portal: only family memberships; staff get 404, as the family does on staff routes.
  { label: 'GET /ouders', path: () => '/ouders', expect: (who) => (who === 'anonymous' ? 302 : FAMILY.includes(who) ? 200 : 404) },
  { label: 'GET /api/v1/portal', path: () => '/api/v1/portal', expect: (who) => (who === 'anonymous' ? 401 : FAMILY.includes(who) ? 200 : 404) },
  {
    label: 'GET /ouders/gedeeld/{the guardian’s child}',
    path: () => `/ouders/gedeeld/${demoChild}`,
    expect: (who) => (who === 'anonymous' ? 302 : who === 'ouder@branding.demo' ? 200 : 404),
  },
  {
    label: 'GET /api/v1/portal/students/{the guardian’s child}/shares',
    path: () => `/api/v1/portal/students/${demoChild}/shares`,
    expect: (who) => (who === 'anonymous' ? 401 : who === 'ouder@branding.demo' ? 200 : 404),
  },
  {
    label: 'GET /api/v1/portal/students/{another Branding pupil}/shares',
    path: () => `/api/v1/portal/students/${studentOf.branding}/shares`,
    expect: (who) => (who === 'anonymous' ? 401 : 404),
  },
  {
    label: 'GET /api/v1/portal/items/{unknown}/pdf',
    path: () => '/api/v1/portal/items/00000000-0000-4000-8000-000000000000/pdf',
    expect: (who) => (who === 'anonymous' ? 401 : 404),
  },
  // "Voor gezien" on a measure's portal items: whoever sees the measure (the school's directeur and
  // IB, the stichting's board; a teacher only what they proposed, and a schorsing they cannot
  // propose); another school's measure is 404.
  {
    label: 'GET /api/v1/measures/{Branding schorsing}/acknowledgements',
    path: () => `/api/v1/measures/${measureOf.branding}/acknowledgements`,
    expect: (who) => (who === 'anonymous' ? 401 : MEASURE_READERS.has(who) ? (LEADS.has(who) && SCHOOL_OF[who] === 'branding') || who === 'bestuur@kompas.demo' ? 200 : 404 : 403),
  },
  {
    label: 'GET /api/v1/measures/{Horizon schorsing}/acknowledgements',
    path: () => `/api/v1/measures/${measureOf.horizon}/acknowledgements`,
    expect: (who) => (who === 'anonymous' ? 401 : MEASURE_READERS.has(who) ? (who === 'directeur@horizon.demo' || who === 'bestuur@horizon.demo' ? 200 : 404) : 403),
  },
  {
    label: 'GET /api/v1/portal/students/{Horizon pupil}/shares',
    path: () => `/api/v1/portal/students/${studentOf.horizon}/shares`,
    expect: (who) => (who === 'anonymous' ? 401 : 404),
  },
]

// The routes a family membership shares with everyone (its account, sign-in, public pages): as for
// any account without a school role. Every other staff route answers 404 to the family; the home
// page sends it to the portal.
const FAMILY_SHARED = new Set([
  'GET /login',
  'GET /organisatie',
  'GET /account',
  'GET /login/tweede-stap',
  'GET /account/tweede-factor',
  'GET /api/v1/account/mfa',
  'GET /api/v1/account/mfa/passkeys',
  'GET /api/v1/account/mfa/passkeys/options',
  'GET /api/v1/account/mfa/passkey-assertion',
  'GET /login/passkey',
  'GET /login/sso',
  'GET /login/sso/callback',
  'GET /api/v1/me',
  'GET /uitnodiging/{unknown}',
  'GET /wachtwoord-vergeten',
  'GET /wachtwoord-herstellen/{unknown}',
  'GET /login/link',
  'GET /login/link/{unknown}',
  'GET /api/v1/openapi.json',
  'GET /healthz',
])
for (const route of routes) {
  if (FAMILY_SHARED.has(route.label) || route.label.includes('/ouders') || route.label.includes('/portal')) continue
  const staff = route.expect
  const staffRedirect = route.redirect
  const home = route.label === 'GET /'
  route.expect = (who) => (FAMILY.includes(who) ? (home ? 302 : 404) : staff(who))
  route.redirect = (who) => (FAMILY.includes(who) && home ? /^\/ouders$/ : (staffRedirect?.(who) ?? null))
}

describe.each(routes)('$label', ({ path, expect: expected, redirect }) => {
  it.each(['anonymous', ...ACCOUNTS])('as %s', async (who) => {
    const res = await clients.get(who)!.get(path())
    expect(res.status, `${who} ${path()}`).toBe(expected(who))
    if (res.status === 302) {
      if (path() === '/login') expect(res.location).toBe('/')
      else if (redirect?.(who)) expect(res.location).toMatch(redirect(who)!)
      else expect(res.location).toMatch(/^\/login(\?redirectTo=.*)?$/)
    }
    if (path().startsWith('/api/') && res.status >= 400) {
      expect(res.json().errors[0]).toMatchObject({ path: expect.any(String), message: expect.any(String) })
    }
  })
})

// The one write in the matrix: it changes nothing (Kompas keeps its name), so every role can try it.
describe('PATCH /api/v1/platform/stichtingen/{Kompas} {name}', () => {
  it.each(['anonymous', ...ACCOUNTS])('as %s', async (who) => {
    const res = await clients.get(who)!.request('PATCH', `/api/v1/platform/stichtingen/${kompasId}`, { json: { name: 'Stichting Kompas' } })
    expect(res.status, who).toBe(who === 'anonymous' ? 401 : who === 'platform@baken.demo' ? 200 : FAMILY.includes(who) ? 404 : 403)
  })
})

// Releasing a measure's letter or report to the portal: only the directeur and IB of the measure's
// school, who are refused here (an adempauze has neither); a lead of another school finds no such
// measure, every other role may not release, and the family reaches no staff route.
const RELEASERS = new Set(['directeur@branding.demo', 'ib@branding.demo', 'directeur@lyceum.demo', 'directeur@vakcollege.demo', 'directeur@horizon.demo'])
describe.each(['portal-letter', 'portal-report'])('POST /api/v1/measures/{Branding adempauze}/%s', (item) => {
  it.each(['anonymous', ...ACCOUNTS])('as %s', async (who) => {
    const res = await clients.get(who)!.request('POST', `/api/v1/measures/${measureOf.brandingPause}/${item}`)
    const expected =
      who === 'anonymous' ? 401 : FAMILY.includes(who) ? 404 : !RELEASERS.has(who) ? 403 : SCHOOL_OF[who] === 'branding' ? 409 : 404
    expect(res.status, who).toBe(expected)
    if (res.status >= 400) expect(res.json().errors[0]).toMatchObject({ path: expect.any(String), message: expect.any(String) })
  })
})

// A paper "voor gezien" on a measure's released item: whoever may update the measure. The Branding
// directeur and IB are refused because nothing of this adempauze is in the portal (400, nothing
// saved); a teacher who did not propose it, another school's lead and the board (which has no part
// in an adempauze) find no such measure; roles outside measures may not; the family reaches no
// staff route.
describe('POST /api/v1/measures/{Branding adempauze}/acknowledgements', () => {
  it.each(['anonymous', ...ACCOUNTS])('as %s', async (who) => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' })
    const body = { portalItemId: '00000000-0000-4000-8000-000000000000', guardianName: 'Nguyễn Văn An', acknowledgedOn: today, method: 'per post' }
    const res = await clients.get(who)!.request('POST', `/api/v1/measures/${measureOf.brandingPause}/acknowledgements`, { json: body })
    const expected =
      who === 'anonymous' ? 401 : FAMILY.includes(who) ? 404 : !MEASURE_READERS.has(who) ? 403 : LEADS.has(who) && SCHOOL_OF[who] === 'branding' ? 400 : 404
    expect(res.status, who).toBe(expected)
    expect(res.json().errors[0]).toMatchObject({ path: expected === 400 ? 'portalItemId' : expect.any(String), message: expect.any(String) })
  })
})

// The family's writes on a released item: only the guardian of that child. The demo guardian's report
// is not a decision letter, so her bezwaar is refused; the pupil of another school and every staff
// account find no such item.
describe('POST /api/v1/portal/items/{the guardian’s report}/bezwaren', () => {
  it.each(['anonymous', ...ACCOUNTS])('as %s', async (who) => {
    const res = await clients.get(who)!.request('POST', `/api/v1/portal/items/${demoItem}/bezwaren`, { json: { grounds: 'Wij zijn het niet eens met dit besluit.' } })
    expect(res.status, who).toBe(who === 'anonymous' ? 401 : who === 'ouder@branding.demo' ? 409 : 404)
    expect(res.json().errors[0]).toMatchObject({ path: expect.any(String), message: expect.any(String) })
  })
})
describe('POST /api/v1/portal/items/{the guardian’s report}/acknowledgements', () => {
  it.each(['anonymous', ...ACCOUNTS.filter((who) => who !== 'ouder@branding.demo')])('as %s', async (who) => {
    const res = await clients.get(who)!.request('POST', `/api/v1/portal/items/${demoItem}/acknowledgements`, { json: {} })
    expect(res.status, who).toBe(who === 'anonymous' ? 401 : 404)
    expect(res.json().errors[0]).toMatchObject({ path: expect.any(String), message: expect.any(String) })
  })
})

describe('what a school member receives', () => {
  it.each(Object.keys(SCHOOL_OF))('%s lists only pupils of the school they act for', async (email) => {
    const c = clients.get(email)!
    const me = (await c.get('/api/v1/me')).json()
    const list = (await c.get('/api/v1/students?pageSize=200')).json()
    expect(list.total).toBeGreaterThanOrEqual(20)
    expect(list.items.length).toBe(list.total)
    expect(new Set(list.items.map((s: { schoolId: string }) => s.schoolId))).toEqual(new Set([me.organisation.id]))
  })

  it('guardians are included for the directeur and IB, not for a leerkracht', async () => {
    const id = studentOf.branding
    const dir = (await clients.get('directeur@branding.demo')!.get(`/api/v1/students/${id}`)).json()
    const ib = (await clients.get('ib@branding.demo')!.get(`/api/v1/students/${id}`)).json()
    const teacher = (await clients.get('leerkracht@branding.demo')!.get(`/api/v1/students/${id}`)).json()
    expect(Array.isArray(dir.guardians)).toBe(true)
    expect(dir.guardians.length).toBeGreaterThan(0)
    expect(ib.guardians).toEqual(dir.guardians)
    expect(teacher.guardians).toBeNull()
  })

  it('the student list page shows names of the own school only', async () => {
    const html = (await clients.get('directeur@horizon.demo')!.get('/leerlingen?pageSize=200')).text
    const horizon = (await clients.get('directeur@horizon.demo')!.get('/api/v1/students?pageSize=200')).json()
    const branding = (await clients.get('directeur@branding.demo')!.get('/api/v1/students?pageSize=200')).json()
    for (const s of horizon.items) expect(html).toContain(s.id)
    for (const s of branding.items) expect(html).not.toContain(s.id)
  })
})
