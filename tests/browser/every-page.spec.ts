import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { axeViolations } from './support/axe.ts'
import { login } from './support/login.ts'

// Every page of the app, as someone who uses it, on the narrowest screen WCAG asks for (320 CSS px,
// SC 1.4.10 reflow): it answers, has one h1, keeps `lang` true (ADR 035: Dutch unless the page has
// its English), scrolls no sideways, and axe-core finds nothing (WCAG 2.1 A and AA). The list of
// pages is read from the route files, so a new page fails this test until it is added below.

const ROUTES = fileURLToPath(new URL('../../apps/web/app/routes/', import.meta.url))

/** Route modules that are no page of their own (a redirect or a form's action). */
const NOT_PAGES: Record<string, string> = {
  'logout.tsx': 'signs out (a form action) and redirects',
  'taal.tsx': 'switches the language (a form action) and redirects',
  'toegang.reden.tsx': "the break-glass reason form's action; the form is on the record's page",
  'login_.sso_.callback.tsx': "the identity provider's return address: redirects on",
}

/**
 * Pages another spec reaches and checks the same way (axe, reflow), because getting there is that
 * spec's whole flow.
 */
const ELSEWHERE: Record<string, string> = {
  'login_.tweede-stap.tsx': 'second-factor.spec.ts: the second step needs an account with an authenticator app',
}

/** How a page's address is found: written out, or the first link on another page that fits. */
type Where = string | { on: string; link: RegExp }

interface Visit {
  route: string
  at: Where
  /** The page's status when it is not 200 (a bad token's page says so with 404). */
  status?: number
  /** What must exist first for the page to show all it can (another session to sign out, …). */
  before?: (browser: Browser, who: string) => Promise<void>
}

/** The same person signed in on a second device: the account page then lists a session to end. */
async function secondSession(browser: Browser, who: string): Promise<void> {
  const other = await browser.newContext()
  await login(await other.newPage(), who)
  await other.close()
}

