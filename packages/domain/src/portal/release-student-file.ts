// The directeur releases a pupil's file to the portal as the AVG export builds it (AVG art. 15):
// the incidents the pupil is in (other pupils as "leerling A/B", free text redacted), measures and
// letters, Halt referral status and the agreed closing report (never Halt's own notes), and the
// shares. Who looked at the file is not copied in with staff names: the portal shows the
// organisations per month instead (family_child_viewers). A snapshot, released by a person (ADR
// 033); the export is logged as such. Only who may make the export (the directeur) may release it.
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { runUseCase, defineUseCase } from '../use-case.ts'
import { exportStudent } from '../privacy/export-student.ts'
import type { StudentExport } from '../privacy/student-export.ts'
import { notifyFamily } from './portal-records.ts'

/** The export as the family reads it: no access history with staff names, no staff names on transitions. */
export type ReleasedStudentFile = Omit<StudentExport, 'accessHistory' | 'measures' | 'generatedBy'> & {
  measures: (Omit<StudentExport['measures'][number], 'transitions'> & { transitions: { at: string; from: string | null; to: string }[] })[]
}

export function forTheFamily(data: StudentExport): ReleasedStudentFile {
  const { accessHistory: _history, generatedBy: _by, measures, ...rest } = data
  return { ...rest, measures: measures.map((m) => ({ ...m, transitions: m.transitions.map((t) => ({ at: t.at, from: t.from, to: t.to })) })) }
}

export const releaseStudentFile = defineUseCase({
  name: 'portal/release-student-file',
  input: z.object({ studentId: recordId() }),
  permission: ['create', 'PortalItem'],
  forbidden: 'Alleen de directeur of de intern begeleider zet stukken in het ouderportaal.',
  async run(tx, ctx, { studentId }) {
    const exported = await runUseCase(exportStudent, tx, ctx, { id: studentId })
    if (!exported.ok) return exported
    const data = exported.data as StudentExport
    const id = crypto.randomUUID()
    const [student] = await tx.select({ stichtingId: schema.students.stichtingId, schoolId: schema.students.schoolId }).from(schema.students).where(eq(schema.students.id, studentId))
    const item = { id, stichtingId: student!.stichtingId, schoolId: student!.schoolId, studentId }
    await tx.insert(schema.portalItems).values({
      ...item,
      kind: 'student_file',
      title: 'Inzage: het dossier van uw kind',
      body: forTheFamily(data),
      releasedById: ctx.tenant.userId,
      releasedAt: ctx.now,
    })
    const notified = await notifyFamily(tx, item, ctx.tenant.userId)
    return { ok: true, id, notified }
  },
})
