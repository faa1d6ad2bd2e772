// The school's referrals: what the school may see of them (status, intake date, outcome), never
// Halt's workspace.
import { schema } from '@baken/db'
import { and, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { displayName, studentNameColumns } from '../students.ts'
import { defineUseCase } from '../use-case.ts'
import { blankAsAbsent } from './common.ts'
import { referralWhere } from './school-referral.ts'

export const listReferralsInput = z.object({
  status: blankAsAbsent(z.enum(schema.HALT_REFERRAL_STATUSES, { message: 'Onbekende status' })),
  studentId: blankAsAbsent(z.uuid('Ongeldige student')),
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

export const listReferrals = defineUseCase({
  name: 'halt/list-referrals',
  input: listReferralsInput,
  permission: ['read', 'Referral'],
  async run(tx, { ability, tenant }, input) {
    if (!tenant.schoolId) return { ok: true, items: [] as SchoolReferralItem[] }
    const r = schema.haltReferrals
    const rows = await tx
      .select({
        id: r.id,
        studentId: r.studentId,
        ...studentNameColumns,
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
          eq(r.schoolId, tenant.schoolId),
          referralWhere(ability, 'read'),
          input.status ? eq(r.status, input.status) : undefined,
          input.studentId ? eq(r.studentId, input.studentId) : undefined,
        ),
      )
      .orderBy(desc(r.createdAt))
    const items: SchoolReferralItem[] = rows.map(({ firstName, infix, lastName, ...x }) => ({
      ...x,
      studentName: displayName({ firstName, infix, lastName }),
      createdAt: x.createdAt.toISOString(),
      intakeAt: x.intakeAt?.toISOString() ?? null,
      closedAt: x.closedAt?.toISOString() ?? null,
    }))
    return { ok: true, items }
  },
})
