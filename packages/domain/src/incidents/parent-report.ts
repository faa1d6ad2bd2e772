// The report of a zeer ernstig incident for the parents of one pupil involved, as a Dutch PDF they
// sign "voor gezien" (the school safety protocol, §3.1). Other pupils are redacted (AVG art. 15 lid 4:
// a copy must not harm the rights of others): they appear only as "leerling A", "leerling B", … — in
// the list of persons and in the free text staff wrote (situation, analysis, agreements, …). Their
// groups, injuries and outcomes are left out altogether.
//
// PDF: the shared document of ../pdf/document.ts (pdfkit with an embedded Unicode font).
import { schema, type Tx } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { nameRedactor, pupilLabel, type NameParts } from '@baken/db/pseudonyms'
import { blocks, createPdf, FONT } from '../pdf/document.ts'
import { displayName } from '../students.ts'
import type { IncidentDetail } from './incident-record.ts'
import { refuse, type Outcome, type UseCaseContext } from '../use-case.ts'
import { openIncident, type OpenedIncident } from './incident-access.ts'

// The pseudonymisation itself is shared with the shares and the demo seed (packages/db/src/pseudonyms.ts).
export { BYSTANDER, isPupilLabel, nameRedactor, pupilLabel, redactNames, type NameParts } from '@baken/db/pseudonyms'

export interface ParentReportData {
  schoolName: string
  occurredAt: Date
  location: string | null
  types: string[]
  situation: string
  /** Verbal, physical aggression and vandalism as recorded: [label, description]. */
  behaviour: [string, string][]
  persons: { role: string; who: string; injury: string | null; outcome: string | null }[]
  measures: string[]
  analysis: string | null
  agreements: string | null
  parentsContacted: string | null
  pupil: { name: string; groupName: string | null }
  contact: { name: string; email: string | null }
  generatedAt: Date
  incidentRef: string
}

const ROLE_LABEL: Record<string, string> = {
  dader: 'dader',
  slachtoffer: 'slachtoffer',
  getuige: 'getuige',
  melder: 'melder',
  betrokkene: 'betrokkene',
}
const KIND_LABEL: Record<string, string> = { medewerker: 'medewerker', ouder: 'ouder/verzorger', externe: 'externe' }

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const dateOnly = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' })

/**
 * The parents' view of an incident for one pupil involved; null when the pupil is not a person of the
 * incident. `names` holds the name parts of every pupil of the incident.
 */
