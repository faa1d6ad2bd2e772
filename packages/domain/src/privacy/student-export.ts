// Everything about one student, for the data subject's right of access (AVG art. 15): the
// student and guardians, incidents (the student's role; other pupils as "leerling A/B" and redacted
// from free text, as in the parents' report), measures with transitions and the letters list, Halt
// referrals (status, dates and the closing report; never Halt's own notes), to whom data was shared
// and why, and who looked at it (student_access_history, migration 0019). As JSON and as a Dutch PDF.
// Made by the directeur of the student's school (ability `create StudentExport`); the export itself is
// written to the access log. Collected by export-student.ts; rendered here.
import { blocks, createPdf, FONT } from '../pdf/document.ts'
import type { RightsHolder } from './rights-dates.ts'

export interface StudentExport {
  kind: 'baken-leerlingexport'
  generatedAt: string
  generatedBy: string
  school: { name: string; brin: string }
  rights: { age: number; exercisedBy: RightsHolder; explanation: string }
  student: {
    id: string
    externalId: string | null
    name: string
    dateOfBirth: string
    group: string | null
    status: 'active' | 'left'
    enrolledOn: string | null
    leftOn: string | null
  }
  guardians: { name: string; relation: string; email: string | null; phone: string | null }[]
  incidents: {
    id: string
    occurredAt: string
    location: string | null
    types: string[]
    ownRoles: string[]
    situation: string
    behaviour: { label: string; description: string }[]
    persons: { role: string; who: string; injury: string | null; outcome: string | null }[]
    handling: string[]
    analysis: string | null
    agreements: string | null
    parentsContacted: string | null
  }[]
  measures: {
    id: string
    kind: string
    kindLabel: string
    state: string
    reasons: string
    startsOn: string | null
    endsOn: string | null
    schoolDays: number | null
    decidedAt: string | null
    decisionNote: string | null
    transitions: { at: string; from: string | null; to: string; by: string; reason: string | null }[]
    letters: { kind: string; kindLabel: string; version: number; createdAt: string }[]
  }[]
  referrals: {
    id: string
    partner: string
    status: string
    createdAt: string
    decidedAt: string | null
    declineReason: string | null
    intakeAt: string | null
    outcome: string | null
    closedAt: string | null
    closingReport: unknown
  }[]
  shares: {
    id: string
    partner: string
    purpose: string
    purposeLabel: string
    legalBasis: string
    fields: string[]
    fieldLabels: string[]
    origin: string
    approvedAt: string
    expiresAt: string
    revokedAt: string | null
    revokeReason: string | null
    status: 'actief' | 'verlopen' | 'ingetrokken'
    incidents: number
  }[]
  accessHistory: { at: string; userName: string; role: string; action: string; subjectType: string; reason: string | null; breakGlass: boolean }[]
}

/** Walks a JSON value and redacts every string (Halt's closing report is free text). */
export function redactDeep(value: unknown, redact: (s: string) => string): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]))
  return value
}

