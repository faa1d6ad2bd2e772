// Per school the caller may see: the sector's rule set and, when the school has a protocol on file,
// the protocol beside the law (the law as versioned data: rule-sets.ts). Stichting roles see all their schools,
// the directeur and IB their own (CASL 'Protocol'; RLS keeps other stichtingen out).
import { schema, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { asc } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase } from '../use-case.ts'
import { compareProtocol, protocolOnFile, type ProtocolComparisonRow } from './protocol.ts'
import { ruleSetFor } from './rule-lookups.ts'
import type { RuleSet } from './rule-model.ts'

export interface SchoolProtocolView {
  school: { id: string; name: string; brin: string; sector: RuleSet['sector'] }
  ruleSet: RuleSet
  /** The protocol on file, or null ("geen protocol vastgelegd"). */
  protocol: { id: string; title: string; version: string } | null
  /** One row per rule; null without a protocol. */
  comparison: ProtocolComparisonRow[] | null
  differences: number
}

/** Every school the caller may read protocols of, by name, with the rule set of today and the comparison. */
export const listSchoolProtocols = defineUseCase({
  name: 'measures/list-school-protocols',
  input: z.object({}),
  permission: ['read', 'Protocol'],
  async run(tx, { ability, now }) {
    return { ok: true, items: await schoolProtocols(tx, ability, localDate(now)) }
  },
})

async function schoolProtocols(tx: Tx, ability: AppAbility, onDate: string): Promise<SchoolProtocolView[]> {
  const s = schema.schools
  const schools = await tx
    .select({ id: s.id, name: s.name, brin: s.brin, sector: s.sector })
    .from(s)
    .where(accessibleWhere(ability, 'read', 'Protocol', { schoolId: s.id, stichtingId: s.stichtingId }))
    .orderBy(asc(s.name))
  return schools.map((school) => {
    const ruleSet = ruleSetFor(school.sector, onDate)
    const protocol = protocolOnFile(school.brin)
    const comparison = protocol && protocol.sector === school.sector ? compareProtocol(protocol, ruleSet) : null
    return {
      school,
      ruleSet,
      protocol: protocol && comparison ? { id: protocol.id, title: protocol.title, version: protocol.version } : null,
      comparison,
      differences: comparison?.filter((r) => r.differs).length ?? 0,
    }
  })
}
