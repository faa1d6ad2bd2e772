// The measures of the legal ladder (adempauze → time-out → schorsing → verwijdering) and the rules
// around them, as data: one versioned rule set per sector, each rule with its Dutch wording and its
// source, so the UI can show why and a school's own protocol can be compared with the law.
//
// Where the law is uncertain, the rule is configurable and the UI says so. A rule that
// could not be checked against the statute text, or where sources disagree, has `uncertain: true` and
// a `note` saying what is uncertain; the page shows both. Pure data and date arithmetic, no database.
import type { Sector } from '@baken/db'
import { termijnenwetEnd } from '../calendar/national-holidays.ts'
import { localDate, plusDays } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'

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

// ---- Rules shared by every sector -------------------------------------------------------------

const PROTOCOL_ONLY = 'Geen wettelijke grondslag — eigen protocol'

const ADEMPAUZE_AND_TIME_OUT: readonly Rule[] = [
  {
    key: 'adempauze.ouders',
    topic: 'adempauze',
    text: 'Adempauze: de leerling wordt kort apart gezet binnen de school. De ouders worden op de hoogte gebracht; zo nodig volgt een incidentrapportage.',
    value: true,
    source: PROTOCOL_ONLY,
  },
  {
    key: 'time_out.grondslag',
    topic: 'time_out',
    text: 'Een time-out heeft geen wettelijke grondslag: het is een ordemaatregel uit het eigen protocol, geen straf. Vastleggen bij het incident, niet als sanctie in het dossier.',
    value: 'protocol',
    source: PROTOCOL_ONLY,
  },
  {
    key: 'time_out.maxDagen',
    topic: 'time_out',
    text: 'Een time-out geldt alleen voor de rest van de schooldag: één dag.',
    value: 1,
    source: PROTOCOL_ONLY,
  },
  {
    key: 'time_out.besluit',
    topic: 'time_out',
    text: 'De leerkracht vraagt de time-out aan; de directeur keurt goed of weigert.',
    value: 'directeur',
    source: PROTOCOL_ONLY,
  },
  {
    key: 'time_out.ouders',
    topic: 'time_out',
    text: 'De ouders worden direct op de hoogte gebracht. Veiligheid gaat voor: de time-out wacht niet tot de ouders bereikt zijn.',
    value: 'direct',
    source: PROTOCOL_ONLY,
  },
  {
    key: 'time_out.meldingBevoegdGezag',
    topic: 'time_out',
    text: 'Na de time-out meldt de school die schriftelijk aan het bevoegd gezag.',
    value: true,
    source: PROTOCOL_ONLY,
  },
]

interface SectorLaw {
  /** Article on schorsing, e.g. 'WPO art. 40c'. */
  schorsing: string
  /** Article on verwijdering. */
  verwijdering: string
}

function schorsingBase(law: SectorLaw): Rule[] {
  return [
    {
      key: 'schorsing.besluit',
      topic: 'schorsing',
      text: 'Het bevoegd gezag besluit tot schorsing, met opgave van redenen.',
      value: 'bevoegd_gezag',
      source: `${law.schorsing} lid 1`,
    },
    {
      key: 'schorsing.mandaat',
      topic: 'schorsing',
      text: 'Het bevoegd gezag kan de directeur van een school bij schriftelijk mandaatbesluit mandaat geven om te schorsen, tot een aantal schooldagen; de bestuurder legt dat per school vast. Het besluit blijft een besluit van het bevoegd gezag.',
      value: CONFIGURABLE,
      source: 'Awb art. 10:1–10:3 (mandaat)',
      note: 'Bij een bijzondere school regelen de statuten of het managementstatuut het mandaat. Het bevoegd gezag kan het mandaat altijd intrekken (Awb art. 10:8). Op een bezwaar beslist niet degene die het besluit in mandaat nam (Awb art. 10:3 lid 3).',
      configurable: true,
    },
    {
      key: 'schorsing.verlengen',
      topic: 'schorsing',
      text: 'Een schorsing kan niet worden verlengd: zij mag geen verkapte verwijdering worden.',
      value: false,
      source: `${law.schorsing} lid 1 (maximumduur)`,
    },
    {
      key: 'schorsing.bezwaarclausule',
      topic: 'schorsing',
      text: 'Of het schorsingsbesluit een bezwaarclausule krijgt, stelt de stichting zelf in.',
      value: CONFIGURABLE,
      source: 'Keuze van de stichting (de onderwijswetten regelen het niet)',
      note: 'De onderwijswetten regelen geen eigen bezwaar tegen een schorsing. Bij een openbare school is de schorsing een besluit in de zin van de Awb en staat bezwaar open; voor een bijzondere school is dat niet gecontroleerd.',
      uncertain: true,
      configurable: true,
    },
    {
      key: 'schorsing.bezwaarBeslistermijn',
      topic: 'schorsing',
      text: 'Op een bezwaar tegen een schorsing beslist het bevoegd gezag binnen zes weken na afloop van de bezwaartermijn, of binnen twaalf weken als een adviescommissie het bezwaar behandelt. De beslissing kan één keer met ten hoogste zes weken worden verdaagd, met bericht aan de indiener.',
      value: { weken: 6, wekenMetAdviescommissie: 12, verdagingWeken: 6, start: 'na_bezwaartermijn' },
      source: 'Awb art. 7:10 lid 1 en 3',
      note: 'De onderwijswet noemt geen eigen beslistermijn voor een bezwaar tegen een schorsing, dus geldt de Awb. Bij een openbare school geldt de Awb rechtstreeks; voor een bijzondere school houdt Baken dezelfde termijn aan (niet gecontroleerd). Verder uitstel met instemming van de indiener (lid 4) legt Baken niet vast.',
      uncertain: true,
    },
  ]
}

