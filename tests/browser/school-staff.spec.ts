import { expect, test, type Page } from '@playwright/test'
import { login } from './support/login.ts'

async function openPupilList(page: Page) {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlingen' }).click()
  await expect(page).toHaveURL(/\/leerlingen$/)
  await expect(page.locator('tbody tr').first()).toBeVisible()
}

function pupilLinks(page: Page): Promise<(string | null)[]> {
  return page.locator('tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
}

test('a teacher logs in, sees only her own school’s pupils, and logs out', async ({ page }) => {
  await login(page, 'leerkracht@branding.demo')
  await expect(page.getByRole('heading', { name: 'Welkom, Joyce Smit' })).toBeVisible()
  await expect(page.getByText('Je werkt als leerkracht voor OBS De Branding.')).toBeVisible()

  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlingen' }).click()
  await expect(page.getByRole('heading', { name: 'Leerlingen', level: 1 })).toBeVisible()

  // What the page lists is exactly what the API gives this session: the school's own pupils.
  const api = await (await page.request.get('/api/v1/students?pageSize=200')).json()
  const me = await (await page.request.get('/api/v1/me')).json()
  expect(me.organisation.name).toBe('OBS De Branding')
  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(Math.min(api.total, 50))
  for (const s of api.items) expect(s.schoolId).toBe(me.organisation.id)
  const groupCells = await page.locator('tbody td[data-label="Groep"]').allTextContents()
  expect(new Set(groupCells)).toEqual(new Set(['groep 3', 'groep 5', 'groep 6', 'groep 8']))

  // Filter on one group.
  await page.getByLabel('Groep').selectOption({ label: 'groep 6' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/groupId=/)
  expect(new Set(await page.locator('tbody td[data-label="Groep"]').allTextContents())).toEqual(new Set(['groep 6']))

  // Open a pupil.
  await page.locator('tbody a').first().click()
  await expect(page.getByRole('link', { name: /Terug naar leerlingen/ })).toBeVisible()
  // A teacher does not see guardians' contact details.
  await expect(page.getByRole('heading', { name: 'Ouders/verzorgers' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page).toHaveURL(/\/login$/)
  await page.goto('/leerlingen')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fleerlingen$/)
})

test('a pupil of another stichting is not found, even by its exact address', async ({ page, browser }) => {
  // Learn a Horizon pupil's id as Horizon's own directeur, in a separate browser context.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await login(otherPage, 'directeur@horizon.demo')
  const horizon = await (await otherPage.request.get('/api/v1/students?pageSize=1')).json()
  await other.close()

  await login(page, 'directeur@branding.demo')
  const res = await page.goto(`/leerlingen/${horizon.items[0].id}`)
  expect(res?.status()).toBe(404)
  await expect(page.getByText('Niet gevonden.')).toBeVisible()
  await expect(page.getByText(horizon.items[0].lastName)).toHaveCount(0)
})

test('a directeur of two schools switches organisation and sees the other school’s pupils', async ({ page }) => {
  await login(page, 'directeur@lyceum.demo')
  await expect(page).toHaveURL(/\/organisatie$/)
  await expect(page.getByRole('heading', { name: 'Kies de organisatie waarvoor je werkt' })).toBeVisible()
  await page.getByRole('button', { name: /Werken voor Kompas Lyceum/ }).click()
  await expect(page.getByText('Je werkt als directeur voor Kompas Lyceum.')).toBeVisible()

  await openPupilList(page)
  const lyceumGroups = new Set(await page.locator('tbody td[data-label="Groep"]').allTextContents())
  expect(lyceumGroups).toEqual(new Set(['1A', '2B', '4H', '5V']))
  const lyceumLinks = await pupilLinks(page)

  await page.getByRole('link', { name: 'Wissel organisatie' }).click()
  await page.getByRole('button', { name: /Werken voor Kompas Vakcollege/ }).click()
  await expect(page.getByText('Je werkt als directeur voor Kompas Vakcollege.')).toBeVisible()
  await openPupilList(page)
  const vakGroups = new Set(await page.locator('tbody td[data-label="Groep"]').allTextContents())
  expect([...vakGroups].every((g) => /^(ZW1A|TE2B|EC1C) /.test(g))).toBe(true)
  const vakLinks = await pupilLinks(page)
  expect(vakLinks.length).toBeGreaterThan(0)
  // No Lyceum pupil survives the switch.
  expect(vakLinks.filter((href) => lyceumLinks.includes(href))).toEqual([])
  await expect(page.locator('header')).toContainText('Kompas Vakcollege')
})

test('a board member has no pupil list; the page answers 403', async ({ page }) => {
  await login(page, 'bestuur@kompas.demo')
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlingen' })).toHaveCount(0)
  const schools = page.getByRole('region', { name: 'Scholen van de stichting' })
  await expect(schools).toContainText('OBS De Branding')
  await expect(page.getByText('CBS De Horizon')).toHaveCount(0)
  // Counts per school, never incident content.
  // One row per school of the stichting (the admin spec may have added one), plus the header.
  const counts = page.getByRole('region', { name: /Incidenten per school/ })
  await expect(schools.getByRole('listitem').first()).toBeVisible()
  await expect(counts.getByRole('row')).toHaveCount((await schools.getByRole('listitem').count()) + 1)
  await expect(counts).toContainText('Kompas Vakcollege')
  const res = await page.goto('/leerlingen')
  expect(res?.status()).toBe(403)
  await expect(page.getByText('Je hebt geen toegang tot deze pagina met je huidige rol.')).toBeVisible()
})

test('login works by keyboard alone, and the wrong password gets one generic message', async ({ page }) => {
  await page.goto('/login')
  await expect(page.getByLabel('E-mailadres')).toBeFocused()
  await page.keyboard.type('ib@branding.demo')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Wachtwoord')).toBeFocused()
  await page.keyboard.type('verkeerd')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveText('E-mailadres of wachtwoord onjuist.')
  await page.getByLabel('Wachtwoord').fill('veilig-demo-2026')
  await page.getByLabel('Wachtwoord').press('Enter')
  await expect(page.getByRole('heading', { name: 'Welkom, Sanne Kuipers' })).toBeVisible()
})

test('English is available and remembered', async ({ page }) => {
  await login(page, 'ib@branding.demo')
  await page.getByRole('button', { name: 'English' }).click()
  // The home page exists in Dutch only (ADR 035); the menu is English.
  await expect(page.getByText('This page is available in Dutch only.')).toBeVisible()
  await page.getByRole('navigation').getByRole('link', { name: 'Students' }).click()
  await expect(page.getByRole('heading', { name: 'Students', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('button', { name: 'Nederlands' }).click()
  await expect(page.getByRole('heading', { name: 'Leerlingen', level: 1 })).toBeVisible()
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })
  test('the pupil list fits the screen without sideways scrolling', async ({ page }) => {
    await login(page, 'directeur@branding.demo')
    await page.goto('/leerlingen')
    await expect(page.locator('tbody tr').first()).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
})
