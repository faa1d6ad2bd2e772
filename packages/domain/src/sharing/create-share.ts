// Making one disclosure (Wpg art. 20): the law's conditions, the minimised payload
// per incident, the share, its items and its students, and the access log. No CASL check here: the
// callers (the share form, the melding/aangifte flow, the Halt referral) check who may share. RLS
// limits the rows further (a school inserts only its own shares).
//
// What a share names (ADR 013, AVG art. 5(1)(c)): only the pupils the share is about, its subjects
// (`studentIds`; for a Halt referral the referred pupil). Every other pupil of its incidents is
// "leerling A", "leerling B", … — one label per pupil throughout the share, in the name fields and
// in every free text — and a pupil of the school outside them "een andere leerling", with the
// pseudonymisation of the parents' report (packages/db/src/pseudonyms.ts).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { loadIncident, type IncidentDetail } from '../incidents/incident-record.ts'
import { localDate } from '../dates.ts'
import { fullName, nameRedactor, pupilLabel, SHARE_NAME_FIELD_ROLE, type NameParts } from '@baken/db/pseudonyms'
import { recordAccesses } from '../privacy/access-log.ts'
import type { FieldError } from '../result.ts'
import { textInput } from '../input-rules.ts'
import { refuse, type Outcome } from '../use-case.ts'
import { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL } from './share-labels.ts'

export type SharePurpose = schema.SharePurpose
export type ShareField = schema.ShareField
export type ShareOrigin = (typeof schema.SHARE_ORIGINS)[number]
export { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL } from './share-labels.ts'

/** The least a share discloses, and the default of the share form. */
export const LEAST_FIELDS: readonly ShareField[] = ['datum', 'type']

/** Which name field discloses the pupils of a role. */
const NAME_FIELD: Partial<Record<string, ShareField>> = Object.fromEntries(Object.entries(SHARE_NAME_FIELD_ROLE).map(([field, role]) => [role, field as ShareField]))

export interface CreateShareInput {
  partnerId: string
  agreementId?: string | null
  purpose: SharePurpose
  legalBasis?: string | null
  fields: ShareField[]
  incidentIds: string[]
  studentIds: string[]
  expiresAt: Date
  origin: ShareOrigin
  note?: string | null
  recipientUserIds?: string[]
  /** Free text that travels with the share (a referral's reason): pseudonymised like the payload. */
  texts?: Record<string, string>
}

export type ShareError = FieldError

export type CreateShareResult = Outcome<{ shareId: string; /** `texts` as disclosed. */ texts: Record<string, string> }>

export const OUTSIDE_AGREEMENT = 'Delen buiten een geldend convenant is niet toegestaan.'

const inputSchema = z.object({
  partnerId: z.uuid({ error: 'Kies de organisatie waarmee u deelt.' }),
  agreementId: z.uuid({ error: 'Onbekend convenant.' }).nullish(),
  purpose: z.enum(schema.SHARE_PURPOSES, { error: 'Kies het doel van het delen.' }),
  legalBasis: textInput().trim().max(2000).nullish(),
  fields: z
    .array(z.enum(schema.SHARE_FIELDS, { error: 'Onbekend gegeven.' }))
    .min(1, { error: 'Kies ten minste één gegeven om te delen.' }),
  incidentIds: z.array(z.uuid({ error: 'Onbekend incident.' })).max(50, { error: 'Deel ten hoogste 50 incidenten tegelijk.' }),
  studentIds: z.array(z.uuid({ error: 'Onbekende leerling.' })).max(50, { error: 'Ten hoogste 50 leerlingen.' }),
  expiresAt: z.date({ error: 'Geef een geldige vervaldatum.' }),
  origin: z.enum(schema.SHARE_ORIGINS),
  note: textInput().trim().max(2000).nullish(),
  recipientUserIds: z.array(z.uuid({ error: 'Onbekende ontvanger.' })).max(20).optional(),
  texts: z.record(z.string().max(100), z.string().max(10_000)).optional(),
})

/** The end of a YYYY-MM-DD day in Amsterdam (23:59:59.999 local time, CET or CEST), as an instant. */
export function endOfDutchDay(day: string): Date {
  // The offset at noon is the offset at the end of the day (clocks change in the early morning).
  const noon = new Date(`${day}T12:00:00Z`)
  const wall = (timeZone: string) => new Date(noon.toLocaleString('en-US', { timeZone })).getTime()
  const offset = wall('Europe/Amsterdam') - wall('UTC')
  return new Date(Date.parse(`${day}T23:59:59.999Z`) - offset)
}

