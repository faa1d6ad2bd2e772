import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './support/axe.ts'
import { login } from './support/login.ts'

// What the privacyfunctionaris sees of one look: a directeur who opens an incident with several
// pupils in the browser is one row in the access log (ADR 040), naming every pupil, not a row per
// pupil of the incident.

test('one page view of an incident with several pupils is one row in the FG’s access log, naming them all', async ({ browser }) => {
  const directeurCtx = await browser.newContext()
  const directeur = await directeurCtx.newPage()
  await login(directeur, 'directeur@branding.demo')
  const name = (await (await directeur.request.get('/api/v1/me')).json()).user.name as string
  const list = (await (await directeur.request.get('/api/v1/incidents?status=submitted&pageSize=100')).json()).items as { id: string; confidential: boolean; pupils: { studentId: string }[] }[]
  const incident = list.find((i) => !i.confidential && new Set(i.pupils.map((p) => p.studentId)).size >= 2)
  expect(incident, 'a demo incident with two or more pupils').toBeTruthy()
  const pupils = [...new Set(incident!.pupils.map((p) => p.studentId))]

  const fgCtx = await browser.newContext({ viewport: { width: 375, height: 800 } })
  const fg = await fgCtx.newPage()
  await login(fg, 'privacy@kompas.demo')
  /** The directeur's looks at this incident on the log page, filtered by one of its pupils. */
  const looks = async (page: Page, studentId: string) => {
    await page.goto(`/toegangslog?studentId=${studentId}&subjectType=incident`)
    await expect(page.getByRole('heading', { name: /rij|rijen/, level: 2 })).toBeVisible()
    return page.locator('tbody tr').filter({ hasText: name }).filter({ hasText: incident!.id.slice(0, 8) })
  }
  const before: number[] = []
  for (const p of pupils) before.push(await (await looks(fg, p)).count())

  // One page view: the incident's page as the directeur opens it.
  await directeur.goto(`/incidenten/${incident!.id}`)
  await expect(directeur.getByRole('heading', { level: 1 })).toBeVisible()

  for (const [i, pupil] of pupils.entries()) {
    const rows = await looks(fg, pupil)
    // Found through each of its pupils, and one row more than before, not one per pupil.
    await expect(rows).toHaveCount(before[i]! + 1)
    const newest = rows.first()
    for (const other of pupils) await expect(newest.getByRole('link', { name: other.slice(0, 8) })).toBeVisible()
  }
  await expectNoAxeViolations(fg, 'the access log filtered by a pupil, on a phone')
  await directeurCtx.close()
  await fgCtx.close()
})
