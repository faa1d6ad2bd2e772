// The measures of the legal ladder (adempauze → time-out → schorsing → verwijdering) and the shape of
// the rules around them: one versioned rule set per sector (rule-sets.ts), each rule with its Dutch
// wording and its source, so the UI can show why and a school's own protocol can be compared with
// the law.
//
// Where the law is uncertain, the rule is configurable and the UI says so. A rule that
// could not be checked against the statute text, or where sources disagree, has `uncertain: true` and
// a `note` saying what is uncertain; the page shows both.
import type { Sector } from '@baken/db'

/** The ladder, lowest rung first. */
export const MEASURE_KINDS = ['adempauze', 'time_out', 'schorsing', 'verwijdering'] as const
export type MeasureKind = (typeof MEASURE_KINDS)[number]
export const MEASURE_LABELS: Record<MeasureKind, string> = {
  adempauze: 'adempauze',
  time_out: 'time-out',
  schorsing: 'schorsing',
  verwijdering: 'verwijdering',
}

/** What a rule is about: a rung of the ladder, or the objection procedure. */
export const RULE_TOPICS = [...MEASURE_KINDS, 'bezwaar'] as const
export type RuleTopic = (typeof RULE_TOPICS)[number]
export const RULE_TOPIC_LABELS: Record<RuleTopic, string> = { ...MEASURE_LABELS, bezwaar: 'bezwaar' }

export const RULE_KEYS = [
  'adempauze.ouders',
  'time_out.grondslag',
  'time_out.maxDagen',
  'time_out.besluit',
  'time_out.ouders',
  'time_out.meldingBevoegdGezag',
  'schorsing.besluit',
  'schorsing.mandaat',
  'schorsing.maxSchooldagen',
  'schorsing.verlengen',
  'schorsing.besluitAan',
  'schorsing.inspectie',
  'schorsing.bezwaarclausule',
  'schorsing.bezwaarBeslistermijn',
  'verwijdering.besluit',
  'verwijdering.horen',
  'verwijdering.definitief',
  'verwijdering.inspectie',
  'verwijdering.schorsingHangende',
  'bezwaar.termijnWeken',
  'bezwaar.termijnenwet',
  'bezwaar.beslistermijnWeken',
  'bezwaar.beslistermijnStart',
  'bezwaar.opschorting',
] as const
export type RuleKey = (typeof RULE_KEYS)[number]

/** A machine-readable value; compared (deeply, lists as sets) with a protocol's setting. */
export type RuleValue =
  | string
  | number
  | boolean
  | null
  | readonly string[]
  | Readonly<Record<string, string | number | boolean | null>>

/** Value of a rule the stichting chooses itself (a protocol's choice is then not a difference). */
export const CONFIGURABLE = 'instelbaar'

export interface Rule {
  key: RuleKey
  topic: RuleTopic
  /** The rule in Dutch, as shown to staff. */
  text: string
  value: RuleValue
  /** The article (or, for protocol-only rules, that there is none). */
  source: string
  note?: string
  /** Not checked against the statute text, or sources disagree: say so in the UI. */
  uncertain?: boolean
  /** The stichting may set this rule itself (uncertain law → configurable). */
  configurable?: boolean
}

/**
 * How settled a rule is: 'vastgesteld' (checked against the law), 'onzeker' (not checked against the
 * statute text, or sources disagree), 'instelbaar' (the stichting sets it where the law leaves room).
 * A rule can be both onzeker and instelbaar.
 */
export const RULE_STATUSES = ['vastgesteld', 'onzeker', 'instelbaar'] as const
export type RuleStatus = (typeof RULE_STATUSES)[number]
export const RULE_STATUS_LABELS: Record<RuleStatus, string> = { vastgesteld: 'Vastgesteld', onzeker: 'Onzeker', instelbaar: 'Instelbaar' }

export function ruleStatuses(rule: Pick<Rule, 'uncertain' | 'configurable'>): RuleStatus[] {
  const out: RuleStatus[] = []
  if (rule.uncertain) out.push('onzeker')
  if (rule.configurable) out.push('instelbaar')
  return out.length ? out : ['vastgesteld']
}

/** A rule as pages and the API show it beside a value or deadline: wording, source, note and status. */
export interface RuleView {
  key: RuleKey
  text: string
  source: string
  note: string | null
  status: RuleStatus[]
}

export function ruleView(rule: Rule): RuleView {
  return { key: rule.key, text: rule.text, source: rule.source, note: rule.note ?? null, status: ruleStatuses(rule) }
}

export interface RuleSet {
  /** Data version: sector and the year the set was last reviewed. */
  id: string
  sector: Sector
  title: string
  /** The first day the law in this set applies (YYYY-MM-DD). */
  validFrom: string
  /** The first day it no longer applies, when a newer set replaces it. */
  validUntil?: string
  note?: string
  rules: readonly Rule[]
}

/** Recipients of a written decision. */
export type DecisionRecipient = 'leerling' | 'ouders'