export type AgreementRow = typeof schema.sharingAgreements.$inferSelect

/** Why an agreement does not cover this share (null when it does). */
export function agreementRefusal(
  a: AgreementRow,
  want: { partnerId: string; schoolId: string; stichtingId: string; purpose: SharePurpose; fields: readonly string[]; expiresAt: Date },
  now: Date,
): ShareError | null {
  const today = localDate(now)
  if (a.partnerId !== want.partnerId || a.stichtingId !== want.stichtingId || (a.schoolId !== null && a.schoolId !== want.schoolId)) {
    return { path: 'agreementId', message: 'Dit convenant geldt niet voor deze school en deze organisatie.' }
  }
  if (a.status !== 'goedgekeurd' || a.endedAt !== null) {
    return { path: 'agreementId', message: `${OUTSIDE_AGREEMENT} Dit convenant is niet (meer) goedgekeurd.` }
  }
  if (today < a.validFrom || today > a.validUntil) {
    return { path: 'agreementId', message: `${OUTSIDE_AGREEMENT} Dit convenant geldt van ${a.validFrom} tot en met ${a.validUntil}.` }
  }
  if (!a.purposes.includes(want.purpose)) {
    return { path: 'purpose', message: `Het doel "${SHARE_PURPOSE_LABEL[want.purpose]}" valt niet onder het convenant.` }
  }
  const outside = want.fields.filter((f) => !a.dataCategories.includes(f))
  if (outside.length) {
    return {
      path: 'fields',
      message: `Deze gegevens vallen niet onder het convenant: ${outside.map((f) => SHARE_FIELD_LABEL[f as ShareField] ?? f).join(', ')}.`,
    }
  }
  if (want.expiresAt.getTime() > endOfDutchDay(a.validUntil).getTime()) {
    return { path: 'expiresAt', message: `De vervaldatum ligt na het einde van het convenant (${a.validUntil}).` }
  }
  if (want.expiresAt.getTime() > now.getTime() + a.retentionDays * 86_400_000) {
    return { path: 'expiresAt', message: `De vervaldatum ligt verder weg dan de bewaartermijn van het convenant (${a.retentionDays} dagen).` }
  }
  return null
}

export interface PupilFacts extends NameParts {
  dateOfBirth: string | null
}

/** What one pupil of the share looks like in a payload: role always, the rest only if chosen. */
export interface SharedPerson {
  rol: string
  naam: string | null
  value: string | null
}

/** How one share shows pupils: its subjects by name, every other pupil of its incidents by one label. */
export interface SharePseudonyms {
  subjectIds: ReadonlySet<string>
  /** "leerling A", … per other pupil, in the order the share's incidents list their persons. */
  labels: ReadonlyMap<string, string>
  /** Free text with the other pupils as their labels and the school's other pupils as "een andere leerling". */
  redact: (text: string) => string
}

export function sharePseudonyms(
  incidents: readonly IncidentDetail[],
  pupils: ReadonlyMap<string, NameParts>,
  subjectIds: readonly string[],
  school: { bystanders?: readonly NameParts[]; staffNames?: readonly string[] } = {},
): SharePseudonyms {
  const subjects = new Set(subjectIds)
  const labels = new Map<string, string>()
  for (const incident of incidents) {
    for (const p of incident.persons) {
      if (p.kind === 'leerling' && p.studentId && !subjects.has(p.studentId) && !labels.has(p.studentId)) labels.set(p.studentId, pupilLabel(labels.size))
    }
  }
  const kept = [...subjects].flatMap((id) => (pupils.has(id) ? [pupils.get(id)!] : []))
  const others = [...labels].flatMap(([id, label]) => (pupils.has(id) ? [{ label, name: pupils.get(id)! }] : []))
  return { subjectIds: subjects, labels, redact: nameRedactor(kept, others, school) }
}

/**
 * The minimised payload of one incident: only the chosen fields, keyed by field. A name field lists
 * the pupils of its role, the share's subjects by name and everyone else by label; free text is
 * pseudonymised; birth date, group and injury are given for the subjects only, with their name if a
 * name field of one of their roles is chosen. Without `pseudonyms`, they are those of this incident
 * alone with `subjectIds` as the subjects.
 */
