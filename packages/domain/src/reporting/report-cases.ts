// Reporting-duty cases: opening a case (the zeden route informs the board at once,
// through the outbox, in the same transaction), recording its steps in order (append-only, who, when,
// what), and reading a case as the caller may see it. RLS (migration 0023) decides which rows exist
// for the caller; CASL (ReportCase) and the workflows decide what they may do.
import { schema, type Role, type TenantContext, type Tx } from '@baken/db'
import { validateMail } from '@baken/email'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { recordAccess } from '../privacy/access-log.ts'
import { displayName } from '../students.ts'
import {
  meldcodeAllowedDecisions,
  REPORT_DECISION_LABELS,
  MELDCODE_ORDER,
  mayRecordReportStep,
  meldcodeStateAfter,
  openReportSteps,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  REPORT_WORKFLOWS,
  reportStateLabel,
  reportStepDefinition,
  reportStepDoneLabel,
  reportStepLabel,
  type MeldcodeAfweging,
  type ReportLegalSource,
  type ReportKind,
} from './workflows.ts'
import { refusal as refuse, zodRefusal as invalid, type FieldError } from '../result.ts'
import { textInput, yesNo } from '../input-rules.ts'

export type ReportError = FieldError
export type ReportResult =
  | { ok: true; id: string; state: string; boardNotified?: number }
  | { ok: false; status: 400 | 403 | 404 | 409; errors: ReportError[] }


const caseColumns = {
  id: schema.reportCases.id,
  schoolId: schema.reportCases.schoolId,
  stichtingId: schema.reportCases.stichtingId,
  kind: schema.reportCases.kind,
  openedById: schema.reportCases.openedById,
}

export function reportCaseWhere(ability: AppAbility, action: 'read' | 'update' = 'read') {
  return accessibleWhere(ability, action, 'ReportCase', caseColumns)
}

/**
 * Whether the caller handles the case (sees all of it, records its steps), mirroring
 * ctx_report_case_handler (migration 0023): zeden route — the bestuurder and the school's
 * vertrouwenspersoon; Meldcode — the directeur, the IB and the vertrouwenspersoon.
 */
export function isReportCaseHandler(kind: ReportKind, role: Role): boolean {
  return kind === 'zedendelict_medewerker' ? role === 'bestuurder' || role === 'vertrouwenspersoon' : ['directeur', 'intern_begeleider', 'vertrouwenspersoon'].includes(role)
}

const isoDate = z.iso.date('Datum als JJJJ-MM-DD')
const text = (min: number, message: string) => textInput({ message }).trim().min(min, message).max(10_000, 'Maximaal 10.000 tekens')
const optionalText = textInput()
  .trim()
  .max(10_000, 'Maximaal 10.000 tekens')
  .optional()
  .transform((s) => s || undefined)

