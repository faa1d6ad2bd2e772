// Decision letters (issue 4, "Letters and mail"): made from the stichting's latest template for the
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
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm'
import { z } from 'zod'
import type { FieldError } from '../incidents/save-incident.ts'
import { localDate } from '../school-year.ts'
import { displayName } from '../students.ts'
import {
  checkLetterTemplate,
  fillLetterTemplate,
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  letterKindsFor,
  LETTERS_FOR_MEASURE,
  letterValues,
  renderLetterPdf,
  REQUIRED_PLACEHOLDERS,
  letterTemplateProblems,
  type LetterFacts,
  type LetterKind,
} from './letter-text.ts'
import { loadMeasure } from './measure-cases.ts'
import { allRuleSets, decisionRecipients, MEASURE_LABELS, ruleSetFor, type MeasureKind } from './rules.ts'
import { stateLabel } from './workflows.ts'

export * from './letter-text.ts'

export type LetterResult =
  | { ok: true; id: string; version: number }
  | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldError[]; missing?: string[]; unknown?: string[] }

const refuse = (status: 400 | 403 | 404 | 409, path: string, message: string, check?: { missing: string[]; unknown: string[] }): LetterResult => ({
  ok: false,
  status,
  errors: [{ path, message }],
  ...(check ? { missing: check.missing, unknown: check.unknown } : {}),
})

const letterKind = z.enum(LETTER_KINDS, { message: 'Kies het soort brief: kennisgeving time-out, schorsing, verwijdering of beslissing op bezwaar.' })

/** Whether the caller may send letters for this measure: update it as its school or as the board. */
function mayMakeLetter(ability: AppAbility, m: { schoolId: string | null; stichtingId: string | null; kind: MeasureKind }): boolean {
  return ability.can('update', record('Measure', { schoolId: m.schoolId, stichtingId: m.stichtingId, kind: m.kind }))
}

/** Whether the caller may send letters for any measure at all (for a 403 before looking anything up). */
export function mayMakeLetters(ability: AppAbility, ctx: TenantContext): boolean {
  return (['time_out', 'schorsing', 'verwijdering'] as const).some((kind) => mayMakeLetter(ability, { schoolId: ctx.schoolId, stichtingId: ctx.stichtingId, kind }))
}

const isUuid = (id: string) => z.uuid().safeParse(id).success

async function latestTemplate(tx: Tx, stichtingId: string, kind: LetterKind) {
  const [t] = await tx
    .select()
    .from(schema.letterTemplates)
    .where(and(eq(schema.letterTemplates.stichtingId, stichtingId), eq(schema.letterTemplates.kind, kind)))
    .orderBy(desc(schema.letterTemplates.version))
    .limit(1)
  return t ?? null
}

const ROLE_TITLE: Partial<Record<string, string>> = { directeur: 'directeur', intern_begeleider: 'intern begeleider' }

/**
 * Makes a letter for a measure from the stichting's latest template of the kind, stores the PDF as
 * the next version for (measure, kind), and returns its id and version.
 */
