// The school's side of the Halt spreekuur (Halt's spreekuur leaflet): refer a student from one or
// more incidents, with the student's consent (and the parents' under 16), the facts Halt receives
// chosen explicitly and recorded as a purpose-bound share ('halt_spreekuur', createShareRecord), and
// the closing-report fields agreed. The share is about the referred student alone: the facts, the
// reason and the school's actions name no other pupil (ADR 013; the others consented to nothing). The school then sees the status, the intake date and, once
// closed, the closing report — never Halt's notes, components, JIM or appointments (no RLS policy
// gives a school any row of those tables, 0022).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm'
import { z } from 'zod'
import { incidentWhere } from '../incidents/incident-record.ts'
import { recordAccess } from '../privacy/access-log.ts'
import { ageOn } from '../measures/decision-recipients.ts'
import { localDate } from '../dates.ts'
import { createShareRecord, endOfDutchDay, LEAST_FIELDS, OUTSIDE_AGREEMENT } from '../sharing/create-share.ts'
import { displayName } from '../students.ts'
import { haltIsoDate, optionalText, statusRefusal, stringList, zodFailure, type HaltFailure } from './common.ts'
import { textInput } from '../input-rules.ts'

export function referralWhere(ability: AppAbility, action: 'read' | 'create') {
  return accessibleWhere(ability, action, 'Referral', { schoolId: schema.haltReferrals.schoolId })
}

/** The Halt region(s) the caller's school is linked to. */
export async function haltRegionsOf(tx: Tx, ctx: TenantContext): Promise<{ id: string; name: string }[]> {
  if (!ctx.stichtingId || !ctx.schoolId) return []
  return tx
    .selectDistinct({ id: schema.partnerOrganisations.id, name: schema.partnerOrganisations.name })
    .from(schema.partnerLinks)
    .innerJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, schema.partnerLinks.partnerId))
    .where(
      and(
        eq(schema.partnerOrganisations.kind, 'halt_region'),
        eq(schema.partnerLinks.stichtingId, ctx.stichtingId),
        or(isNull(schema.partnerLinks.schoolId), eq(schema.partnerLinks.schoolId, ctx.schoolId)),
      ),
    )
}

export const createReferralInput = z.object({
  studentId: z.uuid('Kies de student'),
  incidentIds: stringList(z.uuid('Onbekend incident'), 1, 'Kies minstens één incident', 20),
  partnerId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Onbekende Halt-regio').optional()),
  reason: textInput({ message: 'Geef de reden van de verwijzing' }).trim().min(10, 'Geef de reden van de verwijzing (minstens een zin)').max(10_000, 'Maximaal 10.000 tekens'),
  incidentTypes: stringList(z.enum(schema.HALT_INCIDENT_TYPES, { message: 'Onbekend type incident' }), 1, 'Kies minstens één type incident uit de folder'),
  schoolActions: textInput({ message: 'Beschrijf wat de school al heeft gedaan' }).trim().min(5, 'Beschrijf wat de school al heeft gedaan').max(10_000, 'Maximaal 10.000 tekens'),
  contactName: textInput({ message: 'Vul de contactpersoon in' }).trim().min(2, 'Vul de contactpersoon in').max(200),
  contactEmail: textInput({ message: 'Vul het e-mailadres van de contactpersoon in' }).trim().max(254).pipe(z.email('Ongeldig e-mailadres')),
  contactPhone: optionalText(50),
  studentConsentOn: z.preprocess((v) => (v === '' ? undefined : v), haltIsoDate.optional()),
  parentConsentOn: z.preprocess((v) => (v === '' ? undefined : v), haltIsoDate.optional()),
  shareFields: stringList(z.enum(schema.SHARE_FIELDS, { message: 'Onbekend gegeven' }), 1, 'Kies welke gegevens Halt ontvangt'),
  reportFields: stringList(z.enum(schema.HALT_REPORT_FIELDS, { message: 'Onbekend veld van het eindverslag' }), 1, 'Kies welke velden het eindverslag bevat'),
})
export type CreateReferralInput = z.input<typeof createReferralInput>

/** The default of the form: the least facts (date and kind of incident) and the outcome only. */
export const DEFAULT_SHARE_FIELDS = LEAST_FIELDS
export const DEFAULT_REPORT_FIELDS = ['uitkomst'] as const

