import { expect, test } from '@playwright/test'
import { login } from './support/login.ts'
import { demoDates, dutchToday, schoolYearWithData } from '../http/support/demo-dates.ts'

test('a po schorsing: proposed by the directeur, decided by the board, Inspectie notice recorded, letter sent', async ({ page, browser }) => {
  await login(page, 'directeur@branding.demo')
  // Start from an incident, as the school would.
  // A schooljaar with incidents (in early August today's has none yet).
  const year = await schoolYearWithData(async (y) => (await (await page.request.get(`/api/v1/incidents?pageSize=1&schooljaar=${y}`)).json()).items.length > 0)
  await page.goto(`/incidenten?severity=zeer_ernstig&schooljaar=${year}`)
  await page.locator('tbody a').first().click()
  await page.getByRole('link', { name: 'Maatregel voorstellen' }).click()
  await expect(page.getByRole('heading', { name: 'Maatregel voorstellen' })).toBeVisible()
  await page.getByLabel('Maatregel').selectOption('schorsing')
  // Exact: the form also shows "Schorsingen van deze leerling" for the chosen pupil.
  const pupil = page.getByLabel('Leerling', { exact: true })
  if ((await pupil.inputValue()) === '') await pupil.selectOption({ index: 1 })
  // The eighth school day from now at De Branding: the demo's own schorsingen lie within three school
  // days of today, and a new one may neither overlap nor directly follow one of the same pupil.
  const calendar = demoDates().calendar('noord', 'branding')
  await page.getByLabel('Vanaf (schooldag)').fill(calendar.addSchoolDays(calendar.nextSchoolDay(dutchToday()), 8))
  // Too long for po: the field names the rule and the browser holds the form back (the server's
  // refusal of 6 days is tested over HTTP in tests/http/measures.test.ts and law.test.ts).
  const days = page.getByLabel('Aantal schooldagen (schorsing)')
  await expect(page.getByText(/Een schorsing duurt ten hoogste 5 schooldagen \(WPO art\. 40c lid 1\)/)).toBeVisible()
  await days.fill('6')
  await page.getByLabel('Redenen').fill('Ernstige bedreiging van de leerkracht tijdens de gymles.')
  await page.getByLabel('Onderbouwing als een eerdere stap wordt overgeslagen').fill('De veiligheid van de leerkracht vraagt direct om een schorsing; een time-out volstaat niet.')
  await page.getByRole('button', { name: 'Voorstellen' }).click()
  expect(await days.evaluate((el) => (el as HTMLInputElement).validity.rangeOverflow)).toBe(true)
  await expect(page.getByRole('heading', { name: 'Maatregel voorstellen' })).toBeVisible()
  await days.fill('2')
  await page.getByRole('button', { name: 'Voorstellen' }).click()
  await expect(page.getByText('voorgesteld', { exact: true })).toBeVisible()
  // The directeur has no mandate: no decision button for her.
  await expect(page.getByRole('button', { name: 'Besluiten tot schorsing' })).toHaveCount(0)
  const caseUrl = page.url()

  // The board finds it in its queue and decides.
  const boardContext = await browser.newContext()
  const board = await boardContext.newPage()
  await login(board, 'bestuur@kompas.demo')
  await board.goto('/maatregelen')
  const queue = board.getByRole('region', { name: /Wacht op besluit van het bestuur/ })
  await queue.locator(`a[href="${new URL(caseUrl).pathname}"]`).click()
  await board.getByRole('button', { name: 'Besluiten tot schorsing' }).click()
  await board.getByRole('button', { name: 'Ja, besluiten tot schorsing' }).click()
  await expect(board.getByText('besloten', { exact: true })).toBeVisible()
  await boardContext.close()

  // Back at the school: the Inspectie task with its text, recorded with the portal's reference.
  await page.goto(caseUrl)
  const task = page.locator('.task').filter({ hasText: 'Inspectie' })
  await expect(task).toBeVisible()
  await task.getByText('Tekst om in te dienen').click()
  await expect(task).toContainText('Schorsing van 2 schooldagen')
  await task.getByLabel('Kenmerk Inspectie').fill('ISD-2026-12345')
  await task.getByRole('button', { name: 'Afgerond' }).click()
  await expect(page.locator('.task').filter({ hasText: 'Inspectie' })).toContainText('kenmerk ISD-2026-12345')
  // The decision letter from the stichting's template, stored with the case.
  const letters = page.getByRole('region', { name: 'Brieven' })
  await letters.getByRole('button', { name: 'Besluitbrief maken' }).click()
  const link = page.getByRole('region', { name: 'Brieven' }).getByRole('link', { name: /versie 1/ })
  await expect(link).toBeVisible()
  const pdf = await page.request.get((await link.getAttribute('href'))!)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  // "Besluit verzonden" is no button of its own: recording the letter's sending (here by e-mail to
  // the parents, through the outbox) moves the schorsing there.
  await expect(page.getByRole('button', { name: 'Besluit verzonden' })).toHaveCount(0)
  const region = page.getByRole('region', { name: 'Brieven' })
  await region.locator('summary', { hasText: 'Verzending vastleggen' }).click()
  await region.getByLabel(/Per e-mail/).check()
  await region.locator('form button[type="submit"]', { hasText: 'Verzending vastleggen' }).click()
  await expect(page.getByText('besluit verzonden', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Brieven' })).toContainText('verzonden per e-mail op')
})
