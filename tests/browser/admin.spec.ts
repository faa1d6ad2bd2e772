import { expect, test } from '@playwright/test'
import { login, openMenu } from './support/login.ts'

// The stichtingbeheerder adds a school on /beheer/scholen, on a phone: a wrong BRIN and postcode are
// named at their fields first, then the school is added and appears in the list.
test('the stichtingbeheerder adds a school; at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await login(page, 'beheer@kompas.demo')
  await openMenu(page)
  await page.getByRole('link', { name: 'Beheer' }).first().click()
  await page.getByRole('link', { name: 'Scholen en groepen' }).click()
  await expect(page.getByRole('heading', { name: 'Scholen', exact: true })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  await page.getByLabel('Naam van de school').fill('Montessorischool De Wilg')
  await page.getByLabel('BRIN-code').fill('1AB2')
  await page.getByLabel('Sector').selectOption('po')
  await page.getByLabel('Vakantieregio').selectOption('noord')
  await page.getByLabel('Straat en huisnummer').fill('Wilgenlaan 8')
  await page.getByLabel('Postcode').fill('0123 AB')
  await page.getByLabel('Plaats').fill('Groningen')
  await page.getByRole('button', { name: 'School toevoegen' }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Een BRIN-code is 2 cijfers en 2 letters')
  await expect(summary).toContainText('Een postcode is 4 cijfers en 2 letters')
  await expect(page.getByLabel('BRIN-code')).toHaveAttribute('aria-invalid', 'true')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  await page.getByLabel('BRIN-code').fill('56mn')
  await page.getByLabel('Postcode').fill('9712ab')
  await page.getByRole('button', { name: 'School toevoegen' }).click()
  await expect(page.getByRole('status')).toContainText('Montessorischool De Wilg is toegevoegd')
  const row = page.getByRole('row', { name: /Montessorischool De Wilg/ })
  await expect(row).toContainText('56MN')
  await expect(row).toContainText('9712 AB')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
})
