import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { totpCode, totpKeyFromText, totpStep } from '../../packages/domain/src/auth/mfa/totp.ts'
import { invitationToken } from '../support/production.ts'
import { startProductionBaken, type ProductionBaken } from './support/production-baken.ts'

// A new installation from nothing, on a 375 px phone, in production mode: the installer runs
// `admin:bootstrap`; the first platform_beheerder takes the link from the mail, sets a password and
// an authenticator app, creates a stichting and invites its beheerder; she accepts by mail, sets a
// password and an authenticator app, adds a school, sets up the stichting's single sign-on and
// invites a directeur; he accepts by signing in at the stichting's provider and registers an
// incident. Mail goes through a local stand-in for Resend, read here as each person's mailbox.
const PHONE = { width: 375, height: 800 }
const PASSWORD = { platform: 'lantaarn vijver koperen wolk', beheer: 'zeilboot perzik rustig grind' }
const PLATFORM = { email: 'platform@baken-installatie.test', name: 'Fenna de Vries' }
const BEHEER = { email: 'beheer@stichting-meander.test', name: 'Ayşe Yıldız' }
const DIRECTEUR = { email: 'directeur@de-kade.test', name: 'Łukasz Wójcik' }

let baken: ProductionBaken
const contexts: BrowserContext[] = []

test.beforeAll(async () => {
  test.setTimeout(240_000)
  baken = await startProductionBaken({
    platformBeheerder: PLATFORM,
    accounts: {
      'l.wojcik': { name: DIRECTEUR.name, email: DIRECTEUR.email, emailVerified: true, amr: ['pwd', 'mfa'] },
    },
  })
})
test.afterAll(async () => {
  for (const c of contexts) await c.close()
  await baken?.stop()
})

/** A person's own browser at phone size, with the provider's self-signed certificate accepted. */
async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baken.baseUrl, viewport: PHONE, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true })
  contexts.push(context)
  return context.newPage()
}

async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), page.url()).toBeLessThanOrEqual(0)
}

/** The link in the newest mail to `email` (waiting for the server's mail worker to send it). */
async function linkInMail(email: string, since: number): Promise<string> {
  const mail = await baken.resend.waitForMailTo(email, { since, timeoutMs: 60_000 })
  const link = new RegExp(`${baken.baseUrl.replace(/[.:/]/g, '\\$&')}/uitnodiging/[a-z0-9]+`).exec(mail.text ?? '')?.[0]
  expect(link, mail.text).toBeTruthy()
  expect(invitationToken(link!)).toBeTruthy()
  return link!
}

/** An authenticator app: codes for the current time step, never the same step twice. */
function authenticator(key: Uint8Array) {
  let last = 0
  return async () => {
    // A step the server already accepted may not be used again: wait for the next one if needed.
    while (totpStep(Date.now()) + 1 <= last) await new Promise((r) => setTimeout(r, 1000))
    const step = Math.max(totpStep(Date.now()), last + 1)
    last = step
    return totpCode(key, step)
  }
}

