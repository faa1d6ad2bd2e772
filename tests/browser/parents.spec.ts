import { expect, test } from '@playwright/test'
import { login, openMenu } from './support/login.ts'
import { fitsAndPassesAxe, usePortalServer } from './support/portal-phone.ts'

// The parents' portal on a phone (375 px), end to end (ADR 033): the directeur of OBS De Branding
// invites a pupil's guardian from the roster, shares the zeer ernstig incident with the police and
// releases the pupil's redacted report; the guardian accepts the invitation from the mail, signs
// in, reads the report (other pupils as "leerling A", …), gives "voor gezien" with a reaction, sees
// the police share, and files an inzage request, in Dutch, and reads the portal in English too. The
// IB then sees the digital acknowledgement with the reaction, and the FG the request with its
// deadline. Every portal page passes axe (WCAG 2.1 AA rules) and fits the phone.
//
// Its own demo server with a local stand-in for Resend, so the invitation arrives as mail.
const PASSWORD = 'zonnebloem kade lantaarn vier'
const REACTION = 'Wij hebben het thuis besproken. Kunnen we een gesprek plannen?'

const portal = usePortalServer()
const phone = portal.phone

test('a directeur releases a zeer ernstig report; the guardian reads it on a phone, acknowledges it, sees the police share and asks for inzage', async ({ browser }) => {
  test.setTimeout(300_000)
  // ---- The directeur: a zeer ernstig incident with a pupil as dader, another pupil in it, and a
  // guardian with an e-mail address on the roster.
  const directeur = await phone(browser)
  await login(directeur, 'directeur@branding.demo')
  const list = await (await directeur.request.get('/api/v1/incidents?pageSize=100')).json()
  let pick: { incidentId: string; studentId: string; others: string[]; guardian: { id: string; name: string; email: string } } | null = null
  for (const i of list.items as { id: string; status: string; confidential: boolean; severity: string }[]) {
    if (i.status !== 'submitted' || i.confidential || i.severity !== 'zeer_ernstig') continue
    const detail = await (await directeur.request.get(`/api/v1/incidents/${i.id}`)).json()
    const pupils = (detail.persons as { kind: string; role: string; studentId: string | null }[]).filter((p) => p.kind === 'leerling' && p.studentId)
    const dader = pupils.find((p) => p.role === 'dader')
    if (!dader || pupils.length < 2) continue
    const student = await (await directeur.request.get(`/api/v1/students/${dader.studentId}`)).json()
    const guardian = (student.guardians as { id: string; name: string; email: string | null }[]).find((g) => g.email && !g.email.endsWith('@branding.demo'))
    if (!guardian) continue
    const others: string[] = []
    for (const p of pupils.filter((x) => x.studentId !== dader.studentId)) {
      const o = await (await directeur.request.get(`/api/v1/students/${p.studentId}`)).json()
      others.push(o.lastName)
    }
    pick = { incidentId: i.id, studentId: dader.studentId!, others, guardian: { id: guardian.id, name: guardian.name, email: guardian.email!.toLowerCase() } }
    break
  }
  expect(pick, 'a zeer ernstig incident at De Branding with two pupils and a guardian on file').not.toBeNull()
  const { incidentId, studentId, others, guardian } = pick!

  // Invite the guardian from the pupil's page.
  await directeur.goto(`/leerlingen/${studentId}`)
  await directeur.getByRole('button', { name: `${guardian.name} uitnodigen voor het ouderportaal` }).click()
  await expect(directeur.getByRole('status')).toContainText(`Uitnodiging verstuurd naar ${guardian.email}`)

  // Share the incident with the police, naming this pupil.
  await directeur.goto(`/delen/nieuw?incidentId=${incidentId}`)
  const agreement = directeur.getByLabel('Convenant (en partner)')
  await agreement.selectOption((await agreement.locator('option', { hasText: 'Wijkteam Centrum' }).first().getAttribute('value'))!)
  await directeur.getByLabel('Doel').selectOption('strafbare_feiten')
  await directeur.getByLabel('Leerlingen om wie het gaat (optioneel)').selectOption([studentId])
  await directeur.getByRole('button', { name: 'Gegevens delen' }).click()
  await expect(directeur).toHaveURL(/\/delen\/[0-9a-f-]{36}$/)

  // Release the pupil's redacted report to the portal.
  await directeur.goto(`/incidenten/${incidentId}/leerling/${studentId}`)
  await directeur.getByRole('button', { name: 'Vrijgeven aan de ouders' }).click()
  await expect(directeur.getByRole('status')).toContainText('Het verslag staat in het ouderportaal')

  // ---- The guardian, on a phone: the invitation mail, an account, the portal.
  const mail = await portal.resend.waitForMailTo(guardian.email, { since: 0, timeoutMs: 60_000 })
  const link = /https?:\/\/[^\s]+\/uitnodiging\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')?.[0]
  expect(link, mail.text).toBeTruthy()
  const ouder = await phone(browser)
  await ouder.goto(new URL(link!).pathname)
  await expect(ouder.getByRole('heading', { name: 'Uitnodiging voor Baken' })).toBeVisible()
  await ouder.getByLabel('Uw naam').fill(guardian.name)
  await ouder.getByLabel('Kies een wachtwoord').fill(PASSWORD)
  await ouder.getByRole('button', { name: 'Account maken en inloggen' }).click()
  await expect(ouder).toHaveURL(/\/ouders$/, { timeout: 30_000 })
  // Sign out and in again with the new password.
  await openMenu(ouder)
  await ouder.getByRole('button', { name: 'Uitloggen' }).click()
  await login(ouder, guardian.email, PASSWORD)
  await expect(ouder).toHaveURL(/\/ouders$/)
  await expect(ouder.getByRole('heading', { name: 'Ouderportaal', level: 1 })).toBeVisible()
  await expect(ouder.locator('html')).toHaveAttribute('lang', 'nl')
  await fitsAndPassesAxe(ouder)

  // The report, redacted.
  await ouder.getByRole('link', { name: /Verslag van een zeer ernstig incident/ }).click()
  await expect(ouder.getByRole('heading', { name: 'Verslag van een zeer ernstig incident', level: 1 })).toBeVisible()
  await expect(ouder.getByText(/leerling A/).first()).toBeVisible()
  const text = (await ouder.locator('main').textContent()) ?? ''
  for (const name of others) expect(text).not.toContain(name)
  await fitsAndPassesAxe(ouder)
  await ouder.getByLabel('Uw reactie (niet verplicht)').fill(REACTION)
  await ouder.getByRole('button', { name: 'Voor gezien tekenen' }).click()
  await expect(ouder.getByRole('status').first()).toContainText('voor gezien getekend')

  // Who received the data: the police share.
  await ouder.getByRole('link', { name: 'Terug naar het overzicht' }).click()
  await expect(ouder.getByText(/voor gezien op/)).toBeVisible()
  await ouder.getByRole('link', { name: 'Wie heeft gegevens van uw kind gekregen?' }).click()
  await expect(ouder.getByRole('heading', { name: 'Wijkteam Centrum' })).toBeVisible()
  await expect(ouder.getByText('Voorkomen en opsporen van strafbare feiten').first()).toBeVisible()
  await fitsAndPassesAxe(ouder)

  // An inzage request.
  await ouder.getByRole('link', { name: 'Terug naar het overzicht' }).click()
  await ouder.getByRole('link', { name: /Een verzoek doen/ }).click()
  await fitsAndPassesAxe(ouder)
  await ouder.getByLabel(/^Inzage/).check()
  await ouder.getByLabel('Schrijf kort wat u vraagt').fill('Ik wil graag het hele dossier van mijn kind zien.')
  await ouder.getByRole('button', { name: 'Verzoek versturen' }).click()
  await expect(ouder.getByRole('status')).toContainText('De school antwoordt uiterlijk op')

  // The same portal in English, with a true lang.
  await ouder.getByRole('link', { name: 'Terug naar het overzicht' }).click()
  // On a phone the language switch sits in the folded menu.
  await openMenu(ouder)
  await ouder.getByRole('button', { name: 'English' }).click()
  await expect(ouder.getByRole('heading', { name: 'Parents’ portal', level: 1 })).toBeVisible()
  await expect(ouder.locator('html')).toHaveAttribute('lang', 'en')
  await fitsAndPassesAxe(ouder)

  // ---- The IB sees the digital "voor gezien" with the reaction.
  const ib = await phone(browser)
  await login(ib, 'ib@branding.demo')
  await ib.goto(`/incidenten/${incidentId}`)
  await expect(ib.getByText('via het ouderportaal')).toBeVisible()
  await expect(ib.getByText(REACTION)).toBeVisible()

  // ---- The FG sees the request with its deadline.
  const fg = await phone(browser)
  await login(fg, 'privacy@kompas.demo')
  await fg.goto('/privacy')
  const request = fg.getByRole('listitem').filter({ hasText: `${guardian.name} (via het ouderportaal)` })
  await expect(request).toBeVisible()
  await expect(request).toContainText('Ik wil graag het hele dossier van mijn kind zien.')
  // Received today: one month to answer (AVG art. 12 lid 3).
  await expect(request).toContainText(/Uiterlijk .+ \(nog (2[89]|3[01]) dagen\)/)
})
