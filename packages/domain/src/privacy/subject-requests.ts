// Requests of data subjects under the AVG about one student: inzage (art. 15), rectificatie
// (art. 16), beperking (art. 18) and bezwaar (art. 21), each with its one-month deadline (art. 12(3)).
// The privacyfunctionaris handles them stichting-wide, the directeur for the own school (RLS 0021 and
// the abilities). Who may ask depends on the student's age on the day of receipt: the parents under
// 16, the student from 16 (AVG art. 8, UAVG art. 5).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, eq, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { displayName } from '../students.ts'
import { daysBetween } from '../calendar/calendar-dates.ts'
import { ageOn } from '../measures/decision-recipients.ts'
import { rightsHolderOn, subjectRequestDueOn } from './rights-dates.ts'
import { refusal as refuse, zodRefusal, type FieldError, type Refusal } from '../result.ts'
import { textInput } from '../input-rules.ts'

export const SUBJECT_REQUEST_KINDS = schema.SUBJECT_REQUEST_KINDS
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number]
export const SUBJECT_REQUEST_KIND_LABELS: Record<SubjectRequestKind, string> = {
  inzage: 'Inzage (AVG art. 15)',
  rectificatie: 'Rectificatie (AVG art. 16)',
  beperking: 'Beperking van de verwerking (AVG art. 18)',
  bezwaar: 'Bezwaar tegen de verwerking (AVG art. 21)',
}
export const SUBJECT_REQUEST_STATUS_LABELS: Record<string, string> = { open: 'open', afgehandeld: 'afgehandeld', afgewezen: 'afgewezen' }

export type PrivacyError = FieldError
export type PrivacyFailure = Refusal

export const privacyZodFailure = zodRefusal

const requestColumns = {
  id: schema.subjectRequests.id,
  schoolId: schema.subjectRequests.schoolId,
  stichtingId: schema.subjectRequests.stichtingId,
}

export function subjectRequestWhere(ability: AppAbility, action: 'read' | 'create' | 'update' = 'read'): SQL {
  return accessibleWhere(ability, action, 'SubjectRequest', requestColumns)
}

export const createSubjectRequestInput = z.object({
  studentId: z.uuid('Kies een leerling'),
  kind: z.enum(SUBJECT_REQUEST_KINDS, 'Kies het soort verzoek: inzage, rectificatie, beperking of bezwaar'),
  requestedBy: z.enum(['ouders', 'leerling'], 'Kies wie het verzoek doet: de ouders of de leerling'),
  requesterName: textInput('Vul de naam van de verzoeker in').trim().min(2, 'Vul de naam van de verzoeker in').max(200, 'Naam te lang (max. 200 tekens)'),
  receivedOn: calendarDate('Ontvangstdatum als JJJJ-MM-DD'),
  details: textInput('Beschrijf het verzoek').trim().min(5, 'Beschrijf het verzoek (minstens 5 tekens)').max(4000, 'Beschrijving te lang (max. 4000 tekens)'),
})
export type CreateSubjectRequestInput = z.input<typeof createSubjectRequestInput>

/** Loads a student the caller may handle requests for (RLS + the ability's school scope), or null. */
async function studentFor(tx: Tx, ability: AppAbility, studentId: string) {
  const [s] = await tx
    .select({
      id: schema.students.id,
      schoolId: schema.students.schoolId,
      stichtingId: schema.students.stichtingId,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      dateOfBirth: schema.students.dateOfBirth,
    })
    .from(schema.students)
    .where(eq(schema.students.id, studentId))
  if (!s) return null
  if (!ability.can('read', record('SubjectRequest', { schoolId: s.schoolId, stichtingId: s.stichtingId }))) return null
  return s
}

