// The Halt spreekuur end to end: docent@vakcollege.demo refers a student (refused first
// without consent), halt@haltnoord.demo accepts, records the intake, two components, a JIM and a
// note, and closes; directeur@vakcollege.demo reads the closing report without any of Halt’s notes.
import { expect, test, type Page } from '@playwright/test'
import { login } from './support/login.ts'
import { dutchToday, plusDays } from '../http/support/demo-dates.ts'

const today = dutchToday()
const year = Number(today.slice(0, 4))

const BASE = () => test.info().project.use.baseURL ?? 'http://127.0.0.1:3917'

/** The Halt agreement: the demo's, or drafted by the directeur and approved by the bestuurder (API). */
async function ensureHaltAgreement(directeur: Page, bestuur: Page, halt: Page) {
  const origin = { origin: BASE() }
  const agreements = (await (await directeur.request.get('/api/v1/agreements')).json()).items as { purposes: string[]; status: string }[]
  if (agreements.some((a) => a.purposes.includes('halt_spreekuur') && a.status === 'goedgekeurd')) return
  const me = await (await directeur.request.get('/api/v1/me')).json()
  const haltOrg = (await (await halt.request.get('/api/v1/me')).json()).organisation as { id: string }
  const draft = await directeur.request.post('/api/v1/agreements', {
    headers: origin,
    data: {
      partnerId: haltOrg.id,
      schoolId: me.organisation.id,
      title: 'Convenant Halt-spreekuur (browsertest)',
      publicInterest: 'Grensoverschrijdend gedrag tegengaan.',
      partnership: 'Halt-spreekuur op het mbo',
      purposes: ['halt_spreekuur'],
      dataCategories: ['datum', 'type', 'locatie', 'naam_dader'],
      conditions: 'Alleen voor het spreekuur.',
      recipients: 'Halt-medewerkers',
      legalBasis: 'AVG art. 6 lid 1 sub e',
      validFrom: `${year - 1}-01-01`,
      validUntil: `${year + 2}-12-31`,
      retentionDays: 365,
    },
  })
  expect(draft.status()).toBe(201)
  const approved = await bestuur.request.post(`/api/v1/agreements/${(await draft.json()).id}/approve`, { headers: origin })
  expect(approved.status()).toBe(200)
}

