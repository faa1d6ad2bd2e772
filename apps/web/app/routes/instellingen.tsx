import { getLawSettings, getMandates, grantMandate, localDate, mayRun, updateLawSettings, withdrawMandate } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { formatDate } from '~/lib/format.ts'
import { perform, refusalData, requireUseCase } from '~/lib/use-case.server.ts'

/**
 * /instellingen — the stichting's choices where the law leaves room (the bestuurder and the
 * stichtingbeheerder): the age up to which the parents of a vo pupil also receive a decision, with the
 * rule, its source and its status beside it; and per school the directeur's mandate for schorsingen
 * (Awb art. 10:1–10:3), which only the bestuurder grants and withdraws.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getLawSettings)
  const settings = await perform(ctx, getLawSettings, {})
  if (!settings.ok) throw data('Geen toegang', { status: 403 })
  const mandates = await perform(ctx, getMandates, {})
  const { ok: _settingsOk, ...settingsView } = settings
  // Today's Dutch date, for the date fields' defaults and maximum (the same on server and client).
  const today = localDate(new Date())
  return { settings: settingsView, mandates: mandates.ok ? { rule: mandates.rule, mayManage: mandates.mayManage, items: mandates.items } : null, today, mayUpdate: mayRun(updateLawSettings, ctx.ability) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'mandate-grant' || intent === 'mandate-withdraw') {
    const schoolId = String(form.get('schoolId') ?? '')
    const useCase = intent === 'mandate-grant' ? grantMandate : withdrawMandate
    requireUseCase(ctx, useCase)
    const saved =
      intent === 'mandate-grant'
        ? await perform(ctx, grantMandate, { schoolId, maxSchoolDays: form.get('maxSchoolDays'), startsOn: form.get('startsOn'), besluitOn: form.get('besluitOn') })
        : await perform(ctx, withdrawMandate, { schoolId, ...(form.get('besluitOn') ? { besluitOn: form.get('besluitOn') } : {}) })
    if (!saved.ok) return refusalData(saved, { schoolId })
    return redirect(`/instellingen?opgeslagen=1#mandaat-${schoolId}`)
  }
  requireUseCase(ctx, updateLawSettings)
  if (intent !== 'vo-adult-age') return data({ errors: [{ path: 'intent', message: 'Onbekende actie.' }] }, { status: 400 })
  const raw = form.get('voDecisionAdultAge')
  // A whole number from the select; anything else goes to the domain as it is and is refused there.
  const voDecisionAdultAge = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : raw
  const saved = await perform(ctx, updateLawSettings, { voDecisionAdultAge })
  if (!saved.ok) return refusalData(saved)
  return redirect('/instellingen?opgeslagen=1')
}

const STATUS_LABELS: Record<string, string> = { vastgesteld: 'Vastgesteld', onzeker: 'Onzeker', instelbaar: 'Instelbaar' }

/** 2026-11-18 → 18-11-2026; nothing for no date. */
const shownDate = (iso: string | null) => (iso ? formatDate(iso) : '')

