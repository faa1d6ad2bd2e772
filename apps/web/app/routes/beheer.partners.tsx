import { linkPartner, listPartnerLinks, listPartners, listSchools, unlinkPartner } from '@baken/domain'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SelectField } from '~/components/admin-fields.tsx'
import { ErrorSummary, type FieldError } from '~/components/form-parts.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { pageValue, perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'

/**
 * /beheer/partners — which partner organisations (Halt, police, …) work with which schools of the
 * stichting; the sharing agreements build on these links. The stichtingbeheerder links and unlinks.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listPartnerLinks)
  const links = pageValue(await perform(ctx, listPartnerLinks, {}))
  const partners = pageValue(await perform(ctx, listPartners, {}))
  const schools = pageValue(await perform(ctx, listSchools, {}))
  return { links: links.items, partners: partners.items, schools: schools.items.map((s) => ({ id: s.id, name: s.name })) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  const intent = form.get('intent') === 'unlink' ? 'unlink' : 'link'
  const saved = intent === 'unlink' ? await submitForm(ctx, unlinkPartner, form) : await submitForm(ctx, linkPartner, form)
  if (!saved.ok) return refusalData(saved, { intent })
  return redirect('/beheer/partners')
}

export default function PartnerLinks() {
  const { links, partners, schools } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as { intent?: string; errors?: FieldError[] } | undefined
  const errors = actionData?.errors ?? []
  return (
    <section>
      <h1>Partnerorganisaties</h1>
      <ErrorSummary errors={actionData?.intent === 'unlink' ? errors : []} />
      {links.length ? (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">Partner</th>
              <th scope="col">Werkt met</th>
              <th scope="col">Actie</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id}>
                <td data-label="Partner">{l.partnerName}</td>
                <td data-label="Werkt met">{l.schoolName ?? 'De hele stichting'}</td>
                <td data-label="Actie">
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="id" value={l.id} />
                    <button type="submit" name="intent" value="unlink" aria-label={`Ontkoppelen: ${l.partnerName}, ${l.schoolName ?? 'de hele stichting'}`}>
                      Ontkoppelen
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Nog geen partners gekoppeld.</p>
      )}
      <h2>Partner koppelen</h2>
      <ErrorSummary errors={actionData?.intent === 'link' ? errors : []} />
      <Form method="post" noValidate>
        <SelectField name="partnerId" label="Partnerorganisatie" options={partners.map((p) => [p.id, p.name] as const)} errors={actionData?.intent === 'link' ? errors : []} />
        <SelectField
          name="schoolId"
          label="School"
          required={false}
          hint="Leeg: de hele stichting"
          options={[['', 'De hele stichting'] as const, ...schools.map((s) => [s.id, s.name] as const)]}
          errors={actionData?.intent === 'link' ? errors : []}
        />
        <button type="submit" name="intent" value="link">Koppelen</button>
      </Form>
    </section>
  )
}
