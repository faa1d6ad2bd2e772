// POST /toegang/reden — the break-glass step: records the reason the user gives for opening
// a confidential incident or an out-of-scope dossier (action 'break_glass' in the access log, one row
// per pupil of the record) and sends them back to that record, which then opens for 15 minutes for
// this user, role and organisation only (migration 0019, access_log_break_glass_reason). Nothing of
// the record is sent before the reason is recorded; a reason opens no other record.
import { grantBreakGlass } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { safeReturnTo, type BreakGlassSubject } from '~/lib/access-log.server.ts'
import { requireContext } from '~/lib/context.server.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'
import { perform, refusalData } from '~/lib/use-case.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireContext(request, context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireFreshSecondFactor(ctx, request, context)
  const form = Object.fromEntries(await request.formData())
  const subjectType: BreakGlassSubject = form.subjectType === 'student' ? 'student' : 'incident'
  const subjectId = typeof form.subjectId === 'string' ? form.subjectId : ''
  // A role that opens no pupil's record finds none: not found, as for an unknown record.
  const result = await perform(ctx, grantBreakGlass, { subjectType: form.subjectType, subjectId, reason: form.reason })
  if (!result.ok) {
    if (result.reason === 'not_found' || result.reason === 'forbidden') throw data('Niet gevonden', { status: 404 })
    const returnTo = safeReturnTo(subjectType, subjectId, form.returnTo)
    const why =
      subjectType === 'incident'
        ? 'Dit is een vertrouwelijk incident. Geef een reden op om het te openen.'
        : 'Deze leerling zit niet in een groep waaraan je lesgeeft. Geef een reden op om het dossier te openen.'
    return refusalData(result, { subjectType, subjectId, returnTo, why, reason: typeof form.reason === 'string' ? form.reason : '' })
  }
  return redirect(safeReturnTo(subjectType, subjectId, form.returnTo))
}

export default function BreakGlassReason() {
  const actionData = useActionData<typeof action>()
  if (!actionData) {
    return (
      <section className="card">
        <h1>Reden opgeven</h1>
        <p>
          Open eerst het incident of dossier waarvoor je een reden wilt opgeven. <Link to="/">Naar de startpagina</Link>
        </p>
      </section>
    )
  }
  return <BreakGlassForm {...actionData} />
}
