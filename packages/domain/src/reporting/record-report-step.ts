// Recording the next step of a reporting-duty case, if the caller may (the part it plays in the
// case, from its ability) and the route's order allows it. Steps are append-only: who, when, what.
import { schema } from '@baken/db'
import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { calendarDate, recordId, textInput, yesNo } from '../input-rules.ts'
import { zodErrors } from '../result.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { loadReportCase, reportCaseActor } from './report-case.ts'
import {
  meldcodeAllowedDecisions,
  MELDCODE_ORDER,
  mayRecordReportStep,
  meldcodeStateAfter,
  REPORT_DECISION_LABELS,
  REPORT_WORKFLOWS,
  reportStateLabel,
  reportStepDefinition,
  reportStepLabel,
  type MeldcodeAfweging,
  type ReportKind,
} from './workflows.ts'

const isoDate = calendarDate()
const text = (min: number, message: string) => textInput({ message }).trim().min(min, message).max(10_000, 'Maximaal 10.000 tekens')
const optionalText = textInput()
  .trim()
  .max(10_000, 'Maximaal 10.000 tekens')
  .optional()
  .transform((s) => s || undefined)

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

const ZEDEN_ORDER_MESSAGES: Record<string, string> = {
  aangifte: 'Eerst het overleg met de vertrouwensinspecteur vastleggen: het bevoegd gezag besluit over aangifte na dat overleg',
  geen_aangifte: 'Eerst het overleg met de vertrouwensinspecteur vastleggen: het bevoegd gezag besluit over aangifte na dat overleg',
  betrokkenen_geinformeerd: 'Eerst het besluit over aangifte vastleggen (aangifte of geen aangifte, met redenen)',
  afsluiten: 'Eerst vastleggen dat de betrokken medewerker en de ouders zijn geïnformeerd',
  overleg_vertrouwensinspecteur: 'Het besluit over aangifte is al genomen; het overleg kan niet meer worden toegevoegd',
  melding: 'De melding aan het bestuur is al gedaan bij het openen van de zaak',
}

export const recordReportStep = defineUseCase({
  name: 'reporting/record-report-step',
  // The step's own fields depend on the kind of the case, so they are parsed once the case is loaded.
  input: z.looseObject({ id: recordId(), step: z.unknown().optional() }),
  permission: ['record', 'ReportCase'],
  async run(tx, { ability, tenant }, { id, ...raw }) {
    const c = await loadReportCase(tx, ability, id)
    if (!c) return refuse('not_found', 'id', 'Melding niet gevonden.')
    const kind = c.kind as ReportKind
    const wf = REPORT_WORKFLOWS[kind]
    const parsed = reportStepInput.safeParse(raw)
    if (!parsed.success) return invalid(zodErrors(parsed.error))
    const input = parsed.data
    const def = reportStepDefinition(kind, input.step)
    if (!def) return refuse('invalid', 'step', `"${input.step}" is geen stap van de ${kind === 'meldcode' ? 'meldcode' : 'meldplicht zedendelicten'}.`)
    if (input.expectedState && input.expectedState !== c.state) {
      return refuse('conflict', 'expectedState', `De zaak is intussen "${reportStateLabel(kind, c.state)}"; laad de pagina opnieuw.`)
    }
    const actor = reportCaseActor(ability, c, tenant.userId)
    if (!(actor.handles || (actor.opened && input.step === wf.openingStep)) || !mayRecordReportStep(def, actor)) {
      return refuse('forbidden',
        'step',
        kind === 'zedendelict_medewerker'
          ? `Deze stap is aan het bevoegd gezag (de bestuurder): ${wf.law}.`
          : `Deze stap zet de aandachtsfunctionaris: de intern begeleider, de directeur of de vertrouwenspersoon (${wf.law}).`,
      )
    }
    if (wf.final.includes(c.state)) return refuse('conflict', 'step', `De zaak is ${reportStateLabel(kind, c.state)}; er kunnen geen stappen meer worden vastgelegd.`)

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
          return refuse('conflict', 'step', `Eerst ${reportStepLabel(kind, missing).toLowerCase()} vastleggen: de stappen van de meldcode volgen op elkaar (${wf.law}).`)
        }
      }
      if (input.step === 'besluit') {
        const missing = MELDCODE_ORDER.filter((s) => !recorded.some((r) => r.step === s))
        if (missing.length) {
          return refuse('conflict', 'step', `Het besluit (stap 5) vraagt dat stap 1 tot en met 4 zijn vastgelegd; nog niet: ${missing.map((s) => reportStepLabel(kind, s)).join(', ')} (${wf.law}).`)
        }
      }
    }
    if (!def.from.includes(c.state)) {
      const message = kind === 'zedendelict_medewerker' ? ZEDEN_ORDER_MESSAGES[input.step] : undefined
      return refuse('conflict', 'step', `${message ?? `Vanuit "${reportStateLabel(kind, c.state)}" kan "${def.label}" niet worden vastgelegd`} (${wf.law}).`)
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
          if (input.note.length < 10) return refuse('invalid', 'note', 'Leg vast waarom het gesprek niet is gevoerd: dat mag alleen als de veiligheid in gevaar komt.')
        } else {
          if (!input.date) return refuse('invalid', 'date', 'Vul de datum van het gesprek in.')
          if (!input.with) return refuse('invalid', 'with', 'Met wie is het gesprek gevoerd?')
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
          return refuse('conflict', 'decision', `"${REPORT_DECISION_LABELS[input.decision]}" past niet bij de afweging: ${allowed.reason} (${wf.law}).`)
        }
        if (input.decision === 'melden' && !input.reference) return refuse('invalid', 'reference', 'Vul het kenmerk van de melding bij Veilig Thuis in.')
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
      if (updated.length === 0) return refuse('conflict', 'expectedState', 'De zaak is intussen gewijzigd; laad de pagina opnieuw.')
    }
    await tx.insert(schema.reportCaseSteps).values({
      stichtingId: c.stichtingId,
      schoolId: c.schoolId,
      caseId: c.id,
      step: input.step,
      byId: tenant.userId,
      note,
      data,
    })
    return { ok: true as const, id: c.id, state: next }
  },
})
