// Every school of the stichting with its directeur's mandate for schorsingen (Awb art. 10:1–10:3)
// and the history of versions: for the bestuurder (who manages them) and the stichtingbeheerder.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { asc, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { sectorMaxOf, type MandateVersion } from './mandates.ts'
import { ruleOf, ruleSetFor } from './rule-lookups.ts'
import { ruleView } from './rule-model.ts'

export const getMandates = defineUseCase({
  name: 'measures/get-mandates',
  input: z.object({}),
  permission: ['read', 'Mandate'],
  async run(tx, { ability, tenant, now }) {
    if (!tenant.stichtingId || !ability.can('read', record('Mandate', { stichtingId: tenant.stichtingId }))) return refuse('forbidden', '', 'Geen toegang: read Mandate.')
    const today = localDate(now)
    const [schools, rows] = await Promise.all([
      tx
        .select({ id: schema.schools.id, name: schema.schools.name, sector: schema.schools.sector })
        .from(schema.schools)
        .where(eq(schema.schools.stichtingId, tenant.stichtingId))
        .orderBy(asc(schema.schools.name)),
      tx
        .select({ m: schema.schoolMandates, byName: schema.users.name })
        .from(schema.schoolMandates)
        .leftJoin(schema.users, eq(schema.users.id, schema.schoolMandates.createdById))
        .where(eq(schema.schoolMandates.stichtingId, tenant.stichtingId))
        .orderBy(desc(schema.schoolMandates.version)),
    ])
    const view = (r: (typeof rows)[number]): MandateVersion => ({
      id: r.m.id,
      version: r.m.version,
      action: r.m.action,
      maxSchoolDays: r.m.maxSchoolDays,
      startsOn: r.m.startsOn,
      besluitOn: r.m.besluitOn,
      byName: r.byName,
      at: r.m.createdAt.toISOString(),
    })
    return {
      ok: true,
      rule: ruleView(ruleOf(ruleSetFor('po', today), 'schorsing.mandaat')),
      mayManage: ability.can('manage', record('Mandate', { stichtingId: tenant.stichtingId })),
      items: schools.map((s) => {
        const history = rows.filter((r) => r.m.schoolId === s.id).map(view)
        const latest = history[0]
        return {
          schoolId: s.id,
          schoolName: s.name,
          sector: s.sector,
          sectorMax: sectorMaxOf(s.sector, today),
          current: latest?.action === 'verleend' ? latest : null,
          history,
        }
      }),
    }
  },
})
