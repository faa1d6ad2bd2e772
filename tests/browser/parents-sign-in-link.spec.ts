import { expect, test } from '@playwright/test'
import { fitsAndPassesAxe, usePortalServer } from './support/portal-phone.ts'

// Sign-in by e-mail link on a phone (375 px), end to end (ADR 042): the demo guardian of OBS De
// Branding asks for a link on the login page, opens it from the mail (the fake Resend's delivery),
// taps "Inloggen" and lands in the portal; the spent link then says so in Dutch with a way to ask for
// a new one. Every page passes axe and fits the phone.
const GUARDIAN = 'ouder@branding.demo'

const portal = usePortalServer()

test('a guardian signs in to the portal with a link from the mail, once', async ({ browser }) => {
  test.setTimeout(180_000)
  const ouder = await portal.phone(browser)
  await ouder.goto('/login')
  await ouder.getByRole('link', { name: 'Log in met een link per e-mail' }).click()
  await expect(ouder.getByRole('heading', { name: 'Inloggen met een link', level: 1 })).toBeVisible()
  await fitsAndPassesAxe(ouder)
  const since = portal.resend.deliveries.length
  await ouder.getByLabel('E-mailadres').fill(GUARDIAN)
  await ouder.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
  await expect(ouder.getByRole('status')).toContainText('De link is 15 minuten geldig')
  await fitsAndPassesAxe(ouder)

  const mail = await portal.resend.waitForMailTo(GUARDIAN, { since, timeoutMs: 60_000 })
  expect(mail.subject).toBe('Inloggen bij Baken')
  const link = /https?:\/\/[^\s]+\/login\/link\/[a-z0-9]+/.exec(mail.text ?? '')?.[0]
  expect(link, mail.text).toBeTruthy()
  const path = new URL(link!).pathname
  await ouder.goto(path)
  await expect(ouder.getByText(`U logt in als ${GUARDIAN}`)).toBeVisible()
  await fitsAndPassesAxe(ouder)
  await ouder.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await expect(ouder).toHaveURL(/\/ouders$/, { timeout: 30_000 })
  await expect(ouder.getByRole('heading', { name: 'Ouderportaal', level: 1 })).toBeVisible()
  await fitsAndPassesAxe(ouder)

  // The link is spent: on another phone it says so and offers a new one.
  const other = await portal.phone(browser)
  await other.goto(path)
  await expect(other.getByRole('alert')).toContainText('Deze inloglink is al gebruikt')
  await fitsAndPassesAxe(other)
  await other.getByRole('link', { name: 'Een nieuwe inloglink aanvragen' }).click()
  await expect(other.getByRole('heading', { name: 'Inloggen met een link', level: 1 })).toBeVisible()
})
