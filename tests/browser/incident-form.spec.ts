import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { login } from './support/login.ts'

// The incident form right after it happened, on a 375 px phone: the quick note, the tap budget, the
// default action, the errors and the text limit.
test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })

/** Two pupils of the teacher's own group (groep 6) with a name no other pupil of the school has. */
async function twoOwnPupils(page: Page): Promise<{ name: string; group: string }[]> {
  const res = await page.request.get('/api/v1/students?pageSize=200')
  const items = ((await res.json()) as { items: { displayName: string; groupName: string }[] }).items
  const unique = items.filter((p) => items.filter((q) => q.displayName === p.displayName).length === 1)
  const own = unique.filter((p) => p.groupName === 'groep 6')
  expect(own.length).toBeGreaterThanOrEqual(2)
  return own.slice(0, 2).map((p) => ({ name: p.displayName, group: p.groupName }))
}

/** Counts the taps on the page that are not the tap into a text field to type in it. */
async function countTaps(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { taps: number }
    w.taps = 0
    document.addEventListener(
      'pointerdown',
      (e) => {
        const t = e.target as HTMLElement
        if (e.isTrusted && !t.matches('textarea, input[type=search], input[type=text], input:not([type])')) w.taps++
      },
      true,
    )
  })
  return async () => page.evaluate(() => (window as unknown as { taps: number }).taps)
}

async function openForm(page: Page) {
  await page.goto('/incidenten/nieuw')
  await expect(page.getByRole('heading', { name: 'Incident registreren' })).toBeVisible()
  // Hydrated: the pupil search has replaced the no-JavaScript select.
  await expect(page.getByRole('group', { name: 'Betrokkene 1' }).getByRole('searchbox', { name: /Leerling: zoek op naam/ })).toBeVisible()
}

test('a two-pupil incident: the quick note fits two phone screens and takes at most 8 taps plus typing', async ({ page }) => {
  await login(page, 'leerkracht@branding.demo')
  const [a, b] = await twoOwnPupils(page)
  await openForm(page)
  await expectNoAxeViolations(page, 'the incident form')
  // The quick note, Indienen included, within two screens of 740 px.
  const submit = page.getByRole('button', { name: 'Indienen' })
  const bottom = await submit.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY)
  console.log(`incident form: Indienen ends at ${Math.round(bottom)} px (two screens: 1480 px)`)
  expect(bottom).toBeLessThanOrEqual(2 * 740)
  // The required fields say so.
  await expect(page.getByLabel(/Datum en tijd \(verplicht\)/)).toBeVisible()
  await expect(page.getByLabel(/Wat is er gebeurd\? \(verplicht\)/)).toBeVisible()
  await expect(page.getByRole('group', { name: 'Soort incident (verplicht)' })).toBeVisible()
  // The everyday types first: eight, not the 36 of IRIS.
  const typeGroup = page.getByRole('group', { name: 'Soort incident (verplicht)' })
  await expect(typeGroup.locator('.type-grid').first().getByRole('checkbox')).toHaveCount(8)

  const taps = await countTaps(page)
  let selects = 0
  await page.getByLabel('Locatie').selectOption({ label: 'op het schoolplein' })
  selects += 2 // a native select: open it, pick one
  await page.getByLabel(/Wat is er gebeurd/).fill(`Tijdens de pauze scheldt ${a!.name} ${b!.name} uit.`)
  await page.getByRole('checkbox', { name: 'verbaal geweld' }).tap()
  // The type is the behaviour: its vorm and tegen wie open, no second "verbale agressie: ja".
  const verbal = page.getByRole('group', { name: 'Verbale agressie: vorm en tegen wie' })
  await expect(verbal.getByLabel('Vorm')).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Verbale agressie' })).toHaveCount(0)
  await verbal.getByLabel('Vorm').fill('schelden')
  // The protocol's guidance is one tap from the type.
  const guidance = page.getByRole('complementary', { name: 'Handelingsadvies bij dit gedrag' })
  await expect(guidance.getByText('Wat zegt het protocol bij verbale agressie?')).toBeVisible()

  for (const [i, pupil] of [a!, b!].entries()) {
    const row = page.getByRole('group', { name: `Betrokkene ${i + 1}` })
    await row.getByRole('searchbox', { name: /Leerling: zoek op naam/ }).fill(pupil.name.split(' ')[0]!.slice(0, 4))
    // Own groups first: the first result is a pupil of groep 6.
    await expect(row.locator('.pupil-results li').first()).toContainText('groep 6')
    await row.getByRole('button', { name: new RegExp(`^${pupil.name}`) }).tap()
    await expect(row.getByText(pupil.name, { exact: true })).toBeVisible()
  }
  // The filled-in form, pupils chosen and the guidance shown, has no axe findings either.
  await expectNoAxeViolations(page, 'the filled-in incident form')
  await page.getByRole('button', { name: 'Indienen' }).tap()
  await expect(page.getByRole('status')).toContainText('Opgeslagen (versie 1)')
  await expect(page.locator('.badge', { hasText: 'ingediend' })).toBeVisible()
  const total = (await taps()) + selects
  console.log(`two-pupil incident: ${total} taps plus typing`)
  expect(total).toBeLessThanOrEqual(8)
  // Both pupils, in their default roles, and the behaviour the type implied.
  await expect(page.getByText(a!.name).first()).toBeVisible()
  await expect(page.getByText(b!.name).first()).toBeVisible()
  await expect(page.getByText('ja — schelden')).toBeVisible()
})

