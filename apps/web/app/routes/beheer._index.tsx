import { listAdminAudit, listPartnerLinks, listSchools, mayRun } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'

/** /beheer — the stichting's administration: schools (and their groups), partner links, the audit trail. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  const links = [
    { to: '/beheer/scholen', label: 'Scholen en groepen', may: mayRun(listSchools, ctx.ability) },
    { to: '/beheer/partners', label: 'Partnerorganisaties koppelen', may: mayRun(listPartnerLinks, ctx.ability) },
    { to: '/beheer/audit', label: 'Audittrail van het beheer', may: mayRun(listAdminAudit, ctx.ability) },
  ].filter((l) => l.may)
  if (!links.length) throw new Response('Geen toegang', { status: 403 })
  return { links }
}

export default function Beheer() {
  const { links } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>Beheer</h1>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
