// Inviting a user by e-mail with one role: a school role at one of the stichting's schools (the
// directeur: its own school), or a stichting role. The platform_beheerder arrives here with
// ?stichting=<id> to invite a new stichting's first stichtingbeheerder, or with ?partner=<id> to
// invite a partner organisation's first user (Halt or police).
import { createInvitation, getInvitationForm } from '@baken/domain'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'
import { pageValue, perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, createInvitation)
  const params = new URL(request.url).searchParams
  const form = pageValue(await perform(ctx, getInvitationForm, { stichtingId: params.get('stichting') ?? undefined, partnerId: params.get('partner') ?? undefined }))
  return { ...form, stichtingId: ctx.tenant.stichtingId ? null : form.stichtingId, sent: params.get('verstuurd') === '1', ownOrganisation: ctx.tenant.partnerId !== null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  // Granting access asks for a second factor of the last 5 minutes.
  requireFreshSecondFactor(ctx, request, context)
  const outcome = await submitForm(ctx, createInvitation, await request.formData())
  if (!outcome.ok) return refusalData(outcome)
  if (ctx.tenant.stichtingId) return redirect('/beheer/gebruikers?uitgenodigd=1')
  if (ctx.tenant.partnerId) return redirect('/beheer/gebruikers/uitnodigen?verstuurd=1')
  return redirect('/platform?uitgenodigd=1')
}

export default function Uitnodigen() {
  const t = useT()
  const { schools, roles, stichtingId, partnerId, partnerName, fixedSchool, sent, ownOrganisation } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const errorAt = (p: string) => result?.errors.find((e) => e.path === p || e.path.startsWith(`${p}.`))?.message
  return (
    <section className="card narrow">
      <h1>Gebruiker uitnodigen</h1>
      {partnerName ? <p>{ownOrganisation ? `Een collega bij ${partnerName}, in uw eigen rol.` : `De eerste gebruiker van ${partnerName}.`}</p> : null}
      {sent ? (
        <p role="status" className="notice">
          De uitnodiging is verstuurd.
        </p>
      ) : null}
      <p className="muted">De uitnodiging gaat per e-mail en is 72 uur geldig. De link werkt één keer.</p>
      {errorAt('') ? (
        <p className="error" role="alert">
          {errorAt('')}
        </p>
      ) : null}
      <Form method="post" noValidate>
        {stichtingId ? <input type="hidden" name="stichtingId" value={stichtingId} /> : null}
        {partnerId && !ownOrganisation ? <input type="hidden" name="partnerId" value={partnerId} /> : null}
        <div className="field">
          <label htmlFor="email">E-mailadres</label>
          <input id="email" name="email" type="email" autoComplete="off" required aria-invalid={errorAt('email') ? true : undefined} aria-describedby={errorAt('email') ? 'email-error' : undefined} />
          {errorAt('email') ? (
            <p className="error" id="email-error">
              {errorAt('email')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="role">Rol</label>
          <select id="role" name="memberships[0].role" required aria-describedby={errorAt('memberships') ? 'role-error' : undefined}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          {errorAt('memberships') ? (
            <p className="error" id="role-error" role="alert">
              {errorAt('memberships')}
            </p>
          ) : null}
        </div>
        {!fixedSchool && schools.length ? (
          <div className="field">
            <label htmlFor="school">School (voor een schoolrol)</label>
            <select id="school" name="memberships[0].schoolId">
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Uitnodiging versturen
        </button>
      </Form>
    </section>
  )
}
