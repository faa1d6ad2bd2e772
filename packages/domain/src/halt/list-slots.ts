// The region's weekly spreekuur slots per school location, with how many appointments each holds,
// and the linked schools a slot may be planned at.
import { schema } from '@baken/db'
import { asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { linkedSchools } from './halt-referral.ts'

export interface HaltSlotRow {
  id: string
  schoolId: string
  schoolName: string
  location: string
  weekday: number
  startsAt: string
  endsAt: string
  validFrom: string
  validUntil: string | null
  booked: number
}

export const listSlots = defineUseCase({
  name: 'halt/list-slots',
  input: z.object({}),
  permission: ['read', 'HaltCase'],
  async run(tx, { tenant }) {
    if (!tenant.partnerId) return { ok: true, schools: [] as { id: string; name: string }[], slots: [] as HaltSlotRow[] }
    const schools = await linkedSchools(tx, tenant)
    const s = schema.haltSlots
    const slots: HaltSlotRow[] = await tx
      .select({
        id: s.id,
        schoolId: s.schoolId,
        schoolName: schema.schools.name,
        location: s.location,
        weekday: s.weekday,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        validFrom: s.validFrom,
        validUntil: s.validUntil,
        booked: sql<number>`(select count(*)::int from halt_appointments a where a.slot_id = ${s.id})`,
      })
      .from(s)
      .innerJoin(schema.schools, eq(schema.schools.id, s.schoolId))
      .where(eq(s.partnerId, tenant.partnerId))
      .orderBy(asc(schema.schools.name), asc(s.location), asc(s.weekday), asc(s.startsAt))
    return { ok: true, schools: schools.map(({ id, name }) => ({ id, name })), slots }
  },
})
