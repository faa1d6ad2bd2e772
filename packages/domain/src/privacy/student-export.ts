// Everything about one student, for the data subject's right of access (AVG art. 15): the
// student and guardians, incidents (the student's role; other pupils as "leerling A/B" and redacted
// from free text, as in the parents' report), measures with transitions and the letters list, Halt
// referrals (status, dates and the closing report; never Halt's own notes), to whom data was shared
// and why, and who looked at it (student_access_history, migration 0019). As JSON and as a Dutch PDF.
// Made by the directeur of the student's school (ability `create StudentExport`); the export itself is
// written to the access log.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { loadIncident } from '../incidents/incident-record.ts'
import { nameRedactor, redactIncidentForPupil, type NameParts } from '../incidents/parent-report.ts'
import { LETTER_KIND_LABELS } from '../measures/letter-text.ts'
import { ageOn } from '../measures/decision-recipients.ts'
import { MEASURE_LABELS, type MeasureKind } from '../measures/rule-model.ts'
import { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL } from '../sharing/create-share.ts'
import { blocks, createPdf, FONT } from '../pdf/document.ts'
import { displayName } from '../students.ts'
import { recordAccess } from './access-log.ts'
import { rightsHolderOn, rightsHolderText, type RightsHolder } from './rights-dates.ts'
import type { PrivacyFailure } from './subject-requests.ts'

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

export type StudentExportResult = { ok: true; data: StudentExport; filenameBase: string } | PrivacyFailure

const notFound: PrivacyFailure = { ok: false, status: 404, errors: [{ path: 'id', message: 'Leerling niet gevonden.' }] }

/** The student as the export page shows it (name, age, who exercises the rights), or null. */
export async function loadExportSubject(tx: Tx, ability: AppAbility, studentId: string, today = localDate(new Date())) {
  if (!z.uuid().safeParse(studentId).success) return null
  const [s] = await tx.select().from(schema.students).where(eq(schema.students.id, studentId))
  if (!s || !ability.can('create', record('StudentExport', { schoolId: s.schoolId, stichtingId: s.stichtingId }))) return null
  return {
    id: s.id,
    name: displayName(s),
    dateOfBirth: s.dateOfBirth,
    age: ageOn(s.dateOfBirth, today),
    exercisedBy: rightsHolderOn(s.dateOfBirth, today),
    explanation: rightsHolderText(s.dateOfBirth, today),
  }
}

/** Walks a JSON value and redacts every string (Halt's closing report is free text). */
function redactDeep(value: unknown, redact: (s: string) => string): unknown {
  if (typeof value === 'string') return redact(value)
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]))
  return value
}

