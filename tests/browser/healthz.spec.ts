import { expect, test } from '@playwright/test'

// Smoke test of the browser-suite setup: the web server from playwright.config.ts is up, in demo
// mode on its in-memory database.
test('GET /healthz reports the app and its database ok', async ({ request }) => {
  const response = await request.get('/healthz')
  expect(response.status()).toBe(200)
  expect(await response.json()).toMatchObject({ status: 'ok', db: 'ok' })
})
