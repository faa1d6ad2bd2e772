// The pages that mail a link (a password reset, a family sign-in link): one answer for every
// address, a Dutch refusal with Retry-After when the throttle says so, nothing cached.
import type { MailedLinkRequest } from '@baken/domain'
import { data, type HeadersFunction } from '@remix-run/node'
import { z } from 'zod'

// Retry-After on a refused request; nothing about the address may linger in a cache.
export const mailedLinkHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers(actionHeaders)
  headers.set('Referrer-Policy', 'no-referrer')
  headers.set('Cache-Control', 'no-store')
  return headers
}

const requestForm = z.object({ email: z.string().trim().min(1).max(254).pipe(z.email()) })

/** Reads the address from the form, asks for the link, and answers the page's one answer or the refusal. */
export async function mailedLinkAction(request: Request, ask: (email: string) => Promise<MailedLinkRequest>, answer: string) {
  const parsed = requestForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.', done: null }, { status: 400 })
  const result = await ask(parsed.data.email)
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60)
    return data(
      { error: `Er zijn te veel aanvragen gedaan. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`, done: null },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  return data({ error: null, done: answer })
}