export type CreateReferralResult = { ok: true; id: string; shareId: string } | HaltFailure

/** Refers a student to the Halt spreekuur of the region the school is linked to. */
export async function createReferral(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown, options: { now?: Date } = {}): Promise<CreateReferralResult> {
  const now = options.now ?? new Date()
  if (!ctx.schoolId || !ctx.stichtingId || !ability.can('create', 'Referral')) return statusRefusal(403, '', 'Je mag geen student naar Halt verwijzen.')
  const parsed = createReferralInput.safeParse(raw)
  if (!parsed.success) return zodFailure(parsed.error)
  const input = parsed.data
  const regions = await haltRegionsOf(tx, ctx)
  if (!regions.length) return statusRefusal(403, 'partnerId', 'Deze school is niet gekoppeld aan een Halt-regio; verwijzen naar het Halt-spreekuur kan daarom niet.')
  const region = input.partnerId ? regions.find((r) => r.id === input.partnerId) : regions[0]
  if (!region) return statusRefusal(403, 'partnerId', 'Deze school is niet gekoppeld aan die Halt-regio.')

  const [student] = await tx
    .select({ id: schema.students.id, dateOfBirth: schema.students.dateOfBirth, firstName: schema.students.firstName })
    .from(schema.students)
    .where(and(eq(schema.students.id, input.studentId), eq(schema.students.schoolId, ctx.schoolId)))
  if (!student) return statusRefusal(400, 'studentId', 'Onbekende student: kies een student van deze school.')

  // Consent: the student's always; the parents' too when the student is under 16 today (UAVG art. 5).
  const today = localDate(now)
  if (!input.studentConsentOn) return statusRefusal(400, 'studentConsentOn', 'Zonder toestemming van de student kan de school niet naar Halt verwijzen. Vul de datum van de toestemming in.')
  if (input.studentConsentOn > today) return statusRefusal(400, 'studentConsentOn', 'De datum van de toestemming ligt in de toekomst.')
  const age = student.dateOfBirth ? ageOn(String(student.dateOfBirth), today) : null
  if (age === null) return statusRefusal(400, 'studentId', 'De geboortedatum van de student ontbreekt; vul die eerst in, zodat duidelijk is of toestemming van de ouders nodig is.')
  if (age < 16 && !input.parentConsentOn) {
    return statusRefusal(400, 'parentConsentOn', `De student is jonger dan 16 jaar (${age}); verwijzen kan alleen met toestemming van de ouders. Vul de datum van hun toestemming in.`)
  }
  if (input.parentConsentOn && input.parentConsentOn > today) return statusRefusal(400, 'parentConsentOn', 'De datum van de toestemming van de ouders ligt in de toekomst.')

  // The incidents must involve the student (the share checks that the caller may read them).
  const incidentIds = [...new Set(input.incidentIds)]
  const involved = await tx
    .selectDistinct({ incidentId: schema.incidentPersons.incidentId })
    .from(schema.incidentPersons)
    .where(and(inArray(schema.incidentPersons.incidentId, incidentIds), eq(schema.incidentPersons.studentId, student.id)))
  if (involved.length !== incidentIds.length) return statusRefusal(400, 'incidentIds', 'Kies incidenten waarbij deze student betrokken is.')

  // The agreement with the region for the Halt spreekuur; the share may run as long as it allows.
  const agreements = (
    await tx
      .select()
      .from(schema.sharingAgreements)
      .where(and(eq(schema.sharingAgreements.partnerId, region.id), eq(schema.sharingAgreements.status, 'goedgekeurd'), isNull(schema.sharingAgreements.endedAt)))
  ).filter((a) => a.purposes.includes('halt_spreekuur') && a.validFrom <= today && a.validUntil >= today && (a.schoolId === null || a.schoolId === ctx.schoolId))
  if (!agreements.length) {
    return statusRefusal(409, 'agreementId', `${OUTSIDE_AGREEMENT} Er is geen goedgekeurd convenant voor het Halt-spreekuur met ${region.name}.`)
  }
  const covering = agreements.filter((a) => input.shareFields.every((f) => a.dataCategories.includes(f)))
  const agreement = (covering.length ? covering : agreements).sort((a, b) => (a.validUntil < b.validUntil ? 1 : -1))[0]!
  const expiresAt = new Date(Math.min(endOfDutchDay(agreement.validUntil).getTime(), now.getTime() + agreement.retentionDays * 86_400_000 - 60_000))

  const share = await createShareRecord(
    tx,
    ctx,
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
  if (!share.ok) return { ok: false, status: share.status, errors: share.errors.map((e) => ({ path: e.path === 'fields' ? 'shareFields' : e.path, message: e.message })) }

  const id = crypto.randomUUID()
  await tx.insert(schema.haltReferrals).values({
    id,
    stichtingId: ctx.stichtingId,
    schoolId: ctx.schoolId,
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
    createdById: ctx.userId,
    createdAt: now,
    updatedAt: now,
  })
  return { ok: true, id, shareId: share.shareId }
}

// ---- what the school sees ----

export const listReferralsInput = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(schema.HALT_REFERRAL_STATUSES, { message: 'Onbekende status' }).optional()),
  studentId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Ongeldige student').optional()),
})