function verwijderingBase(law: SectorLaw): Rule[] {
  return [
    {
      key: 'verwijdering.besluit',
      topic: 'verwijdering',
      text: 'Verwijdering is een besluit van het bevoegd gezag.',
      value: 'bevoegd_gezag',
      source: law.verwijdering,
    },
    {
      key: 'verwijdering.schorsingHangende',
      topic: 'verwijdering',
      text: 'Zolang er nog geen andere school is gevonden, blijft de leerling ingeschreven; in die periode mag de leerling worden geschorst.',
      value: true,
      source: `${law.verwijdering}; ${law.schorsing}`,
      note:
        'Onzeker: of de maximale duur van een schorsing ook geldt voor een schorsing hangende verwijdering, is niet getoetst aan de wettekst. Baken houdt het maximum van de schorsing (schorsing.maxSchooldagen) aan; is langer nodig, dan volgt een nieuw schorsingsbesluit.',
      uncertain: true,
    },
  ]
}

const BEZWAAR_TERM: Rule = {
  key: 'bezwaar.termijnWeken',
  topic: 'bezwaar',
  text: 'Bezwaar kan binnen zes weken. De termijn begint op de dag na die waarop het besluit is toegezonden.',
  value: 6,
  source: 'Awb art. 6:7 en 6:8 lid 1',
  note: 'De Awb geldt rechtstreeks voor een openbare school; Baken houdt dezelfde termijn aan voor bijzondere scholen.',
}

const TERMIJNENWET: Rule = {
  key: 'bezwaar.termijnenwet',
  topic: 'bezwaar',
  text: 'Eindigt een termijn op een zaterdag, zondag of algemeen erkende feestdag, dan loopt hij door tot en met de eerstvolgende dag die dat niet is. Feestdagen zijn Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag (elk jaar), Hemelvaartsdag, Tweede Pinksterdag en beide Kerstdagen.',
  value: true,
  source: 'Algemene termijnenwet art. 1 lid 1 en art. 3 lid 1 en 2',
  note: 'Goede Vrijdag is voor deze wet gelijkgesteld met de feestdagen (art. 3 lid 2). Deze lijst staat los van de schoolkalender: of een school op een dag vrij is, doet er voor een termijn niet toe. Dagen die de regering per besluit gelijkstelt (art. 3 lid 3, zoals een vrijdag na Hemelvaartsdag) telt Baken niet mee.',
}

const BESLISTERMIJN_WEKEN = (source: string, note?: string): Rule => ({
  key: 'bezwaar.beslistermijnWeken',
  topic: 'bezwaar',
  text: 'Het bevoegd gezag beslist binnen vier weken op een bezwaar tegen verwijdering (tegen een schorsing: zie schorsing.bezwaarBeslistermijn).',
  value: 4,
  source,
  ...(note ? { note, uncertain: true } : {}),
})

// ---- Per sector -------------------------------------------------------------------------------

const PO: SectorLaw = { schorsing: 'WPO art. 40c', verwijdering: 'WPO art. 40' }
const SO: SectorLaw = { schorsing: 'WEC art. 40a', verwijdering: 'WEC art. 40' }
const VO: SectorLaw = { schorsing: 'WVO 2020 art. 8.14', verwijdering: 'WVO 2020 art. 8.15' }
const MBO: SectorLaw = { schorsing: 'WEB art. 8.1.7c', verwijdering: 'WEB art. 8.1.7d' }

const SO_ARTICLES =
  'Artikelnummers van de WEC niet gecontroleerd: WEC art. 40a (schorsing) volgens een toelichting van passendonderwijsenouders.nl, WEC art. 40 (verwijdering) naar analogie van de WPO. Te controleren.'

// po and so: the bevoegd gezag informs the Inspectie and the leerplichtambtenaar of a decision to
// remove. The duty is described so by leerplicht offices (Regionaal Bureau Leerplicht Gelderse Vallei,
// rblgv.nl, "Verwijderen"); the paragraph of WPO art. 40 is not verified against the statute text.
const REMOVAL_NOTICE_TEXT =
  'Het bevoegd gezag stelt de Inspectie van het Onderwijs en de leerplichtambtenaar in kennis van het besluit tot verwijdering. Overleg vooraf met de Inspectie is niet voorgeschreven.'