export const openReportCaseInput = z.object({
  kind: z.enum(REPORT_KINDS, { message: 'Kies het soort melding' }),
  studentId: z
    .union([z.uuid('Kies een leerling van de school'), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  incidentId: z
    .union([z.uuid('Ongeldig incident'), z.literal('')])
    .optional()
    .transform((v) => v || undefined),
  summary: text(10, 'Beschrijf wat je weet (minstens een zin)'),
})
export type OpenReportCaseInput = z.input<typeof openReportCaseInput>

export const reportStepInput = z.discriminatedUnion(
  'step',
  [
    z.object({ step: z.literal('overleg_vertrouwensinspecteur'), date: isoDate, contact: text(2, 'Naam of kenmerk van de vertrouwensinspecteur'), advice: text(5, 'Leg het advies vast'), expectedState: textInput().optional() }),
    z.object({
      step: z.literal('aangifte'),
      reasons: text(10, 'Geef de redenen van het besluit (minstens een zin)'),
      date: isoDate,
      policeUnit: text(2, 'Bij welke politie-eenheid is aangifte gedaan?'),
      reference: text(2, 'Het kenmerk van de aangifte'),
      expectedState: textInput().optional(),
    }),
    z.object({ step: z.literal('geen_aangifte'), reasons: text(10, 'Geef de redenen van het besluit (minstens een zin)'), expectedState: textInput().optional() }),
    z.object({
      step: z.literal('betrokkenen_geinformeerd'),
      staffInformedOn: isoDate,
      parentsInformedOn: isoDate,
      note: optionalText,
      expectedState: textInput().optional(),
    }),
    z.object({ step: z.literal('afsluiten'), note: text(5, 'Vat de afloop kort samen'), expectedState: textInput().optional() }),
    z.object({ step: z.literal('signalen'), note: text(10, 'Beschrijf de signalen (minstens een zin)'), expectedState: textInput().optional() }),
    z.object({
      step: z.literal('consultatie'),
      date: isoDate,
      consulted: text(2, 'Met wie is overlegd?'),
      advice: text(5, 'Leg het advies vast'),
      veiligThuis: yesNo('Is Veilig Thuis om advies gevraagd? Kies ja of nee'),
      expectedState: textInput().optional(),
    }),
    z.object({
      step: z.literal('gesprek'),
      skipped: yesNo('Kies of het gesprek is gevoerd').default(false),
      date: z
        .union([isoDate, z.literal('')])
        .optional()
        .transform((v) => v || undefined),
      with: z.enum(['leerling', 'ouders', 'leerling_en_ouders'], { message: 'Met wie is het gesprek gevoerd?' }).optional(),
      note: text(5, 'Leg de uitkomst van het gesprek vast (of waarom het niet is gevoerd)'),
      expectedState: textInput().optional(),
    }),
    z.object({
      step: z.literal('afweging'),
      vermoeden: yesNo('Vraag 1: is er een vermoeden? Kies ja of nee'),
      onveilig: yesNo('Vraag 2: is er acute of structurele onveiligheid? Kies ja of nee'),
      hulpMogelijk: yesNo('Vraag 3: kun je passende hulp bieden of organiseren? Kies ja of nee'),
      hulpAanvaard: yesNo('Vraag 4: aanvaarden de betrokkenen de hulp? Kies ja of nee'),
      veiligBinnenTermijn: yesNo('Vraag 5: leidt de hulp binnen de gewenste termijn tot veiligheid? Kies ja of nee'),
      note: text(5, 'Licht de afweging toe'),
      expectedState: textInput().optional(),
    }),
    z.object({
      step: z.literal('besluit'),
      decision: z.enum(['hulp_organiseren', 'melden', 'geen_vermoeden'], { message: 'Kies het besluit' }),
      date: isoDate,
      reference: optionalText,
      note: text(5, 'Licht het besluit toe'),
      expectedState: textInput().optional(),
    }),
    z.object({ step: z.literal('vervolg'), note: text(5, 'Leg de voortgang vast'), expectedState: textInput().optional() }),
  ],
  { message: 'Kies een stap' },
)
export type ReportStepInput = z.input<typeof reportStepInput>

/** A case the caller may read (RLS + CASL), or null (answered as 404). */
async function loadCase(tx: Tx, ability: AppAbility, id: string) {
  if (!z.uuid().safeParse(id).success || !ability.can('read', 'ReportCase')) return null
  const [c] = await tx
    .select()
    .from(schema.reportCases)
    .where(and(eq(schema.reportCases.id, id), reportCaseWhere(ability, 'read')))
  return c ?? null
}

const BOARD_MAIL_SUBJECT = 'Baken: een melding vraagt uw aandacht'
function boardMailText(id: string, baseUrl: string | undefined): string {
  const link = `${(baseUrl ?? '').replace(/\/+$/, '')}/meldplicht/${id}`
  return [
    'Geachte bestuurder,',
    '',
    'In Baken is een melding gedaan die uw aandacht als bevoegd gezag vraagt. Open de melding met uw eigen account:',
    '',
    link,
    '',
    'Deze e-mail bevat bewust geen namen of details.',
  ].join('\n')
}

/**
 * Opens a case. Zeden route: opening is the notification to the board; every active bestuurder of the
 * stichting gets a message without names or details, queued in this transaction.
 */
export async function openReportCase(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  raw: unknown,
  options: { baseUrl?: string } = {},
): Promise<ReportResult> {
  const parsed = openReportCaseInput.safeParse(raw)
  if (!parsed.success) return invalid(parsed.error)
  const input = parsed.data
  if (!ctx.schoolId || !ctx.stichtingId || !ability.can('create', record('ReportCase', { kind: input.kind, schoolId: ctx.schoolId, stichtingId: ctx.stichtingId }))) {
    return refuse(403, 'kind', 'Alleen medewerkers van een school kunnen een melding openen (kies eerst de school).')
  }
  if (input.kind === 'meldcode' && !input.studentId) return refuse(400, 'studentId', 'Kies de leerling om wie het gaat.')
  if (input.studentId) {
    const [s] = await tx
      .select({ id: schema.students.id })
      .from(schema.students)
      .where(and(eq(schema.students.id, input.studentId), eq(schema.students.schoolId, ctx.schoolId)))
    if (!s) return refuse(400, 'studentId', 'Onbekende leerling: kies een leerling van deze school.')
  }
  if (input.incidentId) {
    const [i] = await tx
      .select({ id: schema.incidents.id })
      .from(schema.incidents)
      .where(and(eq(schema.incidents.id, input.incidentId), eq(schema.incidents.schoolId, ctx.schoolId)))
    if (!i) return refuse(400, 'incidentId', 'Onbekend incident.')
  }
  const wf = REPORT_WORKFLOWS[input.kind]
  const id = crypto.randomUUID()
  const tenant = { stichtingId: ctx.stichtingId, schoolId: ctx.schoolId }
  await tx.insert(schema.reportCases).values({
    id,
    ...tenant,
    kind: input.kind,
    state: wf.initial,
    studentId: input.studentId ?? null,
    incidentId: input.incidentId ?? null,
    summary: input.summary,
    openedById: ctx.userId,
  })
  let boardNotified: number | undefined
  if (input.kind === 'zedendelict_medewerker') {
    const mail = validateMail({ stichtingId: ctx.stichtingId, to: 'bestuur@example.org', subject: BOARD_MAIL_SUBJECT, text: boardMailText(id, options.baseUrl) })
    if (!mail.ok) throw new Error('report_case mail text invalid')
    const result = await tx.execute(sql`select report_case_notify_board(${id}::uuid, ${BOARD_MAIL_SUBJECT}, ${boardMailText(id, options.baseUrl)}) as n`)
    const rows = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as { n: number }[]
    boardNotified = Number(rows[0]?.n ?? 0)
  }
  await tx.insert(schema.reportCaseSteps).values({
    ...tenant,
    caseId: id,
    step: wf.openingStep,
    byId: ctx.userId,
    note:
      input.kind === 'zedendelict_medewerker'
        ? boardNotified
          ? 'Melding gedaan; het bestuur is per e-mail geïnformeerd.'
          : 'Melding gedaan; er is geen bestuurder met een account gevonden: informeer het bestuur ook zelf.'
        : input.summary,
    data: input.kind === 'zedendelict_medewerker' ? { boardNotified } : null,
  })
  return { ok: true, id, state: wf.initial, ...(boardNotified !== undefined ? { boardNotified } : {}) }
}

const ZEDEN_ORDER_MESSAGES: Record<string, string> = {
  aangifte: 'Eerst het overleg met de vertrouwensinspecteur vastleggen: het bevoegd gezag besluit over aangifte na dat overleg',
  geen_aangifte: 'Eerst het overleg met de vertrouwensinspecteur vastleggen: het bevoegd gezag besluit over aangifte na dat overleg',
  betrokkenen_geinformeerd: 'Eerst het besluit over aangifte vastleggen (aangifte of geen aangifte, met redenen)',
  afsluiten: 'Eerst vastleggen dat de betrokken medewerker en de ouders zijn geïnformeerd',
  overleg_vertrouwensinspecteur: 'Het besluit over aangifte is al genomen; het overleg kan niet meer worden toegevoegd',
  melding: 'De melding aan het bestuur is al gedaan bij het openen van de zaak',
}

/** Records the next step of a case, if the caller may and the order allows it. */
export async function recordReportStep(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string, raw: unknown): Promise<ReportResult> {
  const c = await loadCase(tx, ability, id)
  if (!c) return refuse(404, 'id', 'Melding niet gevonden.')
  const kind = c.kind as ReportKind
  const wf = REPORT_WORKFLOWS[kind]
  const parsed = reportStepInput.safeParse(raw)
  if (!parsed.success) return invalid(parsed.error)
  const input = parsed.data
  const def = reportStepDefinition(kind, input.step)
  if (!def) return refuse(400, 'step', `"${input.step}" is geen stap van de ${kind === 'meldcode' ? 'meldcode' : 'meldplicht zedendelicten'}.`)
  if (input.expectedState && input.expectedState !== c.state) {
    return refuse(409, 'expectedState', `De zaak is intussen "${reportStateLabel(kind, c.state)}"; laad de pagina opnieuw.`)
  }
  const isOpener = c.openedById === ctx.userId
  const allowedByCasl = ability.can('update', record('ReportCase', { ...c })) || (isOpener && input.step === wf.openingStep)
  if (!allowedByCasl || !mayRecordReportStep(def, ctx.role, isOpener) || (!isReportCaseHandler(kind, ctx.role) && !(isOpener && def.who.includes('opener')))) {
    return refuse(
      403,
      'step',
      kind === 'zedendelict_medewerker'
        ? `Deze stap is aan het bevoegd gezag (de bestuurder): ${wf.law}.`
        : `Deze stap zet de aandachtsfunctionaris: de intern begeleider, de directeur of de vertrouwenspersoon (${wf.law}).`,
    )
  }
  if (wf.final.includes(c.state)) return refuse(409, 'step', `De zaak is ${reportStateLabel(kind, c.state)}; er kunnen geen stappen meer worden vastgelegd.`)

  const recorded = await tx
    .select({ step: schema.reportCaseSteps.step, data: schema.reportCaseSteps.data, at: schema.reportCaseSteps.at })
    .from(schema.reportCaseSteps)
    .where(eq(schema.reportCaseSteps.caseId, c.id))
    .orderBy(asc(schema.reportCaseSteps.at))

  if (kind === 'meldcode') {
    const index = MELDCODE_ORDER.indexOf(input.step as (typeof MELDCODE_ORDER)[number])
    if (index > 0) {
      const missing = MELDCODE_ORDER.slice(0, index).find((s) => !recorded.some((r) => r.step === s))
      if (missing) {
        return refuse(409, 'step', `Eerst ${reportStepLabel(kind, missing).toLowerCase()} vastleggen: de stappen van de meldcode volgen op elkaar (${wf.law}).`)
      }
    }
    if (input.step === 'besluit') {
      const missing = MELDCODE_ORDER.filter((s) => !recorded.some((r) => r.step === s))
      if (missing.length) {
        return refuse(409, 'step', `Het besluit (stap 5) vraagt dat stap 1 tot en met 4 zijn vastgelegd; nog niet: ${missing.map((s) => reportStepLabel(kind, s)).join(', ')} (${wf.law}).`)
      }
    }
  }
  if (!def.from.includes(c.state)) {
    const message = kind === 'zedendelict_medewerker' ? ZEDEN_ORDER_MESSAGES[input.step] : undefined
    return refuse(409, 'step', `${message ?? `Vanuit "${reportStateLabel(kind, c.state)}" kan "${def.label}" niet worden vastgelegd`} (${wf.law}).`)
  }

  let note: string
  let data: Record<string, unknown> = {}
  let next = def.to
  let decision: string | null = c.decision
  switch (input.step) {
    case 'overleg_vertrouwensinspecteur':
      note = input.advice
      data = { date: input.date, contact: input.contact, advice: input.advice }
      break
    case 'aangifte':
      note = input.reasons
      data = { reasonableSuspicion: true, reasons: input.reasons, date: input.date, policeUnit: input.policeUnit, reference: input.reference }
      decision = 'aangifte'
      break
    case 'geen_aangifte':
      note = input.reasons
      data = { reasonableSuspicion: false, reasons: input.reasons }
      decision = 'geen_aangifte'
      break
    case 'betrokkenen_geinformeerd':
      note = input.note ?? 'De betrokken medewerker en de ouders zijn geïnformeerd.'
      data = { staffInformedOn: input.staffInformedOn, parentsInformedOn: input.parentsInformedOn }
      break
    case 'afsluiten':
    case 'signalen':
    case 'vervolg':
      note = input.note
      break
    case 'consultatie':
      note = input.advice
      data = { date: input.date, consulted: input.consulted, advice: input.advice, veiligThuis: input.veiligThuis }
      break
    case 'gesprek':
      if (input.skipped) {
        if (input.note.length < 10) return refuse(400, 'note', 'Leg vast waarom het gesprek niet is gevoerd: dat mag alleen als de veiligheid in gevaar komt.')
      } else {
        if (!input.date) return refuse(400, 'date', 'Vul de datum van het gesprek in.')
        if (!input.with) return refuse(400, 'with', 'Met wie is het gesprek gevoerd?')
      }
      note = input.note
      data = { skipped: input.skipped, date: input.date ?? null, with: input.with ?? null }
      break
    case 'afweging':
      note = input.note
      data = { vermoeden: input.vermoeden, onveilig: input.onveilig, hulpMogelijk: input.hulpMogelijk, hulpAanvaard: input.hulpAanvaard, veiligBinnenTermijn: input.veiligBinnenTermijn }
      break
    case 'besluit': {
      const afweging = [...recorded].reverse().find((r) => r.step === 'afweging')?.data as MeldcodeAfweging | undefined
      const allowed = c.state === 'hulp_en_volgen' ? { decisions: ['melden'], reason: 'Er wordt al hulp georganiseerd; het vervolgbesluit is alsnog melden bij Veilig Thuis.' } : meldcodeAllowedDecisions(afweging!)
      if (!allowed.decisions.includes(input.decision)) {
        return refuse(409, 'decision', `"${REPORT_DECISION_LABELS[input.decision]}" past niet bij de afweging: ${allowed.reason} (${wf.law}).`)
      }
      if (input.decision === 'melden' && !input.reference) return refuse(400, 'reference', 'Vul het kenmerk van de melding bij Veilig Thuis in.')
      note = input.note
      data = { decision: input.decision, date: input.date, reference: input.reference ?? null }
      decision = input.decision
      next = input.decision === 'hulp_organiseren' ? 'hulp_en_volgen' : input.decision === 'melden' ? 'gemeld_veilig_thuis' : 'gesloten'
      break
    }
  }
  if (kind === 'meldcode' && MELDCODE_ORDER.includes(input.step as (typeof MELDCODE_ORDER)[number])) next = meldcodeStateAfter(c.state, input.step)

  const closed = REPORT_WORKFLOWS[kind].final.includes(next)
  // An appended step that changes nothing on the case (the opener adding signals) leaves the row as
  // is: only handlers may update it (RLS).
  if (next !== c.state || decision !== c.decision || closed) {
    const updated = await tx
      .update(schema.reportCases)
      .set({ state: next, decision, updatedAt: sql`now()`, ...(closed ? { closedAt: sql`now()` } : {}) })
      .where(and(eq(schema.reportCases.id, c.id), eq(schema.reportCases.state, c.state)))
      .returning({ id: schema.reportCases.id })
    if (updated.length === 0) return refuse(409, 'expectedState', 'De zaak is intussen gewijzigd; laad de pagina opnieuw.')
  }
  await tx.insert(schema.reportCaseSteps).values({
    stichtingId: c.stichtingId,
    schoolId: c.schoolId,
    caseId: c.id,
    step: input.step,
    byId: ctx.userId,
    note,
    data,
  })
  return { ok: true, id: c.id, state: next }
}

export interface ReportCaseListItem {
  id: string
  kind: ReportKind
  kindLabel: string
  /** For a reporter of a zeden case only "bestuur geïnformeerd". */
  stateLabel: string
  schoolName: string
  createdAt: Date
  closed: boolean
  mine: boolean
}

/** The cases the caller may see, newest first (no content: the list is not logged). */
export async function listReportCases(tx: Tx, ability: AppAbility, ctx: TenantContext): Promise<ReportCaseListItem[]> {
  if (!ability.can('read', 'ReportCase')) return []
  const rows = await tx
    .select({ c: schema.reportCases, schoolName: schema.schools.name })
    .from(schema.reportCases)
    .innerJoin(schema.schools, eq(schema.schools.id, schema.reportCases.schoolId))
    .where(reportCaseWhere(ability, 'read'))
    .orderBy(desc(schema.reportCases.createdAt))
  return rows.map(({ c, schoolName }) => {
    const kind = c.kind as ReportKind
    const limited = !isReportCaseHandler(kind, ctx.role)  && kind === 'zedendelict_medewerker'
    return {
      id: c.id,
      kind,
      kindLabel: REPORT_KIND_LABELS[kind],
      stateLabel: limited ? reportStateLabel(kind, REPORT_WORKFLOWS[kind].initial) : reportStateLabel(kind, c.state),
      schoolName,
      createdAt: c.createdAt,
      closed: !limited && c.closedAt !== null,
      mine: c.openedById === ctx.userId,
    }
  })
}

export interface ReportStepView {
  step: string
  label: string
  at: Date
  byName: string
  note: string
  data: Record<string, unknown> | null
}

export interface ReportCaseView {
  id: string
  kind: ReportKind
  kindLabel: string
  schoolName: string
  summary: string
  createdAt: Date
  openedByName: string
  mine: boolean
  /** True for the reporter of a zeden case: they see that the board was informed, nothing later. */
  limited: boolean
  state: string | null
  stateLabel: string
  decision: string | null
  decisionLabel: string | null
  closedAt: Date | null
  studentName: string | null
  steps: ReportStepView[]
  /** What the caller may record now, with the explanation. */
  next: { step: string; label: string; explanation: string }[]
  /** What comes next in the route when it is not the caller's to do (shown as guidance). */
  waitingFor: string | null
  /** For the Meldcode decision: what the latest afweging allows. */
  afweging: { data: MeldcodeAfweging; decisions: string[]; reason: string } | null
  sources: readonly ReportLegalSource[]
  states: { state: string; label: string; reached: boolean; current: boolean }[]
}

/** One case as the caller may see it; the look is logged in the access log. Null = 404. */
export async function getReportCase(tx: Tx, ability: AppAbility, ctx: TenantContext, id: string): Promise<ReportCaseView | null> {
  const c = await loadCase(tx, ability, id)
  if (!c) return null
  const kind = c.kind as ReportKind
  const wf = REPORT_WORKFLOWS[kind]
  await recordAccess(tx, ctx, { subjectType: 'report_case', subjectId: c.id, studentId: c.studentId, schoolId: c.schoolId, stichtingId: c.stichtingId })
  const limited = kind === 'zedendelict_medewerker' && !isReportCaseHandler(kind, ctx.role)
  const isOpener = c.openedById === ctx.userId
  const [school] = await tx.select({ name: schema.schools.name }).from(schema.schools).where(eq(schema.schools.id, c.schoolId))
  const stepRows = await tx
    .select({ s: schema.reportCaseSteps, byName: schema.users.name })
    .from(schema.reportCaseSteps)
    .leftJoin(schema.users, eq(schema.users.id, schema.reportCaseSteps.byId))
    .where(and(eq(schema.reportCaseSteps.caseId, c.id), limited ? eq(schema.reportCaseSteps.step, wf.openingStep) : sql`true`))
    .orderBy(asc(schema.reportCaseSteps.at), asc(schema.reportCaseSteps.id))
  const [opener] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, c.openedById))
  let studentName: string | null = null
  if (c.studentId) {
    const [s] = await tx
      .select({ firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName })
      .from(schema.students)
      .where(eq(schema.students.id, c.studentId))
    studentName = s ? displayName(s) : 'een leerling van de school (naam niet zichtbaar in deze rol)'
  }
  const steps: ReportStepView[] = stepRows.map(({ s, byName }) => ({
    step: s.step,
    label: reportStepDoneLabel(kind, s.step),
    at: s.at,
    byName: byName ?? (kind === 'zedendelict_medewerker' ? 'het bevoegd gezag' : 'een medewerker'),
    note: s.note,
    data: (s.data as Record<string, unknown> | null) ?? null,
  }))
  const mayAct = ability.can('update', record('ReportCase', { ...c })) || isOpener
  const next = limited || !mayAct || wf.final.includes(c.state) ? [] : openReportSteps(kind, c.state, ctx.role, isOpener)
  const pending = wf.final.includes(c.state) ? [] : openReportSteps(kind, c.state, kind === 'zedendelict_medewerker' ? 'bestuurder' : 'intern_begeleider', false)
  const waitingFor =
    next.length || wf.final.includes(c.state)
      ? null
      : limited
        ? 'Het bestuur is geïnformeerd en neemt de volgende stappen. Wat het bestuur verder doet, is vertrouwelijk.'
        : pending.length
          ? `Volgende stap: ${pending[0]!.label}. ${kind === 'zedendelict_medewerker' ? 'Deze stap zet het bevoegd gezag (de bestuurder).' : 'Deze stap zet de aandachtsfunctionaris (intern begeleider, directeur of vertrouwenspersoon).'}`
          : null
  const lastAfweging = [...steps].reverse().find((s) => s.step === 'afweging')
  const afweging = !limited && kind === 'meldcode' && lastAfweging?.data ? (() => {
    const a = lastAfweging.data as unknown as MeldcodeAfweging
    const allowed = c.state === 'hulp_en_volgen' ? { decisions: ['melden'], reason: 'Er wordt al hulp georganiseerd; het vervolgbesluit is alsnog melden bij Veilig Thuis.' } : meldcodeAllowedDecisions(a)
    return { data: a, decisions: allowed.decisions, reason: allowed.reason }
  })() : null
  const stateKeys = Object.keys(wf.states)
  const currentIndex = stateKeys.indexOf(c.state)
  return {
    id: c.id,
    kind,
    kindLabel: REPORT_KIND_LABELS[kind],
    schoolName: school?.name ?? '',
    summary: c.summary,
    createdAt: c.createdAt,
    openedByName: opener?.name ?? 'een medewerker',
    mine: isOpener,
    limited,
    state: limited ? null : c.state,
    stateLabel: limited ? reportStateLabel(kind, wf.initial) : reportStateLabel(kind, c.state),
    decision: limited ? null : c.decision,
    decisionLabel: limited || !c.decision ? null : (REPORT_DECISION_LABELS[c.decision] ?? c.decision),
    closedAt: limited ? null : c.closedAt,
    studentName,
    steps,
    next: next.map((s) => ({ step: s.step, label: s.label, explanation: s.explanation })),
    waitingFor,
    afweging,
    sources: wf.sources,
    states: limited
      ? [{ state: wf.initial, label: reportStateLabel(kind, wf.initial), reached: true, current: true }]
      : stateKeys.map((s, i) => ({ state: s, label: wf.states[s]!, reached: i <= currentIndex, current: s === c.state })),
  }
}
