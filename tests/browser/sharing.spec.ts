// Purpose-bound sharing, end to end in the browser: the directeur of OBS De Branding shares one incident with the
// police under the Wijkteam agreement, choosing the fields; the wijkagent sees that incident with
// exactly those fields and nothing else; the privacy officer finds both the share and the police
// view in the access log.
import { expect, test } from '@playwright/test'
import { login } from './support/login.ts'

test('directeur shares an incident with the police, politie sees only the chosen fields, the FG finds both in the log', async ({ browser }) => {
  test.setTimeout(120_000)
  const page = async (email: string) => {
    const context = await browser.newContext()
    const p = await context.newPage()
    await login(p, email)
    return p
  }

  // The directeur picks a recent submitted incident with a pupil as perpetrator.
  const directeur = await page('directeur@branding.demo')
  const list = await (await directeur.request.get('/api/v1/incidents?pageSize=50')).json()
  const incident = (list.items as { id: string; status: string; confidential: boolean }[]).find((i) => i.status === 'submitted' && !i.confidential)
  expect(incident, 'a submitted, not confidential incident at De Branding').toBeDefined()
  const detail = await (await directeur.request.get(`/api/v1/incidents/${incident!.id}`)).json()

  await directeur.goto(`/delen/nieuw?incidentId=${incident!.id}`)
  await expect(directeur.getByRole('heading', { name: 'Gegevens delen' })).toBeVisible()
  const agreement = directeur.getByLabel('Convenant (en partner)')
  const wijkteam = await agreement.locator('option', { hasText: 'Wijkteam Centrum' }).first().getAttribute('value')
  await agreement.selectOption(wijkteam!)
  await directeur.getByLabel('Doel').selectOption('strafbare_feiten')
  // The least is the default: date and type are checked, nothing else.
  const fields = directeur.getByRole('group', { name: 'Te delen gegevens' })
  await expect(fields.getByRole('checkbox', { checked: true })).toHaveCount(2)
  await fields.getByLabel('Locatie').check()
  await directeur.getByRole('button', { name: 'Gegevens delen' }).click()
  await expect(directeur).toHaveURL(/\/delen\/[0-9a-f-]{36}$/)
  await expect(directeur.getByRole('heading', { name: 'Wat de partner ziet' })).toBeVisible()
  const shareId = directeur.url().split('/').pop()!

  // The wijkagent sees the share in the portal, newest first, with purpose and expiry, and on the
  // record page exactly the three chosen fields.
  const politie = await page('politie@wijkteam.demo')
  await politie.goto('/gedeeld')
  await expect(politie.locator(`a[href="/gedeeld/${shareId}"]`)).toBeVisible()
  await politie.goto(`/gedeeld/${shareId}`)
  await expect(politie.getByRole('heading', { name: 'Gedeeld door OBS De Branding' })).toBeVisible()
  await expect(politie.getByText('Vervalt')).toBeVisible()
  const shown = await politie.locator('[data-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))
  expect(new Set(shown)).toEqual(new Set(['datum', 'type', 'locatie']))
  const body = await politie.locator('main').innerText()
  // Not the description, and no pupil's name.
  if (detail.situation) expect(body).not.toContain(detail.situation.slice(0, 40))
  for (const person of detail.persons as { studentName?: string | null; name?: string | null }[]) {
    const name = person.studentName ?? person.name
    if (name) expect(body).not.toContain(name)
  }
  // Another incident of the school is not reachable.
  const other = (list.items as { id: string }[]).find((i) => i.id !== incident!.id)!
  expect((await politie.request.get(`/api/v1/shared/${other.id}`)).status()).toBe(404)

  // The privacy officer finds the share (by the directeur) and the police view in the log.
  const fg = await page('privacy@kompas.demo')
  await fg.goto('/toegangslog')
  await fg.getByLabel('Soort gegeven').selectOption('share')
  await fg.getByRole('button', { name: 'Zoeken' }).click()
  const rows = fg.locator('tbody tr')
  await expect(rows.filter({ hasText: 'Henk Mulder' }).filter({ hasText: 'gedeeld' }).first()).toBeVisible()
  await expect(rows.filter({ hasText: 'Agent Mark de Wit' }).filter({ hasText: 'ingezien' }).first()).toBeVisible()
})