const REMOVAL_NOTICE_AT_DECISION = { overlegVooraf: false, meldingBijBesluit: true, leerplichtBijBesluit: true, meldingAchteraf: false } as const
const REMOVAL_NOTICE_NOTE =
  'Zo beschreven door het Regionaal Bureau Leerplicht Gelderse Vallei (rblgv.nl, "Verwijderen": de school is verplicht de Inspectie en de leerplichtambtenaar in te lichten over een besluit tot verwijdering). Een termijn is niet gevonden; Baken zet de taken op de dag van het besluit (onverwijld).'

const INSPECTIE_SCHORSING = (source: string): Rule => ({
  key: 'schorsing.inspectie',
  topic: 'schorsing',
  text: 'Bij een schorsing van langer dan één dag meldt het bevoegd gezag die onverwijld schriftelijk, met de redenen, aan de Inspectie (via het Internet Schooldossier).',
  value: 1,
  source,
  note: '"Onverwijld" is de lezing van Baken; niet getoetst aan de wettekst. Het Internet Schooldossier heeft geen API: Baken maakt een samenvatting klaar en legt de indiening vast.',
})

const MAX_WEEK = (source: string): Rule => ({
  key: 'schorsing.maxSchooldagen',
  topic: 'schorsing',
  text: 'Een schorsing duurt ten hoogste één week: 5 schooldagen.',
  value: 5,
  source,
})

