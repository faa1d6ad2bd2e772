import { listPortal, submitPortalRequest } from '@baken/domain'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { formatDate } from '~/lib/format.ts'
import { requireFamily } from '~/lib/portal.server.ts'
import { pageValue, perform, refusalData, submitForm } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'

// Every text of this page comes from the dictionaries: it exists in English (ADR 035).
export const handle = { english: true }

const KINDS = ['inzage', 'rectificatie', 'beperking', 'bezwaar'] as const

/** An AVG request about the own child, into the school's subject-request workflow (one month to answer). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireFamily(request, context)
  const { children } = pageValue(await perform(ctx, listPortal, {}))
  const chosen = new URL(request.url).searchParams.get('leerling')
  return { children: children.map((c) => ({ id: c.id, name: c.name, kind: c.kind })), chosen }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireFamily(request, context)
  const outcome = await submitForm(ctx, submitPortalRequest, await request.formData())
  if (!outcome.ok) return refusalData(outcome)
  return { filed: true as const, dueOn: outcome.dueOn }
}

export default function RequestPage() {
  const t = useT()
  const { children, chosen } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errors = result && 'errors' in result ? result.errors : []
  const errorOf = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message).join(' ')
  if (result && 'filed' in result) {
    return (
      <section className="card">
        <h1>{t('portal.requestTitle')}</h1>
        <p role="status" className="notice">
          {t('portal.requestFiled', { date: formatDate(result.dueOn ?? '') })}
        </p>
        <p>
          <Link to="/ouders">← {t('portal.back')}</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="card">
      <p>
        <Link to="/ouders">← {t('portal.back')}</Link>
      </p>
      <h1>{t('portal.requestTitle')}</h1>
      <p>{t('portal.requestIntro')}</p>
      {errors.length ? (
        <div role="alert" className="error-summary">
          {errors.map((e) => (
            <p key={e.path + e.message}>{e.message}</p>
          ))}
        </div>
      ) : null}
      <Form method="post">
        <p>
          <label htmlFor="studentId">{t('portal.requestFor')}</label>
          <select id="studentId" name="studentId" defaultValue={chosen ?? children[0]?.id} aria-invalid={errorOf('studentId') ? true : undefined}>
            {children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.kind === 'leerling' ? t('portal.you') : c.name}
              </option>
            ))}
          </select>
        </p>
        <fieldset>
          <legend>{t('portal.requestKind')}</legend>
          {KINDS.map((k, i) => (
            <p key={k}>
              <input type="radio" id={`kind-${k}`} name="kind" value={k} defaultChecked={i === 0} />{' '}
              <label htmlFor={`kind-${k}`}>
                <strong>{t(`portal.kind.${k}`)}</strong> — {t(`portal.kindHelp.${k}`)}
              </label>
            </p>
          ))}
        </fieldset>
        <p>
          <label htmlFor="details">{t('portal.requestDetails')}</label>
          <textarea id="details" name="details" rows={5} maxLength={4000} required aria-invalid={errorOf('details') ? true : undefined} />
        </p>
        <p>
          <button type="submit" className="button">
            {t('portal.requestSend')}
          </button>
        </p>
      </Form>
    </section>
  )
}