export async function renderLetter(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  measureId: string,
  rawKind: unknown,
  options: { now?: Date } = {},
): Promise<LetterResult> {
  const parsed = letterKind.safeParse(rawKind)
  if (!parsed.success) return refuse(400, 'kind', parsed.error.issues[0]!.message)
  const kind = parsed.data
  if (!ctx.stichtingId || !mayMakeLetters(ability, ctx)) return refuse(403, '', 'Je mag geen brieven bij maatregelen maken.')
  const m = await loadMeasure(tx, ability, measureId, { lock: true })
  if (!m) return refuse(404, 'id', 'Maatregel niet gevonden.')
  if (!mayMakeLetter(ability, m)) return refuse(403, '', 'Je mag geen brieven bij deze maatregel maken.')
  if (!LETTERS_FOR_MEASURE[m.kind].includes(kind)) {
    return refuse(400, 'kind', `Bij een ${MEASURE_LABELS[m.kind]} hoort geen ${LETTER_KIND_LABELS[kind]}.`)
  }
  if (!letterKindsFor(m.kind, m.state).includes(kind)) {
    const needed = m.kind === 'time_out' ? 'goedgekeurd' : 'besloten'
    return refuse(
      409,
      'state',
      `Een ${LETTER_KIND_LABELS[kind]} kan pas als de ${MEASURE_LABELS[m.kind]} is ${needed}; de ${MEASURE_LABELS[m.kind]} is nu "${stateLabel(m.kind, m.state)}".`,
    )
  }
  const template = await latestTemplate(tx, m.stichtingId, kind)
  if (!template) {
    return refuse(409, 'template', `De stichting heeft nog geen sjabloon voor de ${LETTER_KIND_LABELS[kind]}; de stichtingbeheerder legt het vast bij Sjablonen.`)
  }
  const check = checkLetterTemplate(kind, template.body)
  const problems = letterTemplateProblems(check)
  if (problems.length) {
    return refuse(409, 'template', `Sjabloon versie ${template.version}: ${problems.join(' ')} Pas het sjabloon aan bij Sjablonen.`, check)
  }

  const now = options.now ?? new Date()
  const letterDate = localDate(now)
  const facts = await gatherFacts(tx, ctx, m, kind, letterDate)
  const text = fillLetterTemplate(template.body, letterValues(facts))

  const [last] = await tx
    .select({ version: max(schema.measureLetters.version) })
    .from(schema.measureLetters)
    .where(and(eq(schema.measureLetters.measureId, m.id), eq(schema.measureLetters.kind, kind)))
  const version = (last?.version ?? 0) + 1
  const pdf = await renderLetterPdf(text, {
    kind,
    schoolName: facts.schoolName,
    stichtingName: facts.stichtingName,
    letterDate,
    reference: m.id.slice(0, 8),
    version,
    templateVersion: template.version,
  })
  const id = crypto.randomUUID()
  await tx.insert(schema.measureLetters).values({
    id,
    stichtingId: m.stichtingId,
    schoolId: m.schoolId,
    measureId: m.id,
    kind,
    version,
    templateId: template.id,
    pdfBase64: Buffer.from(pdf).toString('base64'),
    createdById: ctx.userId,
    createdAt: now,
  })
  return { ok: true, id, version }
}

async function gatherFacts(tx: Tx, ctx: TenantContext, m: typeof schema.measures.$inferSelect, kind: LetterKind, letterDate: string): Promise<LetterFacts> {
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
    // Awb art. 10:3 lid 3: not decided by whoever took the decision under mandate; the board signs.
    signer = { name: ctx.role === 'bestuurder' ? nameOf(ctx.userId) : null, title: board }
  } else {
    signer = {
      name: nameOf(m.decidedById),
      title: m.decidedUnderMandate ? `directeur van ${schoolName}, ${board} (mandaat)` : board,
    }
  }
  const note = (k: string) => tasks.find((t) => t.kind === k)?.note ?? null
  return {
    kind,
    measureKind: m.kind,
    sector: m.sector,
    ruleSet,
    pupilName,
    recipients: pupil ? decisionRecipients(m.sector, pupil.dateOfBirth, letterDate) : ['ouders'],
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
  templateVersion: number | null
  createdAt: Date
  createdByName: string | null
}

/**
 * The letters of a measure the caller may read, newest first, and the kinds the caller may make now
 * (empty for a role that sends no letters). Null when the measure is not visible.
 */
export async function listLetters(
  tx: Tx,
  ability: AppAbility,
  measureId: string,
): Promise<{ items: LetterListItem[]; available: LetterKind[] } | null> {
  const m = await loadMeasure(tx, ability, measureId)
  if (!m) return null
  const l = schema.measureLetters
  const rows = await tx
    .select({
      id: l.id,
      kind: l.kind,
      version: l.version,
      templateVersion: schema.letterTemplates.version,
      createdAt: l.createdAt,
      createdByName: schema.users.name,
    })
    .from(l)
    .leftJoin(schema.letterTemplates, eq(schema.letterTemplates.id, l.templateId))
    .leftJoin(schema.users, eq(schema.users.id, l.createdById))
    .where(eq(l.measureId, m.id))
    .orderBy(desc(l.createdAt), asc(l.kind), desc(l.version))
  return {
    items: rows.map((r) => ({ ...r, kindLabel: LETTER_KIND_LABELS[r.kind] })),
    available: mayMakeLetter(ability, m) ? letterKindsFor(m.kind, m.state) : [],
  }
}

