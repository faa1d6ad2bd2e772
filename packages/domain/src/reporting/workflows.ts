// The two reporting duties as guided workflows: per kind its states, its steps
// in order with who may record them, the Dutch explanation shown beside the next step, and the legal
// source. Pure data and functions; the database side is in report-cases.ts.
export const REPORT_KINDS = ['zedendelict_medewerker', 'meldcode'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  zedendelict_medewerker: 'Vermoeden van een zedendelict door een medewerker',
  meldcode: 'Meldcode huiselijk geweld en kindermishandeling',
}

/** A legal source as shown in the UI; `uncertain` is shown as "Onzeker" (not verified against wetten.nl). */
export interface ReportLegalSource {
  text: string
  uncertain?: boolean
}

export const ZEDEN_SOURCES: readonly ReportLegalSource[] = [
  { text: 'Wet bestrijding seksueel misbruik en seksuele intimidatie in het onderwijs (1999): meld-, overleg- en aangifteplicht bij zedenmisdrijven tegen minderjarige leerlingen' },
  { text: 'WPO art. 4a (overleg met de vertrouwensinspecteur en aangifteplicht van het bevoegd gezag)' },
  { text: 'WPO art. 4b (meldplicht van personeel aan het bevoegd gezag)', uncertain: true },
  { text: 'WEC art. 5a en 5b (speciaal onderwijs)', uncertain: true },
  { text: 'WVO 2020 (de overeenkomstige artikelen in hoofdstuk 3; artikelnummer niet gecontroleerd)', uncertain: true },
  { text: 'WEB (mbo; de overeenkomstige bepaling voor minderjarige studenten niet gecontroleerd)', uncertain: true },
]

export const MELDCODE_SOURCES: readonly ReportLegalSource[] = [
  { text: 'Wet verplichte meldcode huiselijk geweld en kindermishandeling (2013)' },
  { text: 'Besluit verplichte meldcode huiselijk geweld en kindermishandeling: afwegingskader in stap 4 verplicht sinds 1 januari 2019' },
]

/** Short reference used in refusal messages. */
const ZEDEN_LAW = 'Wet bestrijding seksueel misbruik en seksuele intimidatie in het onderwijs; WPO art. 4a'
const MELDCODE_LAW = 'Wet verplichte meldcode huiselijk geweld en kindermishandeling, afwegingskader 2019'

/**
 * Who may record a step, as a part the caller plays in the case (never a role: which roles play
 * which part is the CASL table's, packages/permissions): `bevoegd_gezag` is the board's own legal
 * step (CASL 'decide' on the case: WPO art. 4a gives the consultation and the aangifte to the
 * bevoegd gezag), `handler` handles the case (CASL 'update': the aandachtsfunctionaris of the
 * Meldcode), `opener` opened it (and may 'record' on it).
 */
export type ReportStepActor = 'bevoegd_gezag' | 'handler' | 'opener'

/** The parts the caller plays in one case, as its ability decides them (report-case.ts `reportCaseActor`). */
export interface ReportCaseActor {
  /** Handles the case: sees all of it and records the route's steps (CASL 'update'). */
  handles: boolean
  /** Takes the bevoegd gezag's steps (CASL 'decide'). */
  decides: boolean
  /** Opened the case and may add to it (CASL 'record' as its opener). */
  opened: boolean
}

export interface ReportStepDefinition {
  step: string
  /** Dutch label of the action (the form). */
  label: string
  /** Dutch label once recorded (the history). */
  done: string
  /** What to do now and why, in Dutch, shown beside the form. */
  explanation: string
  who: readonly ReportStepActor[]
  /** The states this step may be recorded from. */
  from: readonly string[]
  /** The state after the step (a function when the outcome depends on the data). */
  to: string
}

export interface ReportWorkflow {
  initial: string
  /** The step recorded when the case is opened. */
  openingStep: string
  states: Record<string, string>
  final: readonly string[]
  steps: readonly ReportStepDefinition[]
  sources: readonly ReportLegalSource[]
  law: string
}

const MELDCODE_OPEN = ['stap_1', 'stap_2', 'stap_3', 'stap_4'] as const

