// Decision letters: made from the stichting's latest template for the
// kind, filled from the measure and the rule set it was proposed under, rendered as PDF and stored
// with the case, versioned per (measure, kind). And the stichting's templates themselves, versioned:
// a save adds a version after checking the required placeholders (ADR 007: "required contents are
// checked when a template is saved"); a letter checks them again, since a template can also come from
// the seed or a migration.
//
// Two walls: RLS (migration 0015) shows letters with their measure and templates within the
// stichting, and lets only the stichtingbeheerder and the bestuurder add template versions. CASL:
// making a letter needs 'update' on the measure as the school or the board (not as the proposer
// only: a leerkracht's own time-out request does not make her the sender of decisions);
// templates are 'LetterTemplate'.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import type { Refused } from '../use-case.ts'
import { displayName } from '../students.ts'
import { LETTER_KINDS, type LetterFacts, type LetterKind } from './letter-text.ts'
import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates.ts'
import { decidesBezwaarInOwnRight } from './bezwaar.ts'
import { decisionAdultAgeFor } from './law-settings.ts'
import { mandateById } from './mandates.ts'
import { decisionRecipients } from './decision-recipients.ts'
import { allRuleSets, ruleSetFor } from './rule-lookups.ts'
import { type MeasureKind } from './rule-model.ts'
import { textInput } from '../input-rules.ts'