export function redactIncidentForPupil(
  incident: IncidentDetail,
  studentId: string,
  names: ReadonlyMap<string, NameParts>,
  extra: {
    schoolName: string
    contact: { name: string; email: string | null }
    generatedAt: Date
    /** The school's other pupils: each gets a letter of their own after the incident's should the text name them. */
    bystanders?: readonly NameParts[]
    /** The school's staff, whose names are kept. */
    staffNames?: readonly string[]
  },
): ParentReportData | null {
  const own = incident.persons.filter((p) => p.kind === 'leerling' && p.studentId === studentId)
  const focal = names.get(studentId)
  if (own.length === 0 || !focal) return null
  const labels = new Map<string, string>()
  for (const p of incident.persons) {
    if (p.kind === 'leerling' && p.studentId && p.studentId !== studentId && !labels.has(p.studentId)) {
      labels.set(p.studentId, pupilLabel(labels.size))
    }
  }
  const others = [...labels].flatMap(([id, label]) => {
    const name = names.get(id)
    return name ? [{ label, name }] : []
  })
  // A pupil outside the incident named in the text gets the next letter, the same each time ("leerling
  // C"), so the report still says who did what to whom (AVG art. 15 lid 4 without losing the facts).
  const redact = nameRedactor(focal, others, { bystanders: extra.bystanders, staffNames: extra.staffNames, letterBystanders: true })
  const clean = (s: string | null | undefined) => (s ? redact(s) : null)
  const behaviour: [string, string][] = []
  const describe = (form: string | null, against: string | null) =>
    [clean(form), against ? `tegen ${clean(against)}` : null].filter(Boolean).join(', ') || 'ja'
  if (incident.verbalAggression) behaviour.push(['Verbale agressie', describe(incident.verbalForm, incident.verbalAgainst)])
  if (incident.physicalAggression) behaviour.push(['Fysieke agressie', describe(incident.physicalForm, incident.physicalAgainst)])
  if (incident.vandalism) behaviour.push(['Vernieling', describe(incident.vandalismForm, incident.vandalismAgainst)])
  if (incident.objectThrownAtPerson) behaviour.push(['Voorwerp naar een persoon gegooid', 'ja'])
  if (incident.leftPremises) behaviour.push(['Schoolterrein verlaten', 'ja'])

  const ownGroup = own[0]!.groupName
  return {
    schoolName: extra.schoolName,
    occurredAt: incident.occurredAt,
    location: [incident.location?.label, clean(incident.locationNote)].filter(Boolean).join(' — ') || null,
    types: incident.voorval.map((c) => c.label),
    situation: clean(incident.situation) ?? '',
    behaviour,
    persons: incident.persons.map((p) => {
      if (p.kind === 'leerling' && p.studentId === studentId) {
        return { role: ROLE_LABEL[p.role] ?? p.role, who: `uw kind, ${displayName(focal)}`, injury: clean(p.injury), outcome: clean(p.outcome) }
      }
      if (p.kind === 'leerling') {
        return { role: ROLE_LABEL[p.role] ?? p.role, who: labels.get(p.studentId!) ?? 'een andere leerling', injury: null, outcome: null }
      }
      const description = clean(p.description)
      const kind = KIND_LABEL[p.kind] ?? p.kind
      return { role: ROLE_LABEL[p.role] ?? p.role, who: description ? `${kind} (${description})` : kind, injury: null, outcome: null }
    }),
    measures: incident.afhandeling.map((c) => c.label),
    analysis: clean(incident.analysis),
    agreements: clean(incident.agreements),
    parentsContacted: incident.parentsContacted
      ? `Ja${incident.parentsContactedAt ? `, op ${dateOnly.format(incident.parentsContactedAt)}` : ''}${incident.parentsContactedBy ? ` door ${incident.parentsContactedBy}` : ''}`
      : null,
    pupil: { name: displayName(focal), groupName: ownGroup },
    contact: extra.contact,
    generatedAt: extra.generatedAt,
    incidentRef: incident.id.slice(0, 8),
  }
}

