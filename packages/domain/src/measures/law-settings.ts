// The stichting's choices where the law leaves room, kept in stichting_settings: for now the age up
// to which the parents of a vo pupil also receive a decision (schorsing, verwijdering). The rule set
// holds the default and its source (rule-sets.ts, schorsing.besluitAan: 21, Inrichtingsbesluit WVO art.
// 13 as schools quote it); a stichting may choose from majority (18) up to that age. Read and set by
// the bestuurder and the stichtingbeheerder (CASL 'LawSettings'; RLS 0013 limits writes to them).
// Also the rule a school's proposal form shows beside the number of days of a schorsing.
import { schema, type Sector, type Tx } from '@baken/db'
import { eq } from 'drizzle-orm'
import { decisionAdultAge, VO_DECISION_ADULT_AGES } from './decision-recipients.ts'
import { ruleOf, ruleSetFor } from './rule-lookups.ts'
import { ruleStatuses, ruleView, type RuleStatus, type RuleView } from './rule-model.ts'

export interface LawSettingsView {
  /** The age in force for the stichting's vo decisions: its own choice, else the rule set's. */
  voDecisionAdultAge: number
  /** The stichting's own choice; null follows the rule set. */
  voDecisionAdultAgeChosen: number | null
  voDecisionAdultAgeRule: { default: number; min: number; max: number; key: string; text: string; source: string; note: string | null; status: RuleStatus[] }
  updatedAt: string | null
}

function voRule(onDate: string) {
  const rule = ruleOf(ruleSetFor('vo', onDate), 'schorsing.besluitAan')
  return { rule, age: decisionAdultAge(ruleSetFor('vo', onDate)) ?? VO_DECISION_ADULT_AGES.max }
}

/** The stichting's own vo age, when it chose one. */
async function chosenVoAge(tx: Tx, stichtingId: string): Promise<{ age: number | null; updatedAt: Date | null }> {
  const [row] = await tx
    .select({ age: schema.stichtingSettings.voDecisionAdultAge, updatedAt: schema.stichtingSettings.updatedAt })
    .from(schema.stichtingSettings)
    .where(eq(schema.stichtingSettings.stichtingId, stichtingId))
  return { age: row?.age ?? null, updatedAt: row?.updatedAt ?? null }
}

/**
 * The age a decision for a pupil of this sector uses as adult, for decisionRecipients: the
 * stichting's own choice in vo, where the rule is instelbaar; undefined elsewhere (the rule set's).
 */
export async function decisionAdultAgeFor(tx: Tx, stichtingId: string, sector: Sector): Promise<number | undefined> {
  if (sector !== 'vo') return undefined
  return (await chosenVoAge(tx, stichtingId)).age ?? undefined
}

/** The stichting's law settings as pages and the API show them, with the rule each one sets. */
export async function lawSettingsView(tx: Tx, stichtingId: string, today: string): Promise<LawSettingsView> {
  const { rule, age } = voRule(today)
  const chosen = await chosenVoAge(tx, stichtingId)
  return {
    voDecisionAdultAge: chosen.age ?? age,
    voDecisionAdultAgeChosen: chosen.age,
    voDecisionAdultAgeRule: {
      default: age,
      min: VO_DECISION_ADULT_AGES.min,
      max: VO_DECISION_ADULT_AGES.max,
      key: rule.key,
      text: rule.text,
      source: rule.source,
      note: rule.note ?? null,
      status: ruleStatuses(rule),
    },
    updatedAt: chosen.updatedAt?.toISOString() ?? null,
  }
}

/** The sector maximum of a schorsing at a school, with its rule as the proposal form shows it. */
export async function schorsingMaximumAt(tx: Tx, schoolId: string, onDate: string): Promise<(RuleView & { max: number }) | null> {
  const [school] = await tx.select({ sector: schema.schools.sector }).from(schema.schools).where(eq(schema.schools.id, schoolId))
  if (!school) return null
  const rule = ruleOf(ruleSetFor(school.sector, onDate), 'schorsing.maxSchooldagen')
  return { ...ruleView(rule), max: rule.value as number }
}
