import { createPartner, createStichting, listPartners, listStichtingen, PARTNER_ROLE_BY_KIND, setStichtingSuspension } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { PARTNER_KIND_OPTIONS, SelectField, TextField } from '~/components/admin-fields.tsx'
import { ErrorSummary, type FieldError } from '~/components/form-parts.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { formatDate } from '~/lib/format.ts'
import { pageValue, perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'

/**
 * /platform — the platform_beheerder's page: the stichtingen with counts of use this schooljaar
 * (no names: the platform sees no personal data), creating one, suspending it or lifting that; and
 * the partner organisations. The first beheerder or user is invited on the invitations page.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listStichtingen)
  const stichtingen = pageValue(await perform(ctx, listStichtingen, {}))
  const partners = pageValue(await perform(ctx, listPartners, {}))
  // Halt regions and police units have users in Baken; the platform invites each one's first.
  return { ...stichtingen, partners: partners.items.map((p) => ({ ...p, invitable: PARTNER_ROLE_BY_KIND[p.kind] !== undefined })) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  if (intent === 'stichting') {
    const saved = await submitForm(ctx, createStichting, form)
    if (!saved.ok) return refusalData(saved, { intent })
    return redirect(`/platform?aangemaakt=${saved.stichting.id}#stichtingen`)
  }
  if (intent === 'partner') {
    const saved = await submitForm(ctx, createPartner, form)
    if (!saved.ok) return refusalData(saved, { intent })
    return redirect('/platform#partners')
  }
  if (intent === 'suspend' || intent === 'unsuspend') {
    const saved = await submitForm(ctx, setStichtingSuspension, form, { suspended: intent === 'suspend' ? 'true' : 'false' })
    if (!saved.ok) return refusalData(saved, { intent })
    return redirect('/platform#stichtingen')
  }
  return data({ intent, errors: [{ path: 'intent', message: 'Onbekende actie.' }] }, { status: 400 })
}

export default function Platform() {
  const { schoolYear, items, partners } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as { intent?: string; errors?: FieldError[] } | undefined
  const errorsFor = (intent: string) => (actionData?.intent === intent ? (actionData.errors ?? []) : [])
  const rowErrors = errorsFor('suspend').concat(errorsFor('unsuspend'))
  return (
    <section>
      <h1>Platformbeheer</h1>
      <p>Per stichting alleen aantallen, nooit namen van leerlingen of gebruikers.</p>
      <h2 id="stichtingen">Stichtingen (schooljaar {schoolYear})</h2>
      <ErrorSummary errors={rowErrors} />
      <table className="table-responsive">
        <thead>
          <tr>
            <th scope="col">Stichting</th>
            <th scope="col">KvK / bevoegd gezag</th>
            <th scope="col">Scholen</th>
            <th scope="col">Gebruikers</th>
            <th scope="col">Leerlingen</th>
            <th scope="col">Incidenten</th>
            <th scope="col">Status</th>
            <th scope="col">Acties</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td data-label="Stichting">{s.name}</td>
              <td data-label="KvK / bevoegd gezag">
                {s.kvkNumber ?? '—'} / {s.bevoegdGezagNumber ?? '—'}
              </td>
              <td data-label="Scholen">{s.counts.schools}</td>
              <td data-label="Gebruikers">{s.counts.users}</td>
              <td data-label="Leerlingen">{s.counts.pupils}</td>
              <td data-label="Incidenten">{s.counts.incidents}</td>
              <td data-label="Status">{s.suspendedAt ? `Opgeschort sinds ${formatDate(s.suspendedAt)}` : 'Actief'}</td>
              <td data-label="Acties">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" name="intent" value={s.suspendedAt ? 'unsuspend' : 'suspend'} aria-label={`${s.suspendedAt ? 'Opschorting opheffen' : 'Opschorten'}: ${s.name}`}>
                    {s.suspendedAt ? 'Opschorting opheffen' : 'Opschorten'}
                  </button>
                </Form>
                {/* The invitation flow (accounts-users) lives on /beheer/gebruikers/uitnodigen. */}
                <Link to={`/beheer/gebruikers/uitnodigen?stichting=${s.id}`}>Eerste stichtingbeheerder uitnodigen</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Stichting aanmaken</h2>
      <ErrorSummary errors={errorsFor('stichting')} idPrefix="stichting-" />
      <Form method="post" noValidate>
        <TextField name="name" idPrefix="stichting-" label="Naam" errors={errorsFor('stichting')} autoComplete="organization" />
        <TextField name="kvkNumber" idPrefix="stichting-" label="KvK-nummer" hint="8 cijfers" errors={errorsFor('stichting')} inputMode="numeric" />
        <TextField name="bevoegdGezagNumber" idPrefix="stichting-" label="Bevoegd-gezagnummer (DUO)" hint="5 cijfers, bijvoorbeeld 41234" errors={errorsFor('stichting')} inputMode="numeric" />
        <button type="submit" name="intent" value="stichting">Stichting aanmaken</button>
      </Form>
      <h2 id="partners">Partnerorganisaties</h2>
      <ul>
        {partners.map((p) => (
          <li key={p.id}>
            {p.name} ({PARTNER_KIND_OPTIONS.find(([k]) => k === p.kind)?.[1] ?? p.kind})
            {p.invitable ? (
              <>
                {' '}
                <Link to={`/beheer/gebruikers/uitnodigen?partner=${p.id}`}>Eerste gebruiker uitnodigen</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="muted">Na de eerste gebruiker nodigt de organisatie zelf collega’s uit.</p>
      <h3>Partnerorganisatie aanmaken</h3>
      <ErrorSummary errors={errorsFor('partner')} idPrefix="partner-" />
      <Form method="post" noValidate>
        <TextField name="name" idPrefix="partner-" label="Naam" errors={errorsFor('partner')} />
        <SelectField name="kind" idPrefix="partner-" label="Soort" options={PARTNER_KIND_OPTIONS} errors={errorsFor('partner')} />
        <button type="submit" name="intent" value="partner">Partnerorganisatie aanmaken</button>
      </Form>
    </section>
  )
}