export const REPORT_WORKFLOWS: Record<ReportKind, ReportWorkflow> = {
  zedendelict_medewerker: {
    initial: 'bestuur_geinformeerd',
    openingStep: 'melding',
    states: {
      bestuur_geinformeerd: 'bestuur geïnformeerd',
      overleg_gevoerd: 'overleg met de vertrouwensinspecteur gevoerd',
      aangifte_gedaan: 'aangifte gedaan',
      geen_aangifte: 'besloten geen aangifte te doen',
      betrokkenen_geinformeerd: 'betrokkenen geïnformeerd',
      gesloten: 'gesloten',
    },
    final: ['gesloten'],
    sources: ZEDEN_SOURCES,
    law: ZEDEN_LAW,
    steps: [
      {
        step: 'melding',
        label: 'Bestuur geïnformeerd',
        done: 'Melding gedaan: bestuur geïnformeerd',
        explanation:
          'Ieder personeelslid dat weet of vermoedt dat een medewerker een zedendelict pleegt of pleegde tegen een minderjarige leerling, informeert onverwijld het bevoegd gezag. Met het openen van deze melding is het bestuur geïnformeerd.',
        who: ['opener'],
        from: [],
        to: 'bestuur_geinformeerd',
      },
      {
        step: 'overleg_vertrouwensinspecteur',
        label: 'Overleg met de vertrouwensinspecteur vastleggen',
        done: 'Overleg met de vertrouwensinspecteur gevoerd',
        explanation:
          'Het bevoegd gezag overlegt onverwijld met de vertrouwensinspecteur van de Inspectie van het Onderwijs (0900-1113111). Leg de datum, met wie (naam of kenmerk) en het advies vast. Een tweede overleg kan ook worden vastgelegd.',
        who: ['bevoegd_gezag'],
        from: ['bestuur_geinformeerd', 'overleg_gevoerd'],
        to: 'overleg_gevoerd',
      },
      {
        step: 'aangifte',
        label: 'Redelijk vermoeden: aangifte vastleggen',
        done: 'Besluit: aangifte gedaan (redelijk vermoeden)',
        explanation:
          'Blijkt uit het overleg dat er een redelijk vermoeden is, dan is het bevoegd gezag verplicht onverwijld aangifte te doen bij politie of justitie. Leg het besluit met de redenen vast, en de datum, de politie-eenheid en het kenmerk van de aangifte.',
        who: ['bevoegd_gezag'],
        from: ['overleg_gevoerd'],
        to: 'aangifte_gedaan',
      },
      {
        step: 'geen_aangifte',
        label: 'Geen redelijk vermoeden: besluit vastleggen',
        done: 'Besluit: geen aangifte (geen redelijk vermoeden)',
        explanation:
          'Is er na het overleg met de vertrouwensinspecteur geen redelijk vermoeden, dan wordt geen aangifte gedaan. Leg het besluit en de redenen vast.',
        who: ['bevoegd_gezag'],
        from: ['overleg_gevoerd'],
        to: 'geen_aangifte',
      },
      {
        step: 'betrokkenen_geinformeerd',
        label: 'Betrokkenen geïnformeerd',
        done: 'Betrokkenen geïnformeerd',
        explanation:
          'Het bevoegd gezag informeert de betrokken medewerker en de ouders van de leerling (of de leerling zelf als die meerderjarig is). Leg vast wie wanneer is geïnformeerd. (Onzeker: volgens de wet gebeurt dit in de regel vóórdat de aangifte wordt gedaan; controleer het moment met de vertrouwensinspecteur.)',
        who: ['bevoegd_gezag'],
        from: ['aangifte_gedaan', 'geen_aangifte'],
        to: 'betrokkenen_geinformeerd',
      },
      {
        step: 'afsluiten',
        label: 'Zaak sluiten',
        done: 'Zaak gesloten',
        explanation: 'Alle stappen zijn gezet. Sluit de zaak met een korte samenvatting van de afloop.',
        who: ['bevoegd_gezag'],
        from: ['betrokkenen_geinformeerd'],
        to: 'gesloten',
      },
    ],
  },
  meldcode: {
    initial: 'stap_1',
    openingStep: 'signalen',
    states: {
      stap_1: 'stap 1: signalen in kaart gebracht',
      stap_2: 'stap 2: collegiale consultatie gedaan',
      stap_3: 'stap 3: gesprek gevoerd',
      stap_4: 'stap 4: afweging gemaakt',
      hulp_en_volgen: 'stap 5: hulp georganiseerd, wordt gevolgd',
      gemeld_veilig_thuis: 'stap 5: gemeld bij Veilig Thuis',
      gesloten: 'gesloten',
    },
    final: ['gemeld_veilig_thuis', 'gesloten'],
    sources: MELDCODE_SOURCES,
    law: MELDCODE_LAW,
    steps: [
      {
        step: 'signalen',
        label: 'Stap 1: signalen in kaart brengen',
        done: 'Stap 1: signalen vastgelegd',
        explanation:
          'Breng de signalen in kaart: wat heb je gezien of gehoord, wanneer, en van wie komt de informatie? Beschrijf feiten, geen interpretaties. Signalen kunnen later worden aangevuld.',
        who: ['opener', 'handler'],
        from: [...MELDCODE_OPEN],
        to: 'stap_1',
      },
      {
        step: 'consultatie',
        label: 'Stap 2: collegiale consultatie en zo nodig Veilig Thuis',
        done: 'Stap 2: collegiale consultatie',
        explanation:
          'Overleg met een deskundige collega of de aandachtsfunctionaris, en vraag zo nodig advies aan Veilig Thuis (0800-2000). Leg vast met wie je overlegde en wat het advies was.',
        who: ['handler'],
        from: [...MELDCODE_OPEN],
        to: 'stap_2',
      },
      {
        step: 'gesprek',
        label: 'Stap 3: gesprek met de leerling en/of ouders',
        done: 'Stap 3: gesprek met leerling en/of ouders',
        explanation:
          'Bespreek de signalen met de leerling en/of de ouders. Alleen als de veiligheid van de leerling, van jezelf of van een ander in gevaar komt, mag het gesprek achterwege blijven: leg dan de reden vast.',
        who: ['handler'],
        from: [...MELDCODE_OPEN],
        to: 'stap_3',
      },
      {
        step: 'afweging',
        label: 'Stap 4: wegen met het afwegingskader',
        done: 'Stap 4: afweging met het afwegingskader',
        explanation:
          'Weeg het geweld of de kindermishandeling met het afwegingskader: 1. Is er een vermoeden? 2. Is melden noodzakelijk (acute of structurele onveiligheid: altijd melden)? 3–5. Kun je passende hulp bieden of organiseren, aanvaarden de betrokkenen die hulp, en leidt zij binnen de gewenste termijn tot duurzame veiligheid?',
        who: ['handler'],
        from: ['stap_3', 'stap_4'],
        to: 'stap_4',
      },
      {
        step: 'besluit',
        label: 'Stap 5: besluiten',
        done: 'Stap 5: besluit',
        explanation:
          'Besluit: hulp organiseren en de effecten volgen, of melden bij Veilig Thuis (met datum en kenmerk van de melding). Bij acute of structurele onveiligheid, of als passende hulp niet mogelijk is, wordt altijd gemeld. Is er geen vermoeden meer, dan kan de zaak worden gesloten.',
        who: ['handler'],
        from: ['stap_4', 'hulp_en_volgen'],
        to: 'stap_5',
      },
      {
        step: 'vervolg',
        label: 'Vervolg vastleggen',
        done: 'Vervolg van de hulp',
        explanation: 'Volg of de hulp tot veiligheid leidt en leg de voortgang vast. Blijft de onveiligheid, besluit dan alsnog te melden.',
        who: ['handler'],
        from: ['hulp_en_volgen'],
        to: 'hulp_en_volgen',
      },
      {
        step: 'afsluiten',
        label: 'Zaak sluiten',
        done: 'Zaak gesloten',
        explanation: 'De hulp heeft tot veiligheid geleid. Sluit de zaak met een korte samenvatting.',
        who: ['handler'],
        from: ['hulp_en_volgen'],
        to: 'gesloten',
      },
    ],
  },
}

