// A school's own protocol for measures, as data, and its comparison with the sector's rule set.
// Until the measures tables exist, protocols on file are typed data here (keyed by BRIN). The demo's
// OBS De Branding (12AB) has the school safety protocol "Incidenten, schorsing en verwijdering" (Dec 2023).
import type { Sector } from '@baken/db'
import { CONFIGURABLE, type RuleKey, type RuleSet, type RuleTopic, type RuleValue } from './rule-model.ts'

export interface ProtocolSetting {
  key: RuleKey
  value: RuleValue
  /** What the protocol says, in its own (shortened) words. */
  text: string
  /** The paragraph of the protocol. */
  source: string
  note?: string
}

export interface SchoolProtocol {
  id: string
  title: string
  sector: Sector
  /** When the school adopted this version, as the document states it. */
  version: string
  settings: readonly ProtocolSetting[]
}

const P = 'Protocol Incidenten, schorsing en verwijdering (dec. 2023)'

/** A primary school's protocol "Incidenten, schorsing en verwijdering" (Dec 2023, §3.2–3.5), setting by setting. */
export const SEED_PROTOCOL_PO_2023: SchoolProtocol = {
  id: 'protocol-incidenten-schorsing-verwijdering-2023-12',
  title: 'Protocol Incidenten, schorsing en verwijdering',
  sector: 'po',
  version: 'december 2023',
  settings: [
    {
      key: 'adempauze.ouders',
      value: true,
      text: 'De ouders worden op de hoogte gebracht van een adempauze; zo nodig volgt een incidentrapportage.',
      source: `${P}, §3.2`,
    },
    {
      key: 'time_out.grondslag',
      value: 'protocol',
      text: 'De time-out is geen officieel instrument maar een ordemaatregel; aantekening van het incident, niet van de time-out, in het dossier.',
      source: `${P}, §3.3 voetnoot 2`,
    },
    {
      key: 'time_out.maxDagen',
      value: 1,
      text: 'De leerling wordt voor de rest van de dag de toegang ontzegd; de time-out geldt voor één dag.',
      source: `${P}, §3.3`,
    },
    {
      key: 'time_out.besluit',
      value: 'directeur',
      text: 'De leerkracht vraagt de time-out aan bij de directie; alleen toe te passen na goedkeuring door de directie.',
      source: `${P}, §3.3`,
    },
    {
      key: 'time_out.ouders',
      value: 'direct',
      text: 'Ouders worden onmiddellijk op de hoogte gebracht, tenzij redelijke gronden zich verzetten; als veiligheid voorop staat, wacht de time-out niet op contact met de ouders.',
      source: `${P}, §3.3 en voetnoot 1`,
    },
    {
      key: 'time_out.meldingBevoegdGezag',
      value: true,
      text: 'De time-out wordt na toepassing schriftelijk gemeld aan het bevoegd gezag.',
      source: `${P}, §3.3`,
    },
    {
      key: 'schorsing.besluit',
      value: 'directie',
      text: 'Schorsing is een besluit van de directie, na overleg met teamleden; het bevoegd gezag wordt vooraf ingelicht en om goedkeuring gevraagd.',
      source: `${P}, §3.4`,
      note: 'Past alleen binnen de wet als het bevoegd gezag de directeur mandaat geeft (zie "mandaat"); het besluit blijft een besluit van het bevoegd gezag.',
    },
    {
      key: 'schorsing.mandaat',
      value: 'directie_na_goedkeuring_bevoegd_gezag',
      text: 'De directie schorst na goedkeuring vooraf door het bevoegd gezag.',
      source: `${P}, §3.4`,
    },
    {
      key: 'schorsing.maxSchooldagen',
      value: 5,
      text: 'De schorsing duurt maximaal een week.',
      source: `${P}, §3.4`,
    },
    {
      key: 'schorsing.verlengen',
      value: false,
      text: 'De periode kan niet verlengd worden; de schorsing mag geen verkapte verwijdering worden.',
      source: `${P}, §3.4 en voetnoot 4`,
    },
    {
      key: 'schorsing.besluitAan',
      value: ['ouders'],
      text: 'Het bevoegd gezag stelt de ouders schriftelijk in kennis van de schorsing en vermeldt de reden.',
      source: `${P}, §3.4`,
    },
    {
      key: 'schorsing.inspectie',
      value: 1,
      text: 'Het bevoegd gezag stelt de Inspectie schriftelijk en met reden in kennis van een schorsing van langer dan een dag.',
      source: `${P}, §3.4`,
    },
    {
      key: 'schorsing.bezwaarclausule',
      value: 'altijd',
      text: 'Het schorsingsbesluit vermeldt de bezwaarprocedure.',
      source: `${P}, §3.4`,
    },
    {
      key: 'schorsing.bezwaarBeslistermijn',
      value: 14,
      text: 'Ouders kunnen beroep aantekenen bij het bevoegd gezag; dat beslist uiterlijk binnen 14 dagen.',
      source: `${P}, §3.4`,
      note: 'Dezelfde paragraaf noemt verderop een beslistermijn van vier weken na afloop van de bezwaartermijn: het protocol spreekt zichzelf tegen.',
    },
    {
      key: 'verwijdering.besluit',
      value: 'bevoegd_gezag',
      text: 'Verwijdering van een leerling is een beslissing van het bevoegd gezag.',
      source: `${P}, §3.5`,
      note: 'Het eerste punt van §3.5 noemt verwijdering "een besluit van de directie"; het protocol noemt als grondslag art. 40c WPO, maar verwijdering staat in art. 40.',
    },
    {
      key: 'verwijdering.horen',
      value: ['groepsleraar', 'directie'],
      text: 'Voor de beslissing hoort het bevoegd gezag de groepsleiding en de directie; de ouders worden pas gehoord "indien besloten wordt tot verwijdering".',
      source: `${P}, §3.5`,
      note: 'De wet vraagt de ouders vóór het besluit te horen.',
    },
    {
      key: 'verwijdering.definitief',
      value: { toelating: 'andere_school', zoektermijnWeken: 8 },
      text: 'Als aantoonbaar gedurende acht weken zonder succes is gezocht naar een andere school of instelling, kan tot definitieve verwijdering worden overgegaan.',
      source: `${P}, §3.5`,
      note: 'Dit is de oude regel van vóór de Wet passend onderwijs (1 augustus 2014).',
    },
    {
      key: 'verwijdering.inspectie',
      // The protocol sends the report of the decision to both, as WPO art. 40 asks (verwijdering.inspectie).
      value: { overlegVooraf: false, meldingBijBesluit: true, leerplichtBijBesluit: true, meldingAchteraf: false },
      text: 'Het verslag gaat ter kennisgeving naar de ambtenaar leerplichtzaken en de Inspectie.',
      source: `${P}, §3.5`,
    },
    {
      key: 'verwijdering.schorsingHangende',
      value: true,
      text: 'Zolang geen andere school of instelling is gevonden, blijft de leerling ingeschreven en kan het kind één of meer keren worden geschorst.',
      source: `${P}, §3.5`,
    },
    {
      key: 'bezwaar.termijnWeken',
      value: 6,
      text: 'Ouders moeten bezwaar maken binnen zes weken nadat het besluit schriftelijk bekend is gemaakt.',
      source: `${P}, §3.4 en §3.5`,
      note: 'Elders in §3.4 staat "binnen zes weken na datum van het besluit"; de termijn begint op de dag na de toezending.',
    },
    {
      key: 'bezwaar.beslistermijnWeken',
      value: 4,
      text: 'Het bevoegd gezag neemt een beslissing binnen vier weken.',
      source: `${P}, §3.4 en §3.5`,
    },
    {
      key: 'bezwaar.beslistermijnStart',
      value: 'na_ontvangst',
      text: 'Het bevoegd gezag neemt een uiteindelijke beslissing binnen vier weken na ontvangst van het bezwaarschrift (over verwijdering).',
      source: `${P}, §3.5`,
      note: 'In §3.4 (schorsing) rekent het protocol wél vanaf de dag na afloop van de bezwaartermijn, zoals de WPO.',
    },
  ],
}

