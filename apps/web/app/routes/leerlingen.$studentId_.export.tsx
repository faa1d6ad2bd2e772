// The data subject's export (AVG art. 15) of one student: who exercises the rights (under 16 the
// parents, from 16 the student; age today) and the JSON and PDF downloads. The directeur of the
// student's school. (Route file name with "_": the page stands on its own, outside the dossier's layout.)
import { getExportSubject } from '@baken/domain'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'

export const meta: MetaFunction = () => [{ title: 'Gegevens van een leerling exporteren — Baken' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getExportSubject)
  const found = await perform(ctx, getExportSubject, { id: params.studentId ?? '' })
  if (!found.ok) throw new Response('Leerling niet gevonden', { status: 404 })
  const { ok: _ok, ...subject } = found
  return { subject }
}

export default function StudentExportPage() {
  const { subject } = useLoaderData<typeof loader>()
  const base = `/leerlingen/${subject.id}/export`
  return (
    <section className="card">
      <p>
        <Link to={`/leerlingen/${subject.id}`}>← {subject.name}</Link>
      </p>
      <h1>Alle gegevens van {subject.name}</h1>
      <p>
        Een overzicht van alles wat de school over deze leerling vastlegt, voor het recht op inzage (AVG art. 15): de leerling en
        ouders/verzorgers, incidenten (andere leerlingen onherkenbaar als leerling A, B, …), maatregelen met hun verloop en brieven,
        verwijzingen naar Halt, met wie gegevens zijn gedeeld en waarom, en wie de gegevens heeft bekeken.
      </p>
      <div className="notice" role="note" aria-labelledby="rights-title">
        <h2 id="rights-title">Wie oefent de rechten uit?</h2>
        <p>{subject.explanation}</p>
        <p>
          {subject.exercisedBy === 'ouders'
            ? 'Geef het overzicht aan de ouders of verzorgers, niet aan de leerling alleen.'
            : 'Geef het overzicht aan de leerling; aan ouders alleen met toestemming of machtiging van de leerling.'}
        </p>
      </div>
      <h2>Downloaden</h2>
      <p>Het downloaden wordt vastgelegd in het toegangslog.</p>
      <ul className="actions">
        <li>
          <a href={`${base}.pdf`} download>
            PDF downloaden (om te overhandigen)
          </a>
        </li>
        <li>
          <a href={`${base}.json`} download>
            JSON downloaden (machineleesbaar)
          </a>
        </li>
      </ul>
    </section>
  )
}
