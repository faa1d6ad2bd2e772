// Opening a reporting-duty case: the zeden route (opening it informs the board at once)
// or the Meldcode (step 1: the signals). Any staff member of the school may open one.
import { listStudents, openReportCase, REPORT_KIND_LABELS, REPORT_KINDS } from '@baken/domain'
import { record } from '@baken/permissions'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { ErrorSummary, PupilOptions } from '~/components/form-parts.tsx'

export const meta: MetaFunction = () => [{ title: 'Nieuwe melding · Meldplicht · Baken' }]

function requireOpen(request: Request, ctx: ReturnType<typeof requireContext>) {
  requireUseCase(ctx, openReportCase)
  if (!ctx.tenant.schoolId) throw new Response('Geen toegang', { status: 403 })
  void request
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireOpen(request, ctx)
  const pupils = await inTenant(ctx, (tx) => listStudents(tx, ctx.ability, { pageSize: 200 }))
  return {
    pupils: pupils.items.map((p) => ({ id: p.id, name: p.displayName, group: p.groupName })),
    kinds: REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] })),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireOpen(request, ctx)
  const form = await request.formData()
  // What was entered, to fill the form again (an empty field as not chosen).
  const entered = (k: string) => {
    const v = form.get(k)
    return typeof v === 'string' && v.trim() !== '' ? v : undefined
  }
  const input = { kind: entered('kind'), studentId: entered('studentId'), summary: entered('summary') }
  // The board's mail links back to this app, at the address the request came in on.
  const saved = await submitForm(ctx, openReportCase, form, { baseUrl: new URL(request.url).origin })
  if (!saved.ok) return refusalData(saved, { values: input })
  // A reporter whose role may not read the case afterwards (e.g. a directeur's zeden report, until
  // the ReportCase rules give reporters their own cases) is told on the list that it was sent.
  const own = record('ReportCase', { id: saved.id, kind: input.kind, schoolId: ctx.tenant.schoolId, stichtingId: ctx.tenant.stichtingId, openedById: ctx.tenant.userId })
  if (!ctx.ability.can('read', own)) return redirect(`/meldplicht?gemeld=${input.kind === 'meldcode' ? 'meldcode' : 'bestuur'}`)
  return redirect(`/meldplicht/${saved.id}?geopend=1`)
}

export default function NewReportCase() {
  const { pupils, kinds } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const errors = actionData?.errors ?? []
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message
  const chosen = actionData?.values?.kind ?? params.get('soort') ?? ''
  return (
    <section className="card">
      <p>
        <Link to="/meldplicht">← Meldplicht en meldcode</Link>
      </p>
      <h1>Nieuwe melding</h1>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <fieldset id="kind" aria-describedby={errorFor('kind') ? 'kind-error' : undefined}>
          <legend>Waar gaat het om?</legend>
          {errorFor('kind') ? (
            <p id="kind-error" className="field-error">
              {errorFor('kind')}
            </p>
          ) : null}
          {kinds.map((k) => (
            <div key={k.value} className="choice">
              <input type="radio" id={`kind-${k.value}`} name="kind" value={k.value} defaultChecked={chosen === k.value} aria-describedby={`kind-${k.value}-hint`} />
              <label htmlFor={`kind-${k.value}`}>{k.label}</label>
              <p id={`kind-${k.value}-hint`} className="muted">
                {k.value === 'zedendelict_medewerker'
                  ? 'Weet of vermoed je dat een medewerker van de school een zedendelict pleegt of pleegde tegen een minderjarige leerling? Dan ben je wettelijk verplicht het bestuur direct te informeren. Met deze melding gebeurt dat: het bestuur krijgt een bericht zonder namen of details. Daarna zie je alleen dat het bestuur is geïnformeerd; het bestuur en de vertrouwenspersoon nemen de volgende stappen.'
                  : 'Zorgen over huiselijk geweld of kindermishandeling bij een leerling? Leg de signalen vast (stap 1 van de meldcode). De aandachtsfunctionaris (intern begeleider, directeur of vertrouwenspersoon) zet de volgende stappen met je.'}
              </p>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="studentId">Leerling (verplicht bij de meldcode)</label>
          <select
            id="studentId"
            name="studentId"
            defaultValue={actionData?.values?.studentId ?? ''}
            aria-invalid={errorFor('studentId') ? true : undefined}
            aria-describedby={errorFor('studentId') ? 'studentId-error' : undefined}
          >
            <option value="">— kies —</option>
            <PupilOptions pupils={pupils} />
          </select>
          {errorFor('studentId') ? (
            <p id="studentId-error" className="field-error">
              {errorFor('studentId')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="summary">Wat weet je? (feiten: wat, wanneer, van wie)</label>
          <textarea
            id="summary"
            name="summary"
            rows={6}
            required
            defaultValue={actionData?.values?.summary ?? ''}
            aria-invalid={errorFor('summary') ? true : undefined}
            aria-describedby={errorFor('summary') ? 'summary-error summary-hint' : 'summary-hint'}
          />
          <p id="summary-hint" className="muted">
            Dit is vertrouwelijk: alleen wie de zaak behandelt, ziet het.
          </p>
          {errorFor('summary') ? (
            <p id="summary-error" className="field-error">
              {errorFor('summary')}
            </p>
          ) : null}
        </div>
        <button type="submit">Melding opslaan</button>
      </Form>
    </section>
  )
}