const RULE_SETS_AS_WRITTEN: readonly RuleSet[] = [
  {
    id: 'wet-po-2026',
    sector: 'po',
    title: 'Primair onderwijs — Wet op het primair onderwijs (WPO)',
    validFrom: '2014-08-01',
    note: 'Sinds de Wet passend onderwijs (1 augustus 2014) is verwijdering pas definitief als een andere school de leerling toelaat; de oude regel van acht weken zoeken geldt niet meer.',
    rules: [
      ...ADEMPAUZE_AND_TIME_OUT,
      ...schorsingBase(PO),
      MAX_WEEK('WPO art. 40c lid 1'),
      {
        key: 'schorsing.besluitAan',
        topic: 'schorsing',
        text: 'Het besluit gaat schriftelijk naar de ouders.',
        value: ['ouders'],
        source: 'WPO art. 40c lid 2',
      },
      INSPECTIE_SCHORSING('WPO art. 40c lid 3'),
      ...verwijderingBase(PO),
      {
        key: 'verwijdering.horen',
        topic: 'verwijdering',
        text: 'Voor het besluit hoort het bevoegd gezag de betrokken groepsleraar en de ouders.',
        value: ['groepsleraar', 'ouders'],
        source: 'WPO art. 40 lid 11; Awb art. 4:8',
        note: 'Art. 40 lid 11 schrijft het horen van de groepsleraar voor; het horen van de ouders volgt uit de Awb (zienswijze vóór een belastend besluit, rechtstreeks bij een openbare school).',
      },
      {
        key: 'verwijdering.definitief',
        topic: 'verwijdering',
        text: 'Definitieve verwijdering pas als een andere school bereid is de leerling toe te laten. Acht weken zoeken zonder resultaat is geen grond meer.',
        value: { toelating: 'andere_school', zoektermijnWeken: null },
        source: 'WPO art. 40',
      },
      {
        key: 'verwijdering.inspectie',
        topic: 'verwijdering',
        text: REMOVAL_NOTICE_TEXT,
        value: REMOVAL_NOTICE_AT_DECISION,
        source: 'WPO art. 40',
        note: `${REMOVAL_NOTICE_NOTE} Het lid van art. 40 is niet gecontroleerd aan de wettekst.`,
        uncertain: true,
      },
      BEZWAAR_TERM,
      TERMIJNENWET,
      BESLISTERMIJN_WEKEN('WPO art. 63', 'Het artikelnummer is niet gecontroleerd.'),
      {
        key: 'bezwaar.beslistermijnStart',
        topic: 'bezwaar',
        text: 'De vier weken tellen vanaf de dag na die waarop de bezwaartermijn is verstreken.',
        value: 'na_bezwaartermijn',
        source: 'WPO art. 63',
        note: 'Het artikelnummer is niet gecontroleerd.',
        uncertain: true,
      },
      {
        key: 'bezwaar.opschorting',
        topic: 'bezwaar',
        text: 'Zolang de Geschillencommissie passend onderwijs over het geschil adviseert, is de beslistermijn opgeschort.',
        value: 'geschillencommissie',
        source: 'WPO art. 43',
      },
    ],
  },
  {
    id: 'wet-so-2026',
    sector: 'so',
    title: 'Speciaal onderwijs — Wet op de expertisecentra (WEC)',
    validFrom: '2014-08-01',
    note: `Baken houdt voor het so dezelfde maximumduur en Inspectiemelding aan als voor po en vo. ${SO_ARTICLES}`,
    rules: [
      ...ADEMPAUZE_AND_TIME_OUT,
      ...schorsingBase(SO),
      MAX_WEEK('WEC art. 40a lid 1'),
      {
        key: 'schorsing.besluitAan',
        topic: 'schorsing',
        text: 'Het besluit gaat schriftelijk naar de ouders; bij een meerderjarige leerling (vso) naar de leerling.',
        value: ['ouders'],
        source: 'WEC art. 40a',
        note: `Voor het so niet nagegaan. ${SO_ARTICLES}`,
        uncertain: true,
        configurable: true,
      },
      INSPECTIE_SCHORSING('WEC art. 40a'),
      ...verwijderingBase(SO),
      {
        key: 'verwijdering.horen',
        topic: 'verwijdering',
        text: 'Voor het besluit hoort het bevoegd gezag de betrokken groepsleraar en de ouders.',
        value: ['groepsleraar', 'ouders'],
        source: 'WEC art. 40',
        note: `Naar analogie van de WPO. ${SO_ARTICLES}`,
        uncertain: true,
      },
      {
        key: 'verwijdering.definitief',
        topic: 'verwijdering',
        text: 'Definitieve verwijdering pas als een andere school bereid is de leerling toe te laten.',
        value: { toelating: 'andere_school', zoektermijnWeken: null },
        source: 'WEC art. 40',
        note: SO_ARTICLES,
        uncertain: true,
      },
      {
        key: 'verwijdering.inspectie',
        topic: 'verwijdering',
        text: REMOVAL_NOTICE_TEXT,
        value: REMOVAL_NOTICE_AT_DECISION,
        source: 'WEC art. 40',
        note: `${REMOVAL_NOTICE_NOTE} Voor het so naar analogie van de WPO; de WEC is niet gecontroleerd. ${SO_ARTICLES}`,
        uncertain: true,
      },
      BEZWAAR_TERM,
      TERMIJNENWET,
      BESLISTERMIJN_WEKEN('WEC', 'Geen eigen beslistermijn voor het so nagegaan; Baken volgt het po. Te controleren.'),
      {
        key: 'bezwaar.beslistermijnStart',
        topic: 'bezwaar',
        text: 'De vier weken tellen vanaf de dag na die waarop de bezwaartermijn is verstreken (zoals in het po).',
        value: 'na_bezwaartermijn',
        source: 'WEC',
        note: 'Voor het so niet nagegaan; Baken volgt het po. Te controleren.',
        uncertain: true,
        configurable: true,
      },
      {
        key: 'bezwaar.opschorting',
        topic: 'bezwaar',
        text: 'Zolang de Geschillencommissie passend onderwijs over het geschil adviseert, is de beslistermijn opgeschort.',
        value: 'geschillencommissie',
        source: 'WEC',
        note: 'Alleen WPO art. 43 is nagegaan; het artikel in de WEC is niet gecontroleerd.',
        uncertain: true,
      },
    ],
  },
  {
    id: 'wet-vo-2026',
    sector: 'vo',
    title: 'Voortgezet onderwijs — Wet op het voortgezet onderwijs 2020 (WVO 2020)',
    validFrom: '2021-08-01',
    rules: [
      ...ADEMPAUZE_AND_TIME_OUT,
      ...schorsingBase(VO),
      MAX_WEEK('WVO 2020 art. 8.14'),
      {
        key: 'schorsing.besluitAan',
        topic: 'schorsing',
        text: 'Het besluit gaat schriftelijk naar de leerling en, zolang die de leeftijd van 21 jaar nog niet heeft bereikt, ook naar de ouders.',
        value: ['leerling', 'ouders_onder_21'],
        source: 'Inrichtingsbesluit WVO art. 13 lid 2; WVO 2020 art. 8.14',
        note:
          'Scholen citeren het Inrichtingsbesluit WVO zo: "Het besluit tot schorsing wordt schriftelijk aan de betrokken leerling en, als deze nog niet de leeftijd van 21 jaar heeft bereikt, ook aan de ouders, voogden of verzorgers van de leerling bekendgemaakt." De geldende tekst onder de WVO 2020 is niet gecontroleerd. Baken volgt standaard 21 jaar; de stichting kan een lagere leeftijd vanaf 18 (meerderjarigheid, BW art. 1:233) instellen. Dezelfde leeftijd geldt voor het besluit tot verwijdering.',
        uncertain: true,
        configurable: true,
      },
      INSPECTIE_SCHORSING('WVO 2020 art. 8.14'),
      ...verwijderingBase(VO),
      {
        key: 'verwijdering.horen',
        topic: 'verwijdering',
        text: 'Voor het besluit hoort het bevoegd gezag de betrokken leraren, de leerling en, als die jonger is dan 18, de ouders.',
        value: ['leraren', 'leerling', 'ouders_onder_18'],
        source: 'WVO 2020 art. 8.15; Inrichtingsbesluit WVO',
        note: 'Het horen van de leraar of leraren stond in de WVO (oud art. 27) en in het Inrichtingsbesluit WVO; het lid in de WVO 2020 is niet gecontroleerd. Het horen van de leerling en (onder 18) de ouders volgt uit Awb art. 4:8.',
        uncertain: true,
      },
      {
        key: 'verwijdering.definitief',
        topic: 'verwijdering',
        text: 'Definitieve verwijdering pas als een andere school bereid is de leerling toe te laten.',
        value: { toelating: 'andere_school', zoektermijnWeken: null },
        source: 'WVO 2020 art. 8.15',
      },
      {
        key: 'verwijdering.inspectie',
        topic: 'verwijdering',
        text: 'Bij een leerplichtige leerling overlegt het bevoegd gezag vóór het besluit tot verwijdering met de Inspectie, en meldt het de verwijdering daarna aan de Inspectie.',
        value: { overlegVooraf: true, meldingBijBesluit: false, leerplichtBijBesluit: false, meldingAchteraf: true },
        source: 'WVO 2020 art. 8.15; Inrichtingsbesluit WVO',
        note: 'Geldt voor een leerling onder de Leerplichtwet 1969; of dat ook de kwalificatieplicht omvat, is niet gecontroleerd. Baken vraagt het overleg bij elke leerling jonger dan 18 (leer- of kwalificatieplichtig).',
      },
      BEZWAAR_TERM,
      TERMIJNENWET,
      BESLISTERMIJN_WEKEN('WVO 2020', 'Het artikel is niet gecontroleerd.'),
      {
        key: 'bezwaar.beslistermijnStart',
        topic: 'bezwaar',
        text: 'De vier weken tellen vanaf de ontvangst van het bezwaarschrift.',
        value: 'na_ontvangst',
        source: 'WVO 2020',
      },
      {
        key: 'bezwaar.opschorting',
        topic: 'bezwaar',
        text: 'Zolang de Geschillencommissie passend onderwijs over het geschil adviseert, is de beslistermijn opgeschort.',
        value: 'geschillencommissie',
        source: 'WVO 2020 (naar WPO art. 43)',
        note: 'Alleen WPO art. 43 is nagegaan; het artikel in de WVO 2020 is niet gecontroleerd.',
        uncertain: true,
      },
    ],
  },
  {
    id: 'wet-mbo-2026',
    sector: 'mbo',
    title: 'Middelbaar beroepsonderwijs — Wet educatie en beroepsonderwijs (WEB)',
    validFrom: '2023-08-01',
    note: 'De regels voor schorsing en verwijdering in het mbo kwamen in de WEB met de wet over de rechtsbescherming van mbo-studenten (Kamerstuk 35 625); de ingangsdatum in deze regelset is niet gecontroleerd.',
    rules: [
      ...ADEMPAUZE_AND_TIME_OUT,
      ...schorsingBase(MBO),
      {
        key: 'schorsing.maxSchooldagen',
        topic: 'schorsing',
        text: 'Een schorsing duurt ten hoogste één week: 5 schooldagen.',
        value: 5,
        source: 'Wet verbetering rechtsbescherming mbo-studenten (Kamerstuk 35 625; Eerste Kamer 22 februari 2022; in werking 1 augustus 2023)',
        note: 'Het kabinet bij het wetsvoorstel: "Studenten mogen straks voor een maximumperiode van één week worden geschorst" (Rijksoverheid, 29 mei 2020). Het artikel dat de wet in de WEB invoegde (volgens Baken art. 8.1.7c) is niet getoetst aan de geldende wettekst; daarom onzeker tot die tekst is bevestigd.',
        uncertain: true,
      },
      {
        key: 'schorsing.besluitAan',
        topic: 'schorsing',
        text: 'Het besluit gaat schriftelijk naar de student en, als die jonger is dan 18, ook naar de ouders.',
        value: ['leerling', 'ouders_onder_18'],
        source: 'WEB art. 8.1.7c',
      },
      {
        key: 'schorsing.inspectie',
        topic: 'schorsing',
        text: 'Geen melding aan de Inspectie.',
        value: null,
        source: 'WEB art. 8.1.7c',
      },
      ...verwijderingBase(MBO),
      {
        key: 'verwijdering.horen',
        topic: 'verwijdering',
        text: 'Voor het besluit hoort het bevoegd gezag de student en, als die jonger is dan 18, de ouders.',
        value: ['leerling', 'ouders_onder_18'],
        source: 'WEB art. 8.1.7d',
        note: 'Niet getoetst aan de tekst van de WEB.',
        uncertain: true,
      },
      {
        key: 'verwijdering.definitief',
        topic: 'verwijdering',
        text: 'Definitieve verwijdering pas als een andere instelling de student toelaat, of als acht weken aantoonbaar zonder resultaat is gezocht. Elke zoekpoging wordt met datum vastgelegd.',
        value: { toelating: 'andere_instelling', zoektermijnWeken: 8 },
        source: 'WEB art. 8.1.7d',
        note: 'Of de zoekplicht voor alle studenten geldt of alleen voor minderjarige of kwalificatieplichtige studenten, is niet gecontroleerd.',
        uncertain: true,
      },
      {
        key: 'verwijdering.inspectie',
        topic: 'verwijdering',
        text: 'Geen overleg met of melding aan de Inspectie voorgeschreven.',
        value: { overlegVooraf: false, meldingBijBesluit: false, leerplichtBijBesluit: false, meldingAchteraf: false },
        source: 'WEB art. 8.1.7d',
      },
      BEZWAAR_TERM,
      TERMIJNENWET,
      BESLISTERMIJN_WEKEN('WEB', 'Het artikel is niet nagegaan; het mbo kent een eigen geschillenadviescommissie. Niet gecontroleerd.'),
      {
        key: 'bezwaar.beslistermijnStart',
        topic: 'bezwaar',
        text: 'De vier weken tellen vanaf de ontvangst van het bezwaarschrift.',
        value: 'na_ontvangst',
        source: 'WEB',
      },
      {
        key: 'bezwaar.opschorting',
        topic: 'bezwaar',
        text: 'De Geschillencommissie passend onderwijs behandelt geen mbo-zaken; de instelling heeft een eigen geschillenadviescommissie. Of haar advies de beslistermijn opschort, stelt de stichting in.',
        value: CONFIGURABLE,
        source: 'WEB',
        note: 'Niet gecontroleerd; geef bij bezwaarDeadlines de dagen van opschorting op als die gelden.',
        uncertain: true,
        configurable: true,
      },
    ],
  },
]

