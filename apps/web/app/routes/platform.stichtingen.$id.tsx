import { listStichtingen, updateStichting } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { TextField } from '~/components/admin-fields.tsx'
import { ErrorSummary, type FieldError } from '~/components/form-parts.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { pageValue, perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'

/**
 * /platform/stichtingen/{id} — the platform_beheerder corrects a stichting's name, KvK number and
 * bevoegd-gezagnummer. The change goes into the stichting's admin audit trail (before → after).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, updateStichting)
  const { items } = pageValue(await perform(ctx, listStichtingen, {}))
  const stichting = items.find((s) => s.id === params.id)
  if (!stichting) throw data('Niet gevonden', { status: 404 })
  return { stichting }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const saved = await submitForm(ctx, updateStichting, await request.formData(), { id: params.id ?? '' })
  if (!saved.ok) return refusalData(saved)
  return redirect(`/platform?gewijzigd=${saved.stichting.id}#stichtingen`)
}

export default function PlatformStichting() {
  const { stichting } = useLoaderData<typeof loader>()
  const errors = (useActionData<typeof action>() as { errors?: FieldError[] } | undefined)?.errors ?? []
  return (
    <section>
      <p>
        <Link to="/platform#stichtingen">← Platformbeheer</Link>
      </p>
      <h1>{stichting.name}: gegevens wijzigen</h1>
      <p className="muted">De wijziging komt in het beheerlogboek van de stichting (oud → nieuw).</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <TextField name="name" label="Naam" errors={errors} defaultValue={stichting.name} autoComplete="organization" />
        <TextField name="kvkNumber" label="KvK-nummer" hint="8 cijfers" errors={errors} defaultValue={stichting.kvkNumber} inputMode="numeric" />
        <TextField name="bevoegdGezagNumber" label="Bevoegd-gezagnummer (DUO)" hint="5 cijfers, bijvoorbeeld 41234" errors={errors} defaultValue={stichting.bevoegdGezagNumber} inputMode="numeric" />
        <button type="submit">Opslaan</button>
      </Form>
    </section>
  )
}
