// docs/law.md lists every rule of every rule set with its source and status: the table and the rule
// sets cannot drift apart without this test failing.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { allRuleSets } from '../src/measures/rule-lookups.ts'
import { RULE_KEYS, ruleStatuses } from '../src/measures/rule-model.ts'

const doc = readFileSync(new URL('../../../docs/law.md', import.meta.url), 'utf8')
const rows = doc
  .split('\n')
  .filter((line) => /^\| `[\w.]+` \|/.test(line))
  .map((line) => {
    const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'))
    return { key: cells[0]!.replace(/`/g, ''), sectors: cells[1]!.split(', '), source: cells[3]!, status: cells[4]! }
  })

describe('docs/law.md', () => {
  it.each(allRuleSets().map((s) => [s.id, s] as const))('names every rule of %s with its source and status', (_id, set) => {
    for (const key of RULE_KEYS) {
      const rule = set.rules.find((r) => r.key === key)!
      const row = rows.find((r) => r.key === key && (r.sectors.includes('alle') || r.sectors.includes(set.sector)))
      expect(row, `${set.sector} ${key}`).toBeDefined()
      expect(row!.source, `${set.sector} ${key}`).toBe(rule.source)
      expect(row!.status, `${set.sector} ${key}`).toBe(ruleStatuses(rule).join(', '))
    }
  })
})