/** Rules in the order of RULE_KEYS (the ladder, then bezwaar), the same in every set. */
const RULE_SETS: readonly RuleSet[] = RULE_SETS_AS_WRITTEN.map((set) => ({
  ...set,
  rules: [...set.rules].sort((a, b) => RULE_KEYS.indexOf(a.key) - RULE_KEYS.indexOf(b.key)),
}))

// ---- Lookups ----------------------------------------------------------------------------------

const isoDate = calendarDate()

function assertDate(day: string, name: string): void {
  if (!isoDate.safeParse(day).success) throw new RangeError(`${name} moet een datum zijn als JJJJ-MM-DD: ${day}`)
}

/** Every rule set, all versions (for documentation and tests). */
export function allRuleSets(): readonly RuleSet[] {
  return RULE_SETS
}

/** The rule set in force for the sector on a date (default: today). Throws before the first version. */
export function ruleSetFor(sector: Sector, onDate: string = localDate(new Date())): RuleSet {
  assertDate(onDate, 'onDate')
  const found = RULE_SETS.filter((s) => s.sector === sector && s.validFrom <= onDate && (!s.validUntil || onDate < s.validUntil)).sort(
    (a, b) => b.validFrom.localeCompare(a.validFrom),
  )[0]
  if (!found) throw new RangeError(`Geen regelset voor ${sector} op ${onDate}`)
  return found
}

