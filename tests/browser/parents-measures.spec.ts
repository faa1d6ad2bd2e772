import { expect, test } from '@playwright/test'
import { login } from './support/login.ts'
import { fitsAndPassesAxe, usePortalServer } from './support/portal-phone.ts'

// A schorsing's decision letter in the parents' portal on a phone (375 px), end to end (ADR 033):
// the directeur of OBS De Branding invites the pupil's guardian and puts the decision letter in the
// portal with the button on the measure page; the guardian accepts the invitation from the mail,
// reads the letter, gives "voor gezien" and files a bezwaar; the directeur then sees the bezwaar on
// the measure page as received through the portal. Every portal page passes axe and fits the phone.
const PASSWORD = 'zonnebloem kade lantaarn vier'
const GROUNDS = 'Wij vinden de schorsing te zwaar voor wat er is gebeurd.'

const portal = usePortalServer()
const phone = portal.phone

test('a directeur puts a schorsing’s letter in the portal; the guardian reads it on a phone, signs it and files a bezwaar the school sees', async ({ browser }) => {
  test.setTimeout(300_000)
  const directeur = await phone(browser)
  await login(directeur, 'directeur@branding.demo')
  // A decided schorsing without a running bezwaar, of a pupil with a guardian's e-mail on the roster.
  const measures = (await (await directeur.request.get('/api/v1/measures?kind=schorsing')).json()).items as { id: string; state: string; studentId: string }[]
  let pick: { id: string; studentId: string; guardian: { name: string; email: string } } | null = null
  for (const m of measures.filter((x) => ['approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'].includes(x.state))) {
    const bezwaren = (await (await directeur.request.get(`/api/v1/measures/${m.id}/bezwaren`)).json()).items as { state: string }[]
    if (bezwaren.some((b) => b.state !== 'decided')) continue
    const student = await (await directeur.request.get(`/api/v1/students/${m.studentId}`)).json()
    const guardian = (student.guardians as { name: string; email: string | null }[]).find((g) => g.email && !g.email.endsWith('@branding.demo'))
    if (!guardian) continue
    pick = { id: m.id, studentId: m.studentId, guardian: { name: guardian.name, email: guardian.email!.toLowerCase() } }
    break
  }
  expect(pick, 'a decided schorsing at De Branding with a guardian on file').not.toBeNull()
  const { id, studentId, guardian } = pick!

  await directeur.goto(`/leerlingen/${studentId}`)
  await directeur.getByRole('button', { name: `${guardian.name} uitnodigen voor het ouderportaal` }).click()
  await expect(directeur.getByRole('status')).toContainText(`Uitnodiging verstuurd naar ${guardian.email}`)
  // Make the letter when there is none yet, then put it in the portal with the measure page's button.
  const letters = (await (await directeur.request.get(`/api/v1/measures/${id}/letters`)).json()).items as { kind: string }[]
  if (!letters.some((l) => l.kind === 'schorsing')) {
    expect((await directeur.request.post(`/api/v1/measures/${id}/letters`, { data: { kind: 'schorsing' }, headers: { origin: portal.server.baseUrl } })).status()).toBe(201)
  }
  await directeur.goto(`/maatregelen/${id}`)
  await directeur.getByRole('button', { name: 'Besluitbrief in het ouderportaal zetten' }).click()
  await expect(directeur).toHaveURL(/bijgewerkt=1/)

  // ---- The guardian, on a phone.
  const mail = await portal.resend.waitForMailTo(guardian.email, { since: 0, timeoutMs: 60_000 })
  const link = /https?:\/\/[^\s]+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0]
  expect(link, mail.text).toBeTruthy()
  const ouder = await phone(browser)
  await ouder.goto(new URL(link!).pathname)
  await ouder.getByLabel('Uw naam').fill(guardian.name)
  await ouder.getByLabel('Kies een wachtwoord').fill(PASSWORD)
  await ouder.getByRole('button', { name: 'Account maken en inloggen' }).click()
  await expect(ouder).toHaveURL(/\/ouders$/, { timeout: 30_000 })
  await ouder.getByRole('link', { name: /Brief: besluit tot schorsing/ }).click()
  await expect(ouder.getByRole('heading', { name: 'Brief: besluit tot schorsing', level: 1 })).toBeVisible()
  await expect(ouder.getByRole('link', { name: 'Download de brief (pdf)' })).toBeVisible()
  await fitsAndPassesAxe(ouder)
  await ouder.getByRole('button', { name: 'Voor gezien tekenen' }).click()
  await expect(ouder.getByRole('status').first()).toContainText('voor gezien getekend')
  // The bezwaar: a too short text is refused with a clear message, then it is received.
  await ouder.getByLabel('Waarom bent u het niet eens met het besluit?').fill('nee')
  await ouder.getByRole('button', { name: 'Bezwaar versturen' }).click()
  await expect(ouder.getByRole('alert')).toContainText('minstens 10 tekens')
  await ouder.getByLabel('Waarom bent u het niet eens met het besluit?').fill(GROUNDS)
  await ouder.getByRole('button', { name: 'Bezwaar versturen' }).click()
  await expect(ouder.getByRole('status').filter({ hasText: 'Uw bezwaar is ontvangen op' }).first()).toBeVisible()
  await fitsAndPassesAxe(ouder)

  // ---- The school sees it on the measure page, received through the portal, with the grounds.
  await directeur.goto(`/maatregelen/${id}`)
  await expect(directeur.getByText('Ontvangen via het ouderportaal.')).toBeVisible()
  await expect(directeur.getByText(GROUNDS)).toBeVisible()
})
