// Asking for a password-reset link. Every address gets the same answer, so the page never tells
// whether an address has an account; requests are throttled per address and per client address.
import { getDatabase } from '@baken/db'
import { PASSWORD_RESET_REQUESTED, requestPasswordReset } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { MailedLinkForm } from '~/components/mailed-link-form.tsx'
import { mailedLinkAction, mailedLinkHeaders } from '~/lib/mailed-link.server.ts'

export const headers = mailedLinkHeaders

export const action = ({ request, context }: ActionFunctionArgs) =>
  mailedLinkAction(request, (email) => requestPasswordReset(getDatabase(), { email, ip: context.clientIp }), PASSWORD_RESET_REQUESTED)

export default function WachtwoordVergeten() {
  return (
    <MailedLinkForm
      title="Wachtwoord vergeten"
      intro="Vul het e-mailadres van uw account in. U krijgt dan een e-mail met een link om een nieuw wachtwoord te kiezen."
      submit="Stuur mij een link"
      result={useActionData<typeof action>()}
    />
  )
}
