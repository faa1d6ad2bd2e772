import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { safeRedirect } from '~/lib/http.server.ts'

export async function loader() {
  return redirect('/')
}

/** Switches the interface language (Dutch first, English available); remembered for a year. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get('lang') === 'en' ? 'en' : 'nl'
  return redirect(safeRedirect(form.get('redirectTo'), '/'), {
    headers: { 'Set-Cookie': `baken_lang=${lang}; Path=/; SameSite=Lax; Max-Age=${365 * 24 * 3600}` },
  })
}
