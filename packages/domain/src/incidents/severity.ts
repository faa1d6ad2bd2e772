// Severity per the school protocol §1.2 ("ernstig" / "zeer ernstig"), as data: each rule carries the
// protocol's own words and its source, so the UI can show why a level is suggested. Staff may raise
// the level; lowering it below the suggestion needs a reason, which is kept.
import { BEHAVIOUR_VOORVAL, VOORVAL } from './voorval-codes.ts'
export { BEHAVIOUR_VOORVAL, COMMON_VOORVAL } from './voorval-codes.ts'

export const SEVERITIES = ['overig', 'ernstig', 'zeer_ernstig'] as const
export type Severity = (typeof SEVERITIES)[number]
export const SEVERITY_LABELS: Record<Severity, string> = {
  overig: 'overig',
  ernstig: 'ernstig',
  zeer_ernstig: 'zeer ernstig',
}

export const PERSON_ROLES = ['dader', 'slachtoffer', 'getuige', 'melder', 'betrokkene'] as const
export type PersonRole = (typeof PERSON_ROLES)[number]
/** leerling: a pupil of this school; the others are adults for the §1.2 rules. */
export const PERSON_KINDS = ['leerling', 'medewerker', 'ouder', 'externe'] as const
export type PersonKind = (typeof PERSON_KINDS)[number]

export interface SeverityInput {
  voorval: readonly number[]
  persons: readonly { role: PersonRole; kind: PersonKind; injury?: string | null }[]
  verbalAggression?: boolean
  physicalAggression?: boolean
  vandalism?: boolean
  /** A pupil ran off the school premises. */
  leftPremises?: boolean
  /** Objects were thrown at a person. */
  objectThrownAtPerson?: boolean
}

export interface SeverityRule {
  id: string
  level: Exclude<Severity, 'overig'>
  /** The protocol's wording. */
  text: string
  source: string
  applies(input: SeverityInput): boolean
}

const SOURCE = 'Protocol Incidenten, schorsing en verwijdering (dec. 2023), §1.2'
const has = (input: SeverityInput, ...codes: number[]) => codes.some((c) => input.voorval.includes(c))
const victims = (input: SeverityInput) => input.persons.filter((p) => p.role === 'slachtoffer')
const againstPupil = (input: SeverityInput) => victims(input).some((p) => p.kind === 'leerling')
const againstAdult = (input: SeverityInput) => victims(input).some((p) => p.kind !== 'leerling')
const verbal = (input: SeverityInput) => !!input.verbalAggression || has(input, ...BEHAVIOUR_VOORVAL.verbal)
const physical = (input: SeverityInput) =>
  !!input.physicalAggression || has(input, ...BEHAVIOUR_VOORVAL.physical)
const aggression = (input: SeverityInput) => verbal(input) || physical(input)

export const SEVERITY_RULES: readonly SeverityRule[] = [
  {
    id: 'verbaal-kind',
    level: 'ernstig',
    text: 'Verbale agressie (uitschelden, vloeken, dreigen) richting ander kind',
    source: SOURCE,
    applies: (i) => verbal(i) && againstPupil(i),
  },
  {
    id: 'pesten',
    level: 'ernstig',
    text: 'Herhaaldelijk pesten, ruzies',
    source: SOURCE,
    applies: (i) => has(i, VOORVAL.pesterijen, VOORVAL.grovePesterijen),
  },
  {
    id: 'weglopen',
    level: 'ernstig',
    text: 'Een kind loopt weg van school (het terrein af)',
    source: SOURCE,
    applies: (i) => !!i.leftPremises,
  },
  {
    id: 'schade',
    level: 'ernstig',
    text: 'Opzettelijke schade veroorzaken (vuurtje steken, vernieling, diefstal); moedwillig vernielen van materialen',
    source: SOURCE,
    applies: (i) => !!i.vandalism || has(i, VOORVAL.vernieling, VOORVAL.diefstal, VOORVAL.brandstichting),
  },
  {
    id: 'vechtpartij',
    level: 'ernstig',
    text: 'Meedoen aan een vechtpartij; een kind spuugt bewust in het gezicht van een ander kind',
    source: SOURCE,
    applies: (i) => has(i, VOORVAL.groepsknokpartij) || (physical(i) && againstPupil(i)),
  },
  {
    id: 'verbaal-volwassene',
    level: 'zeer_ernstig',
    text: 'Verbale agressie (uitschelden, vloeken, dreigen) richting volwassene; een kind spuugt bewust een volwassene in het gezicht',
    source: SOURCE,
    applies: (i) => verbal(i) && againstAdult(i),
  },
  {
    id: 'fysiek-volwassene',
    level: 'zeer_ernstig',
    text: 'Fysiek geweld/bedreiging ten opzichte van volwassenen',
    source: SOURCE,
    applies: (i) => (physical(i) || has(i, VOORVAL.bedreiging)) && againstAdult(i),
  },
  {
    id: 'gooien',
    level: 'zeer_ernstig',
    text: 'Het gooien van materialen richting een ander persoon',
    source: SOURCE,
    applies: (i) => !!i.objectThrownAtPerson,
  },
  {
    id: 'letsel',
    level: 'zeer_ernstig',
    text: 'Lichamelijk letsel ontstaan door agressie',
    source: SOURCE,
    applies: (i) => aggression(i) && i.persons.some((p) => !!p.injury?.trim()),
  },
  {
    id: 'drugs',
    level: 'zeer_ernstig',
    text: 'Druggebruik of bezit van drugs',
    source: SOURCE,
    applies: (i) => has(i, VOORVAL.drugsbezit, VOORVAL.drugsgebruik, VOORVAL.drugsverkoop),
  },
  {
    id: 'wapens',
    level: 'zeer_ernstig',
    text: 'Overige (zeer) ernstige situaties zoals wapenbezit',
    source: SOURCE,
    applies: (i) => has(i, VOORVAL.wapenbezit, VOORVAL.wapengebruik, VOORVAL.wapenverkoop),
  },
  {
    id: 'seksueel',
    level: 'zeer_ernstig',
    text: 'Overige (zeer) ernstige situaties zoals seksueel overschrijdend gedrag',
    source: SOURCE,
    applies: (i) => has(i, VOORVAL.seksueleIntimidatie, VOORVAL.seksueelMisbruik, VOORVAL.loverboy),
  },
]

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s)
}

export interface SeveritySuggestion {
  level: Severity
  /** Every rule that matched, highest level first; empty for 'overig'. */
  rules: { id: string; level: Severity; text: string; source: string }[]
}

export function suggestSeverity(input: SeverityInput): SeveritySuggestion {
  const matched = SEVERITY_RULES.filter((r) => r.applies(input)).sort((a, b) => severityRank(b.level) - severityRank(a.level))
  return {
    level: matched[0]?.level ?? 'overig',
    rules: matched.map(({ id, level, text, source }) => ({ id, level, text, source })),
  }
}

/** Voorval codes that make an incident confidential (vertrouwenspersoon and directeur only). */
export const CONFIDENTIAL_VOORVAL: readonly number[] = [VOORVAL.seksueleIntimidatie, VOORVAL.seksueelMisbruik, VOORVAL.loverboy]

export function isConfidentialByType(voorval: readonly number[]): boolean {
  return voorval.some((c) => CONFIDENTIAL_VOORVAL.includes(c))
}
