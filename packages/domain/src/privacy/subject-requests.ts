// Requests of data subjects under the AVG about one student: inzage (art. 15), rectificatie
// (art. 16), beperking (art. 18) and bezwaar (art. 21), each with its one-month deadline (art. 12(3)).
// The privacyfunctionaris handles them stichting-wide, the directeur for the own school (RLS 0021 and
// the abilities). Who may ask depends on the student's age on the day of receipt: the parents under
// 16, the student from 16 (AVG art. 8, UAVG art. 5). The use cases: create-, list- and
// close-subject-request.ts, list-privacy-students.ts.
import { schema, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { eq, type SQL } from 'drizzle-orm'
import { ageOn } from '../measures/decision-recipients.ts'
import type { FieldError } from '../result.ts'
import { rightsHolderOn } from './rights-dates.ts'

export const SUBJECT_REQUEST_KINDS = schema.SUBJECT_REQUEST_KINDS
export type SubjectRequestKind = (typeof SUBJECT_REQUEST_KINDS)[number]
export const SUBJECT_REQUEST_KIND_LABELS: Record<SubjectRequestKind, string> = {
  inzage: 'Inzage (AVG art. 15)',
  rectificatie: 'Rectificatie (AVG art. 16)',
  beperking: 'Beperking van de verwerking (AVG art. 18)',
  bezwaar: 'Bezwaar tegen de verwerking (AVG art. 21)',
}
export const SUBJECT_REQUEST_STATUS_LABELS: Record<string, string> = { open: 'open', afgehandeld: 'afgehandeld', afgewezen: 'afgewezen' }

const requestColumns = {
  id: schema.subjectRequests.id,
  schoolId: schema.subjectRequests.schoolId,
  stichtingId: schema.subjectRequests.stichtingId,
}

export function subjectRequestWhere(ability: AppAbility, action: 'read' | 'create' | 'update' = 'read'): SQL {
  return accessibleWhere(ability, action, 'SubjectRequest', requestColumns)
}

/** Loads a student the caller may handle requests for (RLS + the ability's school scope), or null. */
export async function studentFor(tx: Tx, ability: AppAbility, studentId: string) {
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
export function requesterRefusal(dateOfBirth: string, receivedOn: string, requestedBy: 'ouders' | 'leerling'): FieldError | null {
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

export interface PrivacyStudentOption {
  id: string
  name: string
  schoolName: string
  status: 'active' | 'left'
  dateOfBirth: string
  /** Who exercises the rights today. */
  rightsHolder: 'ouders' | 'leerling'
}