export async function buildStudentExport(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  studentId: string,
  options: { now?: Date } = {},
): Promise<StudentExportResult> {
  const now = options.now ?? new Date()
  const today = localDate(now)
  if (!z.uuid().safeParse(studentId).success) return notFound
  const [student] = await tx
    .select({ s: schema.students, groupName: schema.groups.name })
    .from(schema.students)
    .leftJoin(schema.groups, eq(schema.groups.id, schema.students.groupId))
    .where(eq(schema.students.id, studentId))
  if (!student) return notFound
  const s = student.s
  if (!ability.can('create', record('StudentExport', { schoolId: s.schoolId, stichtingId: s.stichtingId }))) return notFound

  const [[school], [me], pupils, staff, guardians] = await Promise.all([
    tx.select({ name: schema.schools.name, brin: schema.schools.brin }).from(schema.schools).where(eq(schema.schools.id, s.schoolId)),
    tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, ctx.userId)),
    tx
      .select({ id: schema.students.id, firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName })
      .from(schema.students)
      .where(and(eq(schema.students.schoolId, s.schoolId), ne(schema.students.id, s.id))),
    tx
      .selectDistinct({ name: schema.users.name })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.schoolId, s.schoolId)),
    tx
      .select({ g: schema.guardians, relation: schema.studentGuardians.relation })
      .from(schema.studentGuardians)
      .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
      .where(eq(schema.studentGuardians.studentId, s.id)),
  ])
  const focal: NameParts = { firstName: s.firstName, infix: s.infix, lastName: s.lastName }
  // Free text outside incidents (measures, referrals): any other pupil named is "een andere leerling".
  const redact = nameRedactor(focal, [], { bystanders: pupils, staffNames: staff.map((u) => u.name) })
  const clean = (t: string | null) => (t ? redact(t) : null)

  // Incidents: each as the pupil's participant view (the parents' report's redaction), with the
  // school's pupils and staff loaded once.
  const incidentIds = await tx
    .selectDistinct({ id: schema.incidentPersons.incidentId, occurredAt: schema.incidents.occurredAt })
    .from(schema.incidentPersons)
    .innerJoin(schema.incidents, eq(schema.incidents.id, schema.incidentPersons.incidentId))
    .where(and(eq(schema.incidentPersons.studentId, s.id), eq(schema.incidents.status, 'submitted')))
    .orderBy(asc(schema.incidents.occurredAt))
  const names = new Map<string, NameParts>([[s.id, focal], ...pupils.map((p) => [p.id, p] as [string, NameParts])])
  const incidents: StudentExport['incidents'] = []
  for (const { id } of incidentIds) {
    const incident = await loadIncident(tx, ability, id)
    if (!incident) continue
    const inIncident = new Set(incident.persons.map((p) => p.studentId))
    const d = redactIncidentForPupil(incident, s.id, names, {
      schoolName: school?.name ?? '',
      contact: { name: me?.name ?? '', email: null },
      generatedAt: now,
      bystanders: pupils.filter((p) => !inIncident.has(p.id)),
      staffNames: staff.map((u) => u.name),
    })
    if (!d) continue
    incidents.push({
      id,
      occurredAt: d.occurredAt.toISOString(),
      location: d.location,
      types: d.types,
      ownRoles: incident.persons.filter((p) => p.kind === 'leerling' && p.studentId === s.id).map((p) => p.role),
      situation: d.situation,
      behaviour: d.behaviour.map(([label, description]) => ({ label, description })),
      persons: d.persons.map((p) => (p.who.startsWith('uw kind, ') ? { ...p, who: `de leerling zelf (${displayName(focal)})` } : p)),
      handling: d.measures,
      analysis: d.analysis,
      agreements: d.agreements,
      parentsContacted: d.parentsContacted,
    })
  }

  // Measures with their transitions and letters (the list; the letters themselves are separate PDFs).
  const measureRows = await tx.select().from(schema.measures).where(eq(schema.measures.studentId, s.id)).orderBy(asc(schema.measures.createdAt))
  const measureIds = measureRows.map((m) => m.id)
  const [transitions, letters] = measureIds.length
    ? await Promise.all([
        tx
          .select({ t: schema.measureTransitions, by: schema.users.name })
          .from(schema.measureTransitions)
          .leftJoin(schema.users, eq(schema.users.id, schema.measureTransitions.byId))
          .where(inArray(schema.measureTransitions.measureId, measureIds))
          .orderBy(asc(schema.measureTransitions.at)),
        tx
          .select({ measureId: schema.measureLetters.measureId, kind: schema.measureLetters.kind, version: schema.measureLetters.version, createdAt: schema.measureLetters.createdAt })
          .from(schema.measureLetters)
          .where(inArray(schema.measureLetters.measureId, measureIds))
          .orderBy(asc(schema.measureLetters.createdAt)),
      ])
    : [[], []]
  const measures: StudentExport['measures'] = measureRows.map((m) => ({
    id: m.id,
    kind: m.kind,
    kindLabel: MEASURE_LABELS[m.kind as MeasureKind] ?? m.kind,
    state: m.state,
    reasons: redact(m.reasons),
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    schoolDays: m.schoolDays,
    decidedAt: m.decidedAt?.toISOString() ?? null,
    decisionNote: clean(m.decisionNote),
    transitions: transitions
      .filter(({ t }) => t.measureId === m.id)
      .map(({ t, by }) => ({ at: t.at.toISOString(), from: t.fromState, to: t.toState, by: by ?? '', reason: clean(t.reason) })),
    letters: letters
      .filter((l) => l.measureId === m.id)
      .map((l) => ({ kind: l.kind, kindLabel: LETTER_KIND_LABELS[l.kind] ?? l.kind, version: l.version, createdAt: l.createdAt.toISOString() })),
  }))

  // Halt referrals: the school-side record and Halt's status and closing report (never Halt's notes).
  const referralRows = await tx
    .select({ r: schema.haltReferrals, partner: schema.partnerOrganisations.name })
    .from(schema.haltReferrals)
    .leftJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, schema.haltReferrals.partnerId))
    .where(eq(schema.haltReferrals.studentId, s.id))
    .orderBy(asc(schema.haltReferrals.createdAt))
  const referrals: StudentExport['referrals'] = referralRows.map(({ r, partner }) => ({
    id: r.id,
    partner: partner ?? 'Halt',
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    declineReason: clean(r.declineReason),
    intakeAt: r.intakeAt?.toISOString() ?? null,
    outcome: r.outcome,
    closedAt: r.closedAt?.toISOString() ?? null,
    closingReport: redactDeep(r.closingReport ?? null, redact),
  }))

  // Shares about the student: to whom, why, on which basis, which fields, until when.
  const shareRows = await tx
    .select({
      sh: schema.shares,
      partner: schema.partnerOrganisations.name,
      items: sql<number>`(select count(*)::int from share_items i where i.share_id = ${schema.shares.id})`,
    })
    .from(schema.shareStudents)
    .innerJoin(schema.shares, eq(schema.shares.id, schema.shareStudents.shareId))
    .leftJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, schema.shares.partnerId))
    .where(eq(schema.shareStudents.studentId, s.id))
    .orderBy(asc(schema.shares.approvedAt))
  const shares: StudentExport['shares'] = shareRows.map(({ sh, partner, items }) => ({
    id: sh.id,
    partner: partner ?? '',
    purpose: sh.purpose,
    purposeLabel: SHARE_PURPOSE_LABEL[sh.purpose] ?? sh.purpose,
    legalBasis: sh.legalBasis,
    fields: sh.fields,
    fieldLabels: sh.fields.map((f) => SHARE_FIELD_LABEL[f as keyof typeof SHARE_FIELD_LABEL] ?? f),
    origin: sh.origin,
    approvedAt: sh.approvedAt.toISOString(),
    expiresAt: sh.expiresAt.toISOString(),
    revokedAt: sh.revokedAt?.toISOString() ?? null,
    revokeReason: clean(sh.revokeReason),
    status: sh.revokedAt ? 'ingetrokken' : sh.expiresAt <= now ? 'verlopen' : 'actief',
    incidents: Number(items),
  }))

  // Who looked (before this export is logged; the export itself is the next row of the log).
  const history = await tx.execute(sql`select * from student_access_history(${s.id}::uuid)`)
  const historyRows = (Array.isArray(history) ? history : (history as { rows: unknown[] }).rows) as {
    at: Date | string
    user_name: string
    role: string
    action: string
    subject_type: string
    reason: string | null
    break_glass: boolean
  }[]
  const accessHistory = historyRows.map((h) => ({
    at: new Date(h.at).toISOString(),
    userName: h.user_name,
    role: h.role,
    action: h.action,
    subjectType: h.subject_type,
    reason: h.reason ? redact(h.reason) : null,
    breakGlass: h.break_glass,
  }))

  await recordAccess(tx, ctx, {
    action: 'export',
    subjectType: 'export',
    subjectId: s.id,
    studentId: s.id,
    schoolId: s.schoolId,
    stichtingId: s.stichtingId,
    reason: 'Inzage/export voor de betrokkene (AVG art. 15)',
  })

  const data: StudentExport = {
    kind: 'baken-leerlingexport',
    generatedAt: now.toISOString(),
    generatedBy: me?.name ?? '',
    school: { name: school?.name ?? '', brin: school?.brin ?? '' },
    rights: { age: ageOn(s.dateOfBirth, today), exercisedBy: rightsHolderOn(s.dateOfBirth, today), explanation: rightsHolderText(s.dateOfBirth, today) },
    student: {
      id: s.id,
      externalId: s.externalId,
      name: displayName(s),
      dateOfBirth: s.dateOfBirth,
      group: student.groupName,
      status: s.status,
      enrolledOn: s.enrolledOn,
      leftOn: s.leftOn,
    },
    guardians: guardians.map(({ g, relation }) => ({ name: g.name, relation, email: g.email, phone: g.phone })),
    incidents,
    measures,
    referrals,
    shares,
    accessHistory,
  }
  // No name in the file name: it shows in download lists and mail attachments.
  return { ok: true, data, filenameBase: `leerlingexport-${s.externalId ?? s.id.slice(0, 8)}-${today}` }
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