export function buildSharePayload(
  incident: IncidentDetail,
  fields: readonly ShareField[],
  pupils: ReadonlyMap<string, PupilFacts>,
  extra: {
    subjectIds?: readonly string[]
    bystanders?: readonly NameParts[]
    staffNames?: readonly string[]
    measures?: readonly string[]
    pseudonyms?: SharePseudonyms
  } = {},
): Record<string, unknown> {
  const names = extra.pseudonyms ?? sharePseudonyms([incident], pupils, extra.subjectIds ?? [], { bystanders: extra.bystanders, staffNames: extra.staffNames })
  const chosen = new Set(fields)
  const pupilsOf = incident.persons.filter((p) => p.kind === 'leerling' && p.studentId && pupils.has(p.studentId))
  // Subjects named here: a name field of one of their roles in this incident is chosen.
  const named = new Set(pupilsOf.filter((p) => names.subjectIds.has(p.studentId!) && chosen.has(NAME_FIELD[p.role]!)).map((p) => p.studentId!))
  const disclosed = new Map<string, { rol: string; studentId: string; injury: string | null; groupName: string | null }>()
  for (const p of pupilsOf) {
    const key = `${p.studentId}:${p.role}`
    if (names.subjectIds.has(p.studentId!) && !disclosed.has(key)) disclosed.set(key, { rol: p.role, studentId: p.studentId!, injury: p.injury, groupName: p.groupName })
  }
  const clean = (s: string | null | undefined) => (s ? names.redact(s) : null)
  const shown = (id: string) => (names.subjectIds.has(id) ? fullName(pupils.get(id)!) : names.labels.get(id)!)
  const namesFor = (role: string) => [...new Set(pupilsOf.filter((p) => p.role === role).map((p) => shown(p.studentId!)))]
  const people = (value: (d: { studentId: string; injury: string | null; groupName: string | null }) => string | null): SharedPerson[] =>
    [...disclosed.values()]
      .map((d) => ({ rol: d.rol, naam: named.has(d.studentId) ? fullName(pupils.get(d.studentId)!) : null, value: value(d) }))
      .filter((p) => p.value !== null)

  const payload: Record<string, unknown> = {}
  for (const field of schema.SHARE_FIELDS) {
    if (!chosen.has(field)) continue
    switch (field) {
      case 'datum':
        payload.datum = incident.occurredAt.toISOString()
        break
      case 'type':
        payload.type = incident.voorval.map((c) => c.label)
        break
      case 'locatie':
        payload.locatie = [incident.location?.label, clean(incident.locationNote)].filter(Boolean).join(' — ') || null
        break
      case 'naam_dader':
        payload.naam_dader = namesFor('dader')
        break
      case 'naam_slachtoffer':
        payload.naam_slachtoffer = namesFor('slachtoffer')
        break
      case 'naam_getuige':
        payload.naam_getuige = namesFor('getuige')
        break
      case 'geboortedatum':
        payload.geboortedatum = people((d) => pupils.get(d.studentId)?.dateOfBirth ?? null)
        break
      case 'groep':
        payload.groep = people((d) => d.groupName)
        break
      case 'omschrijving':
        payload.omschrijving = clean(incident.situation) ?? ''
        break
      case 'letsel':
        payload.letsel = people((d) => clean(d.injury))
        break
      case 'voorwerpen':
        payload.voorwerpen = incident.voorwerp.map((c) => c.label)
        break
      case 'afhandeling':
        payload.afhandeling = incident.afhandeling.map((c) => c.label)
        break
      case 'maatregelen':
        payload.maatregelen = [...(extra.measures ?? [])]
        break
    }
  }
  return payload
}

/**
 * Why a chosen name field would name nobody (null when each names someone): it discloses only
 * subjects, so at least one subject must have its role in one of the incidents.
 */
export function nameFieldRefusal(incidents: readonly IncidentDetail[], fields: readonly ShareField[], subjectIds: readonly string[]): ShareError | null {
  for (const [field, role] of Object.entries(SHARE_NAME_FIELD_ROLE)) {
    if (!fields.includes(field as ShareField)) continue
    const someone = incidents.some((i) => i.persons.some((p) => p.kind === 'leerling' && p.role === role && p.studentId && subjectIds.includes(p.studentId)))
    if (!someone) {
      return {
        path: 'fields',
        message: `${SHARE_FIELD_LABEL[field as ShareField]}: alleen de namen van de leerlingen om wie het gaat worden gedeeld, en geen van hen is ${role} bij de gekozen incidenten. Kies die leerling(en) of vink dit gegeven uit.`,
      }
    }
  }
  return null
}

