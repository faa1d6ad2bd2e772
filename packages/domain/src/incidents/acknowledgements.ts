// The parents' "voor gezien" on the report of a zeer ernstig incident (the school safety protocol:
// §1.2 says what is zeer ernstig, §3.1 that the parents sign the report): who
// signed, when and how. Append-only: a correction is a new record (the table has no UPDATE or DELETE
// grant, migration 0008).
import { schema } from '@baken/db'
import { z } from 'zod'
import { calendarDate } from '../input-rules.ts'
import type { FieldError } from '../result.ts'
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
  /** A digital "voor gezien" from the portal: the released item and the guardian's reaction. */
  portalItemId: string | null
  reaction: string | null
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
