import { LETTER_PLACEHOLDERS, listLetterTemplates, saveLetterTemplate, templateRefusalDetails, type LetterPlaceholder } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { fill, formatDateTime } from '~/lib/format.ts'
import { useRootData } from '~/root.tsx'
import { LETTER_KIND_TEXT } from '~/components/measure-letters.tsx'

/**
 * /sjablonen — the stichting's decision-letter templates, for the
 * stichtingbeheerder and the bestuurder: per kind the current version and its text, the earlier
 * versions, and the placeholders the law requires. Saving adds a version; letters already made keep
 * the version they were made from.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  // The page is for those who add versions (the stichtingbeheerder and the bestuurder).
  requireUseCase(ctx, saveLetterTemplate)
  const listed = await perform(ctx, listLetterTemplates, {})
  if (!listed.ok) throw data('Geen toegang', { status: 403 })
  return { templates: listed.items, placeholders: LETTER_PLACEHOLDERS }
}

type ActionData = { kind: string; body: string; errors: { path: string; message: string }[]; missing: string[] }

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, saveLetterTemplate)
  const form = await request.formData()
  const kind = String(form.get('kind') ?? '')
  const body = String(form.get('body') ?? '')
  if (form.get('intent') !== 'save') {
    return data<ActionData>({ kind, body, errors: [{ path: 'intent', message: 'Onbekende actie.' }], missing: [] }, { status: 400 })
  }
  const result = await submitForm(ctx, saveLetterTemplate, form)
  if (!result.ok) {
    const placeholders = templateRefusalDetails(result)
    return refusalData<Omit<ActionData, 'errors'>>(result, { kind, body, missing: [...(placeholders?.missing ?? []), ...(placeholders?.unknown ?? [])] })
  }
  return redirect(`/sjablonen?opgeslagen=${encodeURIComponent(kind)}&versie=${result.version}#sjabloon-${kind}`)
}

// The placeholder list comes from the loader (component code imports no @baken values; types are erased).
type Placeholder = LetterPlaceholder

const dictionary = {
  nl: {
    title: 'Sjablonen voor brieven',
    intro:
      'Uit deze sjablonen maken de scholen hun besluitbrieven (PDF). Opslaan maakt een nieuwe versie; brieven die al gemaakt zijn, houden de versie waaruit ze zijn gemaakt. Plaatshouders tussen dubbele accolades, zoals {{redenen}}, vult Baken in uit de maatregel en de wet.',
    saved: 'Versie {version} is opgeslagen. Nieuwe brieven worden vanaf nu uit deze versie gemaakt.',
    errorsTitle: 'Het sjabloon is niet opgeslagen',
    missing: 'Ontbreekt of onbekend:',
    current: 'Versie {version}, {at}{by}',
    by: ', door {name}',
    standardBadge: 'standaardsjabloon',
    noTemplate: 'De stichting heeft nog geen eigen versie. Brieven worden gemaakt uit de tekst hieronder; opslaan maakt versie 1 van de stichting.',
    required: 'Verplichte plaatshouders',
    text: 'Tekst van het sjabloon',
    save: 'Opslaan als nieuwe versie',
    saving: 'Bezig met opslaan…',
    history: 'Eerdere versies',
    version: 'versie {version}',
    legend: 'Alle plaatshouders',
    legendIntro: 'Een plaatshouder die bij een brief niet van toepassing is, blijft leeg.',
    kinds: LETTER_KIND_TEXT.nl,
    meaning: {
      aanhef: 'de aanhef: de ouders (met hun namen), de leerling, of beiden — naar sector en leeftijd',
      leerling: 'de naam van de leerling',
      school: 'de naam van de school',
      stichting: 'de naam van de stichting (het bevoegd gezag)',
      datum: 'de datum van de brief',
      periode: 'de periode van de maatregel, in woorden',
      duur: 'het aantal schooldagen van de schorsing',
      redenen: 'de redenen uit de maatregel',
      wettelijke_grondslag: 'de regels uit de wet met hun artikelen; bij een time-out: dat er geen wettelijke grondslag is',
      onderwijs_tijdens_maatregel: 'huiswerk en toetsen tijdens de maatregel, met de afspraken uit de taken',
      bezwaarclausule: 'hoe en binnen welke termijn bezwaar kan worden gemaakt; bij een schorsing alleen als de stichting dat heeft ingesteld',
      inspectie_melding: '", en de Inspectie van het Onderwijs wordt geïnformeerd" als de schorsing gemeld moet worden',
      voorwaarde_definitief: 'wanneer een verwijdering definitief wordt (per sector)',
      ondertekening: 'wie ondertekent, namens het bevoegd gezag',
      bezwaar_ontvangen: 'de datum waarop het bezwaar binnenkwam',
      besluitdatum: 'de datum van het besluit',
      uitkomst: 'de beslissing op het bezwaar',
      beroepsclausule: 'waar beroep kan worden ingesteld tegen de beslissing op bezwaar',
      mandaat: 'dat de directeur besloot namens het bevoegd gezag, krachtens mandaat van de datum van het mandaatbesluit; leeg als het bevoegd gezag zelf besloot',
    } satisfies Record<Placeholder, string>,
  },
  en: {
    title: 'Letter templates',
    intro:
      'The schools make their decision letters (PDF) from these templates. Saving creates a new version; letters already made keep the version they were made from. Placeholders in double braces, such as {{redenen}}, are filled in by Baken from the measure and the law.',
    saved: 'Version {version} was saved. New letters are made from this version from now on.',
    errorsTitle: 'The template was not saved',
    missing: 'Missing or unknown:',
    current: 'Version {version}, {at}{by}',
    by: ', by {name}',
    standardBadge: 'standard template',
    noTemplate: 'The foundation has no version of its own yet. Letters are made from the text below; saving creates the foundation’s version 1.',
    required: 'Required placeholders',
    text: 'Template text',
    save: 'Save as a new version',
    saving: 'Saving…',
    history: 'Earlier versions',
    version: 'version {version}',
    legend: 'All placeholders',
    legendIntro: 'A placeholder that does not apply to a letter stays empty.',
    kinds: LETTER_KIND_TEXT.en,
    meaning: {
      aanhef: 'the salutation: the parents (by name), the pupil, or both — by sector and age',
      leerling: 'the pupil’s name',
      school: 'the school’s name',
      stichting: 'the foundation’s name (the competent authority)',
      datum: 'the date of the letter',
      periode: 'the period of the measure, in words',
      duur: 'the number of school days of the suspension',
      redenen: 'the reasons recorded on the measure',
      wettelijke_grondslag: 'the rules of the law with their articles; for a time-out: that there is no statutory basis',
      onderwijs_tijdens_maatregel: 'homework and tests during the measure, with the agreements from the tasks',
      bezwaarclausule: 'how and within which term to object; for a suspension only when the foundation has chosen so',
      inspectie_melding: '", and the Education Inspectorate is informed" when the suspension must be reported',
      voorwaarde_definitief: 'when a removal becomes definitive (per sector)',
      ondertekening: 'who signs, on behalf of the competent authority',
      bezwaar_ontvangen: 'the date the objection was received',
      besluitdatum: 'the date of the decision',
      uitkomst: 'the decision on the objection',
      beroepsclausule: 'where to appeal against the decision on the objection',
      mandaat: 'that the head decided on behalf of the competent authority, under the mandate of the date of the mandate decision; empty when the authority decided itself',
    } satisfies Record<Placeholder, string>,
  },
} as const

export default function Sjablonen() {
  const t = dictionary[useRootData()?.lang === 'en' ? 'en' : 'nl']
  const { templates, placeholders } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const savedKind = params.get('opgeslagen')
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {templates.map((tpl) => {
        const failed = actionData?.kind === tpl.kind ? actionData : undefined
        const saving = navigation.state === 'submitting' && navigation.formData?.get('kind') === tpl.kind
        return (
          <section key={tpl.kind} id={`sjabloon-${tpl.kind}`} className="card" aria-labelledby={`sjabloon-${tpl.kind}-h`}>
            <h2 id={`sjabloon-${tpl.kind}-h`}>{t.kinds[tpl.kind] ?? tpl.kind}</h2>
            {savedKind === tpl.kind ? (
              <p role="status" className="notice">
                {fill(t.saved, { version: params.get('versie') ?? '' })}
              </p>
            ) : null}
            {failed ? (
              <div className="error-summary" role="alert">
                <p>{t.errorsTitle}</p>
                <ul>
                  {failed.errors.map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
                {failed.missing.length ? (
                  <p>
                    {t.missing}{' '}
                    {failed.missing.map((p) => (
                      <code key={p}>{`{{${p}}}`} </code>
                    ))}
                  </p>
                ) : null}
              </div>
            ) : null}
            <p>
              {tpl.latest
                ? fill(t.current, {
                    version: tpl.latest.version,
                    at: formatDateTime(tpl.latest.createdAt),
                    by: tpl.latest.createdByName ? fill(t.by, { name: tpl.latest.createdByName }) : '',
                  })
                : (
                  <>
                    <span className="badge">{t.standardBadge}</span> {t.noTemplate}
                  </>
                )}
            </p>
            <p>
              {t.required}:{' '}
              {tpl.required.map((p) => (
                <code key={p} className="badge">{`{{${p}}}`}</code>
              ))}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="kind" value={tpl.kind} />
              <label htmlFor={`body-${tpl.kind}`}>{t.text}</label>
              <textarea
                id={`body-${tpl.kind}`}
                name="body"
                rows={18}
                // A new key after a save or a failed save shows the text that is now current.
                key={`${tpl.latest?.version ?? 0}-${failed ? 'failed' : 'ok'}`}
                defaultValue={failed ? failed.body : (tpl.latest?.body ?? tpl.standard)}
                required
                spellCheck
              />
              <button type="submit" disabled={saving}>
                {saving ? t.saving : t.save}
              </button>
            </Form>
            {tpl.versions.length > 1 ? (
              <details>
                <summary>{t.history}</summary>
                <ul>
                  {tpl.versions.slice(1).map((v) => (
                    <li key={v.id}>
                      {fill(t.version, { version: v.version })} · {formatDateTime(v.createdAt)}
                      {v.createdByName ? fill(t.by, { name: v.createdByName }) : ''}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        )
      })}
      <section className="card" aria-labelledby="sjabloon-legend">
        <h2 id="sjabloon-legend">{t.legend}</h2>
        <p className="muted">{t.legendIntro}</p>
        <dl className="facts">
          {placeholders.map((p) => (
            <div key={p}>
              <dt>
                <code>{`{{${p}}}`}</code>
              </dt>
              <dd>{t.meaning[p]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </section>
  )
}
