import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  BEHAVIOUR_GUIDANCE,
  VICTIM_CARE_STEPS,
  guidanceForVoorval,
  type BehaviourKey,
} from '../src/incidents/guidance.ts'

// The IRIS code list: the package's own copy once it exists, else the shared reference.
const CSV_CANDIDATES = [
  fileURLToPath(new URL('../data/iris-codes.csv', import.meta.url)),
  '/work/shared/reference/iris-codes.csv',
]

/** Splits one CSV line; fields may be double-quoted and then contain commas (and "" for a quote). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') {
        quoted = false
      } else {
        field += ch
      }
    } else if (ch === '"') {
      quoted = true
    } else if (ch === ',') {
      fields.push(field)
      field = ''
    } else {
      field += ch
    }
  }
  fields.push(field)
  return fields
}

function voorvalCodes(): Map<number, string> {
  const path = CSV_CANDIDATES.find((p) => existsSync(p))
  if (!path) throw new Error(`IRIS code list not found; looked in ${CSV_CANDIDATES.join(', ')}`)
  const codes = new Map<number, string>()
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(1)
  for (const line of lines) {
    if (line.trim() === '') continue
    const [list, code, label] = splitCsvLine(line)
    if (list === 'voorval') codes.set(Number(code), label ?? '')
  }
  return codes
}

describe('behaviour guidance (§6.4)', () => {
  it('covers the six behaviours of §6.4 in order, each with its source paragraph', () => {
    expect(BEHAVIOUR_GUIDANCE.map((g) => g.key)).toEqual<BehaviourKey[]>([
      'fysieke_agressie',
      'verbale_agressie',
      'vernieling',
      'diefstal',
      'seksuele_intimidatie',
      'ongewenst_bezoek',
    ])
    BEHAVIOUR_GUIDANCE.forEach((g, i) => {
      expect(g.source).toContain(`§6.4.${i + 1}`)
    })
  })

  it.each(BEHAVIOUR_GUIDANCE.map((g) => [g.key, g] as const))('%s has definitions, police rule, measures and help', (_key, g) => {
    expect(g.title.trim()).not.toBe('')
    expect(g.generalDefinition.trim()).not.toBe('')
    expect(g.legalDefinition.trim()).not.toBe('')
    expect(g.whenToInformPolice.trim()).not.toBe('')
    expect(g.policeHaltReferral.note.trim()).not.toBe('')
    expect(g.schoolMeasures.length).toBeGreaterThan(0)
    expect(g.policeMeasures.length).toBeGreaterThan(0)
    expect(g.helpOptions.length).toBeGreaterThan(0)
    for (const h of g.helpOptions) expect(h.label.trim()).not.toBe('')
    expect(new Set(g.helpOptions.map((h) => h.key)).size).toBe(g.helpOptions.length)
    expect(g.irisVoorval.length).toBeGreaterThan(0)
  })

  it('cites the Wetboek van Strafrecht where the protocol gives a juridische definitie', () => {
    for (const g of BEHAVIOUR_GUIDANCE) {
      // §6.4.5 has no juridische definitie with articles in the protocol.
      if (g.key === 'seksuele_intimidatie') continue
      expect(g.legalDefinition).toMatch(/art\. \d+/)
    }
  })

  it('uses only IRIS voorval codes that exist', () => {
    const codes = voorvalCodes()
    expect(codes.size).toBeGreaterThan(0)
    for (const g of BEHAVIOUR_GUIDANCE) {
      for (const code of g.irisVoorval) {
        expect(codes.has(code), `${g.key}: voorval ${code}`).toBe(true)
      }
    }
  })

  it('maps no voorval code to two behaviours', () => {
    const owner = new Map<number, BehaviourKey>()
    for (const g of BEHAVIOUR_GUIDANCE) {
      for (const code of g.irisVoorval) {
        expect(owner.get(code), `voorval ${code}`).toBeUndefined()
        owner.set(code, g.key)
      }
    }
  })

  it('allows a police Halt referral exactly for vernieling and diefstal, and says only the police refers', () => {
    const possible = BEHAVIOUR_GUIDANCE.filter((g) => g.policeHaltReferral.possible).map((g) => g.key)
    expect(possible).toEqual(['vernieling', 'diefstal'])
    for (const g of BEHAVIOUR_GUIDANCE) expect(g.policeHaltReferral.note).toContain('art. 77e Sr')
  })

  it('says where the protocol text on Halt differs for verbale agressie', () => {
    const verbal = BEHAVIOUR_GUIDANCE.find((g) => g.key === 'verbale_agressie')
    expect(verbal?.policeHaltReferral.possible).toBe(false)
    expect(verbal?.policeHaltReferral.note).toMatch(/Maatregelen OM/)
  })
})

describe('guidanceForVoorval', () => {
  it('returns the behaviours in guidance order without duplicates', () => {
    expect(guidanceForVoorval([3, 15, 3]).map((g) => g.key)).toEqual(['fysieke_agressie', 'diefstal'])
    expect(guidanceForVoorval([15, 3]).map((g) => g.key)).toEqual(['fysieke_agressie', 'diefstal'])
  })

  it('returns nothing for an accident (ongeval, 31) or no codes', () => {
    expect(guidanceForVoorval([31])).toEqual([])
    expect(guidanceForVoorval([])).toEqual([])
  })
})

describe('victim care steps (§4)', () => {
  it('are non-empty, with unique keys, non-negative due days and a §4 source', () => {
    expect(VICTIM_CARE_STEPS.length).toBeGreaterThan(0)
    expect(new Set(VICTIM_CARE_STEPS.map((s) => s.key)).size).toBe(VICTIM_CARE_STEPS.length)
    for (const step of VICTIM_CARE_STEPS) {
      expect(Number.isInteger(step.dueAfterDays)).toBe(true)
      expect(step.dueAfterDays).toBeGreaterThanOrEqual(0)
      expect(step.title.trim()).not.toBe('')
      expect(step.description.trim()).not.toBe('')
      expect(step.source).toContain('§4')
    }
  })

  it('include the victim-care tasks of the protocol', () => {
    const keys = VICTIM_CARE_STEPS.map((s) => s.key)
    expect(keys).toEqual(
      expect.arrayContaining(['gesprek_slachtoffer', 'ouders_slachtoffer_informeren', 'herstel_slachtoffer_volgen', 'normaliserend_gesprek_dader']),
    )
  })
})