/** Renders the report as a PDF (A4, Dutch). `compress: false` leaves the content streams readable. */
export function renderParentReport(data: ParentReportData, options: { compress?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  // No names in the metadata: it travels with the file and shows in viewers and indexes.
  const { doc, width, finish } = createPdf({ margin: 56, compress: options.compress, title: 'Verslag van een zeer ernstig incident', author: data.schoolName })
  const { heading, field, paragraph, bullet, text: w } = blocks(doc, width)
  const bullets = (items: string[]) => {
    for (const item of items) bullet(item)
  }

  doc.font(FONT.bold).fontSize(16).text('Verslag van een zeer ernstig incident', { width })
  doc.moveDown(0.3)
  doc.font(FONT.regular).fontSize(11).text(w(`Voor de ouder(s)/verzorger(s) van ${data.pupil.name}${data.pupil.groupName ? ` (${data.pupil.groupName})` : ''}`), { width })

  heading('Het incident')
  field('School', data.schoolName)
  field('Datum en tijd', `${dateTime.format(data.occurredAt)} uur`)
  field('Locatie', data.location ?? 'niet vastgelegd')
  if (data.types.length) field('Soort incident', data.types.join(', '))
  for (const [label, value] of data.behaviour) field(label, value)

  heading('Wat is er gebeurd')
  paragraph(data.situation || 'Geen beschrijving vastgelegd.')

  heading('Betrokkenen')
  for (const p of data.persons) {
    const extra = [p.injury ? `letsel: ${p.injury}` : null, p.outcome ? `afloop: ${p.outcome}` : null].filter(Boolean).join('; ')
    bullets([`${p.who} — ${p.role}${extra ? ` (${extra})` : ''}`])
  }

  heading('Maatregelen en afspraken')
  if (data.measures.length) {
    doc.font(FONT.bold).fontSize(10).text('Genomen maatregelen:', { width })
    bullets(data.measures)
  } else {
    paragraph('Er zijn geen maatregelen vastgelegd.')
  }
  if (data.analysis) field('Analyse', data.analysis)
  field('Afspraken', data.agreements ?? 'Er zijn geen afspraken vastgelegd.')
  field('Contact met ouders', data.parentsContacted ?? 'nog niet vastgelegd')

  heading('Contact')
  paragraph(
    `Heeft u vragen over dit verslag? Neem contact op met ${data.contact.name}${data.contact.email ? ` (${data.contact.email})` : ''}, ${data.schoolName}.`,
  )
  doc.moveDown(0.3)
  doc
    .font(FONT.italic)
    .fontSize(9)
    .text('Om de privacy van andere leerlingen te beschermen staan hun namen niet in dit verslag; zij heten hier leerling A, leerling B, enzovoort.', { width })

  // The "voor gezien" block stays on one page.
  if (doc.y > doc.page.height - 260) doc.addPage()
  heading('Voor gezien')
  paragraph(
    'Met uw handtekening bevestigt u dat u dit verslag heeft ontvangen en gelezen. Het betekent niet dat u het met de inhoud eens bent; uw reactie kunt u hieronder of apart aan de school geven.',
  )
  doc.moveDown(1.2)
  for (const label of ['Naam ouder/verzorger', 'Datum', 'Handtekening']) {
    const y = doc.y + (label === 'Handtekening' ? 28 : 14)
    doc.font(FONT.regular).fontSize(10).text(`${label}:`, 56, y - 12)
    doc.moveTo(200, y).lineTo(200 + 280, y).lineWidth(0.6).strokeColor('#555555').stroke()
    doc.x = 56
    doc.y = y + 16
  }
  doc.moveDown(1.5)
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor('#555555')
    .text(w(`Opgesteld op ${dateOnly.format(data.generatedAt)} door ${data.schoolName} met Baken · incident ${data.incidentRef}`), 56, doc.y, { width })
  return finish()
}

/**
 * Opens an incident (break-glass as for the note, ./incident-access.ts) as one pupil's view: the
 * pupil by name, every other pupil as "leerling A", "leerling B", pupils outside the incident named
 * in the text with the next letters, each their own. For the parents' report and for access requests (AVG art. 15). Not found
 * for a pupil not in the incident. The caller logs the read for that pupil.
 */
export async function openParticipantView(
  tx: Tx,
  ctx: UseCaseContext,
  id: string,
  studentId: string,
  reason: string | null | undefined,
): Promise<Outcome<OpenedIncident & { data: ParentReportData }>> {
  const opened = await openIncident(tx, ctx, id, reason)
  if (!opened.ok) return opened
  const { incident } = opened
  const involved = z.uuid().safeParse(studentId).success && incident.persons.some((p) => p.kind === 'leerling' && p.studentId === studentId)
  if (!involved) return refuse('not_found', 'studentId', 'Deze leerling is niet bij het incident betrokken.')
  const [pupils, staff, [school], [me]] = await Promise.all([
    // Every pupil of the school: those of the incident get labels, the others are redacted if named.
    tx
      .select({ id: schema.students.id, firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName })
      .from(schema.students)
      .where(eq(schema.students.schoolId, incident.schoolId)),
    tx
      .selectDistinct({ name: schema.users.name })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.schoolId, incident.schoolId)),
    tx.select({ name: schema.schools.name }).from(schema.schools).where(eq(schema.schools.id, incident.schoolId)),
    tx.select({ name: schema.users.name, email: schema.users.email }).from(schema.users).where(eq(schema.users.id, ctx.tenant.userId)),
  ])
  const names = new Map(pupils.map((p) => [p.id, p]))
  const inIncident = new Set(incident.persons.map((p) => p.studentId))
  const data = redactIncidentForPupil(incident, studentId, names, {
    schoolName: school?.name ?? '',
    contact: { name: me?.name ?? 'de school', email: me?.email ?? null },
    generatedAt: ctx.now,
    bystanders: pupils.filter((p) => !inIncident.has(p.id)),
    staffNames: staff.map((u) => u.name),
  })
  if (!data) return refuse('not_found', 'studentId', 'Deze leerling is niet bij het incident betrokken.')
  return { ...opened, data }
}