/** Meldcode steps 1–4 in their order. */
export const MELDCODE_ORDER = ['signalen', 'consultatie', 'gesprek', 'afweging'] as const

export function reportStepDefinition(kind: ReportKind, step: string): ReportStepDefinition | undefined {
  return REPORT_WORKFLOWS[kind].steps.find((s) => s.step === step)
}

export function reportStateLabel(kind: ReportKind, state: string): string {
  return REPORT_WORKFLOWS[kind].states[state] ?? state
}

export function reportStepLabel(kind: ReportKind, step: string): string {
  return reportStepDefinition(kind, step)?.label ?? step
}

/** The label of a recorded step in the history. */
export function reportStepDoneLabel(kind: ReportKind, step: string): string {
  return reportStepDefinition(kind, step)?.done ?? step
}

/** Whether the caller (role, and whether they opened the case) may record this step. */
export function mayRecordReportStep(def: ReportStepDefinition, actor: ReportCaseActor): boolean {
  return def.who.some((w) => (w === 'opener' ? actor.opened : w === 'handler' ? actor.handles : actor.decides))
}

/** The Meldcode state after recording step n (1–4): the highest step reached, never lower. */
export function meldcodeStateAfter(current: string, step: string): string {
  const reached = MELDCODE_OPEN.indexOf(current as (typeof MELDCODE_OPEN)[number])
  const index = MELDCODE_ORDER.indexOf(step as (typeof MELDCODE_ORDER)[number])
  return MELDCODE_OPEN[Math.max(reached, index)]!
}

