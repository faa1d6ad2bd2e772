import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { startFakeResend, type FakeResend } from '../../../packages/email/test/support/fake-resend.ts'
import { startServer, type RunningServer } from '../../http/support/server.ts'

/** The portal's specs test on a phone. */
export const PHONE = { width: 375, height: 800 }

export interface PortalServer {
  /** The local stand-in for Resend: the mail a person would open arrives here. */
  resend: FakeResend
  server: RunningServer
  /** A new browser context on a phone (375 px, touch), closed after the file's tests. */
  phone(browser: Browser): Promise<Page>
}

/**
 * A demo server of the spec file's own with a fake Resend and a mail worker that runs every 200 ms,
 * so invitations and sign-in links arrive as mail. Registers its set-up and tear-down with the
 * file's hooks; the fields are filled once beforeAll has run.
 */
export function usePortalServer(): PortalServer {
  const contexts: BrowserContext[] = []
  const running = {} as PortalServer
  running.phone = async (browser) => {
    const context = await browser.newContext({ baseURL: running.server.baseUrl, viewport: PHONE, isMobile: true, hasTouch: true })
    contexts.push(context)
    return context.newPage()
  }
  test.beforeAll(async () => {
    test.setTimeout(240_000)
    running.resend = await startFakeResend()
    running.server = await startServer({
      PGLITE_SNAPSHOT: '',
      RESEND_API_KEY: running.resend.apiKey,
      RESEND_API_URL: running.resend.baseUrl,
      MAIL_FROM: 'Baken <noreply@baken.test>',
      MAIL_WORKER_INTERVAL_MS: '200',
    })
  })
  test.afterAll(async () => {
    for (const c of contexts) await c.close()
    await running.server?.stop()
    await running.resend?.close()
  })
  return running
}

/** The page fits the phone's width and axe finds nothing against WCAG 2.1 AA. */
export async function fitsAndPassesAxe(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), page.url()).toBeLessThanOrEqual(0)
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), page.url()).toEqual([])
}