test('Enter in a text field submits; "Opslaan als concept" says nobody else sees it', async ({ page }) => {
  await login(page, 'leerkracht@branding.demo')
  const [a] = await twoOwnPupils(page)
  await openForm(page)
  await expect(page.getByRole('button', { name: 'Opslaan als concept' })).toHaveAccessibleDescription(/alleen u/)
  await page.getByLabel(/Wat is er gebeurd/).fill('Een leerling gooit een stoel om.')
  await page.getByRole('checkbox', { name: 'vernieling' }).check()
  const row = page.getByRole('group', { name: 'Betrokkene 1' })
  await row.getByRole('searchbox', { name: /Leerling: zoek op naam/ }).fill(a!.name)
  // Enter in the pupil search picks the pupil, it does not send the form.
  await row.getByRole('searchbox', { name: /Leerling: zoek op naam/ }).press('Enter')
  await expect(row.getByText(a!.name, { exact: true })).toBeVisible()
  await expect(page).toHaveURL(/\/incidenten\/nieuw$/)
  // Enter in a text field is Indienen, never a silent draft.
  await page.getByRole('group', { name: 'Vernieling: vorm en tegen wie' }).getByLabel('Vorm').fill('stoel omgegooid')
  await page.getByRole('group', { name: 'Vernieling: vorm en tegen wie' }).getByLabel('Vorm').press('Enter')
  await expect(page.getByRole('status')).toContainText('Opgeslagen (versie 1)')
  await expect(page.locator('.badge', { hasText: 'ingediend' })).toBeVisible()
})

test('a failed submit: focus on the summary, each item leads to its field, groups are described', async ({ page }) => {
  await login(page, 'leerkracht@branding.demo')
  await openForm(page)
  await page.getByRole('button', { name: 'Indienen' }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Het incident is niet opgeslagen')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText('Kies een leerling bij Betrokkene 1')
  await expect(summary).toContainText('Kies minstens één soort incident')
  await expect(summary).toContainText('Beschrijf de situatie')
  await expectNoAxeViolations(page, 'the incident form with errors')
  // The type group is tied to its error.
  const types = page.getByRole('group', { name: 'Soort incident (verplicht)' })
  await expect(types).toHaveAttribute('aria-invalid', 'true')
  await expect(types).toHaveAccessibleDescription(/Kies minstens één soort incident/)
  // The pupil's error is on the first row's search field, and the summary leads there.
  await summary.getByRole('link', { name: 'Kies een leerling bij Betrokkene 1' }).click()
  const search = page.getByRole('group', { name: 'Betrokkene 1' }).getByRole('searchbox', { name: /Leerling: zoek op naam/ })
  await expect(search).toBeFocused()
  await expect(search).toHaveAttribute('aria-invalid', 'true')
  await expect(search).toHaveAccessibleDescription(/Kies een leerling bij Betrokkene 1/)
  await summary.getByRole('link', { name: 'Kies minstens één soort incident' }).click()
  await expect(types.getByRole('checkbox').first()).toBeFocused()
})

test('a counter warns before the 10,000-character limit, and pasted text is not cut', async ({ page }) => {
  await login(page, 'leerkracht@branding.demo')
  await openForm(page)
  const situation = page.getByLabel(/Wat is er gebeurd/)
  await situation.fill('a'.repeat(9_500))
  await expect(situation).toHaveAccessibleDescription(/Nog 500 tekens over/)
  await situation.fill('b'.repeat(10_050))
  expect((await situation.inputValue()).length).toBe(10_050)
  await expect(page.getByText('50 tekens te veel: maximaal 10.000')).toBeVisible()
  await page.getByRole('button', { name: 'Indienen' }).click()
  await expect(page.getByRole('alert')).toContainText('Situatie: maximaal 10.000 tekens')
})
