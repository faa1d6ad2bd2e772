import { listSchoolProtocols } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { fill, formatDate } from '~/lib/format.ts'
import { useRootData } from '~/root.tsx'

/**
 * /protocol — per school the measure rules of its sector (versioned, each with its source) beside the
 * school's own protocol, differences marked. Stichting roles see all their schools, the directeur and
 * IB their own.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listSchoolProtocols)
  const listed = await perform(ctx, listSchoolProtocols, {})
  if (!listed.ok) throw data('Geen toegang', { status: 403 })
  const views = listed.items
  const requested = new URL(request.url).searchParams.get('school')
  const selected = requested ? views.find((v) => v.school.id === requested) : views[0]
  if (requested && !selected) throw data('Niet gevonden', { status: 404 })
  return {
    schools: views.map((v) => ({
      ...v.school,
      ruleSetId: v.ruleSet.id,
      protocol: v.protocol?.title ?? null,
      differences: v.differences,
    })),
    selected: selected ?? null,
  }
}

// Topics and statuses repeat the domain's names (component code imports no @baken values).
const TOPICS = ['adempauze', 'time_out', 'schorsing', 'verwijdering', 'bezwaar'] as const
type Topic = (typeof TOPICS)[number]
type Status = 'gelijk' | 'wijkt_af' | 'keuze' | 'niet_geregeld'

const dictionary = {
  nl: {
    title: 'Protocol en wet',
    intro:
      'Per school de regels voor maatregelen uit de wet, per sector en met de bron, naast het eigen protocol van de school. Een verschil staat er als "Wijkt af". Regels waarover de wet niet zeker is, zijn gemarkeerd als "Onzeker"; die stelt de stichting zelf in.',
    schools: 'Scholen',
    school: 'School',
    brin: 'BRIN',
    sector: 'Sector',
    ruleSet: 'Regelset',
    protocol: 'Protocol',
    differences: 'Verschillen',
    show: 'Bekijken',
    shown: 'getoond',
    noProtocolShort: 'geen protocol vastgelegd',
    noSchools: 'Er zijn geen scholen om te tonen.',
    sectorLine: 'Sector {sector}: {title}. Versie {id}, geldt vanaf {date}.',
    protocolLine: 'Protocol op dossier: {title} ({version}).',
    differenceCount: '{n} verschil(len) met de wet.',
    noDifferences: 'Geen verschillen met de wet.',
    noProtocol:
      'Voor deze school is geen protocol vastgelegd. Hieronder staan alleen de regels uit de wet; leg het protocol van de school vast om het te vergelijken.',
    diffList: 'Waar het protocol afwijkt',
    law: 'Wet',
    source: 'Bron',
    comparison: 'Vergelijking',
    notInProtocol: 'Niet geregeld in het protocol.',
    uncertain: 'Onzeker',
    configurable: 'Instelbaar',
    note: 'Toelichting',
    topics: {
      adempauze: 'Adempauze',
      time_out: 'Time-out',
      schorsing: 'Schorsing',
      verwijdering: 'Verwijdering',
      bezwaar: 'Bezwaar',
    } satisfies Record<Topic, string>,
    status: {
      gelijk: 'Gelijk',
      wijkt_af: 'Wijkt af',
      keuze: 'Keuze van de stichting',
      niet_geregeld: 'Niet geregeld',
    } satisfies Record<Status, string>,
  },
  en: {
    title: 'Protocol and the law',
    intro:
      'Per school the rules for measures from the law, per sector and with their source, beside the school\'s own protocol. A difference is marked "Differs". Rules on which the law is uncertain are marked "Uncertain"; the stichting configures those itself. The rules are shown in Dutch, as in the law.',
    schools: 'Schools',
    school: 'School',
    brin: 'BRIN',
    sector: 'Sector',
    ruleSet: 'Rule set',
    protocol: 'Protocol',
    differences: 'Differences',
    show: 'View',
    shown: 'shown',
    noProtocolShort: 'no protocol on file',
    noSchools: 'There are no schools to show.',
    sectorLine: 'Sector {sector}: {title}. Version {id}, in force from {date}.',
    protocolLine: 'Protocol on file: {title} ({version}).',
    differenceCount: '{n} difference(s) from the law.',
    noDifferences: 'No differences from the law.',
    noProtocol: 'No protocol is on file for this school. Below are only the rules of the law; record the school\'s protocol to compare it.',
    diffList: 'Where the protocol differs',
    law: 'Law',
    source: 'Source',
    comparison: 'Comparison',
    notInProtocol: 'Not covered by the protocol.',
    uncertain: 'Uncertain',
    configurable: 'Configurable',
    note: 'Note',
    topics: {
      adempauze: 'Adempauze (breathing pause)',
      time_out: 'Time-out',
      schorsing: 'Schorsing (suspension)',
      verwijdering: 'Verwijdering (expulsion)',
      bezwaar: 'Bezwaar (objection)',
    } satisfies Record<Topic, string>,
    status: {
      gelijk: 'Same',
      wijkt_af: 'Differs',
      keuze: 'Stichting\'s choice',
      niet_geregeld: 'Not covered',
    } satisfies Record<Status, string>,
  },
} as const

type Dictionary = (typeof dictionary)['nl' | 'en']
type Selected = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['selected']>
const rowId = (key: string) => `regel-${key.replace('.', '-')}`

function Flags({ t, uncertain, configurable }: { t: Dictionary; uncertain: boolean; configurable: boolean }) {
  if (!uncertain && !configurable) return null
  return (
    <span className="pr-flags">
      {uncertain ? <span className="badge pr-uncertain">{t.uncertain}</span> : null}
      {configurable ? <span className="badge">{t.configurable}</span> : null}
    </span>
  )
}

/** A rule's two cells: what the law says (with its flags and note) and its source. */
function LawCells({ t, text, uncertain, configurable, note, source }: { t: Dictionary; text: string; uncertain: boolean; configurable: boolean; note: string | null | undefined; source: string }) {
  return (
    <>
      <td data-label={t.law}>
        {text}
        <Flags t={t} uncertain={uncertain} configurable={configurable} />
        <Note t={t} text={note} />
      </td>
      <td data-label={t.source} className="pr-source">
        {source}
      </td>
    </>
  )
}

