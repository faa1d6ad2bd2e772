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
import { enqueueMail } from '@baken/email'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import type { FieldError } from '../incidents/save-incident.ts'
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
import { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates.ts'
import { loadMeasure, recordMeasureAccess } from './measure-cases.ts'
import { decisionMailAddresses } from './measure-mail.ts'
import { decisionAdultAgeFor } from './law-settings.ts'
import { mandateById } from './mandates.ts'
import { decisionRecipients } from './decision-recipients.ts'
import { allRuleSets, ruleSetFor } from './rule-lookups.ts'
import { MEASURE_LABELS, type MeasureKind } from './rule-model.ts'
import { stateLabel, WORKFLOWS } from './workflows.ts'
import { textInput } from '../input-rules.ts'

export * from './letter-text.ts'
export { DEFAULT_LETTER_TEMPLATES } from './default-letter-templates.ts'

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

/** The stichting's latest template of the kind, or the built-in default (id and version null). */
async function latestTemplate(tx: Tx, stichtingId: string, kind: LetterKind): Promise<{ id: string | null; version: number | null; body: string }> {
  const [t] = await tx
    .select()
    .from(schema.letterTemplates)
    .where(and(eq(schema.letterTemplates.stichtingId, stichtingId), eq(schema.letterTemplates.kind, kind)))
    .orderBy(desc(schema.letterTemplates.version))
    .limit(1)
  return t ?? { id: null, version: null, body: DEFAULT_LETTER_TEMPLATES[kind] }
}

const templateName = (t: { version: number | null }) => (t.version === null ? 'Het standaardsjabloon' : `Sjabloon versie ${t.version}`)

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
  const check = checkLetterTemplate(kind, template.body)
  const problems = letterTemplateProblems(check)
  if (problems.length) {
    return refuse(409, 'template', `${templateName(template)}: ${problems.join(' ')} Pas het sjabloon aan bij Sjablonen.`, check)
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
  const sendings = await tx
    .select({ data: schema.measureTransitions.data })
    .from(schema.measureTransitions)
    .where(and(eq(schema.measureTransitions.measureId, m.id), sql`${schema.measureTransitions.data}->>'event' = 'brief_verzonden'`))
    .orderBy(asc(schema.measureTransitions.at))
  const sent = sendings.map((s) => s.data as { letterId: string; sentOn: string; channel: SendChannel; mails?: number })
  return {
    items: rows.map((r) => ({
      ...r,
      kindLabel: LETTER_KIND_LABELS[r.kind],
      sent: sent
        .filter((x) => x.letterId === r.id)
        .map((x) => ({ on: x.sentOn, channel: x.channel, channelLabel: SEND_CHANNEL_LABELS[x.channel] ?? x.channel, mails: x.mails ?? 0 })),
    })),
    available: mayMakeLetter(ability, m) ? letterKindsFor(m.kind, m.state) : [],
  }
}

// ---- Sending ------------------------------------------------------------------------------------

export const SEND_CHANNELS = ['email', 'post', 'uitgereikt'] as const
export type SendChannel = (typeof SEND_CHANNELS)[number]
export const SEND_CHANNEL_LABELS: Record<SendChannel, string> = { email: 'per e-mail', post: 'per post', uitgereikt: 'uitgereikt' }

export const recordLetterSentInput = z.strictObject({
  channel: z.enum(SEND_CHANNELS, { message: 'Kies hoe de brief is verzonden: per e-mail, per post of uitgereikt' }),
  /** The day it was posted or handed over; e-mail is sent today. */
  sentOn: calendarDate('Datum als JJJJ-MM-DD').optional(),
})
export type RecordLetterSentInput = z.input<typeof recordLetterSentInput>

/** The decision letter whose sending makes the decision known, per measure kind. */
const DECISION_LETTER: Partial<Record<MeasureKind, LetterKind>> = { schorsing: 'schorsing', verwijdering: 'verwijdering', time_out: 'time_out_kennisgeving' }

/**
 * Records that a letter was sent: by e-mail through the outbox to the recipients the rule set names
 * (the parents' addresses; the mail names the letter's reference), or by post or handed over on a
 * date. Sending the decision letter of a decided schorsing moves it to "besluit verzonden" — the only
 * way there (workflows.ts, viaLetter). Every sending is a step in the history; the day counts as the
 * day the decision was made known (bezwaar.ts, decisionSentOn).
 */
export async function recordLetterSent(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  measureId: string,
  letterId: string,
  raw: unknown,
  today: string = localDate(new Date()),
): Promise<LetterResult & { state?: string; mails?: number }> {
  const parsed = recordLetterSentInput.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, status: 400, errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || 'channel', message: i.message })) }
  }
  const input = parsed.data
  if (!isUuid(letterId)) return refuse(404, 'letterId', 'Brief niet gevonden.')
  const m = await loadMeasure(tx, ability, measureId, { lock: true })
  if (!m) return refuse(404, 'id', 'Maatregel niet gevonden.')
  if (!mayMakeLetter(ability, m)) return refuse(403, '', 'Je mag geen brieven bij deze maatregel verzenden.')
  const [letter] = await tx
    .select({ id: schema.measureLetters.id, kind: schema.measureLetters.kind, version: schema.measureLetters.version, createdAt: schema.measureLetters.createdAt })
    .from(schema.measureLetters)
    .where(and(eq(schema.measureLetters.id, letterId), eq(schema.measureLetters.measureId, m.id)))
  if (!letter) return refuse(404, 'letterId', 'Brief niet gevonden.')
  if (!letterKindsFor(m.kind, m.state).includes(letter.kind)) {
    return refuse(409, 'letterId', `Deze ${LETTER_KIND_LABELS[letter.kind]} kan niet meer worden verzonden: de ${MEASURE_LABELS[m.kind]} is "${stateLabel(m.kind, m.state)}".`)
  }
  const decisionLetter = DECISION_LETTER[m.kind] === letter.kind
  // A decision letter made before the current decision is not the letter of that decision.
  if (decisionLetter && m.decidedAt && letter.createdAt < m.decidedAt) {
    return refuse(409, 'letterId', 'Deze brief is gemaakt vóór het besluit; maak een nieuwe besluitbrief en verzend die.')
  }
  let sentOn = today
  let mails = 0
  if (input.channel === 'email') {
    if (input.sentOn && input.sentOn !== today) return refuse(400, 'sentOn', 'Een e-mail wordt vandaag verzonden; laat de datum leeg.')
    const { facts, to, recipients } = await decisionMailAddresses(tx, m, today)
    if (!to.length) {
      const who = recipients.includes('ouders') ? 'Van de ouders is geen e-mailadres bekend' : 'De brief gaat naar de leerling zelf, van wie Baken geen e-mailadres heeft'
      return refuse(409, 'channel', `${who}: verzend de brief per post of reik hem uit.`)
    }
    const reference = `${m.id.slice(0, 8)}, versie ${letter.version}`
    for (const g of to) {
      await enqueueMail(tx, {
        stichtingId: m.stichtingId,
        schoolId: m.schoolId,
        subjectRef: `measure:${m.id}`,
        to: g.email,
        subject: `${LETTER_KIND_LABELS[letter.kind].replace(/^./, (c) => c.toUpperCase())}: ${facts.pupilName}`,
        text: `Beste ${g.name},\n\nHierbij ontvangt u de ${LETTER_KIND_LABELS[letter.kind]} over ${facts.pupilName} (kenmerk ${reference}). Heeft u vragen, neem dan contact op met de school.\n\nMet vriendelijke groet,\n${facts.schoolName}`,
        createdById: ctx.userId,
      })
    }
    mails = to.length
  } else {
    if (!input.sentOn) return refuse(400, 'sentOn', input.channel === 'post' ? 'Op welke dag is de brief gepost?' : 'Op welke dag is de brief uitgereikt?')
    if (input.sentOn > today) return refuse(400, 'sentOn', 'De datum ligt in de toekomst.')
    if (input.sentOn < localDate(letter.createdAt)) return refuse(400, 'sentOn', 'De brief kan niet zijn verzonden voordat hij is gemaakt.')
    sentOn = input.sentOn
  }
  const advance = WORKFLOWS[m.kind].transitions.find((t) => t.from === m.state && t.viaLetter && decisionLetter)
  const to = advance?.to ?? m.state
  if (advance) {
    const updated = await tx
      .update(schema.measures)
      .set({ state: to, version: m.version + 1, updatedAt: new Date() })
      .where(and(eq(schema.measures.id, m.id), eq(schema.measures.state, m.state)))
      .returning({ id: schema.measures.id })
    if (updated.length !== 1) return refuse(409, 'expectedState', 'De maatregel is intussen gewijzigd; laad hem opnieuw.')
  }
  await tx.insert(schema.measureTransitions).values({
    stichtingId: m.stichtingId,
    schoolId: m.schoolId,
    measureId: m.id,
    fromState: m.state,
    toState: to,
    byId: ctx.userId,
    reason: `${LETTER_KIND_LABELS[letter.kind].replace(/^./, (c) => c.toUpperCase())} (versie ${letter.version}) ${SEND_CHANNEL_LABELS[input.channel]} verzonden op ${sentOn}${mails ? ` aan ${mails} adres${mails === 1 ? '' : 'sen'}` : ''}.`,
    data: { event: 'brief_verzonden', letterId: letter.id, letterKind: letter.kind, channel: input.channel, sentOn, mails },
  })
  return { ok: true, id: letter.id, version: letter.version, state: to, mails }
}

