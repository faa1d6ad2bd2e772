import { expect, test } from '@playwright/test'
import { totpCode, totpKeyFromText, totpStep } from '../../packages/domain/src/auth/mfa/totp.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { login, openMenu } from './support/login.ts'

// An account no other browser test uses: once it has a second factor, every login asks for it.
const EMAIL = 'mentor@lyceum.demo'

test('on a phone (375 px): set up an authenticator app, keep the recovery codes, and sign in again with a code', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await login(page, EMAIL)
  await page.goto('/account')
  await page.getByRole('link', { name: 'Authenticator-app en herstelcodes beheren' }).click()
  await expect(page.getByRole('heading', { name: 'Tweede factor', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Authenticator-app instellen' }).click()

  await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible()
  const keyText = (await page.getByTestId('totp-key').textContent()) ?? ''
  const key = totpKeyFromText(keyText)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // A wrong code first: a Dutch error, nothing enrolled.
  await page.getByLabel('Code uit je app').fill(totpCode(key, totpStep(Date.now()) + 5))
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(page.getByRole('alert')).toContainText('Deze code klopt niet')

  await page.getByLabel('Code uit je app').fill(totpCode(key, totpStep(Date.now())))
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(page.getByRole('heading', { name: 'Je herstelcodes' })).toBeVisible()
  await expect(page.locator('ol.recovery-codes li')).toHaveCount(10)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // Sign out and in again: the password alone opens nothing but the second step.
  await page.goto('/')
  await openMenu(page)
  await page.getByRole('button', { name: 'Uitloggen' }).first().click()
  await expect(page).toHaveURL(/\/login$/)
  await login(page, EMAIL)
  await expect(page).toHaveURL(/\/login\/tweede-stap/)
  await expect(page.getByRole('heading', { name: 'Tweede stap van het inloggen' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlingen' })).toHaveCount(0)
  await page.goto('/leerlingen')
  await expect(page).toHaveURL(/\/login\/tweede-stap\?redirectTo=%2Fleerlingen/)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  await page.setViewportSize({ width: 320, height: 640 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  await expectNoAxeViolations(page, 'the second step of a login')
  await page.setViewportSize({ width: 375, height: 800 })

  // The enrolment used this step's code: the next step's code opens the session and returns to the pupils.
  await page.getByLabel('Code').fill(totpCode(key, totpStep(Date.now()) + 1))
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(page).toHaveURL(/\/leerlingen$/)
  await expect(page.getByRole('heading', { name: 'Leerlingen', level: 1 })).toBeVisible()
})
