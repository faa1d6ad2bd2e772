// Who receives a written decision: the pupil, the parents or both, by sector and age on the day.
import type { Sector } from '@baken/db'
import type { DecisionRecipient, RuleSet } from './rule-model.ts'
import { assertDate, ruleOf, ruleSetFor } from './rule-lookups.ts'

/** The age in whole years on a date. A 29 February birthday counts from 1 March in other years. */
export function ageOn(dateOfBirth: string, onDate: string): number {
  assertDate(dateOfBirth, 'dateOfBirth')
  assertDate(onDate, 'onDate')
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number]
  // Comparing (month, day) pairs: on 28 February of a common year, (2, 28) < (2, 29), so someone born
  // on 29 February is not a year older until 1 March. The law has no explicit rule; this is the
  // cautious reading (the parents keep receiving the decision one day longer).
  const hadBirthday = m > bm || (m === bm && d >= bd)
  return y - by - (hadBirthday ? 0 : 1)
}

export const AGE_OF_MAJORITY = 18

/**
 * Up to which age the parents also receive a written decision, as the rule set says it
 * (`schorsing.besluitAan`: 'ouders_onder_18' → 18, vo 'ouders_onder_21' → 21); null where the parents
 * receive it at any age (po) or the pupil never alone (none). The stichting may set its own age where
 * the rule is instelbaar (vo: stichting_settings.vo_decision_adult_age).
 */
export function decisionAdultAge(ruleSet: RuleSet): number | null {
  const value = ruleOf(ruleSet, 'schorsing.besluitAan').value as readonly string[]
  const under = value.map((v) => /^ouders_onder_(\d+)$/.exec(v)).find(Boolean)
  return under ? Number(under[1]) : null
}

/** The ages a stichting may choose for its vo decisions: from majority (18) up to the rule's 21. */
export const VO_DECISION_ADULT_AGES = { min: AGE_OF_MAJORITY, max: 21 } as const

/**
 * Who receives a written decision (schorsing, verwijdering) on a date: the parents in po; in vo and
 * mbo the pupil and, under the rule set's age (vo 21, mbo 18), also the parents (Inrichtingsbesluit
 * WVO art. 13, WEB art. 8.1.7c; see the rules' notes). In so the parents, or the pupil once adult
 * (uncertain, see the rule). `adultAge` overrides the rule set's age (the stichting's setting, vo).
 */
export function decisionRecipients(sector: Sector, dateOfBirth: string, onDate: string, adultAge?: number): DecisionRecipient[] {
  const age = adultAge ?? decisionAdultAge(ruleSetFor(sector, onDate)) ?? AGE_OF_MAJORITY
  const adult = ageOn(dateOfBirth, onDate) >= age
  switch (sector) {
    case 'po':
      return ['ouders']
    case 'so':
      return adult ? ['leerling'] : ['ouders']
    case 'vo':
    case 'mbo':
      return adult ? ['leerling'] : ['leerling', 'ouders']
  }
}
