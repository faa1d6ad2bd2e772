import { expect, test } from '@playwright/test'
import { startOidcProvider, type RunningOidcProvider } from '../http/support/oidc-provider.ts'
import { login } from './support/login.ts'

// "Inloggen via je school" on a 375 px phone, against a real OpenID Connect provider started here:
// the stichtingbeheerder sets it up at /beheer/sso, a teacher signs in through it.
const client = { clientId: 'baken-browser', clientSecret: 'browser-test-client-secret-0123456789' }
let idp: RunningOidcProvider

test.beforeAll(async ({ baseURL }) => {
  idp = await startOidcProvider({
    client: { ...client, redirectUris: [`${baseURL}/login/sso/callback`] },
    accounts: { 'joyce.smit': { name: 'Joyce Smit', email: 'leerkracht@branding.demo', emailVerified: true, amr: ['pwd'] } },
  })
})
test.afterAll(async () => idp?.stop())

test('the stichtingbeheerder sets up SSO and a teacher signs in through it, on a phone', async ({ page, browser }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await login(page, 'beheer@kompas.demo')
  await page.goto('/beheer/sso')
  await expect(page.getByRole('heading', { name: 'Inloggen via de school (SSO)', level: 1 })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.getByLabel('Naam op de inlogknop').fill('Stichting Kompas (browsertest)')
  await page.getByLabel('Issuer-URL').fill(idp.issuer)
  await page.getByLabel('Client-id').fill(client.clientId)
  await page.getByLabel('Clientgeheim').fill(client.clientSecret)
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('status')).toContainText('Opgeslagen')
  await expect(page.getByText('Er is een geheim opgeslagen')).toBeVisible()

  const teacher = await browser.newPage({ viewport: { width: 375, height: 800 } })
  try {
    await teacher.goto('/login')
    await expect(teacher.getByRole('heading', { name: 'Inloggen via je school' })).toBeVisible()
    expect(await teacher.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await teacher.getByRole('link', { name: 'Inloggen via Stichting Kompas (browsertest)' }).click()
    // The provider's own page, then back to Baken, signed in.
    await teacher.getByRole('link', { name: /Joyce Smit/ }).click()
    await expect(teacher).toHaveURL(/127\.0\.0\.1:\d+\/$/)
    const me = await teacher.request.get('/api/v1/me')
    expect((await me.json()).user.email).toBe('leerkracht@branding.demo')
  } finally {
    await teacher.close()
  }

  // Off again, so the other files' login pages stay as they were.
  await page.getByLabel('Inlogdienst aan').uncheck()
  await page.getByRole('button', { name: 'Opslaan' }).click()
  await expect(page.getByRole('status')).toContainText('Opgeslagen')
})