/** One rule of a set; every set has every key. */
export function ruleOf(ruleSet: RuleSet, key: RuleKey): Rule {
  const rule = ruleSet.rules.find((r) => r.key === key)
  if (!rule) throw new Error(`Regelset ${ruleSet.id} mist ${key}`)
  return rule
}

// ---- Schorsing --------------------------------------------------------------------------------

/** Maximum length of a schorsing in school days: one week, 5 school days, in every sector. */
export function maxSchorsingSchoolDays(sector: Sector, onDate?: string): number {
  const value = ruleOf(ruleSetFor(sector, onDate), 'schorsing.maxSchooldagen').value
  if (typeof value !== 'number') throw new Error('schorsing.maxSchooldagen is geen getal')
  return value
}

/** Whether the Inspectie must be notified: a schorsing of more than one school day, not in mbo. */
export function inspectieNoticeRequired(sector: Sector, schoolDays: number, onDate?: string): boolean {
  if (!Number.isFinite(schoolDays) || schoolDays <= 0) throw new RangeError(`Ongeldig aantal schooldagen: ${schoolDays}`)
  const threshold = ruleOf(ruleSetFor(sector, onDate), 'schorsing.inspectie').value
  return typeof threshold === 'number' && schoolDays > threshold
}

/** The step of a verwijdering after which the rule set asks for notices. */
export type RemovalNoticeStep = 'decided' | 'definitive'

/** A notice the rule set asks after a step of a verwijdering: the task's kind, the addressee and the rule. */
export interface RemovalNotice {
  kind: 'inspectie_verwijdering' | 'leerplicht_verwijdering'
  to: 'inspectie' | 'leerplicht'
  rule: Rule
}