/** Refuses a request made by the wrong person for the student's age on the day of receipt. */
export function requesterRefusal(dateOfBirth: string, receivedOn: string, requestedBy: 'ouders' | 'leerling'): PrivacyError | null {
  const holder = rightsHolderOn(dateOfBirth, receivedOn)
  if (holder === requestedBy) return null
  const age = ageOn(dateOfBirth, receivedOn)
  return holder === 'ouders'
    ? {
        path: 'requestedBy',
        message: `De leerling was op de ontvangstdatum ${age} jaar. Onder de 16 oefenen de ouders of verzorgers de rechten uit (AVG art. 8, UAVG art. 5): registreer het verzoek namens de ouders.`,
      }
    : {
        path: 'requestedBy',
        message: `De leerling was op de ontvangstdatum ${age} jaar. Vanaf 16 jaar oefent de leerling de rechten zelf uit (AVG art. 8, UAVG art. 5); ouders alleen met een machtiging van de leerling: registreer het verzoek namens de leerling.`,
      }
}

export type SubjectRequestResult = { ok: true; id: string; dueOn: string } | PrivacyFailure

export async function createSubjectRequest(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  raw: unknown,
  options: { today?: string } = {},
): Promise<SubjectRequestResult> {
  const parsed = createSubjectRequestInput.safeParse(raw)
  if (!parsed.success) return privacyZodFailure(parsed.error)
  const input = parsed.data
  const today = options.today ?? localDate(new Date())
  if (input.receivedOn > today) return refuse(400, 'receivedOn', 'De ontvangstdatum ligt in de toekomst.')
  const student = await studentFor(tx, ability, input.studentId)
  if (!student) return refuse(404, 'studentId', 'Leerling niet gevonden.')
  if (!ability.can('create', record('SubjectRequest', { schoolId: student.schoolId, stichtingId: student.stichtingId }))) {
    return refuse(403, '', 'Geen toegang: verzoeken registreren voor deze school.')
  }
  const wrong = requesterRefusal(student.dateOfBirth, input.receivedOn, input.requestedBy)
  if (wrong) return { ok: false, status: 400, errors: [wrong] }
  const dueOn = subjectRequestDueOn(input.receivedOn)
  const [row] = await tx
    .insert(schema.subjectRequests)
    .values({
      stichtingId: student.stichtingId,
      schoolId: student.schoolId,
      studentId: student.id,
      kind: input.kind,
      requestedBy: input.requestedBy,
      requesterName: input.requesterName,
      receivedOn: input.receivedOn,
      dueOn,
      details: input.details,
      createdById: ctx.userId,
    })
    .returning({ id: schema.subjectRequests.id })
  return { ok: true, id: row!.id, dueOn }
}

export const listSubjectRequestsInput = z.object({
  status: z.enum(['open', 'afgehandeld', 'afgewezen', 'alle'], 'Status: open, afgehandeld, afgewezen of alle').optional().default('alle'),
})

export interface SubjectRequestItem {
  id: string
  schoolId: string
  schoolName: string
  studentId: string
  studentName: string
  kind: SubjectRequestKind
  requestedBy: 'ouders' | 'leerling'
  requesterName: string
  receivedOn: string
  dueOn: string
  details: string
  status: 'open' | 'afgehandeld' | 'afgewezen'
  outcome: string | null
  closedAt: string | null
  /** Open requests: days until the deadline (negative: overdue). */
  daysLeft: number | null
  overdue: boolean
}

/** The requests the caller may see, open ones first by deadline. */
export async function listSubjectRequests(
  tx: Tx,
  ability: AppAbility,
  raw: unknown = {},
  options: { today?: string } = {},
): Promise<SubjectRequestItem[]> {
  const input = listSubjectRequestsInput.parse(raw)
  const today = options.today ?? localDate(new Date())
  const rows = await tx
    .select({
      r: schema.subjectRequests,
      schoolName: schema.schools.name,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
    })
    .from(schema.subjectRequests)
    .innerJoin(schema.students, eq(schema.students.id, schema.subjectRequests.studentId))
    .innerJoin(schema.schools, eq(schema.schools.id, schema.subjectRequests.schoolId))
    .where(
      and(
        subjectRequestWhere(ability),
        input.status === 'alle' ? undefined : eq(schema.subjectRequests.status, input.status),
      ),
    )
    .orderBy(asc(schema.subjectRequests.dueOn), asc(schema.subjectRequests.receivedOn))
  const items = rows.map(({ r, schoolName, ...name }): SubjectRequestItem => {
    const open = r.status === 'open'
    const daysLeft = open ? daysBetween(today, r.dueOn) : null
    return {
      id: r.id,
      schoolId: r.schoolId,
      schoolName,
      studentId: r.studentId,
      studentName: displayName(name),
      kind: r.kind as SubjectRequestKind,
      requestedBy: r.requestedBy as 'ouders' | 'leerling',
      requesterName: r.requesterName,
      receivedOn: r.receivedOn,
      dueOn: r.dueOn,
      details: r.details,
      status: r.status as SubjectRequestItem['status'],
      outcome: r.outcome,
      closedAt: r.closedAt?.toISOString() ?? null,
      daysLeft,
      overdue: daysLeft !== null && daysLeft < 0,
    }
  })
  // Open first (most urgent first), then closed ones, newest first.
  return [...items.filter((i) => i.status === 'open'), ...items.filter((i) => i.status !== 'open').reverse()]
}

