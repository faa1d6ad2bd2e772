import { createSlot, listSlots, localDate, HALT_WEEKDAYS } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { errorOf, HaltErrors } from '~/components/halt.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { formatDate } from '~/lib/format.ts'
import { perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { NamedOptions } from '~/components/form-parts.tsx'

/** Weekly spreekuur slots per school location, and adding one. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listSlots)
  const listed = await perform(ctx, listSlots, {})
  const { schools, slots } = listed.ok ? listed : { schools: [], slots: [] }
  return { schools, slots, weekdays: [...HALT_WEEKDAYS], today: localDate(new Date()) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const saved = await submitForm(ctx, createSlot, await request.formData())
  if (!saved.ok) return refusalData(saved, { saved: false })
  return { errors: [], saved: true }
}

export default function HaltSlots() {
  const { schools, slots, weekdays, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result?.errors ?? []
  const groups = new Map<string, typeof slots>()
  for (const s of slots) groups.set(`${s.schoolName} — ${s.location}`, [...(groups.get(`${s.schoolName} — ${s.location}`) ?? []), s])
  return (
    <section>
      <p>
        <Link to="/halt">← Verwijzingen</Link>
      </p>
      <h1>Spreekuren per schoollocatie</h1>
      {slots.length === 0 ? <p>Nog geen spreekuren.</p> : null}
      {[...groups].map(([title, list]) => (
        <section key={title} className="card" aria-label={title}>
          <h2>{title}</h2>
          <table className="table-responsive">
            <thead>
              <tr>
                <th scope="col">Dag</th>
                <th scope="col">Tijd</th>
                <th scope="col">Geldig</th>
                <th scope="col">Afspraken</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <td data-label="Dag">elke {weekdays[s.weekday]}</td>
                  <td data-label="Tijd">
                    {s.startsAt}–{s.endsAt}
                  </td>
                  <td data-label="Geldig">
                    vanaf {formatDate(s.validFrom)}
                    {s.validUntil ? ` t/m ${formatDate(s.validUntil)}` : ''}
                  </td>
                  <td data-label="Afspraken">{s.booked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section className="card" aria-labelledby="new-slot-h">
        <h2 id="new-slot-h">Wekelijks spreekuur toevoegen</h2>
        <HaltErrors errors={errors} />
        {result?.saved ? <p role="status">Spreekuur toegevoegd.</p> : null}
        <Form method="post">
          <div className="two-col">
            <div className="field">
              <label htmlFor="schoolId">School</label>
              <select id="schoolId" name="schoolId" aria-invalid={errorOf(errors, 'schoolId') ? true : undefined}>
                <NamedOptions items={schools} />
              </select>
            </div>
            <div className="field">
              <label htmlFor="location">Locatie</label>
              <input id="location" name="location" placeholder="bijv. hoofdgebouw, lokaal 1.12" aria-invalid={errorOf(errors, 'location') ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor="weekday">Dag</label>
              <select id="weekday" name="weekday" defaultValue="2">
                {weekdays.slice(1).map((w, i) => (
                  <option key={w} value={i + 1}>
                    {w}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="startsAt">Van</label>
              <input id="startsAt" name="startsAt" type="time" defaultValue="13:00" />
            </div>
            <div className="field">
              <label htmlFor="endsAt">Tot</label>
              <input id="endsAt" name="endsAt" type="time" defaultValue="15:00" aria-invalid={errorOf(errors, 'endsAt') ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor="validFrom">Geldig vanaf</label>
              <input id="validFrom" name="validFrom" type="date" defaultValue={today} />
            </div>
            <div className="field">
              <label htmlFor="validUntil">Geldig tot en met (optioneel)</label>
              <input id="validUntil" name="validUntil" type="date" />
            </div>
          </div>
          <button type="submit">Toevoegen</button>
        </Form>
      </section>
    </section>
  )
}
