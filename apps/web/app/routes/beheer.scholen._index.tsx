import { createSchool, listSchools } from '@baken/domain'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { REGION_OPTIONS, SECTOR_OPTIONS, SelectField, TextField } from '~/components/admin-fields.tsx'
import { ErrorSummary, type FieldError } from '~/components/form-parts.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { pageValue, perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'

/** /beheer/scholen — the stichting's schools, and adding one (the stichtingbeheerder). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listSchools)
  return pageValue(await perform(ctx, listSchools, {}))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const saved = await submitForm(ctx, createSchool, await request.formData())
  if (!saved.ok) return refusalData(saved)
  return redirect(`/beheer/scholen?toegevoegd=${encodeURIComponent(saved.school.name)}`)
}

export default function Schools() {
  const { items } = useLoaderData<typeof loader>()
  const errors = (useActionData<typeof action>() as { errors?: FieldError[] } | undefined)?.errors ?? []
  const [params] = useSearchParams()
  const added = params.get('toegevoegd')
  return (
    <section>
      <h1>Scholen</h1>
      {added ? (
        <p role="status" className="notice">
          School {added} is toegevoegd.
        </p>
      ) : null}
      <table className="table-responsive">
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">BRIN</th>
            <th scope="col">Sector</th>
            <th scope="col">Vakantieregio</th>
            <th scope="col">Adres</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td data-label="School">
                <Link to={`/beheer/scholen/${s.id}`}>{s.name}</Link>
              </td>
              <td data-label="BRIN">{s.brin}</td>
              <td data-label="Sector">{s.sector}</td>
              <td data-label="Vakantieregio">{s.holidayRegion}</td>
              <td data-label="Adres">{[s.street, [s.postcode, s.place].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>School toevoegen</h2>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <SchoolFields errors={errors} />
        <button type="submit">School toevoegen</button>
      </Form>
    </section>
  )
}

/** The fields of a school, empty or filled with the school being edited. */
export function SchoolFields({ errors, school }: { errors: FieldError[]; school?: { name: string; brin: string; sector: string; holidayRegion: string; street: string | null; postcode: string | null; place: string | null } }) {
  return (
    <>
      <TextField name="name" label="Naam van de school" errors={errors} defaultValue={school?.name} />
      <TextField name="brin" label="BRIN-code" hint="2 cijfers en 2 letters, bijvoorbeeld 12AB" errors={errors} defaultValue={school?.brin} />
      <SelectField name="sector" label="Sector" options={SECTOR_OPTIONS} errors={errors} defaultValue={school?.sector} />
      <SelectField name="holidayRegion" label="Vakantieregio" options={REGION_OPTIONS} errors={errors} defaultValue={school?.holidayRegion} />
      <TextField name="street" label="Straat en huisnummer" errors={errors} defaultValue={school?.street} autoComplete="street-address" />
      <TextField name="postcode" label="Postcode" hint="Bijvoorbeeld 1234 AB" errors={errors} defaultValue={school?.postcode} autoComplete="postal-code" />
      <TextField name="place" label="Plaats" errors={errors} defaultValue={school?.place} autoComplete="address-level2" />
    </>
  )
}