/**
 * The steps open to the caller in the current state (for the "next step" on the page). For the
 * Meldcode, step n is open once steps 1…n-1 were recorded.
 */
export function openReportSteps(kind: ReportKind, state: string, actor: ReportCaseActor): ReportStepDefinition[] {
  const wf = REPORT_WORKFLOWS[kind]
  const reached = MELDCODE_OPEN.indexOf(state as (typeof MELDCODE_OPEN)[number])
  // Steps that move the case on come first; revisiting an earlier step (append) after them.
  const revisit = (s: ReportStepDefinition) => {
    const index = MELDCODE_ORDER.indexOf(s.step as (typeof MELDCODE_ORDER)[number])
    return kind === 'meldcode' ? index >= 0 && index <= reached : s.to === state
  }
  const open = wf.steps.filter((s) => {
    if (s.step === wf.openingStep && kind === 'zedendelict_medewerker') return false
    if (!s.from.includes(state) || !mayRecordReportStep(s, actor)) return false
    if (kind === 'meldcode') {
      const index = MELDCODE_ORDER.indexOf(s.step as (typeof MELDCODE_ORDER)[number])
      if (index >= 0 && reached >= 0 && index > reached + 1) return false
    }
    return true
  })
  return [...open.filter((s) => !revisit(s)), ...open.filter(revisit)]
}

export interface MeldcodeAfweging {
  vermoeden: boolean
  onveilig: boolean
  hulpMogelijk: boolean
  hulpAanvaard: boolean
  veiligBinnenTermijn: boolean
}

/** What the afwegingskader allows as the step-5 decision. */
export function meldcodeAllowedDecisions(a: MeldcodeAfweging): { decisions: ('hulp_organiseren' | 'melden' | 'geen_vermoeden')[]; reason: string } {
  if (!a.vermoeden) return { decisions: ['geen_vermoeden', 'hulp_organiseren'], reason: 'Er is geen vermoeden (vraag 1): de zaak kan worden gesloten of er kan hulp worden georganiseerd.' }
  if (a.onveilig) return { decisions: ['melden'], reason: 'Er is acute of structurele onveiligheid (vraag 2): melden bij Veilig Thuis is noodzakelijk.' }
  if (!a.hulpMogelijk || !a.hulpAanvaard || !a.veiligBinnenTermijn) {
    return { decisions: ['melden'], reason: 'Passende hulp is niet mogelijk, wordt niet aanvaard of leidt niet tijdig tot veiligheid (vragen 3–5): melden bij Veilig Thuis.' }
  }
  return { decisions: ['hulp_organiseren', 'melden'], reason: 'Passende hulp is mogelijk en wordt aanvaard (vragen 3–5): hulp organiseren en volgen, of toch melden.' }
}

export const REPORT_DECISION_LABELS: Record<string, string> = {
  hulp_organiseren: 'Hulp organiseren en effecten volgen',
  melden: 'Melden bij Veilig Thuis',
  geen_vermoeden: 'Geen vermoeden: zaak sluiten',
  aangifte: 'Aangifte gedaan (redelijk vermoeden)',
  geen_aangifte: 'Geen aangifte (geen redelijk vermoeden)',
}
