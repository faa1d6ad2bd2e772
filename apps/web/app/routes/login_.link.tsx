// Asking for a sign-in link (family accounts: ouder, leerling; ADR 042). Every address gets the same
// answer, so the page never tells whether an address has an account, nor whether it is a staff one;
// requests are throttled per address and per client address, as password resets are.
import { getDatabase } from '@baken/db'
import { SIGN_IN_LINK_REQUESTED, requestSignInLink } from '@baken/domain'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { MailedLinkForm } from '~/components/mailed-link-form.tsx'
import { mailedLinkAction, mailedLinkHeaders } from '~/lib/mailed-link.server.ts'

export const headers = mailedLinkHeaders

export function loader({ context }: LoaderFunctionArgs) {
  if (context.auth) throw redirect('/')
  return null
}

export const action = ({ request, context }: ActionFunctionArgs) =>
  mailedLinkAction(request, (email) => requestSignInLink(getDatabase(), { email, ip: context.clientIp }), SIGN_IN_LINK_REQUESTED)

export default function LoginLink() {
  return (
    <MailedLinkForm
      title="Inloggen met een link"
      intro="Voor ouders en leerlingen. Vul uw e-mailadres in. U krijgt een e-mail met een link waarmee u inlogt, zonder wachtwoord. Medewerkers van de school loggen in met hun wachtwoord."
      submit="Stuur mij een inloglink"
      result={useActionData<typeof action>()}
    />
  )
}