/** One stored letter as PDF, or null when the measure or the letter is not visible. */
export async function getLetterPdf(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
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
  // Downloading the letter opens the case: logged in the access log like the measure page.
  await recordMeasureAccess(tx, ctx, m)
  const bytes = Buffer.from(letter.pdfBase64, 'base64')
  const pdf = new Uint8Array(new ArrayBuffer(bytes.length))
  pdf.set(bytes)
  // No pupil's name in the file name: downloads folders and mail attachments outlive the case.
  return { pdf, filename: `${letter.kind.replace(/_/g, '-')}-${m.id.slice(0, 8)}-v${letter.version}.pdf`, kind: letter.kind, version: letter.version }
}

// ---- Templates ----------------------------------------------------------------------------------

const templateColumns = { stichtingId: schema.letterTemplates.stichtingId }

const templateBody = textInput({ message: 'Vul de tekst van het sjabloon in.' })
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
  /** The stichting's own version letters are made from now, with its text; null when it has none. */
  latest: (LetterTemplateVersion & { body: string }) | null
  /** The built-in text letters are made from while the stichting has no version of its own. */
  standard: string
  usesStandard: boolean
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
      standard: DEFAULT_LETTER_TEMPLATES[kind],
      usesStandard: !latest,
      versions: own.map(({ id, version, createdAt, createdByName }) => ({ id, version, createdAt, createdByName })),
    }
  })
}
