// The parents' "voor gezien" on the report of a zeer ernstig incident (the school safety protocol:
// §1.2 says what is zeer ernstig, §3.1 that the parents sign the report): who
// signed, when and how. Append-only: a correction is a new record (the table has no UPDATE or DELETE
// grant, migration 0008).
import { schema, type TenantContext, type Tx } from '@baken/db'
import type { AppAbility } from '@baken/permissions'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { loadIncident } from './incident-record.ts'
import type { FieldError } from './save-incident.ts'
import { followUpError, type FollowUpResult } from './tasks.ts'
import { zodRefusal } from '../result.ts'
import { textInput } from '../input-rules.ts'

export const ACKNOWLEDGEMENT_METHODS = schema.ACKNOWLEDGEMENT_METHODS
export type AcknowledgementMethod = (typeof ACKNOWLEDGEMENT_METHODS)[number]

export const recordAcknowledgementInput = z.strictObject({
  /** The pupil whose parents received the report (their own, redacted copy). */
  studentId: z.uuid('Ongeldige leerling').nullish(),
  guardianName: textInput().trim().min(1, 'Wie heeft voor gezien getekend? Vul de naam van de ouder/verzorger in').max(200, 'Naam te lang'),
  acknowledgedOn: calendarDate('Datum als JJJJ-MM-DD'),
  method: z.enum(ACKNOWLEDGEMENT_METHODS, { message: `Kies: ${ACKNOWLEDGEMENT_METHODS.join(', ')}` }),
  note: textInput().trim().max(2000, 'Notitie te lang (max. 2000 tekens)').nullish(),
})
export type RecordAcknowledgementInput = z.input<typeof recordAcknowledgementInput>

export interface AcknowledgementItem {
  id: string
  incidentId: string
  studentId: string | null
  guardianName: string
  /** YYYY-MM-DD */
  acknowledgedOn: string
  method: AcknowledgementMethod
  recordedById: string
  recordedByName: string | null
  recordedAt: Date
  note: string | null
}

/** Why an incident has no parents' report and "voor gezien", or null when it can have them. */
export function voorGezienRefusal(incident: { severity: string; status: string }): FieldError | null {
  if (incident.severity !== 'zeer_ernstig') {
    return {
      path: 'severity',
      message: `Alleen bij een zeer ernstig incident tekenen de ouders het verslag voor gezien; dit incident is ${incident.severity.replace('_', ' ')}.`,
    }
  }
  if (incident.status !== 'submitted') {
    return { path: 'status', message: 'Dien het incident eerst in; een concept gaat niet naar de ouders.' }
  }
  return null
}

/**
 * Records that a parent (or the pupil, when of age) saw the report: only for a submitted zeer ernstig
 * incident the caller may update; the date lies between the incident and today; the pupil, when
 * given, must be involved in the incident.
 */
export async function recordAcknowledgement(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  incidentId: string,
  raw: unknown,
  options: { today?: string } = {},
): Promise<FollowUpResult> {
  const incident = await loadIncident(tx, ability, incidentId, 'update')
  if (!incident) return followUpError(404, 'id', 'Incident niet gevonden.')
  const refused = voorGezienRefusal(incident)
  if (refused) return { ok: false, status: 409, errors: [refused] }
  const parsed = recordAcknowledgementInput.safeParse(raw)
  if (!parsed.success) {
    return zodRefusal(parsed.error)
  }
  const input = parsed.data
  const errors: FieldError[] = []
  const today = options.today ?? localDate(new Date())
  const incidentDay = localDate(incident.occurredAt)
  if (input.acknowledgedOn > today) errors.push({ path: 'acknowledgedOn', message: 'De datum ligt in de toekomst' })
  if (input.acknowledgedOn < incidentDay) errors.push({ path: 'acknowledgedOn', message: `De datum ligt vóór het incident (${incidentDay})` })
  if (input.studentId && !incident.persons.some((p) => p.studentId === input.studentId)) {
    errors.push({ path: 'studentId', message: 'Deze leerling is niet bij het incident betrokken' })
  }
  if (errors.length) return { ok: false, status: 400, errors }
  const id = crypto.randomUUID()
  await tx.insert(schema.incidentAcknowledgements).values({
    id,
    stichtingId: incident.stichtingId,
    schoolId: incident.schoolId,
    incidentId: incident.id,
    studentId: input.studentId ?? null,
    guardianName: input.guardianName,
    acknowledgedOn: input.acknowledgedOn,
    method: input.method,
    recordedById: ctx.userId,
    note: input.note || null,
  })
  return { ok: true, id }
}

/** The acknowledgements of an incident the caller may read, oldest first; null when it may not (404). */
export async function listAcknowledgements(tx: Tx, ability: AppAbility, incidentId: string): Promise<AcknowledgementItem[] | null> {
  const incident = await loadIncident(tx, ability, incidentId)
  if (!incident) return null
  const a = schema.incidentAcknowledgements
  const rows = await tx
    .select({ ack: a, recordedByName: schema.users.name })
    .from(a)
    .leftJoin(schema.users, eq(schema.users.id, a.recordedById))
    .where(eq(a.incidentId, incident.id))
    .orderBy(asc(a.acknowledgedOn), asc(a.recordedAt))
  return rows.map(({ ack, recordedByName }) => ({
    id: ack.id,
    incidentId: ack.incidentId,
    studentId: ack.studentId,
    guardianName: ack.guardianName,
    acknowledgedOn: ack.acknowledgedOn,
    method: ack.method as AcknowledgementMethod,
    recordedById: ack.recordedById,
    recordedByName,
    recordedAt: ack.recordedAt,
    note: ack.note,
  }))
}
