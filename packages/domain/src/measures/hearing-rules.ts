// Who must be heard before the board decides a verwijdering, as the rule sets say it. Pure; the
// hearings themselves are recorded in removal-hearings.ts.
import type { Rule, RuleSet } from './rule-model.ts'
import { AGE_OF_MAJORITY, ageOn } from './decision-recipients.ts'
import { ruleOf } from './rule-lookups.ts'

/** Who is heard before a verwijdering, and the vo Inspectie consultation, as stored per hearing. */
export const HEARING_PARTIES = ['groepsleraar', 'leraren', 'leerling', 'ouders', 'inspectie_overleg'] as const
export type HearingParty = (typeof HEARING_PARTIES)[number]
export const HEARING_PARTY_LABELS: Record<HearingParty, string> = {
  groepsleraar: 'de betrokken groepsleraar',
  leraren: 'de betrokken leraren',
  leerling: 'de leerling',
  ouders: 'de ouders',
  inspectie_overleg: 'overleg met de Inspectie',
}

export interface RequiredHearing {
  party: HearingParty
  label: string
  rule: Rule
}

/**
 * The parties to be heard before the board decides a verwijdering (`verwijdering.horen`), for a pupil
 * of this age on the date ('ouders_onder_18': the parents only while the pupil is under 18), and the
 * Inspectie consultation where the rule set asks for it (`verwijdering.inspectie`, vo: for a pupil
 * under 18, see the rule's note).
 */
export function requiredHearings(ruleSet: RuleSet, dateOfBirth: string, onDate: string, adultAge: number = AGE_OF_MAJORITY): RequiredHearing[] {
  const minor = ageOn(dateOfBirth, onDate) < adultAge
  const horen = ruleOf(ruleSet, 'verwijdering.horen')
  const parties = (horen.value as readonly string[]).flatMap((p): HearingParty[] => {
    if (p === 'ouders_onder_18') return minor ? ['ouders'] : []
    return (HEARING_PARTIES as readonly string[]).includes(p) ? [p as HearingParty] : []
  })
  const out: RequiredHearing[] = parties.map((party) => ({ party, label: HEARING_PARTY_LABELS[party], rule: horen }))
  const inspectie = ruleOf(ruleSet, 'verwijdering.inspectie')
  if ((inspectie.value as { overlegVooraf?: boolean }).overlegVooraf && minor) {
    out.push({ party: 'inspectie_overleg', label: HEARING_PARTY_LABELS.inspectie_overleg, rule: inspectie })
  }
  return out
}

export type HearingsCheck = { ok: true; required: RequiredHearing[] } | { ok: false; required: RequiredHearing[]; missing: RequiredHearing[]; message: string }

/** Whether every required party was heard; a refusal names who is missing, with the rules and sources. */
export function checkHearings(required: readonly RequiredHearing[], heard: readonly string[]): HearingsCheck {
  const missing = required.filter((r) => !heard.includes(r.party))
  if (!missing.length) return { ok: true, required: [...required] }
  const unheard = missing.filter((r) => r.party !== 'inspectie_overleg')
  const parts: string[] = []
  if (unheard.length) parts.push(`nog niet gehoord: ${unheard.map((r) => r.label).join(', ')} (${unheard[0]!.rule.source})`)
  const overleg = missing.find((r) => r.party === 'inspectie_overleg')
  if (overleg) parts.push(`het overleg met de Inspectie is nog niet vastgelegd (${overleg.rule.source})`)
  return {
    ok: false,
    required: [...required],
    missing,
    message: `Het bevoegd gezag besluit pas tot verwijdering als iedereen is gehoord die de wet noemt: ${parts.join('; ')}.`,
  }
}
