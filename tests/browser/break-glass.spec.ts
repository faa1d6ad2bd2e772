import { expect, test } from '@playwright/test'
import { login } from './support/login.ts'

test('break-glass on a phone: a link’s reason is not used; the teacher gives her own, and the dossier opens; at 375 px', async ({ page, browser }) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await login(page, 'leerkracht@branding.demo')
  // A pupil outside the group she teaches (groep 6).
  const pupils = (await (await page.request.get('/api/v1/students?pageSize=200')).json()).items as { id: string; displayName: string; groupName: string | null }[]
  const pupil = pupils.find((p) => p.groupName !== 'groep 6')!
  expect(pupil).toBeTruthy()

  // A link in a mail from someone else, with a reason written for her.
  const linkReason = 'Dringend: de inspectie wil dit dossier nu zien'
  await page.goto(`/leerlingen/${pupil.id}?reason=${encodeURIComponent(linkReason)}`, { referer: 'https://evil.example/mail' })
  await expect(page.getByRole('heading', { name: 'Reden opgeven' })).toBeVisible()
  await expect(page.getByRole('note')).toContainText('De link die je volgde gaf een reden mee')
  const reason = page.getByLabel('Waarom open je dit dossier?')
  await expect(reason).toHaveValue('')
  await expect(page.getByRole('heading', { name: pupil.displayName })).toHaveCount(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  const given = 'Invalbeurt in die groep deze week'
  await reason.fill(given)
  await page.getByRole('button', { name: 'Reden vastleggen en openen' }).click()
  // Back on the pupil's own page, without the link's reason in the address, and the dossier shows.
  await expect(page).toHaveURL(new RegExp(`/leerlingen/${pupil.id}$`))
  await expect(page.getByRole('heading', { name: pupil.displayName })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Reden opgeven' })).toHaveCount(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  // Opening it again within the quarter asks nothing more.
  await page.reload()
  await expect(page.getByRole('heading', { name: pupil.displayName })).toBeVisible()

  // The privacyfunctionaris sees one break-glass, with the teacher's words, not the link's.
  const fgContext = await browser.newContext()
  const fg = await fgContext.newPage()
  await login(fg, 'privacy@kompas.demo')
  const rows = (await (await fg.request.get(`/api/v1/access-log?studentId=${pupil.id}&breakGlass=1`)).json()).items as { action: string; reason: string | null }[]
  expect(rows.filter((r) => r.action === 'break_glass')).toEqual([expect.objectContaining({ reason: given })])
  expect(rows.some((r) => r.reason === linkReason)).toBe(false)
  await fgContext.close()
})
