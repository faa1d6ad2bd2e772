import { expect, test } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { login } from './support/login.ts'
import { dutchToday, plusDays } from '../http/support/demo-dates.ts'

// Each role's home page shows that role's work (demo data: packages/db/src/demo-seed.ts).

test('the teacher: "Incident registreren" first, then her recent reports', async ({ page }) => {
  await login(page, 'leerkracht@branding.demo')
  await page.goto('/')
  const first = page.locator('main').getByRole('link').first()
  await expect(first).toHaveText('Incident registreren')
  await expect(first).toHaveAttribute('href', '/incidenten/nieuw')
  const mine = page.getByRole('region', { name: 'Uw recente meldingen' })
  const reports = (await (await page.request.get('/api/v1/incidents?pageSize=200')).json()).items as { id: string; reportedById: string }[]
  const me = (await (await page.request.get('/api/v1/me')).json()).user.id as string
  const own = reports.filter((r) => r.reportedById === me)
  expect(own.length).toBeGreaterThan(0)
  await expect(mine.locator(`a[href="/incidenten/${own[0]!.id}"]`)).toBeVisible()
  // Only her own: an incident someone else reported is not among them.
  const other = reports.find((r) => r.reportedById !== me)
  if (other) await expect(mine.locator(`a[href="/incidenten/${other.id}"]`)).toHaveCount(0)
  await expectNoAxeViolations(page, "the teacher's home")
})

test('the directeur: overdue tasks with pupil and incident, letters and decisions waiting, Inspectie notices due', async ({ page }) => {
  await login(page, 'directeur@branding.demo')
  await page.goto('/')
  const overdue = (await (await page.request.get('/api/v1/tasks/overdue')).json()).items as { incidentId: string; title: string }[]
  expect(overdue.length).toBeGreaterThan(0)
  const incident = (await (await page.request.get(`/api/v1/incidents/${overdue[0]!.incidentId}`)).json()) as { persons: { studentName: string | null }[]; voorval: { label: string }[] }
  const tasks = page.getByRole('region', { name: /Te late nazorgtaken/ })
  const item = tasks.locator('li').first()
  await expect(item).toContainText(overdue[0]!.title)
  await expect(item).toContainText(incident.voorval[0]!.label)
  const pupil = incident.persons.map((p) => p.studentName).find(Boolean)
  if (pupil) await expect(item).toContainText(pupil)
  const waiting = page.getByRole('region', { name: 'Besluiten en brieven die wachten' })
  await expect(waiting.getByRole('link', { name: /^Brief maken en versturen: schorsing van / })).toBeVisible()
  await expect(waiting).toContainText('wacht op besluit van het bevoegd gezag')
  const deadlines = page.getByRole('region', { name: 'Termijnen die aflopen' })
  await expect(deadlines.getByRole('link', { name: /melden bij de Inspectie/ }).first()).toBeVisible()
  await expectNoAxeViolations(page, "the directeur's home")
})

test('many overdue tasks: the home page shows the oldest ten and the total, and all of them one link away', async ({ page }) => {
  await login(page, 'ib@branding.demo')
  const origin = new URL(page.url()).origin
  const me = (await (await page.request.get('/api/v1/me')).json()).user.id as string
  const overdue = async () => (await (await page.request.get('/api/v1/tasks/overdue?pageSize=200')).json()) as { items: { id: string; incidentId: string }[]; total: number }
  const before = await overdue()
  expect(before.items.length).toBeGreaterThan(0)
  // Enough tasks due yesterday that the school has more than ten overdue.
  for (let n = before.total; n < 12; n++) {
    const created = await page.request.post(`/api/v1/incidents/${before.items[0]!.incidentId}/tasks`, {
      headers: { origin },
      data: { kind: 'overig', title: `Terugkoppeling ${n + 1}`, ownerId: me, dueOn: plusDays(dutchToday(), -1) },
    })
    expect(created.status()).toBe(201)
  }
  const { items, total } = await overdue()
  expect(total).toBeGreaterThan(10)
  await page.goto('/')
  const tasks = page.getByRole('region', { name: `Te late nazorgtaken (${total})` })
  await expect(tasks.getByRole('listitem')).toHaveCount(10)
  await expect(tasks.getByRole('listitem').first().getByRole('link')).toHaveAttribute('href', `/incidenten/${items[0]!.incidentId}`)
  await tasks.getByRole('link', { name: `Alle ${total} te late taken tonen` }).click()
  await expect(tasks.getByRole('listitem')).toHaveCount(Math.min(total, 200))
  await expect(tasks.getByRole('link', { name: /te late taken tonen/ })).toHaveCount(0)
  await expectNoAxeViolations(page, 'all overdue tasks on the home page')
})

test('the board: "N besluiten wachten op u" and deadlines at risk', async ({ page }) => {
  await login(page, 'bestuur@kompas.demo')
  await page.goto('/')
  const queue = (await (await page.request.get('/api/v1/measures')).json()).items.filter(
    (m: { kind: string; state: string }) => (m.kind === 'schorsing' && m.state === 'proposed') || (m.kind === 'verwijdering' && m.state === 'hearings_recorded'),
  )
  expect(queue.length).toBeGreaterThan(1)
  const decide = page.getByRole('region', { name: `${queue.length} besluiten wachten op u` })
  await expect(decide.getByRole('listitem')).toHaveCount(queue.length)
  const deadlines = page.getByRole('region', { name: 'Termijnen die aflopen' })
  await expect(deadlines).toContainText('Beslissen op bezwaar')
  await expect(deadlines).toContainText('te laat')
  await expectNoAxeViolations(page, "the board's home")
})

for (const { who, lists } of [
  { who: 'halt@haltnoord.demo', lists: ['Met uw organisatie gedeeld', 'Halt-verwijzingen'] },
  { who: 'politie@wijkteam.demo', lists: ['Met uw organisatie gedeeld'] },
]) {
  test(`${who}: the home page shows what is shared, never "niets gedeeld" beside a full list`, async ({ page }) => {
    await login(page, who)
    const shared = (await (await page.request.get('/api/v1/shared')).json()).items as unknown[]
    expect(shared.length).toBeGreaterThan(0)
    await page.goto('/')
    await expect(page.locator('main')).not.toContainText('niets met je gedeeld')
    await expect(page.getByRole('region', { name: `Met uw organisatie gedeeld (${shared.length})` })).toBeVisible()
    for (const name of lists) await expect(page.getByRole('region', { name: new RegExp(`^${name}`) })).toBeVisible()
    await expectNoAxeViolations(page, `${who}'s home`)
  })
}