/** The payload projected onto a share's fields again (the API's second line of defence). */
export function projectPayload(payload: unknown, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (!payload || typeof payload !== 'object') return out
  for (const f of fields) {
    if ((schema.SHARE_FIELDS as readonly string[]).includes(f) && f in payload) out[f] = (payload as Record<string, unknown>)[f]
  }
  return out
}

const MEASURE_LABEL: Record<string, string> = {
  adempauze: 'Adempauze',
  time_out: 'Time-out',
  schorsing: 'Schorsing',
  verwijdering: 'Verwijdering',
}

/** Users of a partner organisation who may receive a share (SECURITY DEFINER function, migration 0020). */
export async function partnerRecipients(tx: Tx, partnerId: string): Promise<{ id: string; name: string }[]> {
  if (!z.uuid().safeParse(partnerId).success) return []
  const rows = await tx.execute(sql`select user_id, name from share_recipient_candidates(${partnerId}::uuid) order by name`)
  const list = (Array.isArray(rows) ? rows : (rows as { rows: { user_id: string; name: string }[] }).rows) as { user_id: string; name: string }[]
  return list.map((r) => ({ id: r.user_id, name: r.name }))
}

/**
 * Makes the disclosure. Refuses (with Dutch messages) a share outside an active approved agreement
 * that covers the school, the purpose, every field and the expiry; incidents the caller cannot read
 * or of another school; students of another school; recipients who are not of the partner.
 */
