import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { login } from './support/login.ts'
import { dutchToday } from '../http/support/demo-dates.ts'

/** Every visible checkbox and radio is box-sized, with its label's text beside it (not below). */
async function expectCompactChoices(page: Page, what: string) {
  const boxes = page.locator('input[type=checkbox]:visible, input[type=radio]:visible')
  expect(await boxes.count(), what).toBeGreaterThan(0)
  const bad = await boxes.evaluateAll((els) =>
    els
      .map((el) => {
        const b = el.getBoundingClientRect()
        const label = (el as HTMLInputElement).labels?.[0]
        const range = document.createRange()
        if (label) range.selectNodeContents(label)
        const text = label ? Array.from(range.getClientRects()).find((r) => r.width > 0 && r.left > b.right - 1) : undefined
        const beside = !!text && text.top < b.bottom && text.bottom > b.top
        return b.width <= 24 && beside ? null : `${(el as HTMLInputElement).name}: ${Math.round(b.width)} px wide, label beside: ${beside}`
      })
      .filter(Boolean),
  )
  expect(bad, what).toEqual([])
}

test('checkboxes and radios keep their size with the label beside them: the Halt referral page and the access-log filter', async ({ browser }) => {
  for (const { who, path } of [
    { who: 'docent@vakcollege.demo', path: '/verwijzingen/nieuw' },
    { who: 'privacy@kompas.demo', path: '/toegangslog' },
  ]) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await login(page, who)
    await page.goto(path)
    if (path === '/verwijzingen/nieuw') {
      // The incidents and the consent appear once a student is chosen.
      await page.getByLabel('Student', { exact: true }).selectOption({ index: 1 })
      await page.getByRole('button', { name: 'Incidenten tonen' }).click()
      await expect(page.getByRole('group', { name: 'Incidenten waarvoor u verwijst' })).toBeVisible()
    }
    await expectCompactChoices(page, path)
    await expectNoAxeViolations(page, path)
    await context.close()
  }
})

test('the Halt close form preselects no outcome, and closing without one is refused', async ({ page }) => {
  await login(page, 'halt@haltnoord.demo')
  const items = (await (await page.request.get('/api/v1/halt/referrals')).json()).items as { id: string; status: string }[]
  const open = items.find((r) => ['geaccepteerd', 'intake_gepland', 'lopend'].includes(r.status))
  expect(open, 'a referral under way in the demo').toBeTruthy()
  await page.goto(`/halt/${open!.id}`)
  const outcome = page.getByRole('group', { name: /Uitkomst/ })
  await expect(outcome.getByRole('radio')).not.toHaveCount(0)
  for (const radio of await outcome.getByRole('radio').all()) await expect(radio).not.toBeChecked()
  await expectCompactChoices(page, 'the Halt case')
  await page.getByRole('button', { name: 'Afsluiten en eindverslag versturen' }).click()
  await expect(page.getByText('Kies de uitkomst').first()).toBeVisible()
  await expect(page.getByTestId('case-status')).not.toHaveText('Afgesloten')
  await expectNoAxeViolations(page, 'the Halt case with an error')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })

  test('the header is a menu button, not a screen of links', async ({ page }) => {
    await login(page, 'directeur@branding.demo')
    await page.goto('/')
    const toggle = page.getByRole('button', { name: 'Menu' })
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    const header = await page.locator('header.site-header').boundingBox()
    console.log(`phone header: ${Math.round(header!.height)} px of 740`)
    expect(header!.height).toBeLessThanOrEqual(740 * 0.15)
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' })
    await expect(nav).toBeHidden()
    await toggle.tap()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await expectNoAxeViolations(page, 'the open phone menu')
    await nav.getByRole('link', { name: 'Maatregelen' }).tap()
    await expect(page.getByRole('heading', { level: 1, name: /Maatregelen/ })).toBeVisible()
    // A new page closes the menu again.
    await expect(nav).toBeHidden()
  })
})

for (const { who, path } of [
  { who: 'halt@haltnoord.demo', path: '/halt/overzicht' },
  { who: 'privacy@kompas.demo', path: '/privacy' },
]) {
  test(`${path} reflows at 320 px (WCAG 1.4.10)`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 740 })
    await login(page, who)
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await expectNoAxeViolations(page, path)
  })
}

test('English where it exists: lang is true on every page', async ({ page }) => {
  await login(page, 'ib@branding.demo')
  await page.getByRole('button', { name: 'English' }).click()
  // The home page is Dutch only: it says so, in English, and keeps lang="nl"; the header is English.
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
  await expect(page.getByText('This page is available in Dutch only.')).toHaveAttribute('lang', 'en')
  await expect(page.locator('header.site-header')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom/ })).toBeVisible()
  await expectNoAxeViolations(page, 'a Dutch page with the English choice')
  // A translated page is English, with lang="en" and no lang of its own on the header.
  await page.goto('/leerlingen')
  await expect(page.getByRole('heading', { name: 'Students', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('header.site-header')).not.toHaveAttribute('lang', /./)
  await expect(page.getByText('This page is available in Dutch only.')).toHaveCount(0)
  await expectNoAxeViolations(page, 'an English page')
})

test('the protocol task list stays open after "Inplannen" and offers "Alles inplannen"', async ({ page, browser }) => {
  // A fresh incident with a victim, registered by the teacher through the API.
  const teacherCtx = await browser.newContext()
  const teacher = await teacherCtx.newPage()
  await login(teacher, 'leerkracht@branding.demo')
  const pupils = (await (await teacher.request.get('/api/v1/students?pageSize=2')).json()).items as { id: string }[]
  const created = await teacher.request.post('/api/v1/incidents', {
    headers: { origin: new URL(teacher.url()).origin },
    data: {
      occurredAt: `${dutchToday()}T09:00:00+01:00`,
      situation: 'Een leerling slaat een klasgenoot in de gang.',
      voorval: [3],
      persons: [
        { role: 'dader', kind: 'leerling', studentId: pupils[0]!.id },
        { role: 'slachtoffer', kind: 'leerling', studentId: pupils[1]!.id },
      ],
      submit: true,
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).id as string
  await teacherCtx.close()

  await login(page, 'ib@branding.demo')
  await page.goto(`/incidenten/${id}`)
  const followUp = page.getByRole('region', { name: 'Nazorg en vervolg' })
  const list = followUp.locator('details', { has: page.locator('summary', { hasText: 'Nazorg volgens het protocol' }) })
  await expect(list).toHaveAttribute('open', '')
  const before = await list.locator('.proposals li').count()
  expect(before).toBeGreaterThan(2)
  await list.locator('.proposals li').first().getByRole('button', { name: 'Inplannen' }).click()
  await expect(followUp.locator('.tasks li')).toHaveCount(1)
  // Still open, one step fewer.
  await expect(list).toHaveAttribute('open', '')
  await expect(list.locator('.proposals li')).toHaveCount(before - 1)
  await expectNoAxeViolations(page, 'the incident page with its protocol list')
  await list.getByRole('button', { name: /^Alles inplannen/ }).click()
  await expect(followUp.locator('.tasks li')).toHaveCount(before)
  await expect(followUp.locator('summary', { hasText: 'Nazorg volgens het protocol' })).toHaveCount(0)
})
