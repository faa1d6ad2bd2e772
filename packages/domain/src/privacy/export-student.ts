// The data subject's export of one student (AVG art. 15), as data for the JSON and the PDF: made
// by the directeur of the student's school; the export itself is written to the access log. What it
// holds: student-export.ts.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { loadIncident } from '../incidents/incident-record.ts'
import { nameRedactor, redactIncidentForPupil, type NameParts } from '../incidents/parent-report.ts'
import { LETTER_KIND_LABELS } from '../measures/letter-text.ts'
import { ageOn } from '../measures/decision-recipients.ts'
import { MEASURE_LABELS, type MeasureKind } from '../measures/rule-model.ts'
import { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL } from '../sharing/create-share.ts'
import { displayName } from '../students.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { recordAccess } from './access-log.ts'
import { rightsHolderOn, rightsHolderText } from './rights-dates.ts'
import { redactDeep, type StudentExport } from './student-export.ts'
import { recordId } from '../input-rules.ts'

export const exportStudent = defineUseCase({
  name: 'privacy/export-student',
  input: z.object({ id: recordId() }),
  // The coarse wall is reading pupils at all; whether this pupil may be exported is the record's
  // `create StudentExport` (the directeur of the pupil's school): any other pupil is not found.
  permission: ['read', 'Student'],
  async run(tx, { ability, tenant: ctx, now }, { id }) {
    const today = localDate(now)
    if (!z.uuid().safeParse(id).success) return refuse('not_found', 'id', 'Leerling niet gevonden.')
    const [student] = await tx
      .select({ s: schema.students, groupName: schema.groups.name })
      .from(schema.students)
      .leftJoin(schema.groups, eq(schema.groups.id, schema.students.groupId))
      .where(eq(schema.students.id, id))
    if (!student) return refuse('not_found', 'id', 'Leerling niet gevonden.')
    const s = student.s
    if (!ability.can('create', record('StudentExport', { schoolId: s.schoolId, stichtingId: s.stichtingId }))) return refuse('not_found', 'id', 'Leerling niet gevonden.')

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
  },
})
