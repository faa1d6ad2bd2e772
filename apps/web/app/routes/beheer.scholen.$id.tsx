import { createGroup, listSchoolGroups, listSchools, schoolYearOf, updateSchool } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { SelectField, TextField } from '~/components/admin-fields.tsx'
import { ErrorSummary, type FieldError } from '~/components/form-parts.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { pageValue, perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { SchoolFields } from './beheer.scholen._index.tsx'

/** /beheer/scholen/{id} — edit one school of the stichting, and its groups per schooljaar. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, updateSchool)
  const groups = pageValue(await perform(ctx, listSchoolGroups, { schoolId: params.id ?? '' }))
  const schools = pageValue(await perform(ctx, listSchools, {}))
  const school = schools.items.find((s) => s.id === groups.school.id)
  if (!school) throw data('Niet gevonden', { status: 404 })
  return { school, groups: groups.items, schoolYears: groups.schoolYears, currentYear: schoolYearOf(new Date()) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  const id = params.id ?? ''
  if (form.get('intent') === 'group') {
    const saved = await submitForm(ctx, createGroup, form, { schoolId: id })
    if (!saved.ok) return refusalData(saved, { intent: 'group' })
    return redirect(`/beheer/scholen/${id}?groep=${encodeURIComponent(saved.group.name)}#groepen`)
  }
  const saved = await submitForm(ctx, updateSchool, form, { id })
  if (!saved.ok) return refusalData(saved, { intent: 'school' })
  return redirect(`/beheer/scholen/${id}?opgeslagen=1`)
}

export default function SchoolPage() {
  const { school, groups, schoolYears, currentYear } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as { intent?: string; errors?: FieldError[] } | undefined
  const errorsFor = (intent: string) => (actionData?.intent === intent ? (actionData.errors ?? []) : [])
  const [params] = useSearchParams()
  return (
    <section>
      <p>
        <Link to="/beheer/scholen">← Scholen</Link>
      </p>
      <h1>{school.name}</h1>
      {params.get('opgeslagen') ? <p role="status" className="notice">Opgeslagen.</p> : null}
      <ErrorSummary errors={errorsFor('school')} />
      <Form method="post" noValidate>
        <SchoolFields errors={errorsFor('school')} school={school} />
        <button type="submit" name="intent" value="school">Opslaan</button>
      </Form>
      <h2 id="groepen">Groepen</h2>
      {params.get('groep') ? <p role="status" className="notice">Groep {params.get('groep')} is toegevoegd.</p> : null}
      {groups.length ? (
        <ul>
          {groups.map((g) => (
            <li key={g.id}>
              {g.name} ({g.schoolYear})
            </li>
          ))}
        </ul>
      ) : (
        <p>Nog geen groepen.</p>
      )}
      <h3>Groep toevoegen</h3>
      <ErrorSummary errors={errorsFor('group')} idPrefix="group-" />
      <Form method="post" noValidate>
        <SelectField name="schoolYear" idPrefix="group-" label="Schooljaar" options={schoolYears.map((y) => [y, y] as const)} errors={errorsFor('group')} defaultValue={schoolYears.includes(currentYear) ? currentYear : undefined} />
        <TextField name="name" idPrefix="group-" label="Naam van de groep" hint="Bijvoorbeeld groep 5 of 2B" errors={errorsFor('group')} />
        <button type="submit" name="intent" value="group">Groep toevoegen</button>
      </Form>
    </section>
  )
}