/** Who visits what; null: signed out. */
const VISITS: { who: string | null; pages: Visit[] }[] = [
  {
    who: null,
    pages: [
      { route: 'login.tsx', at: '/login' },
      { route: 'login_.sso.tsx', at: '/login/sso' },
      { route: 'login_.link.tsx', at: '/login/link' },
      { route: 'login_.link_.$token.tsx', at: '/login/link/onbekende-link', status: 404 },
      { route: 'wachtwoord-vergeten.tsx', at: '/wachtwoord-vergeten' },
      { route: 'wachtwoord-herstellen.$token.tsx', at: '/wachtwoord-herstellen/onbekend-token', status: 404 },
      { route: 'uitnodiging.$token.tsx', at: '/uitnodiging/onbekend-token', status: 404 },
    ],
  },
  {
    who: 'directeur@branding.demo',
    pages: [
      { route: '_index.tsx', at: '/' },
      { route: 'incidenten._index.tsx', at: '/incidenten' },
      { route: 'incidenten.nieuw.tsx', at: '/incidenten/nieuw' },
      { route: 'incidenten.$id._index.tsx', at: { on: '/incidenten', link: /^\/incidenten\/[0-9a-f-]{36}$/ } },
      { route: 'incidenten.$id.bewerken.tsx', at: { on: '/incidenten', link: /^\/incidenten\/[0-9a-f-]{36}$/ } },
      { route: 'incidenten.$id.leerling.$studentId.tsx', at: { on: '/incidenten', link: /^\/incidenten\/[0-9a-f-]{36}$/ } },
      { route: 'incidenten.$id.melding.tsx', at: { on: '/incidenten', link: /^\/incidenten\/[0-9a-f-]{36}$/ } },
      { route: 'leerlingen._index.tsx', at: '/leerlingen' },
      { route: 'leerlingen.$studentId.tsx', at: { on: '/leerlingen', link: /^\/leerlingen\/[0-9a-f-]{36}$/ } },
      { route: 'leerlingen.$studentId_.export.tsx', at: { on: '/leerlingen', link: /^\/leerlingen\/[0-9a-f-]{36}$/ } },
      { route: 'leerlingen.import.tsx', at: '/leerlingen/import' },
      { route: 'groepen.tsx', at: '/groepen' },
      { route: 'maatregelen._index.tsx', at: '/maatregelen' },
      { route: 'maatregelen.nieuw.tsx', at: '/maatregelen/nieuw' },
      { route: 'maatregelen.$id.tsx', at: { on: '/maatregelen', link: /^\/maatregelen\/[0-9a-f-]{36}$/ } },
      { route: 'overzicht.tsx', at: '/overzicht' },
      { route: 'protocol.tsx', at: '/protocol' },
      { route: 'berichten.tsx', at: '/berichten' },
      { route: 'delen._index.tsx', at: '/delen' },
      { route: 'delen.$id.tsx', at: { on: '/delen', link: /^\/delen\/[0-9a-f-]{36}$/ } },
      { route: 'delen.nieuw.tsx', at: { on: '/incidenten', link: /^\/incidenten\/[0-9a-f-]{36}$/ } },
      { route: 'delen.convenanten.nieuw.tsx', at: '/delen/convenanten/nieuw' },
      { route: 'meldplicht._index.tsx', at: '/meldplicht' },
      { route: 'meldplicht.nieuw.tsx', at: '/meldplicht/nieuw' },
      { route: 'account.tsx', at: '/account', before: secondSession },
      { route: 'account_.tweede-factor.tsx', at: '/account/tweede-factor' },
    ],
  },
  {
    who: 'directeur@vakcollege.demo',
    pages: [
      { route: 'verwijzingen._index.tsx', at: '/verwijzingen' },
      { route: 'verwijzingen.nieuw.tsx', at: '/verwijzingen/nieuw' },
      { route: 'verwijzingen.$id.tsx', at: { on: '/verwijzingen', link: /^\/verwijzingen\/[0-9a-f-]{36}$/ } },
    ],
  },
  {
    who: 'halt@haltnoord.demo',
    pages: [
      { route: 'halt._index.tsx', at: '/halt' },
      { route: 'halt.$id.tsx', at: { on: '/halt', link: /^\/halt\/[0-9a-f-]{36}$/ } },
      { route: 'halt.overzicht.tsx', at: '/halt/overzicht' },
      { route: 'halt.spreekuren.tsx', at: '/halt/spreekuren' },
    ],
  },
  {
    who: 'politie@wijkteam.demo',
    pages: [
      { route: 'gedeeld._index.tsx', at: '/gedeeld' },
      { route: 'gedeeld.$id.tsx', at: { on: '/gedeeld', link: /^\/gedeeld\/[0-9a-f-]{36}$/ } },
    ],
  },
  {
    who: 'bestuur@kompas.demo',
    pages: [
      { route: 'bestuur.tsx', at: '/bestuur' },
      { route: 'instellingen.tsx', at: '/instellingen' },
      { route: 'sjablonen.tsx', at: '/sjablonen' },
      // The zeden route's case is the board's to follow.
      { route: 'meldplicht.$id.tsx', at: { on: '/meldplicht', link: /^\/meldplicht\/[0-9a-f-]{36}$/ } },
    ],
  },
  {
    who: 'beheer@kompas.demo',
    pages: [
      { route: 'beheer._index.tsx', at: '/beheer' },
      { route: 'beheer.audit.tsx', at: '/beheer/audit' },
      { route: 'beheer.gebruikers._index.tsx', at: '/beheer/gebruikers' },
      { route: 'beheer.gebruikers.uitnodigen.tsx', at: '/beheer/gebruikers/uitnodigen' },
      { route: 'beheer.partners.tsx', at: '/beheer/partners' },
      { route: 'beheer.scholen._index.tsx', at: '/beheer/scholen' },
      { route: 'beheer.scholen.$id.tsx', at: { on: '/beheer/scholen', link: /^\/beheer\/scholen\/[0-9a-f-]{36}$/ } },
      { route: 'beheer.sso.tsx', at: '/beheer/sso' },
      { route: 'beheer_.tweede-factor.tsx', at: '/beheer/tweede-factor' },
      { route: 'kalender.tsx', at: '/kalender' },
    ],
  },
  {
    who: 'privacy@kompas.demo',
    pages: [
      { route: 'privacy._index.tsx', at: '/privacy' },
      { route: 'toegangslog.tsx', at: '/toegangslog' },
    ],
  },
  {
    who: 'directeur@lyceum.demo',
    pages: [{ route: 'organisatie.tsx', at: '/organisatie' }],
  },
  {
    who: 'platform@baken.demo',
    pages: [
      { route: 'platform._index.tsx', at: '/platform' },
      { route: 'platform.stichtingen.$id.tsx', at: { on: '/platform', link: /^\/platform\/stichtingen\/[0-9a-f-]{36}$/ } },
    ],
  },
  {
    who: 'ouder@branding.demo',
    pages: [
      { route: 'ouders._index.tsx', at: '/ouders' },
      { route: 'ouders.berichten.$id.tsx', at: { on: '/ouders', link: /^\/ouders\/berichten\/[0-9a-f-]{36}$/ } },
      { route: 'ouders.gedeeld.$studentId.tsx', at: { on: '/ouders', link: /^\/ouders\/gedeeld\/[0-9a-f-]{36}$/ } },
      { route: 'ouders.verzoek.tsx', at: '/ouders/verzoek' },
    ],
  },
]

