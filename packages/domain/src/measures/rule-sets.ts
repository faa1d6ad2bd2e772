// The rule sets as data, one per sector and version, each rule with its wording and its source.
// Pure data; the lookups are in rule-lookups.ts.
import { CONFIGURABLE, RULE_KEYS, type Rule, type RuleSet } from './rule-model.ts'

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
export const RULE_SETS: readonly RuleSet[] = RULE_SETS_AS_WRITTEN.map((set) => ({
  ...set,
  rules: [...set.rules].sort((a, b) => RULE_KEYS.indexOf(a.key) - RULE_KEYS.indexOf(b.key)),
}))