/** Sets up the authenticator app on the enrolment page and keeps the recovery codes. */
async function enrolTotp(page: Page) {
  await expect(page.getByRole('heading', { name: 'Tweede factor', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Authenticator-app instellen' }).click()
  const keyText = (await page.getByTestId('totp-key').textContent()) ?? ''
  const code = authenticator(totpKeyFromText(keyText))
  await fitsThePhone(page)
  await page.getByLabel('Code uit je app').fill(await code())
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(page.getByRole('heading', { name: 'Je herstelcodes' })).toBeVisible()
  await expect(page.locator('ol.recovery-codes li')).toHaveCount(10)
  await page.getByRole('link', { name: 'Ik heb ze bewaard, ga verder' }).click()
  return code
}

/** The invitation page: a name and a password for a new account. */
async function acceptWithPassword(page: Page, link: string, name: string, password: string) {
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Uitnodiging voor Baken' })).toBeVisible()
  await fitsThePhone(page)
  await page.getByLabel('Uw naam').fill(name)
  await page.getByLabel('Kies een wachtwoord').fill(password)
  await page.getByRole('button', { name: 'Account maken en inloggen' }).click()
  // Password hashing on a busy machine takes a moment.
  await expect(page).not.toHaveURL(/\/uitnodiging\//, { timeout: 30_000 })
}

/** If the server asks for a fresh second factor (step-up), gives it and goes back to `path`. */
async function stepUpIfAsked(page: Page, code: () => Promise<string>, path: string): Promise<boolean> {
  if (!/\/login\/tweede-stap/.test(page.url())) return false
  await page.getByLabel('Code').fill(await code())
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(page).not.toHaveURL(/\/login\/tweede-stap/)
  await page.goto(path)
  return true
}

test('from an empty production database to a directeur’s first incident, on a phone', async ({ browser }) => {
  // ---- The first platform_beheerder: the bootstrap mail, a password, an authenticator app.
  const platform = await phone(browser)
  await acceptWithPassword(platform, await linkInMail(PLATFORM.email, 0), PLATFORM.name, PASSWORD.platform)
  // Production mode: a platform_beheerder must set up a second factor before anything else.
  await expect(platform).toHaveURL(/\/account\/tweede-factor/)
  const platformCode = await enrolTotp(platform)

  // ---- A stichting, its data corrected once, and the invitation of its first beheerder.
  await platform.goto('/platform')
  await expect(platform.getByRole('heading', { name: 'Platformbeheer', level: 1 })).toBeVisible()
  await fitsThePhone(platform)
  // An empty installation: no stichting yet.
  await expect(platform.locator('table.table-responsive tbody tr')).toHaveCount(0)
  const create = platform.locator('form', { has: platform.getByRole('button', { name: 'Stichting aanmaken' }) })
  await create.getByLabel('Naam').fill('Stichting Meandr')
  await create.getByLabel('KvK-nummer').fill('61234567')
  await create.getByLabel('Bevoegd-gezagnummer (DUO)').fill('46001')
  await create.getByRole('button', { name: 'Stichting aanmaken' }).click()
  await expect(platform.locator('table.table-responsive tbody tr')).toHaveCount(1)
  await platform.getByRole('link', { name: 'Gegevens wijzigen: Stichting Meandr' }).click()
  await expect(platform.getByRole('heading', { name: 'Stichting Meandr: gegevens wijzigen', level: 1 })).toBeVisible()
  await fitsThePhone(platform)
  await platform.getByLabel('Naam').fill('Stichting Meander')
  await platform.getByRole('button', { name: 'Opslaan' }).click()
  await expect(platform.getByRole('status')).toContainText('De gegevens van Stichting Meander zijn opgeslagen.')

  const sentBefore = baken.resend.deliveries.length
  await platform.getByRole('link', { name: 'Eerste stichtingbeheerder uitnodigen' }).click()
  await expect(platform.getByRole('heading', { name: 'Gebruiker uitnodigen', level: 1 })).toBeVisible()
  const invitePath = new URL(platform.url()).pathname + new URL(platform.url()).search
  const inviteBeheerder = async () => {
    await platform.getByLabel('E-mailadres').fill(BEHEER.email)
    await platform.getByLabel('Rol', { exact: true }).selectOption('stichtingbeheerder')
    await platform.getByRole('button', { name: 'Uitnodiging versturen' }).click()
    await expect(platform).not.toHaveURL(/\/beheer\/gebruikers\/uitnodigen/)
  }
  await inviteBeheerder()
  if (await stepUpIfAsked(platform, platformCode, invitePath)) await inviteBeheerder()

  // ---- The stichtingbeheerder: the mail, a password, an authenticator app.
  const beheer = await phone(browser)
  await acceptWithPassword(beheer, await linkInMail(BEHEER.email, sentBefore), BEHEER.name, PASSWORD.beheer)
  await beheer.goto('/account/tweede-factor')
  const beheerCode = await enrolTotp(beheer)

  // ---- A school.
  await beheer.goto('/beheer/scholen')
  await fitsThePhone(beheer)
  await beheer.getByLabel('Naam van de school').fill('IKC De Kade')
  await beheer.getByLabel('BRIN-code').fill('31xy')
  await beheer.getByLabel('Sector').selectOption('po')
  await beheer.getByLabel('Vakantieregio').selectOption('midden')
  await beheer.getByLabel('Straat en huisnummer').fill('Kadestraat 4')
  await beheer.getByLabel('Postcode').fill('3512ab')
  await beheer.getByLabel('Plaats').fill('Utrecht')
  await beheer.getByRole('button', { name: 'School toevoegen' }).click()
  await expect(beheer.getByRole('link', { name: /IKC De Kade/ }).first()).toBeVisible()

  // ---- The stichting's single sign-on: the provider over https.
  const configureSso = async () => {
    await expect(beheer.getByRole('heading', { name: 'Inloggen via de school (SSO)', level: 1 })).toBeVisible()
    await beheer.getByLabel('Naam op de inlogknop').fill('Stichting Meander')
    await beheer.getByLabel('Issuer-URL').fill(baken.idp.issuer)
    await beheer.getByLabel('Client-id').fill(baken.oidcClient.clientId)
    await beheer.getByLabel('Clientgeheim').fill(baken.oidcClient.clientSecret)
    await beheer.getByRole('button', { name: 'Opslaan' }).click()
  }
  await beheer.goto('/beheer/sso')
  await configureSso()
  if (await stepUpIfAsked(beheer, beheerCode, '/beheer/sso')) await configureSso()
  await expect(beheer.getByRole('status')).toContainText('Opgeslagen')
  await fitsThePhone(beheer)

  // ---- The invitation of the directeur of the new school.
  const sentToDirecteur = baken.resend.deliveries.length
  const inviteDirecteur = async () => {
    await beheer.getByLabel('E-mailadres').fill(DIRECTEUR.email)
    await beheer.getByLabel('Rol', { exact: true }).selectOption('directeur')
    await beheer.getByLabel('School (voor een schoolrol)').selectOption({ label: 'IKC De Kade' })
    await beheer.getByRole('button', { name: 'Uitnodiging versturen' }).click()
    await expect(beheer).not.toHaveURL(/\/beheer\/gebruikers\/uitnodigen/)
  }
  await beheer.goto('/beheer/gebruikers/uitnodigen')
  await inviteDirecteur()
  if (await stepUpIfAsked(beheer, beheerCode, '/beheer/gebruikers/uitnodigen')) await inviteDirecteur()
  await expect(beheer).toHaveURL(/\/beheer\/gebruikers\?uitgenodigd=1/)

  // ---- The directeur accepts by signing in at the stichting's provider: no Baken password.
  const directeur = await phone(browser)
  await directeur.goto(await linkInMail(DIRECTEUR.email, sentToDirecteur))
  await expect(directeur.getByRole('heading', { name: 'Uitnodiging voor Baken' })).toBeVisible()
  await fitsThePhone(directeur)
  await directeur.getByRole('link', { name: 'Aannemen via Stichting Meander' }).click()
  // The provider's own page (https, its own origin), then back to Baken, signed in.
  await expect(directeur).toHaveURL(new RegExp(`^${baken.idp.issuer}/interaction/`))
  await directeur.getByRole('link', { name: new RegExp(DIRECTEUR.name) }).click()
  await expect(directeur).toHaveURL(`${baken.baseUrl}/`)
  const me = await (await directeur.request.get('/api/v1/me')).json()
  expect(me).toMatchObject({ user: { email: DIRECTEUR.email, name: DIRECTEUR.name }, role: 'directeur', organisation: { name: 'IKC De Kade' } })

  // ---- His first incident: an outsider on the schoolyard.
  await directeur.goto('/incidenten/nieuw')
  await expect(directeur.getByRole('heading', { name: 'Incident registreren' })).toBeVisible()
  await fitsThePhone(directeur)
  await directeur.getByLabel('Locatie').selectOption({ label: 'op het schoolplein' })
  await directeur.getByLabel(/Wat is er gebeurd\?/).fill('Een onbekende volwassene scheldt bij het hek leerlingen uit en gooit met een fles.')
  await directeur.getByRole('checkbox', { name: /^verbaal geweld/ }).check()
  const person = directeur.getByRole('group', { name: 'Betrokkene 1' })
  await person.getByLabel('Rol').selectOption('dader')
  await person.getByLabel('Wie').selectOption('externe')
  await person.getByLabel(/Omschrijving \(geen naam nodig\)/).fill('Onbekende man van middelbare leeftijd')
  await directeur.getByRole('button', { name: 'Indienen' }).click()
  await expect(directeur.getByRole('status')).toContainText('Opgeslagen (versie 1)')
  const id = new URL(directeur.url()).pathname.split('/incidenten/')[1]!
  await directeur.goto('/incidenten')
  await expect(directeur.locator(`a[href="/incidenten/${id}"]`)).toBeVisible()
  await fitsThePhone(directeur)
})
