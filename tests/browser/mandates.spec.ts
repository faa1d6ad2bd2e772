import { expect, test } from '@playwright/test'
import { login } from './support/login.ts'

// The bestuurder grants and withdraws a school's mandate for schorsingen on /instellingen, on a
// phone. Kompas Vakcollege, which no other browser test decides schorsingen for; withdrawn at the end.
test('the bestuurder grants a mandate for schorsingen to one school and withdraws it; at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await login(page, 'bestuur@kompas.demo')
  await page.goto('/instellingen')
  await expect(page.getByRole('heading', { name: 'Mandaat voor schorsingen' })).toBeVisible()
  const school = page.getByRole('region', { name: 'Kompas Vakcollege' })
  await expect(school).toContainText('Geen mandaat')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  await school.getByLabel('Ten hoogste (schooldagen)').selectOption('2')
  await school.getByRole('button', { name: 'Mandaat verlenen' }).click()
  await expect(page.getByRole('status')).toContainText('Opgeslagen')
  const granted = page.getByRole('region', { name: 'Kompas Vakcollege' })
  await expect(granted).toContainText('ten hoogste 2 schooldagen')
  await granted.getByText('Eerdere versies (1)').click()
  await expect(granted.getByRole('listitem')).toContainText(['Versie 1: verleend tot 2 schooldagen'])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  await granted.getByRole('button', { name: 'Mandaat intrekken' }).click()
  await expect(page.getByRole('status')).toContainText('Opgeslagen')
  const withdrawn = page.getByRole('region', { name: 'Kompas Vakcollege' })
  await expect(withdrawn).toContainText('Geen mandaat')
  await expect(withdrawn.getByText('Eerdere versies (2)')).toBeVisible()
})
