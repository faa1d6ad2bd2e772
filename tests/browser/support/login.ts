import { expect, type Page } from '@playwright/test'

/** Password of every demo account (packages/db/src/demo-seed.ts). */
export const DEMO_PASSWORD = 'veilig-demo-2026'

/**
 * Logs in through the real login form and waits until the app has navigated away from /login.
 * Fails (with the page's URL in the message) when the login is refused.
 */
export async function login(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('E-mailadres').fill(email)
  await page.getByLabel('Wachtwoord').fill(password)
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click()
  await expect(page, `login as ${email} should leave /login`).not.toHaveURL(/\/login(?:[?#]|$)/, {
    // Password hashing on a 2-core machine can take a moment.
    timeout: 15_000,
  })
}

/** Opens the main menu where a small screen folds it behind the "Menu" button (a no-op on a wide screen). */
export async function openMenu(page: Page): Promise<void> {
  // After hydration the menu is folded on a phone; before it, it is open and the button absent.
  await page.locator('#site-menu[data-hydrated]').waitFor({ state: 'attached' })
  const toggle = page.getByRole('button', { name: 'Menu' })
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click()
}