export * from './letter-text.ts'
export { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates.ts'

/**
 * A refusal over a template's placeholders also names them: `missing` (required, not in the text)
 * and `unknown` (not a placeholder Baken fills).
 */
export type TemplateRefused = Refused & { missing: string[]; unknown: string[] }

export function templateRefusal(refused: Refused, check: { missing: string[]; unknown: string[] }): TemplateRefused {
  return Object.assign(refused, { missing: check.missing, unknown: check.unknown })
}

/** The placeholders a refusal names, when it is about a template. */
export function templateRefusalDetails(refused: Refused): { missing: string[]; unknown: string[] } | null {
  const r = refused as Partial<TemplateRefused>
  return r.missing ? { missing: r.missing, unknown: r.unknown ?? [] } : null
}

export const letterKind = z.enum(LETTER_KINDS, { message: 'Kies het soort brief: kennisgeving time-out, schorsing, verwijdering of beslissing op bezwaar.' })

/** Whether the caller may send letters for this measure: update it as its school or as the board. */
export function mayMakeLetter(ability: AppAbility, m: { schoolId: string | null; stichtingId: string | null; kind: MeasureKind }): boolean {
  return ability.can('update', record('Measure', { schoolId: m.schoolId, stichtingId: m.stichtingId, kind: m.kind }))
}

/** Whether the caller may send letters for any measure at all (for a 403 before looking anything up). */
export function mayMakeLetters(ability: AppAbility, ctx: TenantContext): boolean {
  return (['time_out', 'schorsing', 'verwijdering'] as const).some((kind) => mayMakeLetter(ability, { schoolId: ctx.schoolId, stichtingId: ctx.stichtingId, kind }))
}

export const isUuid = (id: string) => z.uuid().safeParse(id).success

/** The stichting's latest template of the kind, or the built-in default (id and version null). */
export async function latestTemplate(tx: Tx, stichtingId: string, kind: LetterKind): Promise<{ id: string | null; version: number | null; body: string }> {
  const [t] = await tx
    .select()
    .from(schema.letterTemplates)
    .where(and(eq(schema.letterTemplates.stichtingId, stichtingId), eq(schema.letterTemplates.kind, kind)))
    .orderBy(desc(schema.letterTemplates.version))
    .limit(1)
  return t ?? { id: null, version: null, body: DEFAULT_LETTER_TEMPLATES[kind] }
}

export const templateName = (t: { version: number | null }) => (t.version === null ? 'Het standaardsjabloon' : `Sjabloon versie ${t.version}`)

const ROLE_TITLE: Partial<Record<string, string>> = { directeur: 'directeur', intern_begeleider: 'intern begeleider' }

export async function gatherFacts(tx: Tx, ability: AppAbility, ctx: TenantContext, m: typeof schema.measures.$inferSelect, kind: LetterKind, letterDate: string): Promise<LetterFacts> {
  const [[pupil], guardians, [school], [stichting], [settings], tasks, people, bezwaar] = await Promise.all([
    tx
      .select({ firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName, dateOfBirth: schema.students.dateOfBirth })
      .from(schema.students)
      .where(eq(schema.students.id, m.studentId)),
    tx
      .select({ name: schema.guardians.name })
      .from(schema.studentGuardians)
      .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
      .where(eq(schema.studentGuardians.studentId, m.studentId))
      .orderBy(asc(schema.guardians.name)),
    tx.select({ name: schema.schools.name }).from(schema.schools).where(eq(schema.schools.id, m.schoolId)),
    tx.select({ name: schema.stichtingen.name }).from(schema.stichtingen).where(eq(schema.stichtingen.id, m.stichtingId)),
    tx
      .select({ objectionClause: schema.stichtingSettings.objectionClauseSchorsing })
      .from(schema.stichtingSettings)
      .where(eq(schema.stichtingSettings.stichtingId, m.stichtingId)),
    tx
      .select({ kind: schema.measureTasks.kind, note: schema.measureTasks.note })
      .from(schema.measureTasks)
      .where(and(eq(schema.measureTasks.measureId, m.id), inArray(schema.measureTasks.kind, ['huiswerk', 'toetsen']))),
    // The caller and the decider; RLS may hide the decider (a bestuurder from school staff).
    tx
      .select({ id: schema.users.id, name: schema.users.name })
      .from(schema.users)
      .where(inArray(schema.users.id, [ctx.userId, ...(m.decidedById ? [m.decidedById] : [])])),
    kind === 'bezwaar_beslissing'
      ? tx
          .select({ receivedOn: schema.bezwaren.receivedOn, outcome: schema.bezwaren.outcome })
          .from(schema.bezwaren)
          .where(eq(schema.bezwaren.measureId, m.id))
          .orderBy(desc(schema.bezwaren.createdAt))
          .limit(1)
      : Promise.resolve([]),
  ])
  const pupilName = pupil ? displayName(pupil) : 'de leerling'
  const schoolName = school?.name ?? ''
  const stichtingName = stichting?.name ?? ''
  const ruleSet = allRuleSets().find((s) => s.id === m.ruleSetId) ?? ruleSetFor(m.sector, m.startsOn ?? letterDate)
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null
  const board = `namens het bevoegd gezag van ${stichtingName}`
  let signer: LetterFacts['signer']
  if (kind === 'time_out_kennisgeving') {
    const title = ROLE_TITLE[ctx.role]
    signer = { name: nameOf(ctx.userId), title: title ? `${title} van ${schoolName}` : board }
  } else if (kind === 'bezwaar_beslissing') {
    // Awb art. 10:3 lid 3: not decided by whoever took the decision under mandate; the board signs,
    // by name when the signer decides objections in the board's own right (CASL 'decide Bezwaar').
    signer = { name: decidesBezwaarInOwnRight(ability, m) ? nameOf(ctx.userId) : null, title: board }
  } else {
    signer = {
      name: nameOf(m.decidedById),
      // Awb art. 10:2: the directeur decides for the bevoegd gezag; letter-text adds the mandaatbesluit.
      title: m.decidedUnderMandate ? `directeur van ${schoolName}, ${board}` : board,
    }
  }
  const note = (k: string) => tasks.find((t) => t.kind === k)?.note ?? null
  return {
    kind,
    measureKind: m.kind,
    sector: m.sector,
    ruleSet,
    pupilName,
    recipients: pupil ? decisionRecipients(m.sector, pupil.dateOfBirth, letterDate, await decisionAdultAgeFor(tx, m.stichtingId, m.sector)) : ['ouders'],
    guardianNames: guardians.map((g) => g.name),
    schoolName,
    stichtingName,
    letterDate,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    schoolDays: m.schoolDays,
    reasons: m.reasons,
    decidedOn: m.decidedAt ? localDate(m.decidedAt) : null,
    decidedUnderMandate: m.decidedUnderMandate,
    mandateBesluitOn: (await mandateById(tx, m.decidedUnderMandateId))?.besluitOn ?? null,
    // stichting_settings defaults to a clause when the stichting has not chosen (schema default).
    objectionClauseSchorsing: settings?.objectionClause ?? true,
    homeworkNote: note('huiswerk'),
    testsNote: note('toetsen'),
    signer,
    bezwaar: bezwaar[0] ?? null,
  }
}

export interface LetterListItem {
  id: string
  kind: LetterKind
  kindLabel: string
  version: number
  /** Null: made from the built-in standard template. */
  templateVersion: number | null
  createdAt: Date
  createdByName: string | null
  /** Each recorded sending of this letter, oldest first. */
  sent: { on: string; channel: SendChannel; channelLabel: string; mails: number }[]
}

// ---- Sending ------------------------------------------------------------------------------------

export const SEND_CHANNELS = ['email', 'post', 'uitgereikt'] as const
export type SendChannel = (typeof SEND_CHANNELS)[number]
export const SEND_CHANNEL_LABELS: Record<SendChannel, string> = { email: 'per e-mail', post: 'per post', uitgereikt: 'uitgereikt' }


/** The decision letter whose sending makes the decision known, per measure kind. */
export const DECISION_LETTER: Partial<Record<MeasureKind, LetterKind>> = { schorsing: 'schorsing', verwijdering: 'verwijdering', time_out: 'time_out_kennisgeving' }

// ---- Templates ----------------------------------------------------------------------------------

export const templateColumns = { stichtingId: schema.letterTemplates.stichtingId }

export const templateBody = textInput({ message: 'Vul de tekst van het sjabloon in.' })
  .max(20_000, 'Een sjabloon is ten hoogste 20.000 tekens.')
  .refine((s) => s.trim().length >= 20, 'Vul de tekst van het sjabloon in.')

export interface LetterTemplateVersion {
  id: string
  version: number
  createdAt: Date
  createdByName: string | null
}

export interface LetterTemplateOverview {
  kind: LetterKind
  label: string
  required: readonly string[]
  /** The stichting's own version letters are made from now, with its text; null when it has none. */
  latest: (LetterTemplateVersion & { body: string }) | null
  /** The built-in text letters are made from while the stichting has no version of its own. */
  standard: string
  usesStandard: boolean
  /** Every version, newest first. */
  versions: LetterTemplateVersion[]
}