export async function createShareRecord(tx: Tx, ctx: TenantContext, raw: CreateShareInput, options: { now?: Date } = {}): Promise<CreateShareResult> {
  const now = options.now ?? new Date()
  if (!ctx.stichtingId || !ctx.schoolId) return refuse('forbidden', '', 'Alleen een school kan gegevens delen.')
  const parsed = inputSchema.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, reason: 'invalid', errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.').replace(/\.\d+$/, ''), message: i.message })) }
  }
  const input = parsed.data
  const fields = schema.SHARE_FIELDS.filter((f) => input.fields.includes(f))
  const incidentIds = [...new Set(input.incidentIds)]
  const studentIdsIn = [...new Set(input.studentIds)]
  const recipients = [...new Set(input.recipientUserIds ?? [])]
  if (incidentIds.length === 0 && studentIdsIn.length === 0) return refuse('invalid', 'incidentIds', 'Kies ten minste één incident of leerling.')
  if (input.expiresAt.getTime() <= now.getTime()) return refuse('invalid', 'expiresAt', 'De vervaldatum moet in de toekomst liggen.')

  // The agreement: the one named, or the active one that covers everything asked.
  const want = { partnerId: input.partnerId, schoolId: ctx.schoolId, stichtingId: ctx.stichtingId, purpose: input.purpose, fields, expiresAt: input.expiresAt }
  let agreement: AgreementRow | undefined
  if (input.agreementId) {
    ;[agreement] = await tx.select().from(schema.sharingAgreements).where(eq(schema.sharingAgreements.id, input.agreementId))
    if (!agreement) return refuse('not_found', 'agreementId', 'Convenant niet gevonden.')
    const refused = agreementRefusal(agreement, want, now)
    if (refused) return { ok: false, reason: refused.path === 'agreementId' ? 'conflict' : 'invalid', errors: [refused] }
  } else {
    const candidates = await tx
      .select()
      .from(schema.sharingAgreements)
      .where(and(eq(schema.sharingAgreements.partnerId, input.partnerId), eq(schema.sharingAgreements.stichtingId, ctx.stichtingId)))
    const refusals = candidates.map((a) => ({ a, refused: agreementRefusal(a, want, now) }))
    agreement = refusals.find((r) => r.refused === null)?.a
    if (!agreement) {
      // Say what stands in the way when an active agreement exists but does not cover the request.
      const closest = refusals.find((r) => r.refused && r.refused.path !== 'agreementId')
      if (closest?.refused) return { ok: false, reason: 'invalid', errors: [closest.refused] }
      return refuse('conflict', 'agreementId', OUTSIDE_AGREEMENT)
    }
  }

  // Named recipients must be users of the partner.
  if (recipients.length) {
    const allowed = new Set((await partnerRecipients(tx, input.partnerId)).map((r) => r.id))
    if (recipients.some((r) => !allowed.has(r))) return refuse('invalid', 'recipientUserIds', 'Een gekozen ontvanger hoort niet bij deze organisatie.')
  }

  // Incidents: readable by the caller and of the caller's school; drafts are not shared.
  const ability = defineAbilityFor(ctx)
  const incidents: IncidentDetail[] = []
  for (const id of incidentIds) {
    const incident = await loadIncident(tx, ability, id)
    if (!incident || incident.schoolId !== ctx.schoolId) return refuse('not_found', 'incidentIds', 'Incident niet gevonden.')
    if (incident.status !== 'submitted') return refuse('conflict', 'incidentIds', 'Een concept-incident kan niet gedeeld worden.')
    incidents.push(incident)
  }
  const nobodyNamed = nameFieldRefusal(incidents, fields, studentIdsIn)
  if (nobodyNamed) return { ok: false, reason: 'invalid', errors: [nobodyNamed] }

  // Every pupil of the school: names for the payload, the rest as bystanders in free text.
  const pupilRows = await tx
    .select({
      id: schema.students.id,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      dateOfBirth: schema.students.dateOfBirth,
    })
    .from(schema.students)
    .where(eq(schema.students.schoolId, ctx.schoolId))
  const pupils = new Map<string, PupilFacts>(pupilRows.map((p) => [p.id, { ...p, dateOfBirth: p.dateOfBirth ? String(p.dateOfBirth) : null }]))
  if (studentIdsIn.some((id) => !pupils.has(id))) return refuse('not_found', 'studentIds', 'Leerling niet gevonden.')
  const staff = await tx
    .selectDistinct({ name: schema.users.name })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(eq(schema.memberships.schoolId, ctx.schoolId))

  const measuresByIncident = new Map<string, string[]>()
  if (fields.includes('maatregelen') && incidentIds.length) {
    const rows = await tx
      .select({ incidentId: schema.measureIncidents.incidentId, kind: schema.measures.kind, startsOn: schema.measures.startsOn })
      .from(schema.measureIncidents)
      .innerJoin(schema.measures, eq(schema.measures.id, schema.measureIncidents.measureId))
      .where(inArray(schema.measureIncidents.incidentId, incidentIds))
    for (const r of rows) {
      const list = measuresByIncident.get(r.incidentId) ?? []
      list.push(`${MEASURE_LABEL[r.kind] ?? r.kind}${r.startsOn ? ` vanaf ${r.startsOn}` : ''}`)
      measuresByIncident.set(r.incidentId, list)
    }
  }

  // One set of pseudonyms for the whole share, so "leerling A" is the same pupil in every item.
  const inShare = new Set(incidents.flatMap((i) => i.persons.map((p) => p.studentId)))
  const pseudonyms = sharePseudonyms(incidents, pupils, studentIdsIn, {
    bystanders: pupilRows.filter((p) => !inShare.has(p.id) && !studentIdsIn.includes(p.id)),
    staffNames: staff.map((s) => s.name),
  })
  const items = incidents.map((incident) => ({
    incidentId: incident.id,
    payload: buildSharePayload(incident, fields, pupils, { pseudonyms, measures: measuresByIncident.get(incident.id) ?? [] }),
  }))
  const texts = Object.fromEntries(Object.entries(input.texts ?? {}).map(([k, v]) => [k, pseudonyms.redact(v)]))
  // The data subjects: the pupils the share is about, the only ones it names.
  const subjects = new Set(studentIdsIn)

  const tenant = { stichtingId: ctx.stichtingId, schoolId: ctx.schoolId }
  const [share] = await tx
    .insert(schema.shares)
    .values({
      ...tenant,
      agreementId: agreement.id,
      partnerId: input.partnerId,
      recipientUserIds: recipients,
      purpose: input.purpose,
      legalBasis: input.legalBasis?.trim() || agreement.legalBasis,
      fields,
      origin: input.origin,
      note: input.note?.trim() || null,
      approvedById: ctx.userId,
      approvedAt: now,
      expiresAt: input.expiresAt,
      createdById: ctx.userId,
      subjectsOnly: true,
    })
    .returning({ id: schema.shares.id })
  if (items.length) {
    await tx.insert(schema.shareItems).values(items.map((i) => ({ ...tenant, shareId: share!.id, partnerId: input.partnerId, incidentId: i.incidentId, payload: i.payload })))
  }
  if (subjects.size) {
    await tx.insert(schema.shareStudents).values([...subjects].map((studentId) => ({ ...tenant, shareId: share!.id, studentId })))
  }
  await recordAccesses(
    tx,
    ctx,
    (subjects.size ? [...subjects] : [null]).map((studentId) => ({
      action: 'share',
      subjectType: 'share' as const,
      subjectId: share!.id,
      studentId,
      reason: SHARE_PURPOSE_LABEL[input.purpose],
    })),
  )
  return { ok: true, shareId: share!.id, texts }
}