export default function Settings() {
  const { settings, mandates, today, mayUpdate } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const rule = settings.voDecisionAdultAgeRule
  const ages = Array.from({ length: rule.max - rule.min + 1 }, (_, i) => rule.min + i)
  const mandateSchool = actionData && 'schoolId' in actionData && typeof actionData.schoolId === 'string' ? actionData.schoolId : null
  const error = mandateSchool ? undefined : actionData?.errors?.[0]?.message
  return (
    <section className="card">
      <h1>Instellingen van de stichting</h1>
      <p className="muted">Regels waarin de wet de stichting ruimte laat. Baken past ze toe op besluiten, brieven en berichten van alle scholen van de stichting.</p>
      {params.get('opgeslagen') ? (
        <p className="notice" role="status">
          Opgeslagen.
        </p>
      ) : null}
      {error ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>Niet opgeslagen.</strong> {error}
          </p>
        </div>
      ) : null}
      <section aria-labelledby="vo-age-h">
        <h2 id="vo-age-h">Voortgezet onderwijs: besluit ook naar de ouders tot</h2>
        <p>
          {rule.text}{' '}
          {rule.status.map((s) => (
            <span key={s} className="badge">
              {STATUS_LABELS[s] ?? s}
            </span>
          ))}
        </p>
        <p className="pr-source">Bron: {rule.source}</p>
        {rule.note ? <p className="muted">{rule.note}</p> : null}
        <p>
          Nu: <strong>{settings.voDecisionAdultAge} jaar</strong>
          {settings.voDecisionAdultAgeChosen === null ? ` (standaard van de regelset)` : ' (gekozen door de stichting)'}.
        </p>
        {mayUpdate ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="vo-adult-age" />
            <div>
              <label htmlFor="voDecisionAdultAge">Leeftijd waarop de leerling het besluit alleen ontvangt</label>
              <select id="voDecisionAdultAge" name="voDecisionAdultAge" defaultValue={settings.voDecisionAdultAge} aria-invalid={error ? true : undefined}>
                {ages.map((a) => (
                  <option key={a} value={a}>
                    {a} jaar{a === rule.default ? ' (standaard)' : a === rule.min ? ' (meerderjarig)' : ''}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">Opslaan</button>
          </Form>
        ) : null}
      </section>
      {mandates ? <Mandates mandates={mandates} today={today} errorSchool={mandateSchool} errors={mandateSchool ? (actionData?.errors ?? []) : []} /> : null}
    </section>
  )
}

type MandatesData = NonNullable<Awaited<ReturnType<typeof loader>>['mandates']>

/** Per school the directeur's mandate for schorsingen: in force, its versions, and the bestuurder's forms. */
function Mandates({ mandates, today, errorSchool, errors }: { mandates: MandatesData; today: string; errorSchool: string | null; errors: readonly { path: string; message: string }[] }) {
  return (
    <section aria-labelledby="mandate-h">
      <h2 id="mandate-h">Mandaat voor schorsingen</h2>
      <p>
        {mandates.rule.text}{' '}
        {mandates.rule.status.map((s) => (
          <span key={s} className="badge">
            {STATUS_LABELS[s] ?? s}
          </span>
        ))}
      </p>
      <p className="pr-source">Bron: {mandates.rule.source}</p>
      <p className="muted">
        Het bevoegd gezag verleent het mandaat per school bij schriftelijk mandaatbesluit. De directeur besluit dan namens het bevoegd gezag over een schorsing tot het
        gekozen aantal schooldagen; een langere schorsing, en elke verwijdering, besluit het bevoegd gezag zelf. Op een bezwaar tegen een besluit in mandaat beslist niet
        degene die het besluit nam (Awb art. 10:3 lid 3).
      </p>
      {mandates.items.map((school) => {
        const id = school.schoolId
        const fieldError = (path: string) => (errorSchool === id ? errors.find((e) => e.path === path)?.message : undefined)
        const general = errorSchool === id ? errors.find((e) => !['maxSchoolDays', 'startsOn', 'besluitOn'].includes(e.path))?.message : undefined
        const days = Array.from({ length: school.sectorMax }, (_, i) => i + 1)
        return (
          <section key={id} id={`mandaat-${id}`} aria-labelledby={`mandate-h-${id}`} className="card">
            <h3 id={`mandate-h-${id}`}>{school.schoolName}</h3>
            <p>
              {school.current ? (
                <>
                  Mandaat: de directeur besluit over een schorsing van ten hoogste <strong>{school.current.maxSchoolDays} schooldagen</strong>, vanaf{' '}
                  {shownDate(school.current.startsOn)} (mandaatbesluit van {shownDate(school.current.besluitOn)}).
                </>
              ) : (
                <>Geen mandaat: het bevoegd gezag besluit over elke schorsing.</>
              )}
            </p>
            {errorSchool === id && errors.length ? (
              <div className="error-summary" role="alert">
                <p>
                  <strong>Niet opgeslagen.</strong> {general ?? errors[0]!.message}
                </p>
              </div>
            ) : null}
            {school.history.length ? (
              <details>
                <summary>Eerdere versies ({school.history.length})</summary>
                <ol reversed>
                  {school.history.map((v) => (
                    <li key={v.id}>
                      Versie {v.version}:{' '}
                      {v.action === 'verleend'
                        ? `verleend tot ${v.maxSchoolDays} schooldagen vanaf ${shownDate(v.startsOn)}, besluit van ${shownDate(v.besluitOn)}`
                        : `ingetrokken, besluit van ${shownDate(v.besluitOn)}`}
                      {' — '}vastgelegd {new Date(v.at).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' })}
                      {v.byName ? ` door ${v.byName}` : ''}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
            {mandates.mayManage ? (
              <>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="mandate-grant" />
                  <input type="hidden" name="schoolId" value={id} />
                  <div>
                    <label htmlFor={`mandate-max-${id}`}>Ten hoogste (schooldagen)</label>
                    <select id={`mandate-max-${id}`} name="maxSchoolDays" defaultValue={school.current?.maxSchoolDays ?? school.sectorMax} aria-invalid={fieldError('maxSchoolDays') ? true : undefined}>
                      {days.map((d) => (
                        <option key={d} value={d}>
                          {d}
                          {d === school.sectorMax ? ' (wettelijk maximum)' : ''}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`mandate-start-${id}`}>Gaat in op</label>
                    <input id={`mandate-start-${id}`} type="date" name="startsOn" required defaultValue={today} aria-invalid={fieldError('startsOn') ? true : undefined} />
                  </div>
                  <div>
                    <label htmlFor={`mandate-besluit-${id}`}>Datum mandaatbesluit</label>
                    <input id={`mandate-besluit-${id}`} type="date" name="besluitOn" required max={today} defaultValue={today} aria-invalid={fieldError('besluitOn') ? true : undefined} />
                  </div>
                  <button type="submit">{school.current ? 'Mandaat wijzigen' : 'Mandaat verlenen'}</button>
                </Form>
                {school.current ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="mandate-withdraw" />
                    <input type="hidden" name="schoolId" value={id} />
                    <div>
                      <label htmlFor={`mandate-withdraw-${id}`}>Datum besluit tot intrekking</label>
                      <input id={`mandate-withdraw-${id}`} type="date" name="besluitOn" required max={today} defaultValue={today} />
                    </div>
                    <button type="submit" className="secondary">
                      Mandaat intrekken
                    </button>
                  </Form>
                ) : null}
              </>
            ) : null}
          </section>
        )
      })}
    </section>
  )
}
