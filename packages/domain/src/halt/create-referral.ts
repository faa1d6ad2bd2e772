// The school refers a student to the Halt spreekuur of the region it is linked to (Halt's spreekuur
// leaflet): from one or more incidents, with the student's consent (and the parents' under 16), the
// facts Halt receives chosen explicitly and recorded as a purpose-bound share ('halt_spreekuur',
// createShareRecord), and the closing-report fields agreed. The share is about the referred student
// alone: the facts, the reason and the school's actions name no other pupil (ADR 013; the others
// consented to nothing).
import { schema } from '@baken/db'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate, textInput } from '../input-rules.ts'
import { ageOn } from '../measures/decision-recipients.ts'
import { createShareRecord, endOfDutchDay, LEAST_FIELDS, OUTSIDE_AGREEMENT } from '../sharing/create-share.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { blankAsAbsent, optionalText, stringList } from './common.ts'
import { haltRegionsOf } from './school-referral.ts'

/** The share's refusal in the use case's terms. */
export const createReferralInput = z.object({
  studentId: z.uuid('Kies de student'),
  incidentIds: stringList(z.uuid('Onbekend incident'), 1, 'Kies minstens één incident', 20),
  partnerId: blankAsAbsent(z.uuid('Onbekende Halt-regio')),
  reason: textInput({ message: 'Geef de reden van de verwijzing' }).trim().min(10, 'Geef de reden van de verwijzing (minstens een zin)').max(10_000, 'Maximaal 10.000 tekens'),
  incidentTypes: stringList(z.enum(schema.HALT_INCIDENT_TYPES, { message: 'Onbekend type incident' }), 1, 'Kies minstens één type incident uit de folder'),
  schoolActions: textInput({ message: 'Beschrijf wat de school al heeft gedaan' }).trim().min(5, 'Beschrijf wat de school al heeft gedaan').max(10_000, 'Maximaal 10.000 tekens'),
  contactName: textInput({ message: 'Vul de contactpersoon in' }).trim().min(2, 'Vul de contactpersoon in').max(200),
  contactEmail: textInput({ message: 'Vul het e-mailadres van de contactpersoon in' }).trim().max(254).pipe(z.email('Ongeldig e-mailadres')),
  contactPhone: optionalText(50),
  studentConsentOn: blankAsAbsent(calendarDate()),
  parentConsentOn: blankAsAbsent(calendarDate()),
  shareFields: stringList(z.enum(schema.SHARE_FIELDS, { message: 'Onbekend gegeven' }), 1, 'Kies welke gegevens Halt ontvangt'),
  reportFields: stringList(z.enum(schema.HALT_REPORT_FIELDS, { message: 'Onbekend veld van het eindverslag' }), 1, 'Kies welke velden het eindverslag bevat'),
})
export type CreateReferralInput = z.input<typeof createReferralInput>

/** The default of the form: the least facts (date and kind of incident) and the outcome only. */
export const DEFAULT_SHARE_FIELDS = LEAST_FIELDS
export const DEFAULT_REPORT_FIELDS = ['uitkomst'] as const