/** One stored letter as PDF, or null when the measure or the letter is not visible. */
export async function getLetterPdf(
  tx: Tx,
  ability: AppAbility,
  measureId: string,
  letterId: string,
): Promise<{ pdf: Uint8Array<ArrayBuffer>; filename: string; kind: LetterKind; version: number } | null> {
  if (!isUuid(letterId)) return null
  const m = await loadMeasure(tx, ability, measureId)
  if (!m) return null
  const [letter] = await tx
    .select({ kind: schema.measureLetters.kind, version: schema.measureLetters.version, pdfBase64: schema.measureLetters.pdfBase64 })
    .from(schema.measureLetters)
    .where(and(eq(schema.measureLetters.id, letterId), eq(schema.measureLetters.measureId, m.id)))
  if (!letter) return null
  const bytes = Buffer.from(letter.pdfBase64, 'base64')
  const pdf = new Uint8Array(new ArrayBuffer(bytes.length))
  pdf.set(bytes)
  // No pupil's name in the file name: downloads folders and mail attachments outlive the case.
  return { pdf, filename: `${letter.kind.replace(/_/g, '-')}-${m.id.slice(0, 8)}-v${letter.version}.pdf`, kind: letter.kind, version: letter.version }
}

// ---- Templates ----------------------------------------------------------------------------------

const templateColumns = { stichtingId: schema.letterTemplates.stichtingId }

const templateBody = z
  .string({ message: 'Vul de tekst van het sjabloon in.' })
  .max(20_000, 'Een sjabloon is ten hoogste 20.000 tekens.')
  .refine((s) => s.trim().length >= 20, 'Vul de tekst van het sjabloon in.')

/** Adds the next version of the stichting's template for a kind, after checking its placeholders. */
export async function saveLetterTemplate(tx: Tx, ability: AppAbility, ctx: TenantContext, rawKind: unknown, rawBody: unknown): Promise<LetterResult> {
  const parsed = letterKind.safeParse(rawKind)
  if (!parsed.success) return refuse(400, 'kind', parsed.error.issues[0]!.message)
  const kind = parsed.data
  if (!ctx.stichtingId || !ability.can('create', record('LetterTemplate', { stichtingId: ctx.stichtingId }))) {
    return refuse(403, '', 'Alleen de stichtingbeheerder en het bestuur passen sjablonen aan.')
  }
  const body = templateBody.safeParse(rawBody)
  if (!body.success) return refuse(400, 'body', body.error.issues[0]!.message)
  const text = body.data.replace(/\r\n?/g, '\n')
  const check = checkLetterTemplate(kind, text)
  const problems = letterTemplateProblems(check)
  if (problems.length) {
    return {
      ok: false,
      status: 400,
      errors: problems.map((message) => ({ path: 'body', message })),
      missing: check.missing,
      unknown: check.unknown,
    }
  }
  const [last] = await tx
    .select({ version: max(schema.letterTemplates.version) })
    .from(schema.letterTemplates)
    .where(and(eq(schema.letterTemplates.stichtingId, ctx.stichtingId), eq(schema.letterTemplates.kind, kind)))
  const version = (last?.version ?? 0) + 1
  const [row] = await tx
    .insert(schema.letterTemplates)
    .values({ stichtingId: ctx.stichtingId, kind, version, body: text, createdById: ctx.userId })
    .returning({ id: schema.letterTemplates.id })
  return { ok: true, id: row!.id, version }
}

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
  /** The version letters are made from now, with its text; null when the stichting has none. */
  latest: (LetterTemplateVersion & { body: string }) | null
  /** Every version, newest first. */
  versions: LetterTemplateVersion[]
}

/** The stichting's templates per kind: the current text, the versions, and the required placeholders. */
export async function listLetterTemplates(tx: Tx, ability: AppAbility): Promise<LetterTemplateOverview[]> {
  const t = schema.letterTemplates
  const rows = await tx
    .select({ id: t.id, kind: t.kind, version: t.version, body: t.body, createdAt: t.createdAt, createdByName: schema.users.name })
    .from(t)
    .leftJoin(schema.users, eq(schema.users.id, t.createdById))
    .where(accessibleWhere(ability, 'read', 'LetterTemplate', templateColumns))
    .orderBy(asc(t.kind), desc(t.version))
  return LETTER_KINDS.map((kind) => {
    const own = rows.filter((r) => r.kind === kind)
    const latest = own[0]
    return {
      kind,
      label: LETTER_KIND_LABELS[kind],
      required: REQUIRED_PLACEHOLDERS[kind],
      latest: latest ? { id: latest.id, version: latest.version, body: latest.body, createdAt: latest.createdAt, createdByName: latest.createdByName } : null,
      versions: own.map(({ id, version, createdAt, createdByName }) => ({ id, version, createdAt, createdByName })),
    }
  })
}