/** Protocols on file per school (BRIN), until they live in the database. */
const PROTOCOLS_ON_FILE: Readonly<Record<string, SchoolProtocol>> = {
  '12AB': SEED_PROTOCOL_PO_2023,
}

/** The protocol on file for a school, or null when the school has none. */
export function protocolOnFile(brin: string): SchoolProtocol | null {
  return Object.hasOwn(PROTOCOLS_ON_FILE, brin) ? PROTOCOLS_ON_FILE[brin]! : null
}

export type ComparisonStatus = 'gelijk' | 'wijkt_af' | 'keuze' | 'niet_geregeld'

export interface ProtocolComparisonRow {
  key: RuleKey
  topic: RuleTopic
  /** The law's rule, in Dutch. */
  law: string
  /** What the protocol says; null when it does not address the rule. */
  protocol: string | null
  status: ComparisonStatus
  /** True only when the protocol's setting is not the law's. */
  differs: boolean
  /** The law's source. */
  source: string
  protocolSource: string | null
  /** The rule's and the setting's notes together. */
  note: string | null
  uncertain: boolean
  configurable: boolean
}

function sameValue(a: RuleValue, b: RuleValue): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false
    return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
  }
  const ra = a as Readonly<Record<string, unknown>>
  const rb = b as Readonly<Record<string, unknown>>
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)])
  return [...keys].every((k) => ra[k] === rb[k])
}

/**
 * The protocol beside the law, one row per rule of the set (in the set's order). A setting on a rule
 * the stichting configures itself is a choice, not a difference; a rule the protocol does not mention
 * is "niet geregeld".
 */
export function compareProtocol(protocol: SchoolProtocol, ruleSet: RuleSet): ProtocolComparisonRow[] {
  if (protocol.sector !== ruleSet.sector) {
    throw new Error(`Protocol voor ${protocol.sector} vergeleken met regelset voor ${ruleSet.sector}`)
  }
  const settings = new Map(protocol.settings.map((s) => [s.key, s]))
  return ruleSet.rules.map((rule) => {
    const setting = settings.get(rule.key)
    const status: ComparisonStatus = !setting
      ? 'niet_geregeld'
      : sameValue(rule.value, setting.value)
        ? 'gelijk'
        : rule.value === CONFIGURABLE
          ? 'keuze'
          : 'wijkt_af'
    const notes = [rule.note, setting?.note].filter((n): n is string => !!n)
    return {
      key: rule.key,
      topic: rule.topic,
      law: rule.text,
      protocol: setting?.text ?? null,
      status,
      differs: status === 'wijkt_af',
      source: rule.source,
      protocolSource: setting?.source ?? null,
      note: notes.length ? notes.join(' ') : null,
      uncertain: !!rule.uncertain,
      configurable: !!rule.configurable,
    }
  })
}