export const createReferral = defineUseCase({
  name: 'halt/create-referral',
  input: createReferralInput,
  permission: ['create', 'Referral'],
  async run(tx, { tenant, now }, input) {
    if (!tenant.schoolId || !tenant.stichtingId) return refuse('forbidden', '', 'Je mag geen student naar Halt verwijzen.')
    const regions = await haltRegionsOf(tx, tenant)
    if (!regions.length) return refuse('forbidden', 'partnerId', 'Deze school is niet gekoppeld aan een Halt-regio; verwijzen naar het Halt-spreekuur kan daarom niet.')
    const region = input.partnerId ? regions.find((r) => r.id === input.partnerId) : regions[0]
    if (!region) return refuse('forbidden', 'partnerId', 'Deze school is niet gekoppeld aan die Halt-regio.')

    const [student] = await tx
      .select({ id: schema.students.id, dateOfBirth: schema.students.dateOfBirth, firstName: schema.students.firstName })
      .from(schema.students)
      .where(and(eq(schema.students.id, input.studentId), eq(schema.students.schoolId, tenant.schoolId)))
    if (!student) return refuse('invalid', 'studentId', 'Onbekende student: kies een student van deze school.')

    // Consent: the student's always; the parents' too when the student is under 16 today (UAVG art. 5).
    const today = localDate(now)
    if (!input.studentConsentOn) return refuse('invalid', 'studentConsentOn', 'Zonder toestemming van de student kan de school niet naar Halt verwijzen. Vul de datum van de toestemming in.')
    if (input.studentConsentOn > today) return refuse('invalid', 'studentConsentOn', 'De datum van de toestemming ligt in de toekomst.')
    const age = student.dateOfBirth ? ageOn(String(student.dateOfBirth), today) : null
    if (age === null) return refuse('invalid', 'studentId', 'De geboortedatum van de student ontbreekt; vul die eerst in, zodat duidelijk is of toestemming van de ouders nodig is.')
    if (age < 16 && !input.parentConsentOn) {
      return refuse('invalid', 'parentConsentOn', `De student is jonger dan 16 jaar (${age}); verwijzen kan alleen met toestemming van de ouders. Vul de datum van hun toestemming in.`)
    }
    if (input.parentConsentOn && input.parentConsentOn > today) return refuse('invalid', 'parentConsentOn', 'De datum van de toestemming van de ouders ligt in de toekomst.')

    // The incidents must involve the student (the share checks that the caller may read them).
    const incidentIds = [...new Set(input.incidentIds)]
    const involved = await tx
      .selectDistinct({ incidentId: schema.incidentPersons.incidentId })
      .from(schema.incidentPersons)
      .where(and(inArray(schema.incidentPersons.incidentId, incidentIds), eq(schema.incidentPersons.studentId, student.id)))
    if (involved.length !== incidentIds.length) return refuse('invalid', 'incidentIds', 'Kies incidenten waarbij deze student betrokken is.')

    // The agreement with the region for the Halt spreekuur; the share may run as long as it allows.
    const agreements = (
      await tx
        .select()
        .from(schema.sharingAgreements)
        .where(and(eq(schema.sharingAgreements.partnerId, region.id), eq(schema.sharingAgreements.status, 'goedgekeurd'), isNull(schema.sharingAgreements.endedAt)))
    ).filter((a) => a.purposes.includes('halt_spreekuur') && a.validFrom <= today && a.validUntil >= today && (a.schoolId === null || a.schoolId === tenant.schoolId))
    if (!agreements.length) {
      return refuse('conflict', 'agreementId', `${OUTSIDE_AGREEMENT} Er is geen goedgekeurd convenant voor het Halt-spreekuur met ${region.name}.`)
    }
    const covering = agreements.filter((a) => input.shareFields.every((f) => a.dataCategories.includes(f)))
    const agreement = (covering.length ? covering : agreements).sort((a, b) => (a.validUntil < b.validUntil ? 1 : -1))[0]!
    const expiresAt = new Date(Math.min(endOfDutchDay(agreement.validUntil).getTime(), now.getTime() + agreement.retentionDays * 86_400_000 - 60_000))

    const share = await createShareRecord(
      tx,
      tenant,
      {
        partnerId: region.id,
        agreementId: agreement.id,
        purpose: 'halt_spreekuur',
        fields: input.shareFields as schema.ShareField[],
        incidentIds,
        studentIds: [student.id],
        expiresAt,
        origin: 'halt_verwijzing',
        note: 'Verwijzing naar het Halt-spreekuur',
        // Halt reads these too: other pupils in them become "leerling A", … like in the facts.
        texts: { reason: input.reason, schoolActions: input.schoolActions },
      },
      { now },
    )
    if (!share.ok) return { ok: false, reason: share.reason, errors: share.errors.map((e) => ({ path: e.path === 'fields' ? 'shareFields' : e.path, message: e.message })) }

    const id = crypto.randomUUID()
    await tx.insert(schema.haltReferrals).values({
      id,
      stichtingId: tenant.stichtingId,
      schoolId: tenant.schoolId,
      partnerId: region.id,
      studentId: student.id,
      shareId: share.shareId,
      reason: share.texts.reason!,
      incidentTypes: schema.HALT_INCIDENT_TYPES.filter((t) => (input.incidentTypes as string[]).includes(t)),
      schoolActions: share.texts.schoolActions!,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone ?? null,
      studentConsentOn: input.studentConsentOn,
      parentConsentOn: input.parentConsentOn ?? null,
      reportFields: schema.HALT_REPORT_FIELDS.filter((f) => (input.reportFields as string[]).includes(f)),
      createdById: tenant.userId,
      createdAt: now,
      updatedAt: now,
    })
    return { ok: true as const, id, shareId: share.shareId }
  },
})