export interface SchoolReferralItem {
  id: string
  studentId: string
  studentName: string
  partnerName: string
  status: string
  incidentTypes: string[]
  createdAt: string
  intakeAt: string | null
  outcome: string | null
  closedAt: string | null
}

/** The school's referrals (what the school may see: no Halt workspace). */
export async function listReferrals(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown = {}): Promise<SchoolReferralItem[]> {
  if (!ctx.schoolId || !ability.can('read', 'Referral')) return []
  const input = listReferralsInput.parse(raw)
  const r = schema.haltReferrals
  const rows = await tx
    .select({
      id: r.id,
      studentId: r.studentId,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      partnerName: schema.partnerOrganisations.name,
      status: r.status,
      incidentTypes: r.incidentTypes,
      createdAt: r.createdAt,
      intakeAt: r.intakeAt,
      outcome: r.outcome,
      closedAt: r.closedAt,
    })
    .from(r)
    .innerJoin(schema.students, eq(schema.students.id, r.studentId))
    .innerJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, r.partnerId))
    .where(
      and(
        eq(r.schoolId, ctx.schoolId),
        referralWhere(ability, 'read'),
        input.status ? eq(r.status, input.status) : undefined,
        input.studentId ? eq(r.studentId, input.studentId) : undefined,
      ),
    )
    .orderBy(desc(r.createdAt))
  return rows.map(({ firstName, infix, lastName, ...x }) => ({
    ...x,
    studentName: displayName({ firstName, infix, lastName }),
    createdAt: x.createdAt.toISOString(),
    intakeAt: x.intakeAt?.toISOString() ?? null,
    closedAt: x.closedAt?.toISOString() ?? null,
  }))
}

export interface SchoolReferral extends SchoolReferralItem {
  reason: string
  schoolActions: string
  contactName: string
  contactEmail: string
  contactPhone: string | null
  studentConsentOn: string
  parentConsentOn: string | null
  reportFields: string[]
  shareId: string
  sharedFields: string[]
  incidentIds: string[]
  createdByName: string
  decidedAt: string | null
  declineReason: string | null
  outcomeReason: string | null
  /** Only once closed: the agreed fields of Halt's closing report. */
  closingReport: Record<string, unknown> | null
}

