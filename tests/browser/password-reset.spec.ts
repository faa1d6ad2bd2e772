import { expect, test } from '@playwright/test'

// "Wachtwoord vergeten" on a phone: from the login page to the one answer every address gets, and a
// link that opens nothing, each readable at 375 px without sideways scrolling (WCAG 2.1 SC 1.4.10).
test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })

test('from the login page, asking for a reset link gives the same answer, on a phone', async ({ page }) => {
  await page.goto('/login')
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click()
  await expect(page.getByRole('heading', { name: 'Wachtwoord vergeten', level: 1 })).toBeVisible()
  await page.getByLabel('E-mailadres').fill('niemand@voorbeeld.nl')
  await page.getByRole('button', { name: 'Stuur mij een link' }).click()
  await expect(page.getByRole('status')).toContainText('Als dit adres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  await page.goto('/wachtwoord-herstellen/onbekend')
  await expect(page.getByRole('alert')).toContainText('bestaat niet')
  await page.getByRole('link', { name: 'Een nieuwe link aanvragen' }).click()
  await expect(page).toHaveURL(/\/wachtwoord-vergeten$/)
})