/**
 * The notices `verwijdering.inspectie` asks after a step of a verwijdering. po/so: the Inspectie and
 * the leerplichtambtenaar are told of the decision to remove; vo: the Inspectie is told after the
 * removal became definitive, for a leerplichtige pupil (read as under 18, as for the consultation
 * before the decision, see the rule's note); mbo: none.
 */
export function removalNotices(ruleSet: RuleSet, step: RemovalNoticeStep, minor: boolean): RemovalNotice[] {
  const rule = ruleOf(ruleSet, 'verwijdering.inspectie')
  const v = rule.value as { meldingBijBesluit?: boolean; leerplichtBijBesluit?: boolean; meldingAchteraf?: boolean }
  const out: RemovalNotice[] = []
  if (step === 'decided' && v.meldingBijBesluit) out.push({ kind: 'inspectie_verwijdering', to: 'inspectie', rule })
  if (step === 'decided' && v.leerplichtBijBesluit) out.push({ kind: 'leerplicht_verwijdering', to: 'leerplicht', rule })
  if (step === 'definitive' && v.meldingAchteraf && minor) out.push({ kind: 'inspectie_verwijdering', to: 'inspectie', rule })
  return out
}

export type SchorsingCheck = { ok: true } | { ok: false; rule: Rule; message: string }

/** A schorsing longer than the sector's maximum is refused with the rule and its source. */
export function checkSchorsingLength(sector: Sector, schoolDays: number, onDate?: string): SchorsingCheck {
  const rule = ruleOf(ruleSetFor(sector, onDate), 'schorsing.maxSchooldagen')
  const max = rule.value as number
  if (!Number.isInteger(schoolDays) || schoolDays < 1) {
    return { ok: false, rule, message: 'Een schorsing duurt minstens één hele schooldag.' }
  }
  if (schoolDays > max) {
    return { ok: false, rule, message: `Een schorsing duurt ten hoogste ${max} schooldagen (${rule.source}).` }
  }
  return { ok: true }
}

// ---- Who receives the decision ----------------------------------------------------------------

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

// ---- Hearings before a verwijdering -----------------------------------------------------------

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

// ---- Bezwaar ----------------------------------------------------------------------------------

export interface BezwaarInput {
  sector: Sector
  /** The decision objected to; its rule governs the decision term (default: verwijdering). */
  measureKind?: MeasureKind
  /** The day the written decision was sent (bekendgemaakt, Awb art. 3:41). */
  decisionSentOn: string
  /** The day the objection was received (vo, mbo verwijdering: the decision term runs from here). */
  objectionReceivedOn?: string | null
  /** Calendar days the decision term was suspended while the disputes committee advised. */
  committeeDays?: number
  /** An advisory committee (Awb art. 7:13) handles the objection to a schorsing: 12 weeks, not 6. */
  advisoryCommittee?: boolean
  /** The decision on the objection to a schorsing was postponed (verdaagd, Awb art. 7:10 lid 3). */
  postponed?: boolean
  /**
   * Feestdagen on which no term ends besides weekends; default the Algemene termijnenwet's
   * (art. 3: Goede Vrijdag and 5 May included), never the school calendar's.
   */
  isHoliday?: (day: string) => boolean
}

export interface BezwaarDeadlines {
  /** Last day to object (6 weeks from the day after sending; Atw applied). */
  objectionDeadline: string
  /** First day of the board's decision term; null in vo/mbo (verwijdering) until the objection is received. */
  decisionTermStartsOn: string | null
  /** Last day for the board's decision, after suspension and the Atw; null when not yet known. */
  decisionDeadline: string | null
  committeeDays: number
  /** The rule that sets the decision term (schorsing.bezwaarBeslistermijn or bezwaar.beslistermijnWeken). */
  decisionTerm: Rule
  /** Weeks of the decision term applied (a postponement included). */
  decisionWeeks: number
  /** The rules applied, with their sources. */
  rules: Rule[]
}

/** The Awb term of a bezwaar against a schorsing, as the rule sets hold it (Awb art. 7:10). */
export interface AwbDecisionTerm {
  weken: number
  wekenMetAdviescommissie: number
  verdagingWeken: number
  start: 'na_bezwaartermijn'
}

/** Algemene termijnenwet art. 1: a term ending on a weekend day or feestdag runs on to the next working day. */
function extendPastRestDays(day: string, isHoliday: ((day: string) => boolean) | undefined): string {
  if (!isHoliday) return termijnenwetEnd(day)
  let d = termijnenwetEnd(day)
  for (let i = 0; isHoliday(d); i++) {
    if (i > 14) throw new Error('Geen werkdag gevonden binnen twee weken')
    d = termijnenwetEnd(plusDays(d, 1))
  }
  return d
}