/** The page routes (not API, not resource routes) in the routes folder. */
const pageRoutes = readdirSync(ROUTES).filter((f) => f.endsWith('.tsx') && !f.startsWith('api.') && !(f in NOT_PAGES))

test('every page route is on this list', () => {
  const listed = [...VISITS.flatMap((v) => v.pages.map((p) => p.route)), ...Object.keys(ELSEWHERE)]
  expect([...listed].sort()).toEqual([...pageRoutes].sort())
})

async function resolve(page: Page, at: Where, route: string): Promise<string> {
  if (typeof at === 'string') return at
  await page.goto(at.on)
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
  const found = hrefs.find((h) => at.link.test(h))
  expect(found, `a link on ${at.on} to a page of ${route}`).toBeTruthy()
  // The link names the record; the route's own part is added where the route needs more.
  return found!
}

/** The address of a route under a record's page (its edit page, a pupil's view, …). */
async function below(page: Page, route: string, recordUrl: string): Promise<string> {
  if (route === 'incidenten.$id.bewerken.tsx') return `${recordUrl}/bewerken`
  if (route === 'incidenten.$id.melding.tsx') return `${recordUrl}/melding`
  if (route === 'leerlingen.$studentId_.export.tsx') return `${recordUrl}/export`
  if (route === 'delen.nieuw.tsx') return `/delen/nieuw?incidentId=${recordUrl.split('/').pop()}`
  if (route === 'incidenten.$id.leerling.$studentId.tsx') {
    const incident = (await (await page.request.get(`/api/v1/incidents/${recordUrl.split('/').pop()}`)).json()) as { persons: { studentId: string | null }[] }
    const pupil = incident.persons.find((p) => p.studentId)?.studentId
    expect(pupil, `a pupil on ${recordUrl}`).toBeTruthy()
    return `${recordUrl}/leerling/${pupil}`
  }
  return recordUrl
}

for (const { who, pages } of VISITS) {
  test(`every page of ${who ?? 'someone signed out'} at 320 px: it answers, reflows, keeps lang true, and axe finds nothing`, async ({ page, browser }) => {
    test.setTimeout(60_000 + pages.length * 20_000)
    await page.setViewportSize({ width: 320, height: 640 })
    if (who) await login(page, who)
    for (const { route, at, status = 200, before } of pages) {
      if (before && who) await before(browser, who)
      const url = await below(page, route, await resolve(page, at, route))
      const response = await page.goto(url)
      // Soft: one run names every page that falls short, not only the first.
      expect.soft(response?.status(), `${route} at ${url}`).toBe(status)
      await expect.soft(page.locator('h1'), `${route}: one h1`).toHaveCount(1)
      expect.soft(await page.locator('html').getAttribute('lang'), `${route}: lang`).toBe('nl')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      expect.soft(width, `${route} at ${url}: no sideways scrolling at 320 px`).toBeLessThanOrEqual(320)
      expect.soft(await axeViolations(page), `axe on ${route} (${url}) as ${who ?? 'signed out'}`).toEqual([])
    }
  })
}
