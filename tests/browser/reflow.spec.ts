import { expect, test } from '@playwright/test'
import { login } from './support/login.ts'

// WCAG 2.1 SC 1.4.10 (reflow): the pages with the law's settings, the calendar import and a
// schorsing's proposal fit a 375 px phone without sideways scrolling, each as the one who uses it.
const pages = [
  { who: 'beheer@kompas.demo', path: '/kalender', heading: /Schoolkalender/ },
  { who: 'directeur@branding.demo', path: '/maatregelen/nieuw', heading: 'Maatregel voorstellen' },
  { who: 'bestuur@kompas.demo', path: '/instellingen', heading: /Instellingen/ },
]

for (const { who, path, heading } of pages) {
  test(`${path} fits a phone for ${who}`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 })
    await login(page, who)
    await page.goto(path)
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  })
}