test('docent refers, Halt accepts, records an intake with two components and a JIM, closes; the directeur reads the report', async ({ browser }) => {
  test.setTimeout(120_000)
  const ctx = async (email: string) => {
    const c = await browser.newContext()
    const p = await c.newPage()
    await login(p, email)
    return p
  }
  const directeur = await ctx('directeur@vakcollege.demo')
  const bestuur = await ctx('bestuur@kompas.demo')
  const halt = await ctx('halt@haltnoord.demo')
  await ensureHaltAgreement(directeur, bestuur, halt)

  // The docent refers a student from an incident.
  const docent = await ctx('docent@vakcollege.demo')
  await docent.goto('/verwijzingen/nieuw')
  await expect(docent.getByRole('heading', { name: 'Student verwijzen naar het Halt-spreekuur' })).toBeVisible()
  await docent.getByLabel('Student', { exact: true }).selectOption({ index: 1 })
  await docent.getByRole('button', { name: 'Incidenten tonen' }).click()
  const incidents = docent.getByRole('group', { name: 'Incidenten waarvoor u verwijst' })
  await incidents.getByRole('checkbox').first().check()
  await docent.getByRole('group', { name: /Soort incident/ }).getByLabel('Bedreiging').check()
  await docent.getByLabel('Reden van de verwijzing').fill('Dreigde een medestudent in de praktijkles; we zoeken een pedagogisch alternatief.')
  await docent.getByLabel('Wat heeft de school al gedaan?').fill('Gesprek met de student en de mentor.')
  await docent.getByLabel('E-mail (hier komt het eindverslag)').fill('directeur@vakcollege.demo')
  // Without consent: refused with a clear message, focus on the summary.
  await docent.getByRole('button', { name: 'Verwijzen' }).click()
  await expect(docent.getByRole('alert')).toContainText('toestemming van de student')
  await docent.getByRole('group', { name: 'Incidenten waarvoor u verwijst' }).getByRole('checkbox').first().check()
  await docent.getByRole('group', { name: /Soort incident/ }).getByLabel('Bedreiging').check()
  await docent.getByLabel('Datum toestemming student').fill(plusDays(today, -1))
  await docent.getByLabel('Datum toestemming ouders').fill(plusDays(today, -1))
  await docent.getByRole('group', { name: 'Afgesproken velden van het eindverslag' }).getByLabel('Uitgevoerde onderdelen').check()
  await docent.getByRole('group', { name: 'Afgesproken velden van het eindverslag' }).getByLabel('Gemaakte afspraken').check()
  await docent.getByRole('button', { name: 'Verwijzen' }).click()
  await expect(docent.getByRole('heading', { name: /Verwijzing Halt-spreekuur/ })).toBeVisible()
  await expect(docent.getByTestId('referral-status')).toHaveText('Aangemeld')
  const schoolUrl = docent.url()

  // Halt accepts, plans and records the intake, two components, a JIM, a note; closes.
  await halt.goto('/halt?status=aangemeld')
  await halt.locator('tbody a').first().click()
  await halt.getByRole('button', { name: 'Accepteren' }).click()
  await expect(halt.getByTestId('case-status')).toHaveText('Geaccepteerd')
  await halt.getByLabel('Soort', { exact: true }).selectOption('intake')
  // Yesterday morning: a past intake whose attendance can be recorded.
  await halt.getByLabel('Datum en tijd').fill(`${plusDays(today, -1)}T10:00`)
  await halt.getByRole('button', { name: 'Plannen' }).click()
  await expect(halt.getByTestId('case-status')).toHaveText('Intake gepland')
  await halt.getByLabel('Aanwezigheid', { exact: true }).selectOption('aanwezig')
  await halt.getByRole('button', { name: 'Vastleggen', exact: true }).click()
  await expect(halt.getByTestId('case-status')).toHaveText('Lopend')
  await halt.getByRole('group', { name: /Reflecteren op het incident/ }).getByLabel('Uitgevoerd').check()
  await halt.getByRole('group', { name: /Reflecteren op het incident/ }).getByLabel(/Notitie/).fill('Componentnotitie alleen voor Halt')
  await halt.getByRole('group', { name: 'Excuus en herstel' }).getByLabel('Uitgevoerd').check()
  await halt.getByRole('button', { name: 'Onderdelen opslaan' }).click()
  await expect(halt.getByRole('status')).toHaveText('Onderdelen opgeslagen.')
  await halt.getByLabel('Naam', { exact: true }).fill('Oom Hasan')
  await halt.getByLabel('Relatie tot de student').fill('oom')
  await halt.getByLabel('Contact', { exact: true }).fill('06-11223344')
  await halt.getByLabel('Afspraken waarbij de JIM helpt').fill('Helpt bij de nieuwe afspraken over boosheid.')
  await halt.getByRole('button', { name: 'JIM toevoegen' }).click()
  await expect(halt.getByText('Oom Hasan')).toBeVisible()
  await halt.getByLabel('Nieuwe notitie').fill('Sessienotitie: alleen voor Halt')
  await halt.getByRole('button', { name: 'Notitie opslaan' }).click()
  await expect(halt.getByText('Sessienotitie: alleen voor Halt')).toBeVisible()
  await halt.getByLabel('Gemaakte afspraken', { exact: true }).fill('Excuses aangeboden; wekelijks contact met de JIM.')
  await halt.getByRole('radio', { name: 'Afgerond' }).check()
  await halt.getByRole('button', { name: 'Afsluiten en eindverslag versturen' }).click()
  await expect(halt.getByTestId('case-status')).toHaveText('Afgesloten')

  // The directeur reads the closing report: only the agreed fields, none of Halt's notes.
  await directeur.goto(new URL(schoolUrl).pathname)
  await expect(directeur.getByTestId('referral-status')).toContainText('Afgesloten')
  const report = directeur.getByRole('region', { name: 'Eindverslag' })
  await expect(report).toContainText('Afgerond')
  await expect(report).toContainText('Excuus en herstel')
  await expect(report).toContainText('Excuses aangeboden; wekelijks contact met de JIM.')
  await expect(directeur.getByText('Sessienotitie')).toHaveCount(0)
  await expect(directeur.getByText('Componentnotitie')).toHaveCount(0)
  await expect(directeur.getByText('Oom Hasan')).toHaveCount(0)
})