export const closeSubjectRequestInput = z.object({
  status: z.enum(['afgehandeld', 'afgewezen'], 'Kies afgehandeld of afgewezen'),
  outcome: textInput('Beschrijf de uitkomst').trim().min(5, 'Beschrijf de uitkomst (minstens 5 tekens)').max(4000, 'Uitkomst te lang (max. 4000 tekens)'),
})

export async function closeSubjectRequest(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown): Promise<{ ok: true; id: string } | PrivacyFailure> {
  if (!z.uuid().safeParse(id).success) return refuse(404, 'id', 'Verzoek niet gevonden.')
  const parsed = closeSubjectRequestInput.safeParse(raw)
  if (!parsed.success) return privacyZodFailure(parsed.error)
  const [row] = await tx
    .select({ id: schema.subjectRequests.id, status: schema.subjectRequests.status })
    .from(schema.subjectRequests)
    .where(and(eq(schema.subjectRequests.id, id), subjectRequestWhere(ability)))
  if (!row) return refuse(404, 'id', 'Verzoek niet gevonden.')
  if (row.status !== 'open') return refuse(409, 'status', 'Dit verzoek is al afgesloten.')
  const updated = await tx
    .update(schema.subjectRequests)
    .set({ status: parsed.data.status, outcome: parsed.data.outcome, handledById: ctx.userId, closedAt: new Date() })
    .where(and(eq(schema.subjectRequests.id, id), eq(schema.subjectRequests.status, 'open'), subjectRequestWhere(ability, 'update')))
    .returning({ id: schema.subjectRequests.id })
  if (updated.length === 0) return refuse(403, '', 'Geen toegang: dit verzoek afsluiten.')
  return { ok: true, id }
}

export interface PrivacyStudentOption {
  id: string
  name: string
  schoolName: string
  status: 'active' | 'left'
  dateOfBirth: string
  /** Who exercises the rights today. */
  rightsHolder: 'ouders' | 'leerling'
}

/** The students the caller may register requests or holds for (FG: the stichting; directeur: the school). */
export async function listPrivacyStudents(tx: Tx, ability: AppAbility, options: { today?: string } = {}): Promise<PrivacyStudentOption[]> {
  const today = options.today ?? localDate(new Date())
  const rows = await tx
    .select({
      id: schema.students.id,
      firstName: schema.students.firstName,
      infix: schema.students.infix,
      lastName: schema.students.lastName,
      status: schema.students.status,
      dateOfBirth: schema.students.dateOfBirth,
      schoolName: schema.schools.name,
    })
    .from(schema.students)
    .innerJoin(schema.schools, eq(schema.schools.id, schema.students.schoolId))
    .where(accessibleWhere(ability, 'read', 'SubjectRequest', { schoolId: schema.students.schoolId, stichtingId: schema.students.stichtingId }))
    .orderBy(asc(schema.schools.name), asc(schema.students.lastName), asc(schema.students.firstName))
  return rows.map((r) => ({
    id: r.id,
    name: displayName(r),
    schoolName: r.schoolName,
    status: r.status,
    dateOfBirth: r.dateOfBirth,
    rightsHolder: rightsHolderOn(r.dateOfBirth, today),
  }))
}