/**
 * The objection deadline and the board's decision deadline, as calendar dates (weeks are calendar
 * weeks, not school days). 6 weeks to object from the day after the decision was sent (Awb 6:7, 6:8).
 * The decision term follows the rule of the decision objected to: against a schorsing the Awb's (the
 * education laws set none): 6 weeks, or 12 with an advisory committee, from the day after the
 * objection term ends, once extendable by 6 weeks (Awb 7:10 lid 1 and 3); against a verwijdering
 * 4 weeks, po (and so) from the day after the objection term ends, vo and mbo from receipt, with the
 * days before the disputes committee added (suspension). Every end per the Algemene termijnenwet.
 */
export function bezwaarDeadlines(input: BezwaarInput): BezwaarDeadlines {
  const { sector, decisionSentOn } = input
  const measureKind = input.measureKind ?? 'verwijdering'
  assertDate(decisionSentOn, 'decisionSentOn')
  if (measureKind !== 'schorsing' && measureKind !== 'verwijdering') throw new RangeError(`Geen bezwaar tegen een ${MEASURE_LABELS[measureKind]}`)
  const received = input.objectionReceivedOn ?? null
  if (received !== null) {
    assertDate(received, 'objectionReceivedOn')
    if (received < decisionSentOn) throw new RangeError('Het bezwaar kan niet vóór de verzending van het besluit zijn ontvangen')
  }
  const committeeDays = input.committeeDays ?? 0
  if (!Number.isInteger(committeeDays) || committeeDays < 0) throw new RangeError(`Ongeldig aantal dagen opschorting: ${committeeDays}`)
  const set = ruleSetFor(sector, decisionSentOn)
  const termWeeks = ruleOf(set, 'bezwaar.termijnWeken')
  const atw = ruleOf(set, 'bezwaar.termijnenwet')
  const end = (day: string) => extendPastRestDays(day, input.isHoliday)

  // Day 1 is the day after sending, so the term's last day is sending day + 6 × 7.
  const objectionDeadline = end(plusDays(decisionSentOn, (termWeeks.value as number) * 7))

  if (measureKind === 'schorsing') {
    const decisionTerm = ruleOf(set, 'schorsing.bezwaarBeslistermijn')
    const term = decisionTerm.value as unknown as AwbDecisionTerm
    const decisionWeeks = (input.advisoryCommittee ? term.wekenMetAdviescommissie : term.weken) + (input.postponed ? term.verdagingWeken : 0)
    const decisionDeadline = end(plusDays(objectionDeadline, decisionWeeks * 7 + committeeDays))
    const rules = [termWeeks, atw, decisionTerm]
    if (committeeDays > 0) rules.push(ruleOf(set, 'bezwaar.opschorting'))
    return { objectionDeadline, decisionTermStartsOn: plusDays(objectionDeadline, 1), decisionDeadline, committeeDays, decisionTerm, decisionWeeks, rules }
  }

  const decisionTerm = ruleOf(set, 'bezwaar.beslistermijnWeken')
  const start = ruleOf(set, 'bezwaar.beslistermijnStart')
  const decisionWeeks = decisionTerm.value as number
  // The day before the 4 weeks start counting: the end of the objection term, or the day of receipt.
  const countFrom = start.value === 'na_bezwaartermijn' ? objectionDeadline : received
  const decisionTermStartsOn = countFrom === null ? null : plusDays(countFrom, 1)
  const decisionDeadline = countFrom === null ? null : end(plusDays(countFrom, decisionWeeks * 7 + committeeDays))
  const rules = [termWeeks, atw, decisionTerm, start]
  if (committeeDays > 0) rules.push(ruleOf(set, 'bezwaar.opschorting'))
  return { objectionDeadline, decisionTermStartsOn, decisionDeadline, committeeDays, decisionTerm, decisionWeeks, rules }
}

// ---- The ladder -------------------------------------------------------------------------------

/** The rung of a measure: 1 (adempauze) to 4 (verwijdering). */
export function ladderStep(kind: MeasureKind): number {
  const index = MEASURE_KINDS.indexOf(kind)
  if (index < 0) throw new RangeError(`Onbekende maatregel: ${String(kind)}`)
  return index + 1
}

/**
 * The rungs a new measure skips: those between the highest measure already on record and the new
 * one. Adempauze then schorsing skips the time-out; a first verwijdering skips all three below it.
 * Repeating a rung or stepping down skips nothing.
 */
export function skippedRungs(previousKinds: readonly MeasureKind[], kind: MeasureKind): MeasureKind[] {
  const highest = Math.max(0, ...previousKinds.map(ladderStep))
  const step = ladderStep(kind)
  return MEASURE_KINDS.filter((k) => ladderStep(k) > highest && ladderStep(k) < step)
}

/** Skipping a rung needs a written justification (the ladder is the school safety protocol's stappenplan, §3). */
export function skipsRung(previousKinds: readonly MeasureKind[], kind: MeasureKind): boolean {
  return skippedRungs(previousKinds, kind).length > 0
}