function Note({ t, text }: { t: Dictionary; text: string | null | undefined }) {
  if (!text) return null
  return (
    <p className="pr-note">
      <span className="sr-only">{t.note}: </span>
      {text}
    </p>
  )
}

/** The law and, when there is one, the protocol beside it; one table per topic. */
function SchoolRules({ t, view }: { t: Dictionary; view: Selected }) {
  const rows = view.comparison
  const differing = rows?.filter((r) => r.differs) ?? []
  return (
    <>
      {rows && differing.length > 0 ? (
        <div className="card pr-summary">
          <h3>{t.diffList}</h3>
          <ul>
            {differing.map((r) => (
              <li key={r.key}>
                <a href={`#${rowId(r.key)}`}>
                  {t.topics[r.topic]}: {r.protocol}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {TOPICS.map((topic) => {
        const captionId = `onderwerp-${topic}`
        if (rows) {
          const topicRows = rows.filter((r) => r.topic === topic)
          return (
            <section key={topic} aria-labelledby={captionId}>
              <h3 id={captionId}>{t.topics[topic]}</h3>
              <table className="table-responsive pr-table">
                <thead>
                  <tr>
                    <th scope="col">{t.law}</th>
                    <th scope="col">{t.source}</th>
                    <th scope="col">{t.protocol}</th>
                    <th scope="col">{t.comparison}</th>
                  </tr>
                </thead>
                <tbody>
                  {topicRows.map((r) => (
                    <tr key={r.key} id={rowId(r.key)} className={r.differs ? 'pr-differs' : undefined}>
                      <LawCells t={t} text={r.law} uncertain={r.uncertain} configurable={r.configurable} note={r.note} source={r.source} />
                      <td data-label={t.protocol}>
                        {r.protocol ?? <span className="muted">{t.notInProtocol}</span>}
                        {r.protocolSource ? <span className="pr-source pr-block">{r.protocolSource}</span> : null}
                      </td>
                      <td data-label={t.comparison}>
                        <span className={`badge pr-status pr-status-${r.status}`}>{t.status[r.status]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        }
        const topicRules = view.ruleSet.rules.filter((r) => r.topic === topic)
        return (
          <section key={topic} aria-labelledby={captionId}>
            <h3 id={captionId}>{t.topics[topic]}</h3>
            <table className="table-responsive pr-table">
              <thead>
                <tr>
                  <th scope="col">{t.law}</th>
                  <th scope="col">{t.source}</th>
                </tr>
              </thead>
              <tbody>
                {topicRules.map((r) => (
                  <tr key={r.key} id={rowId(r.key)}>
                    <LawCells t={t} text={r.text} uncertain={!!r.uncertain} configurable={!!r.configurable} note={r.note} source={r.source} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      })}
    </>
  )
}

export default function ProtocolPage() {
  const lang = useRootData()?.lang === 'en' ? 'en' : 'nl'
  const t = dictionary[lang]
  const { schools, selected } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {schools.length > 1 ? (
        <>
          <h2>{t.schools}</h2>
          <table className="table-responsive">
            <thead>
              <tr>
                <th scope="col">{t.school}</th>
                <th scope="col">{t.brin}</th>
                <th scope="col">{t.sector}</th>
                <th scope="col">{t.ruleSet}</th>
                <th scope="col">{t.protocol}</th>
                <th scope="col">{t.differences}</th>
              </tr>
            </thead>
            <tbody>
              {schools.map((s) => {
                const current = s.id === selected?.school.id
                return (
                  <tr key={s.id}>
                    <td data-label={t.school}>
                      <Link to={`?school=${s.id}`} aria-current={current ? 'page' : undefined}>
                        {s.name}
                      </Link>
                      {current ? <span className="muted"> ({t.shown})</span> : null}
                    </td>
                    <td data-label={t.brin}>{s.brin}</td>
                    <td data-label={t.sector}>{s.sector}</td>
                    <td data-label={t.ruleSet}>{s.ruleSetId}</td>
                    <td data-label={t.protocol}>{s.protocol ?? <span className="muted">{t.noProtocolShort}</span>}</td>
                    <td data-label={t.differences}>{s.protocol ? s.differences : '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </>
      ) : null}
      {selected ? (
        <section aria-labelledby="gekozen-school" className="pr-school">
          <h2 id="gekozen-school">{`${selected.school.name} (${selected.school.brin})`}</h2>
          <p>
            {fill(t.sectorLine, {
              sector: selected.school.sector,
              title: selected.ruleSet.title,
              id: selected.ruleSet.id,
              date: formatDate(selected.ruleSet.validFrom),
            })}
          </p>
          {selected.ruleSet.note ? <p className="muted">{selected.ruleSet.note}</p> : null}
          {selected.protocol ? (
            <p>
              {fill(t.protocolLine, { title: selected.protocol.title, version: selected.protocol.version })}{' '}
              <strong>{selected.differences > 0 ? fill(t.differenceCount, { n: selected.differences }) : t.noDifferences}</strong>
            </p>
          ) : (
            <p className="notice">{t.noProtocol}</p>
          )}
          <SchoolRules t={t} view={selected} />
        </section>
      ) : (
        <p>{t.noSchools}</p>
      )}
    </section>
  )
}
