import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD, openMenu } from './support/login.ts'

// An account no other browser test uses: once it has a passkey, every password login asks for it.
const EMAIL = 'vertrouwenspersoon@branding.demo'

/** The app at localhost (the relying party's domain; a browser refuses an IP address as RP ID). */
function local(path: string): string {
  const base = new URL(test.info().project.use.baseURL ?? 'http://127.0.0.1:3917')
  return `http://localhost:${base.port}${path}`
}

async function narrow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
}

test('on a phone (375 px): add a passkey with Chromium’s virtual authenticator, then sign in with it alone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  // A platform authenticator with user verification (a fingerprint that always matches), through CDP.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })

  await page.goto(local('/login'))
  await page.getByLabel('E-mailadres').fill(EMAIL)
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await expect(page).not.toHaveURL(/\/login(?:[?#]|$)/, { timeout: 15_000 })

  await page.goto(local('/account/tweede-factor'))
  await expect(page.getByRole('heading', { name: 'Passkeys', level: 2 })).toBeVisible()
  await narrow(page)
  // Without a name, a Dutch error and no ceremony.
  await page.getByRole('button', { name: 'Passkey toevoegen' }).click()
  await expect(page.getByRole('alert')).toContainText('Geef de passkey een naam')
  await page.getByLabel('Naam van de passkey').fill('Telefoon')
  await page.getByRole('button', { name: 'Passkey toevoegen' }).click()
  // The first factor brings recovery codes, shown once.
  await expect(page.getByRole('heading', { name: 'Je herstelcodes' })).toBeVisible()
  await expect(page.locator('ol.recovery-codes li')).toHaveCount(10)
  await narrow(page)
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
  expect(credentials).toHaveLength(1)
  expect(credentials[0]!.isResidentCredential).toBe(true)
  await page.goto(local('/account/tweede-factor'))
  await expect(page.getByRole('list', { name: 'Je passkeys' }).getByText('Telefoon')).toBeVisible()

  // Sign out; sign in with the passkey alone: no password, no second step.
  await openMenu(page)
  await page.getByRole('button', { name: 'Uitloggen' }).first().click()
  await expect(page).toHaveURL(/\/login$/)
  await narrow(page)
  await page.getByRole('button', { name: 'Inloggen met passkey' }).click()
  await expect(page).not.toHaveURL(/\/login(?:[/?#]|$)/)
  await page.goto(local('/incidenten'))
  await expect(page).toHaveURL(/\/incidenten$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // The authenticator counted the use.
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
  expect(after.credentials[0]!.signCount).toBeGreaterThan(0)
})
