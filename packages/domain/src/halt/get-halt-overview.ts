// Halt's overview: referrals per school, per incident type and per month; the completion
// rate of closed trajectories; the waiting time from referral to intake (median and p90, in days).
// Computed over the referrals RLS shows the region (its own, from linked schools); no student data.
import { schema } from '@baken/db'
import { accessibleWhere } from '@baken/permissions'
import { and, eq, gte, lt } from 'drizzle-orm'
import { z } from 'zod'
import { daysBetween } from '../calendar/calendar-dates.ts'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { defineUseCase } from '../use-case.ts'
import { blankAsAbsent, percentiles } from './common.ts'

export const haltOverviewInput = z.object({
  from: blankAsAbsent(calendarDate()),
  to: blankAsAbsent(calendarDate()),
})

export interface HaltOverview {
  total: number
  perSchool: { schoolId: string; schoolName: string; count: number; open: number; closed: number }[]
  perType: { type: string; count: number }[]
  perMonth: { month: string; count: number }[]
  completion: { closed: number; completed: number; stoppedEarly: number; didNotAppear: number; rate: number | null }
  waitingDays: { count: number; median: number | null; p90: number | null }
}


/** The region's overview; `from`/`to` limit by referral date (inclusive from, exclusive day after to). */
export const getHaltOverview = defineUseCase({
  name: 'halt/get-halt-overview',
  input: haltOverviewInput,
  permission: ['read', 'HaltCase'],
  async run(tx, { ability, tenant }, input) {
    const empty: HaltOverview = {
      total: 0,
      perSchool: [],
      perType: [],
      perMonth: [],
      completion: { closed: 0, completed: 0, stoppedEarly: 0, didNotAppear: 0, rate: null },
      waitingDays: { count: 0, median: null, p90: null },
    }
    if (!tenant.partnerId) return { ok: true, ...empty }
    const r = schema.haltReferrals
    const rows = await tx
      .select({
        schoolId: r.schoolId,
        schoolName: schema.schools.name,
        status: r.status,
        outcome: r.outcome,
        incidentTypes: r.incidentTypes,
        createdAt: r.createdAt,
        intakeAt: r.intakeAt,
      })
      .from(r)
      .innerJoin(schema.schools, eq(schema.schools.id, r.schoolId))
      .where(
        and(
          accessibleWhere(ability, 'read', 'HaltCase', { partnerId: r.partnerId }),
          input.from ? gte(r.createdAt, new Date(`${input.from}T00:00:00+01:00`)) : undefined,
          input.to ? lt(r.createdAt, new Date(Date.parse(`${input.to}T00:00:00+01:00`) + 86_400_000)) : undefined,
        ),
      )
    if (!rows.length) return { ok: true, ...empty }
    const schools = new Map<string, HaltOverview['perSchool'][number]>()
    const types = new Map<string, number>()
    const months = new Map<string, number>()
    const waits: number[] = []
    let closed = 0
    let completed = 0
    let stoppedEarly = 0
    let didNotAppear = 0
    for (const row of rows) {
      const s = schools.get(row.schoolId) ?? { schoolId: row.schoolId, schoolName: row.schoolName, count: 0, open: 0, closed: 0 }
      s.count++
      if (row.status === 'afgesloten') s.closed++
      else if (row.status !== 'afgewezen') s.open++
      schools.set(row.schoolId, s)
      for (const t of row.incidentTypes) types.set(t, (types.get(t) ?? 0) + 1)
      const month = localDate(row.createdAt).slice(0, 7)
      months.set(month, (months.get(month) ?? 0) + 1)
      if (row.intakeAt) waits.push(Math.max(0, daysBetween(localDate(row.createdAt), localDate(row.intakeAt))))
      if (row.status === 'afgesloten') {
        closed++
        if (row.outcome === 'afgerond') completed++
        else if (row.outcome === 'voortijdig_gestopt') stoppedEarly++
        else if (row.outcome === 'niet_verschenen') didNotAppear++
      }
    }
    const { median, p90 } = percentiles(waits)
    const overview: HaltOverview = {
      total: rows.length,
      perSchool: [...schools.values()].sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'nl')),
      perType: schema.HALT_INCIDENT_TYPES.filter((t) => types.has(t)).map((t) => ({ type: t, count: types.get(t)! })),
      perMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
      completion: { closed, completed, stoppedEarly, didNotAppear, rate: closed ? completed / closed : null },
      waitingDays: { count: waits.length, median, p90 },
    }
    return { ok: true, ...overview }
  },
})
