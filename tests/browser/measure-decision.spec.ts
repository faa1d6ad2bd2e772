import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { login } from './support/login.ts'
import { demoDates, dutchToday, schoolYearWithData } from '../http/support/demo-dates.ts'

/** The directeur proposes a schorsing of one school day from an incident; answers the case's URL. */
async function proposeOneDay(page: Page, offset: number): Promise<string> {
  const year = await schoolYearWithData(async (y) => (await (await page.request.get(`/api/v1/incidents?pageSize=1&schooljaar=${y}`)).json()).items.length > 0)
  await page.goto(`/incidenten?severity=zeer_ernstig&schooljaar=${year}`)
  await page.locator('tbody a').first().click()
  await page.getByRole('link', { name: 'Maatregel voorstellen' }).click()
  await page.getByLabel('Maatregel').selectOption('schorsing')
  const pupil = page.getByLabel('Leerling', { exact: true })
  if ((await pupil.inputValue()) === '') await pupil.selectOption({ index: 1 })
  // Far enough from the demo's own schorsingen (no overlap, not directly after one).
  const calendar = demoDates().calendar('noord', 'branding')
  await page.getByLabel('Vanaf (schooldag)').fill(calendar.addSchoolDays(calendar.nextSchoolDay(dutchToday()), offset))
  await page.getByLabel('Aantal schooldagen (schorsing)').fill('1')
  await page.getByLabel('Redenen').fill('Bedreiging van een klasgenoot met een schaar.')
  await page.getByLabel('Onderbouwing als een eerdere stap wordt overgeslagen').fill('De veiligheid van de klasgenoot vraagt direct om een schorsing.')
  await page.getByRole('button', { name: 'Voorstellen' }).click()
  await expect(page.getByText('voorgesteld', { exact: true })).toBeVisible()
  return new URL(page.url()).pathname
}

test('the board confirms a schorsing with its facts; the letter comes next and starts the bezwaar term', async ({ page, browser }) => {
  await login(page, 'directeur@branding.demo')
  const path = await proposeOneDay(page, 12)
  // Human Dutch: one school day, the law by its name.
  const facts = page.locator('dl.facts').first()
  await expect(facts).toContainText('(1 schooldag)')
  await expect(facts).toContainText('Wet op het primair onderwijs')
  await expect(page.locator('body')).not.toContainText('wet-po-2026')

  const boardContext = await browser.newContext()
  const board = await boardContext.newPage()
  await login(board, 'bestuur@kompas.demo')
  await board.goto(path)
  // "Niet schorsen" carries its own reason, in its own group.
  const refuse = board.getByRole('group', { name: 'Niet schorsen' })
  await expect(refuse.getByLabel(/Waarom: niet schorsen\?/)).toBeVisible()
  await expect(refuse.getByRole('button', { name: 'Niet schorsen' })).toBeVisible()
  // Deciding asks to confirm, repeating the facts and the legal check.
  await board.getByRole('button', { name: 'Besluiten tot schorsing' }).click()
  const confirm = board.getByRole('form', { name: 'Bevestigen: besluiten tot schorsing' })
  await expect(confirm.getByRole('heading', { name: 'Bevestigen: besluiten tot schorsing' })).toBeFocused()
  await expect(confirm).toContainText('Bedreiging van een klasgenoot met een schaar.')
  await expect(confirm).toContainText('1 schooldag')
  await expect(confirm).toContainText('Een schorsing duurt ten hoogste één week: 5 schooldagen.')
  await expect(confirm).toContainText('WPO art. 40c')
  await expect(confirm).toContainText('binnen de grens')
  await expectNoAxeViolations(board, 'the decision confirmation')
  // Nothing is decided until confirmed.
  await confirm.getByRole('button', { name: 'Terug' }).click()
  await expect(board.getByText('voorgesteld', { exact: true })).toBeVisible()
  await board.getByRole('button', { name: 'Besluiten tot schorsing' }).click()
  await board.getByRole('button', { name: 'Ja, besluiten tot schorsing' }).click()
  await expect(board.getByText('besloten', { exact: true })).toBeVisible()
  await boardContext.close()

  await page.goto(path)
  // No letter yet: no "Besluit verzonden op"; the next step is the letter.
  await expect(page.locator('body')).not.toContainText('Besluit verzonden op')
  const next = page.getByRole('region', { name: 'Volgende stap' })
  await expect(next.getByRole('link', { name: 'Brief maken en versturen' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Bezwaar' })).toContainText('begint pas als de brief is verstuurd')
  // The history names who decided, with Dutch dates.
  const history = page.locator('ol.history')
  await expect(history.locator('li').filter({ hasText: 'voorgesteld → besloten' })).toContainText('door Marieke Bosman')
  await expectNoAxeViolations(page, 'a decided schorsing')

  // The letter, sent by post today: the term starts, the history says when in words.
  await next.getByRole('link', { name: 'Brief maken en versturen' }).click()
  const letters = page.getByRole('region', { name: 'Brieven' })
  await letters.getByRole('button', { name: 'Besluitbrief maken' }).click()
  await expect(letters.getByRole('link', { name: /versie 1/ })).toBeVisible()
  await letters.locator('summary', { hasText: 'Verzending vastleggen' }).click()
  await letters.getByLabel('Per post').check()
  await letters.locator('form button[type="submit"]', { hasText: 'Verzending vastleggen' }).click()
  await expect(page.getByText('besluit verzonden', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Bezwaar' })).toContainText('Besluit verzonden op')
  await expect(page.getByRole('region', { name: 'Volgende stap' }).getByRole('link', { name: 'Brief maken en versturen' })).toHaveCount(0)
  expect(await history.innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/)
})
