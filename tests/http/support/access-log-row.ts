// A row of GET /api/v1/access-log as the HTTP tests read it (apps/web/app/lib/openapi/access-log.ts).
export interface LogRow {
  id: number
  seq: number | null
  userId: string
  userName: string
  role: string
  action: string
  subjectType: string
  subjectId: string | null
  /** The pupil when the look concerned exactly one, else null. */
  studentId: string | null
  /** Every pupil the look concerned (ADR 040). */
  studentIds: string[]
  reason: string | null
  breakGlass: boolean
}
