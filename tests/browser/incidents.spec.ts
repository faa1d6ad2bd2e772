import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { login } from './support/login.ts'
import { dutchToday } from '../http/support/demo-dates.ts'

test.describe('registering an incident on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })

  test('a teacher registers a two-pupil incident; the IB finds and follows it up; others cannot open it', async ({ page, browser }) => {
    await login(page, 'leerkracht@branding.demo')
    await page.goto('/incidenten/nieuw')
    await expect(page.getByRole('heading', { name: 'Incident registreren' })).toBeVisible()
    // Fits the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)

    await page.getByLabel('Locatie').selectOption({ label: 'op het schoolplein' })
    await page.getByLabel(/Wat is er gebeurd\?/).fill('Tijdens de pauze duwt een leerling een klasgenoot van het klimrek.')
    await page.getByRole('checkbox', { name: /^fysiek geweld/ }).check()
    // The §6.4 guidance follows the chosen type.
    await expect(page.getByRole('complementary', { name: 'Handelingsadvies bij dit gedrag' })).toContainText(/fysieke agressie/i)

    // Two pupils of the teacher's own group, found by name.
    const all = (await (await page.request.get('/api/v1/students?pageSize=200')).json()).items as { displayName: string; groupName: string }[]
    const own = all.filter((p) => p.groupName === 'groep 6' && all.filter((q) => q.displayName === p.displayName).length === 1)
    const first = page.getByRole('group', { name: 'Betrokkene 1' })
    await first.getByLabel('Rol').selectOption('dader')
    await first.getByRole('searchbox', { name: /Leerling/ }).fill(own[0]!.displayName)
    await first.getByRole('button', { name: new RegExp(`^${own[0]!.displayName}`) }).click()
    const second = page.getByRole('group', { name: 'Betrokkene 2' })
    await second.getByLabel('Rol').selectOption('slachtoffer')
    await second.getByRole('searchbox', { name: /Leerling/ }).fill(own[1]!.displayName)
    await second.getByRole('button', { name: new RegExp(`^${own[1]!.displayName}`) }).click()
    await second.getByText('Letsel en afloop (aanvullen)').click()
    await second.getByLabel('Letsel').fill('schaafwond aan de elleboog')
    // The §1.2 suggestion follows the form as it is filled in, with the rule beside it.
    const help = page.locator('#severity-help')
    await expect(help).toContainText('Voorstel volgens het protocol: zeer ernstig')
    await expect(help).toContainText('Lichamelijk letsel ontstaan door agressie')
    await page.getByRole('button', { name: 'Indienen' }).click()

    await expect(page.getByRole('status')).toContainText('Opgeslagen (versie 1)')
    // Injury through aggression: zeer ernstig, with the protocol's rule shown.
    await expect(page.getByText('Lichamelijk letsel ontstaan door agressie')).toBeVisible()
    const url = page.url()
    const id = url.split('/incidenten/')[1]!.split('?')[0]!

    // The IB finds it in the list and records agreements: a second version.
    const ibContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const ib = await ibContext.newPage()
    await login(ib, 'ib@branding.demo')
    await ib.goto('/incidenten')
    await ib.locator(`a[href="/incidenten/${id}"]`).click()
    await ib.getByRole('link', { name: 'Wijzigen' }).click()
    await expect(ib.getByRole('heading', { name: 'Incident wijzigen' })).toBeVisible()
    await expectNoAxeViolations(ib, 'the edit form')
    await ib.getByLabel('Afspraken').fill('Gesprek met beide leerlingen; over twee weken evaluatie met ouders.')
    await ib.getByRole('button', { name: 'Wijziging opslaan' }).click()
    await expect(ib.getByRole('status')).toContainText('Opgeslagen (versie 2)')
    await expect(ib.getByRole('listitem').filter({ hasText: /^Versie 2,/ })).toBeVisible()
    // …and plans follow-up: the first §4 victim-care step, and a task of her own.
    const followUp = ib.getByRole('region', { name: 'Nazorg en vervolg' })
    const firstProposal = followUp.locator('.proposals li').first()
    const proposalTitle = (await firstProposal.locator('span').first().innerText()).split(' (uiterlijk')[0]!
    await firstProposal.getByRole('button', { name: 'Inplannen' }).click()
    await expect(ib.getByRole('status')).toContainText('Vastgelegd')
    await expect(followUp.locator('.tasks')).toContainText(proposalTitle)
    await followUp.getByText('Eigen taak toevoegen').click()
    await followUp.getByLabel('Taak').fill('Gesprek met de ouders van het slachtoffer plannen')
    await followUp.getByRole('button', { name: 'Taak toevoegen' }).click()
    await expect(followUp.locator('.tasks')).toContainText('Gesprek met de ouders van het slachtoffer plannen')
    // Zeer ernstig: the report for the parents is offered as a PDF per pupil.
    const report = followUp.getByRole('link', { name: /Verslag voor de ouders van/ }).first()
    const pdf = await ib.request.get((await report.getAttribute('href'))!)
    expect(pdf.status()).toBe(200)
    expect(pdf.headers()['content-type']).toBe('application/pdf')
    await ibContext.close()

    // The other group's teacher and another stichting's directeur get "not found".
    for (const email of ['leerkracht2@branding.demo', 'directeur@horizon.demo']) {
      const ctx = await browser.newContext()
      const other = await ctx.newPage()
      await login(other, email)
      const res = await other.goto(`/incidenten/${id}`)
      expect(res?.status(), email).toBe(404)
      await expect(other.getByText('Niet gevonden.')).toBeVisible()
      await ctx.close()
    }
  })

  test('bad input is explained and nothing is saved', async ({ page }) => {
    await login(page, 'leerkracht@branding.demo')
    const before = (await (await page.request.get('/api/v1/incidents?pageSize=1')).json()).total
    await page.goto('/incidenten/nieuw')
    await page.getByLabel(/Datum en tijd/).fill(`${Number(dutchToday().slice(0, 4)) + 5}-05-01T10:00`)
    await page.getByRole('button', { name: 'Indienen' }).click()
    const summary = page.getByRole('alert')
    await expect(summary).toContainText('Het incident is niet opgeslagen')
    await expect(summary).toContainText('De datum ligt in de toekomst')
    await expect(summary).toContainText('Beschrijf de situatie')
    await expect(summary).toContainText('Kies minstens één soort incident')
    await expect(page.getByLabel(/Datum en tijd/)).toHaveAttribute('aria-invalid', 'true')
    expect((await (await page.request.get('/api/v1/incidents?pageSize=1')).json()).total).toBe(before)
  })
})
