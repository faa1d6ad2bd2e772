// The staff a stichtingbeheerder manages (the stichting's) or a directeur (its own school's), with
// their roles and the open invitations: change a role, end a membership, deactivate or reactivate.
// Every change is checked by CASL in the use case and by the database (nobody grants above their
// own rank), and written to the admin audit.
import { changeMembershipRole, deactivateUser, endMembership, listUsers, reactivateUser, revokeInvitation } from '@baken/domain'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'
import { pageValue, perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'

const SCHOOL_ROLE_CHOICES = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon'] as const
const STICHTING_ROLE_CHOICES = ['bestuurder', 'stichtingbeheerder', 'privacyfunctionaris'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listUsers)
  return pageValue(await perform(ctx, listUsers, {}))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  // Granting, changing and ending access asks for a second factor of the last 5 minutes.
  requireFreshSecondFactor(ctx, request, context)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const id = String(form.get('id') ?? '')
  const useCase =
    intent === 'deactivate'
      ? deactivateUser
      : intent === 'reactivate'
        ? reactivateUser
        : intent === 'end'
          ? endMembership
          : intent === 'role'
            ? changeMembershipRole
            : intent === 'revoke-invitation'
              ? revokeInvitation
              : null
  if (!useCase) return data({ errors: [{ path: '', message: 'Onbekende handeling.' }], done: null }, { status: 400 })
  const outcome = await submitForm(ctx, useCase as typeof changeMembershipRole, form, { id })
  if (!outcome.ok) return refusalData(outcome, { done: null })
  const done = {
    deactivate: 'Gebruiker gedeactiveerd; alle sessies en API-tokens zijn beëindigd.',
    reactivate: 'Gebruiker weer actief.',
    end: 'Rol beëindigd.',
    role: 'Rol gewijzigd.',
    'revoke-invitation': 'Uitnodiging ingetrokken; de link werkt niet meer.',
  }[intent]
  return { errors: [], done }
}

export default function Gebruikers() {
  const t = useT()
  const { items, invitations } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <section className="card">
      <h1>Gebruikers</h1>
      <p>
        <Link to="/beheer/gebruikers/uitnodigen" className="button">
          Gebruiker uitnodigen
        </Link>
      </p>
      {result?.errors[0] ? (
        <p className="error" role="alert">
          {result.errors[0].message}
        </p>
      ) : null}
      {result?.done ? (
        <p className="notice" role="status">
          {result.done}
        </p>
      ) : null}
      <ul className="choices">
        {items.map((u) => (
          <li key={u.id}>
            <h2 className="h3">
              {u.name} {u.active ? null : <span className="muted">(gedeactiveerd)</span>}
            </h2>
            <p className="muted">{u.email}</p>
            <ul>
              {u.memberships.map((m) => (
                <li key={m.id}>
                  {t(`role.${m.role}`)}
                  {m.schoolName ? ` · ${m.schoolName}` : ''}
                  {m.manageable ? (
                    <>
                      <Form method="post" className="inline">
                        <input type="hidden" name="id" value={m.id} />
                        <label htmlFor={`role-${m.id}`} className="visually-hidden">
                          Nieuwe rol voor {u.name}
                        </label>
                        <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                          {(m.schoolId ? SCHOOL_ROLE_CHOICES : STICHTING_ROLE_CHOICES).map((r) => (
                            <option key={r} value={r}>
                              {t(`role.${r}`)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" name="intent" value="role">
                          Rol wijzigen
                        </button>
                      </Form>
                      <Form method="post" className="inline">
                        <input type="hidden" name="id" value={m.id} />
                        <button type="submit" name="intent" value="end" className="secondary">
                          Rol beëindigen
                        </button>
                      </Form>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
            <Form method="post">
              <input type="hidden" name="id" value={u.id} />
              {u.active ? (
                <button type="submit" name="intent" value="deactivate" className="secondary">
                  Deactiveren
                </button>
              ) : (
                <button type="submit" name="intent" value="reactivate">
                  Weer activeren
                </button>
              )}
            </Form>
          </li>
        ))}
      </ul>
      <h2>Openstaande uitnodigingen</h2>
      {invitations.length === 0 ? (
        <p className="muted">Geen.</p>
      ) : (
        <ul>
          {invitations.map((i) => (
            <li key={i.id}>
              {i.email} · {i.roles.map((r) => t(`role.${r}`)).join(', ')} · {i.expired ? 'verlopen' : `geldig tot ${new Date(i.expiresAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}`}
              {i.expired ? null : (
                <Form method="post" className="inline">
                  <input type="hidden" name="id" value={i.id} />
                  <button type="submit" name="intent" value="revoke-invitation" className="secondary" aria-label={`Uitnodiging aan ${i.email} intrekken`}>
                    Intrekken
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
