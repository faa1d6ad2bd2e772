// The data subjects' requests the caller handles (the privacyfunctionaris: the stichting's; the
// directeur: the own school's), open ones first by deadline, then closed ones, newest first.
import { schema } from '@baken/db'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { daysBetween } from '../calendar/calendar-dates.ts'
import { localDate } from '../dates.ts'
import { displayName, studentNameColumns } from '../students.ts'
import { defineUseCase } from '../use-case.ts'
import { subjectRequestWhere, type SubjectRequestItem, type SubjectRequestKind } from './subject-requests.ts'

export const listSubjectRequestsInput = z.object({
  status: z.enum(['open', 'afgehandeld', 'afgewezen', 'alle'], 'Status: open, afgehandeld, afgewezen of alle').optional().default('alle'),
})

export const listSubjectRequests = defineUseCase({
  name: 'privacy/list-subject-requests',
  input: listSubjectRequestsInput,
  permission: ['read', 'SubjectRequest'],
  async run(tx, { ability, now }, input) {
    const today = localDate(now)
    const rows = await tx
      .select({
        r: schema.subjectRequests,
        schoolName: schema.schools.name,
        ...studentNameColumns,
      })
      .from(schema.subjectRequests)
      .innerJoin(schema.students, eq(schema.students.id, schema.subjectRequests.studentId))
      .innerJoin(schema.schools, eq(schema.schools.id, schema.subjectRequests.schoolId))
      .where(and(subjectRequestWhere(ability), input.status === 'alle' ? undefined : eq(schema.subjectRequests.status, input.status)))
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
    return { ok: true, items: [...items.filter((i) => i.status === 'open'), ...items.filter((i) => i.status !== 'open').reverse()] }
  },
})