const dateTime = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
const dateOnly = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
const fmtDay = (iso: string | null) => (iso ? dateOnly.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`)) : '—')
const fmtAt = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : '—')

const ROLE_LABEL: Record<string, string> = {
  directeur: 'directeur',
  intern_begeleider: 'intern begeleider',
  leerkracht: 'leerkracht',
  vertrouwenspersoon: 'vertrouwenspersoon',
  privacyfunctionaris: 'privacyfunctionaris',
  bestuurder: 'bestuurder',
  stichtingbeheerder: 'stichtingbeheerder',
  politie: 'politie',
  halt_medewerker: 'Halt-medewerker',
}

/** The export as a Dutch PDF (A4). `compress: false` leaves the text readable for tests. */
export function renderStudentExportPdf(data: StudentExport, options: { compress?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  // No names in the metadata.
  const { doc, width, finish } = createPdf({ margin: 56, compress: options.compress, title: 'Overzicht van gegevens over een leerling', author: data.school.name })
  const { heading: blockHeading, field, paragraph, bullet, text: w } = blocks(doc, width)
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 120) doc.addPage()
    blockHeading(text)
  }
  const sub = (text: string) => doc.moveDown(0.4).font(FONT.bold).fontSize(10.5).text(w(text), { width })
  const none = (text: string) => doc.font(FONT.italic).fontSize(10).text(w(text), { width })

  doc.font(FONT.bold).fontSize(16).text('Overzicht van gegevens over een leerling', { width })
  doc.moveDown(0.3)
  doc.font(FONT.regular).fontSize(11).text(w(`${data.student.name} — ${data.school.name}`), { width })
  doc.moveDown(0.3)
  paragraph('Dit overzicht is gemaakt op grond van het recht op inzage (AVG art. 15). Andere leerlingen zijn onherkenbaar gemaakt: zij heten hier leerling A, leerling B of "een andere leerling".')
  paragraph(data.rights.explanation)

  heading('De leerling')
  field('Naam', data.student.name)
  field('Geboortedatum', fmtDay(data.student.dateOfBirth))
  if (data.student.externalId) field('Leerlingnummer', data.student.externalId)
  field('Groep / klas', data.student.group ?? '—')
  field('Ingeschreven', fmtDay(data.student.enrolledOn))
  if (data.student.leftOn) field('Uitgeschreven', fmtDay(data.student.leftOn))

  heading('Ouders / verzorgers')
  if (data.guardians.length === 0) none('Geen ouders of verzorgers vastgelegd.')
  for (const g of data.guardians) bullet(`${g.name} (${g.relation})${g.email ? `, ${g.email}` : ''}${g.phone ? `, ${g.phone}` : ''}`)

  heading(`Incidenten (${data.incidents.length})`)
  if (data.incidents.length === 0) none('Geen incidenten vastgelegd.')
  for (const i of data.incidents) {
    sub(`${fmtAt(i.occurredAt)} — ${i.types.join(', ') || 'incident'}`)
    field('Rol van de leerling', i.ownRoles.join(', '))
    if (i.location) field('Locatie', i.location)
    for (const b of i.behaviour) field(b.label, b.description)
    field('Wat is er gebeurd', i.situation || '—')
    for (const p of i.persons) bullet(`${p.who} — ${p.role}${p.injury ? ` (letsel: ${p.injury})` : ''}${p.outcome ? ` (afloop: ${p.outcome})` : ''}`)
    if (i.handling.length) field('Afhandeling', i.handling.join(', '))
    if (i.analysis) field('Analyse', i.analysis)
    if (i.agreements) field('Afspraken', i.agreements)
    if (i.parentsContacted) field('Contact met ouders', i.parentsContacted)
  }

  heading(`Maatregelen (${data.measures.length})`)
  if (data.measures.length === 0) none('Geen maatregelen vastgelegd.')
  for (const m of data.measures) {
    sub(`${m.kindLabel} — status: ${m.state}`)
    field('Redenen', m.reasons)
    if (m.startsOn) field('Periode', `${fmtDay(m.startsOn)} t/m ${fmtDay(m.endsOn)}${m.schoolDays ? ` (${m.schoolDays} schooldagen)` : ''}`)
    if (m.decidedAt) field('Besloten op', fmtAt(m.decidedAt))
    if (m.decisionNote) field('Toelichting besluit', m.decisionNote)
    for (const t of m.transitions) bullet(`${fmtAt(t.at)}: ${t.from ?? 'nieuw'} → ${t.to} door ${t.by}${t.reason ? ` — ${t.reason}` : ''}`)
    for (const l of m.letters) bullet(`Brief: ${l.kindLabel}, versie ${l.version}, ${fmtAt(l.createdAt)}`)
  }

  heading(`Verwijzingen naar Halt (${data.referrals.length})`)
  if (data.referrals.length === 0) none('Geen verwijzingen.')
  for (const r of data.referrals) {
    sub(`${r.partner} — status: ${r.status}`)
    field('Aangemeld', fmtAt(r.createdAt))
    if (r.decidedAt) field('Beslist', fmtAt(r.decidedAt))
    if (r.declineReason) field('Reden afwijzing', r.declineReason)
    if (r.intakeAt) field('Intake', fmtAt(r.intakeAt))
    if (r.outcome) field('Uitkomst', r.outcome)
    if (r.closedAt) field('Afgesloten', fmtAt(r.closedAt))
    if (r.closingReport) field('Eindrapportage', JSON.stringify(r.closingReport))
  }

  heading(`Gedeeld met anderen (${data.shares.length})`)
  if (data.shares.length === 0) none('Er zijn geen gegevens over de leerling gedeeld.')
  for (const sh of data.shares) {
    sub(`${sh.partner} — ${sh.purposeLabel} (${sh.status})`)
    field('Grondslag', sh.legalBasis)
    field('Gedeelde gegevens', sh.fieldLabels.join(', '))
    field('Gedeeld op', fmtAt(sh.approvedAt))
    field(sh.status === 'verlopen' ? 'Verlopen op' : 'Geldig tot', fmtAt(sh.expiresAt))
    if (sh.revokedAt) field('Ingetrokken op', `${fmtAt(sh.revokedAt)}${sh.revokeReason ? ` — ${sh.revokeReason}` : ''}`)
  }

  heading(`Wie heeft de gegevens bekeken (${data.accessHistory.length})`)
  if (data.accessHistory.length === 0) none('Geen inzage vastgelegd.')
  for (const h of data.accessHistory) {
    bullet(`${fmtAt(h.at)} — ${h.userName} (${ROLE_LABEL[h.role] ?? h.role}): ${h.action} ${h.subjectType}${h.breakGlass ? ' (noodtoegang)' : ''}${h.reason ? ` — ${h.reason}` : ''}`)
  }

  doc.moveDown(1.2)
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor('#555555')
    .text(w(`Opgesteld op ${fmtAt(data.generatedAt)} door ${data.generatedBy}, ${data.school.name}, met Baken.`), { width })
  return finish()
}
