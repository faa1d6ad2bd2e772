// The platform's list of stichtingen: each with its own data (name, KvK and bevoegd gezag number,
// suspension) and counts of use this schooljaar. The platform_beheerder sees no personal data: the
// counts come from platform_usage_counts() (0032), which returns numbers only.
import { schema } from '@baken/db'
import { asc, sql } from 'drizzle-orm'
import { z } from 'zod'
import { schoolYearOf } from '../dates.ts'
import { defineUseCase } from '../use-case.ts'
import { stichtingView } from './organisations.ts'

export interface UsageCounts {
  schools: number
  users: number
  pupils: number
  incidents: number
}

export const listStichtingen = defineUseCase({
  name: 'accounts/list-stichtingen',
  input: z.object({}),
  permission: ['create', 'Stichting'],
  forbidden: 'Alleen de platformbeheerder ziet alle stichtingen.',
  async run(tx, { now }) {
    const schoolYear = schoolYearOf(now)
    const [rows, counts] = await Promise.all([
      tx.select().from(schema.stichtingen).orderBy(asc(schema.stichtingen.name)),
      tx.execute(sql`select stichting_id, schools, users, pupils, incidents from platform_usage_counts(${schoolYear})`),
    ])
    const byId = new Map<string, UsageCounts>()
    for (const c of (Array.isArray(counts) ? counts : (counts as { rows: unknown[] }).rows) as Record<string, unknown>[]) {
      byId.set(String(c.stichting_id), { schools: Number(c.schools), users: Number(c.users), pupils: Number(c.pupils), incidents: Number(c.incidents) })
    }
    return {
      ok: true,
      schoolYear,
      items: rows.map((s) => ({ ...stichtingView(s), counts: byId.get(s.id) ?? { schools: 0, users: 0, pupils: 0, incidents: 0 } })),
    }
  },
})
