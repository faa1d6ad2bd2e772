// One released item as the family reads it: the redacted report stored at release, and this user's
// own "voor gezien" on it. Another child's item, a withdrawn one or one of another school is simply
// not there (RLS 0058): not found.
import { schema } from '@baken/db'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import type { ReleasedReport } from './portal-records.ts'
import type { ReleasedStudentFile } from './release-student-file.ts'
import type { ReleasedDecisionLetter, ReleasedMeasureReport } from './measure-items.ts'

/** The letter's facts without its PDF bytes (downloaded separately). */
function letterForTheJson(letter: ReleasedDecisionLetter): Omit<ReleasedDecisionLetter, 'pdfBase64'> {
  const { pdfBase64: _pdf, ...rest } = letter
  return rest
}

export const readPortalItem = defineUseCase({
  name: 'portal/read-portal-item',
  input: z.object({ id: recordId() }),
  permission: ['read', 'PortalItem'],
  async run(tx, { tenant }, { id }) {
    if (!z.uuid().safeParse(id).success) return refuse('not_found', 'id', 'Bericht niet gevonden.')
    const p = schema.portalItems
    const [item] = await tx
      .select({ id: p.id, studentId: p.studentId, kind: p.kind, title: p.title, body: p.body, releasedAt: p.releasedAt })
      .from(p)
      .where(eq(p.id, id))
    if (!item) return refuse('not_found', 'id', 'Bericht niet gevonden.')
    const onMeasure = item.kind === 'decision_letter' || item.kind === 'measure_report'
    const a = onMeasure ? schema.measureAcknowledgements : schema.incidentAcknowledgements
    const acknowledgements = await tx
      .select({ id: a.id, acknowledgedOn: a.acknowledgedOn, recordedAt: a.recordedAt, reaction: a.reaction, method: a.method })
      .from(a)
      .where(and(eq(a.portalItemId, item.id), eq(a.recordedById, tenant.userId)))
      .orderBy(asc(a.recordedAt))
    const b = schema.bezwaren
    const bezwaren = item.kind === 'decision_letter'
      ? await tx
          .select({ id: b.id, receivedOn: b.receivedOn, state: b.state, decisionDueOn: b.decisionDueOn, late: b.late })
          .from(b)
          .where(eq(b.portalItemId, item.id))
          .orderBy(asc(b.receivedOn))
      : []
    const letter = item.kind === 'decision_letter' ? letterForTheJson(item.body as ReleasedDecisionLetter) : null
    return {
      ok: true,
      item: {
        id: item.id,
        studentId: item.studentId,
        kind: item.kind,
        title: item.title,
        releasedAt: item.releasedAt.toISOString(),
        // The parents' report of an incident, or the pupil's file (inzage).
        report: item.kind === 'incident_report' ? (item.body as ReleasedReport) : null,
        file: item.kind === 'student_file' ? (item.body as ReleasedStudentFile) : null,
        // A decision letter (the PDF at …/pdf) or the report of a time-out or schorsing.
        letter,
        measureReport: item.kind === 'measure_report' ? (item.body as ReleasedMeasureReport) : null,
      },
      bezwaren,
      acknowledgements: acknowledgements.map((x) => ({ ...x, recordedAt: x.recordedAt.toISOString() })),
    }
  },
})