/** One referral as the school sees it, logged as a read (subject 'referral'). Null when not visible. */
export async function getReferral(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string): Promise<SchoolReferral | null> {
  if (!ctx.schoolId || !z.uuid().safeParse(id).success || !ability.can('read', 'Referral')) return null
  const r = schema.haltReferrals
  const [row] = await tx
    .select({
      ref: r,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      partnerName: schema.partnerOrganisations.name,
      createdByName: schema.users.name,
    })
    .from(r)
    .innerJoin(schema.students, eq(schema.students.id, r.studentId))
    .innerJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, r.partnerId))
    .innerJoin(schema.users, eq(schema.users.id, r.createdById))
    .where(and(eq(r.id, id), eq(r.schoolId, ctx.schoolId), referralWhere(ability, 'read')))
  if (!row) return null
  const ref = row.ref
  const [share] = await tx.select({ fields: schema.shares.fields }).from(schema.shares).where(eq(schema.shares.id, ref.shareId))
  const items = await tx.select({ incidentId: schema.shareItems.incidentId }).from(schema.shareItems).where(eq(schema.shareItems.shareId, ref.shareId))
  await recordAccess(tx, ctx, { subjectType: 'referral', subjectId: ref.id, studentId: ref.studentId, schoolId: ref.schoolId, reason: 'Halt-verwijzing' })
  return {
    id: ref.id,
    studentId: ref.studentId,
    studentName: displayName(row),
    partnerName: row.partnerName,
    status: ref.status,
    incidentTypes: ref.incidentTypes,
    createdAt: ref.createdAt.toISOString(),
    intakeAt: ref.intakeAt?.toISOString() ?? null,
    outcome: ref.status === 'afgesloten' ? ref.outcome : null,
    closedAt: ref.closedAt?.toISOString() ?? null,
    reason: ref.reason,
    schoolActions: ref.schoolActions,
    contactName: ref.contactName,
    contactEmail: ref.contactEmail,
    contactPhone: ref.contactPhone,
    studentConsentOn: ref.studentConsentOn,
    parentConsentOn: ref.parentConsentOn,
    reportFields: ref.reportFields,
    shareId: ref.shareId,
    sharedFields: share?.fields ?? [],
    incidentIds: items.map((i) => i.incidentId),
    createdByName: row.createdByName,
    decidedAt: ref.decidedAt?.toISOString() ?? null,
    declineReason: ref.declineReason,
    outcomeReason: ref.status === 'afgesloten' && ref.reportFields.includes('uitkomst') ? ref.outcomeReason : null,
    closingReport: ref.status === 'afgesloten' ? ((ref.closingReport as Record<string, unknown> | null) ?? null) : null,
  }
}

export interface ReferralFormOptions {
  regions: { id: string; name: string }[]
  students: { id: string; name: string; dateOfBirth: string | null; age: number | null }[]
  incidents: { id: string; occurredAt: string; title: string; studentIds: string[] }[]
}

/**
 * What the referral form offers: the linked Halt regions, the school's students, and the submitted
 * incidents the caller may read (optionally only those of one student or the one given).
 */
export async function referralFormOptions(tx: Tx, ability: AppAbility, ctx: TenantContext, opts: { incidentId?: string } = {}): Promise<ReferralFormOptions> {
  if (!ctx.schoolId) return { regions: [], students: [], incidents: [] }
  const regions = await haltRegionsOf(tx, ctx)
  const today = localDate(new Date())
  const studentRows = await tx
    .select({ id: schema.students.id, firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName, dateOfBirth: schema.students.dateOfBirth })
    .from(schema.students)
    .where(eq(schema.students.schoolId, ctx.schoolId))
    .orderBy(schema.students.firstName, schema.students.lastName)
  const incidentRows = await tx
    .select({ id: schema.incidents.id, occurredAt: schema.incidents.occurredAt, situation: schema.incidents.situation })
    .from(schema.incidents)
    .where(
      and(
        eq(schema.incidents.schoolId, ctx.schoolId),
        eq(schema.incidents.status, 'submitted'),
        incidentWhere(ability, 'read'),
        opts.incidentId && z.uuid().safeParse(opts.incidentId).success ? eq(schema.incidents.id, opts.incidentId) : undefined,
      ),
    )
    .orderBy(desc(schema.incidents.occurredAt))
    .limit(200)
  const persons = incidentRows.length
    ? await tx
        .select({ incidentId: schema.incidentPersons.incidentId, studentId: schema.incidentPersons.studentId })
        .from(schema.incidentPersons)
        .where(inArray(schema.incidentPersons.incidentId, incidentRows.map((i) => i.id)))
    : []
  const byIncident = new Map<string, string[]>()
  for (const p of persons) if (p.studentId) byIncident.set(p.incidentId, [...(byIncident.get(p.incidentId) ?? []), p.studentId])
  return {
    regions,
    students: studentRows.map((s) => ({
      id: s.id,
      name: displayName(s),
      dateOfBirth: s.dateOfBirth ? String(s.dateOfBirth) : null,
      age: s.dateOfBirth ? ageOn(String(s.dateOfBirth), today) : null,
    })),
    incidents: incidentRows.map((i) => ({
      id: i.id,
      occurredAt: i.occurredAt.toISOString(),
      title: (i.situation ?? '').slice(0, 90),
      studentIds: byIncident.get(i.id) ?? [],
    })),
  }
}
