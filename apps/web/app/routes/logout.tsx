import { getDatabase } from '@baken/db'
import { invalidateSession } from '@baken/domain'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { sessionCookie, secureCookies } from '~/lib/session-cookie.ts'

export async function loader() {
  return redirect('/')
}

export async function action({ context }: ActionFunctionArgs) {
  if (context.auth?.sessionId) await invalidateSession(getDatabase(), context.auth.sessionId)
  return redirect('/login', { headers: { 'Set-Cookie': sessionCookie.clear(secureCookies()) } })
}
