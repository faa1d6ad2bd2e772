// What the referral form offers: the linked Halt regions, the school's students, and the submitted
// incidents the caller may read (optionally only the one given).
import { schema } from '@baken/db'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { incidentWhere } from '../incidents/incident-record.ts'
import { ageOn } from '../measures/decision-recipients.ts'
import { displayName } from '../students.ts'
import { defineUseCase } from '../use-case.ts'
import { haltRegionsOf } from './school-referral.ts'
import { recordId } from '../input-rules.ts'

export interface ReferralFormOptions {
  regions: { id: string; name: string }[]
  students: { id: string; name: string; dateOfBirth: string | null; age: number | null }[]
  incidents: { id: string; occurredAt: string; title: string; studentIds: string[] }[]
}

export const getReferralFormOptions = defineUseCase({
  name: 'halt/get-referral-form-options',
  input: z.object({ incidentId: recordId().optional() }),
  permission: ['create', 'Referral'],
  async run(tx, { ability, tenant, now }, { incidentId }) {
    if (!tenant.schoolId) return { ok: true, regions: [], students: [], incidents: [] } as { ok: true } & ReferralFormOptions
    const regions = await haltRegionsOf(tx, tenant)
    const today = localDate(now)
    const studentRows = await tx
      .select({ id: schema.students.id, firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName, dateOfBirth: schema.students.dateOfBirth })
      .from(schema.students)
      .where(eq(schema.students.schoolId, tenant.schoolId))
      .orderBy(schema.students.firstName, schema.students.lastName)
    const incidentRows = await tx
      .select({ id: schema.incidents.id, occurredAt: schema.incidents.occurredAt, situation: schema.incidents.situation })
      .from(schema.incidents)
      .where(
        and(
          eq(schema.incidents.schoolId, tenant.schoolId),
          eq(schema.incidents.status, 'submitted'),
          incidentWhere(ability, 'read'),
          incidentId && z.uuid().safeParse(incidentId).success ? eq(schema.incidents.id, incidentId) : undefined,
        ),
      )
      .orderBy(desc(schema.incidents.occurredAt))
      .limit(200)
    const persons = incidentRows.length
      ? await tx
          .select({ incidentId: schema.incidentPersons.incidentId, studentId: schema.incidentPersons.studentId })
          .from(schema.incidentPersons)
          .where(inArray(schema.incidentPersons.incidentId, incidentRows.map((i) => i.id)))
      : []
    const byIncident = new Map<string, string[]>()
    for (const p of persons) if (p.studentId) byIncident.set(p.incidentId, [...(byIncident.get(p.incidentId) ?? []), p.studentId])
    const options: ReferralFormOptions = {
      regions,
      students: studentRows.map((s) => ({
        id: s.id,
        name: displayName(s),
        dateOfBirth: s.dateOfBirth ? String(s.dateOfBirth) : null,
        age: s.dateOfBirth ? ageOn(String(s.dateOfBirth), today) : null,
      })),
      incidents: incidentRows.map((i) => ({
        id: i.id,
        occurredAt: i.occurredAt.toISOString(),
        title: (i.situation ?? '').slice(0, 90),
        studentIds: byIncident.get(i.id) ?? [],
      })),
    }
    return { ok: true, ...options }
  },
})
