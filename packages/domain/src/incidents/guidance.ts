// Per-behaviour guidance (the school safety protocol, §6.4.1–§6.4.6) and victim-care follow-up
// templates (its §4)
// as plain data, so the UI can show them next to the incident form and on an incident.
//
// The Dutch texts follow "Protocol Incidenten, schorsing en verwijdering" (ODB de Branink, december
// 2023). PDF-extraction artefacts (broken lists, doubled words, obvious typos) are tidied; nothing is
// added to the protocol's content except where a comment or a `note` says so (Halt referral, renamed
// help organisations).

export type BehaviourKey =
  | 'fysieke_agressie'
  | 'verbale_agressie'
  | 'vernieling'
  | 'diefstal'
  | 'seksuele_intimidatie'
  | 'ongewenst_bezoek'

export interface HelpOption {
  key: 'huisarts' | 'veilig_thuis' | 'slachtofferhulp' | 'jeugdzorg' | 'ggd' | 'politie' | string
  label: string
  when?: string
}

export interface BehaviourGuidance {
  key: BehaviourKey
  /** Dutch title as in the protocol. */
  title: string
  /** Document and paragraph the texts come from. */
  source: string
  /** IRIS voorval codes (reference/iris-codes.csv, list `voorval`) this behaviour covers. */
  irisVoorval: number[]
  /** "Algemene definitie". */
  generalDefinition: string
  /** "Juridische definitie", with the Wetboek van Strafrecht articles the protocol cites. */
  legalDefinition: string
  /** The protocol's rule on when the police must be informed. */
  whenToInformPolice: string
  /**
   * Whether a police Halt referral (art. 77e Sr) is possible. Follows the law (art. 77e Sr and the offences
   * designated for Halt), which wins over the protocol text where they differ; `note` says so.
   */
  policeHaltReferral: { possible: boolean; note: string }
  /** "Maatregelen school", prefixed with Primair/Secundair where the protocol distinguishes them. */
  schoolMeasures: string[]
  /** "Maatregelen politie". */
  policeMeasures: string[]
  /** "Hulpmogelijkheden". */
  helpOptions: HelpOption[]
}

const PROTOCOL = 'Protocol Incidenten, schorsing en verwijdering (dec. 2023)'

// Help organisations as named in the protocol. The AMK and the Steunpunten Huiselijk Geweld merged
// into Veilig Thuis in 2015, and Bureau Slachtofferhulp is now Slachtofferhulp Nederland; the label
// gives the current name with the protocol's name in brackets. Bureau Jeugdzorg keeps its protocol name.
const HUISARTS: HelpOption = { key: 'huisarts', label: 'Huisarts' }
const VEILIG_THUIS: HelpOption = {
  key: 'veilig_thuis',
  label: 'Veilig Thuis (voorheen Advies- en Meldpunt Kindermishandeling, AMK)',
}
const SLACHTOFFERHULP: HelpOption = { key: 'slachtofferhulp', label: 'Slachtofferhulp Nederland (Bureau Slachtofferhulp)' }
const MELDPUNT_DISCRIMINATIE: HelpOption = { key: 'meldpunt_discriminatie', label: 'Meldpunt discriminatie' }
const JEUGDZORG: HelpOption = { key: 'jeugdzorg', label: 'Bureau Jeugdzorg' }
const GGD: HelpOption = { key: 'ggd', label: 'GGD' }
const POLITIE: HelpOption = { key: 'politie', label: 'Politie' }

// Shared wording for the Halt notes. Only the police (with the officier van justitie) can refer a
// minor suspect to Halt, under art. 77e Sr and the Besluit aanwijzing Halt-feiten.
const HALT_ONLY_POLICE =
  'Alleen de politie (in overleg met het Openbaar Ministerie) kan een minderjarige verdachte naar Halt verwijzen (art. 77e Sr); een school kan dat niet.'

const SCHOOL_STANCE =
  'Een duidelijke stellingname van de school is essentieel: het slachtoffer moet zich gesteund en gesterkt voelen door de schoolleiding, die een duidelijk en krachtig signaal afgeeft in de richting van de dader (repressief) en de omgeving (preventief). Ondersteuning bij het doen van aangifte is noodzakelijk, evenals het bewegen van getuigen tot het afleggen van een verklaring.'

const INFORM_PARENTS = 'Ouders van minderjarige dader(s) en slachtoffer(s) informeren.'
const INFORM_POLICE_FACTS =
  'De politie in kennis stellen wanneer sprake is van feiten die in de toelichting zijn omschreven en die overeenkomen met de juridische definitie.'
const PASS_ON_INFO =
  'Alle relevante informatie in verband met feiten en personen doorgeven aan de politie (eventueel door inzage in de incidentregistratie).'

/*
 * IRIS voorval codes per behaviour (each code belongs to at most one behaviour):
 *
 * - fysieke_agressie: 3 fysiek geweld (mishandeling, art. 300–303 Sr); 7 groepsknokpartij (vechterij,
 *   art. 306 Sr, and openlijke geweldpleging, art. 141 Sr, both in §6.4.1).
 * - verbale_agressie: 1 verbaal geweld; 2 bedreiging (art. 285 Sr is in §6.4.2); 4 grove pesterijen and
 *   33 pesterijen — pesten is described in both §6.4.1 and §6.4.2, but the anti-pesten approach
 *   (steungroepaanpak, KiVa) is in the school measures of §6.4.2, so pesten goes there.
 * - vernieling: 13 vernieling (art. 350 Sr); 19 brandstichting — §1.2 groups "vuurtje steken" with
 *   vernieling as "opzettelijke schade veroorzaken" (§6.4.3 itself cites no arson article).
 * - diefstal: 15 diefstal (art. 310–312 Sr); 16 heling (art. 416/417bis Sr); 5 afpersing (art. 317 Sr)
 *   and 18 inbraak (gekwalificeerde diefstal door braak, art. 311 Sr) — all cited in §6.4.4, and its
 *   toelichting says the police must be informed for the 311/312/317/318 qualifications.
 * - seksuele_intimidatie: 8 seksuele intimidatie; 9 seksueel misbruik (the zedenmisdrijf with its
 *   meld- en aangifteplicht, §6.4.5); 10 loverboy(girl) — sexual exploitation, the closest protocol.
 * - ongewenst_bezoek: 14 onbevoegd aanwezig (art. 461 and 139 Sr, §6.4.6); 12 hangen/samenscholen —
 *   people in or around the school who have no business there ("leerlingen van andere scholen die
 *   problemen veroorzaken").
 *
 * Deliberately unmapped (no §6.4 protocol covers them): 6 valse beschuldiging, 11 ordeverstoring,
 * 34 onwaarheid spreken, 17 fraude, 20 bommelding, 21–23 wapens, 24–26 drugs, 27/35/28 alcohol, tabak,
 * energiedrank, 29 vuurwerk, 36 kleding, 30 gezondheid, 31 ongeval (not an incident, §1.2), 32 anders.
 */

export const BEHAVIOUR_GUIDANCE: readonly BehaviourGuidance[] = Object.freeze([
  {
    key: 'fysieke_agressie',
    title: 'Fysieke agressie',
    source: `${PROTOCOL}, §6.4.1`,
    irisVoorval: [3, 7],
    generalDefinition:
      'Onder fysieke agressie wordt verstaan het uitoefenen van enig feitelijk geweld op het lichaam van een ander. We spreken van pesten wanneer er sprake is van langdurig uitoefenen van geestelijk of lichamelijk geweld door een of meerdere leerlingen tegen een medeleerling of personeelslid. Pesten kan verbaal of fysiek zijn, maar kan ook betekenen dat iemand wordt genegeerd of buitengesloten. Pesten is een fenomeen dat door de school duidelijk moet worden onderkend en herkend. De gevolgen voor het slachtoffer – nu en op latere leeftijd – kunnen desastreus zijn. Dit geldt voor zowel slachtoffer als pester.',
    legalDefinition: [
      'Eenvoudige mishandeling (art. 300 WvS): opzettelijk pijn of letsel veroorzaken (onder opzet valt ook het mogelijkheidsbewustzijn). Onder pijn wordt mede verstaan een min of meer hevig onaangename lichamelijke gewaarwording (bijv. een flinke klap). Aan mishandeling wordt opzettelijke benadeling van de gezondheid gelijkgesteld (bijv. opzettelijk bedorven etenswaren verstrekken).',
      'Zware mishandeling (art. 302 WvS), idem met voorbedachte rade (art. 303 WvS): het opzettelijk (mogelijkheidsbewustzijn), al dan niet met voorbedachte rade, toebrengen van zwaar lichamelijk letsel. De opzet is gericht op het toebrengen van zwaar letsel (bijv. botbreuken).',
      'Vechterij (art. 306 WvS): het opzettelijk deelnemen aan een aanval (initiatief gaat uit van één partij) of vechterij (initiatief gaat uit van beide of nog meer partijen) waarin onderscheiden personen zijn gewikkeld (minstens 3).',
      'Openlijke geweldpleging (art. 141 WvS): er wordt geweld gepleegd door meer mensen tezamen tegen personen of goederen. Er moeten minimaal twee daders zijn die gezamenlijk (verenigd) het geweld uitoefenen. Bovendien moet het geweld openlijk, onverholen en niet heimelijk zijn, dus plaatsvinden op een plaats waar publiek aanwezig is dan wel doorgaans aanwezig is.',
    ].join('\n\n'),
    whenToInformPolice:
      'Inschatten van de situatie, waarna een keuze wordt gemaakt over het wel of niet inschakelen van de politie. Bestaat het uitgeoefende geweld bij eenvoudige mishandeling uit niet meer dan geringe lichamelijke kracht van enige betekenis (bijv. een klap met de vlakke hand op de rug), dan kan de school kiezen zelf op deze gedraging te reageren; ook dan wordt de politie op de hoogte gesteld in de vorm van een melding. Is er sprake van meer dan geringe lichamelijke kracht van enige betekenis (bijv. het in elkaar trappen van het slachtoffer), letsel, structureel agressief gedrag door een dader of groepsoptreden, dan moet ook de politie worden gewaarschuwd. Voor een strafrechtelijke aanpak is meestal een aangifte nodig.',
    policeHaltReferral: {
      possible: false,
      note: `Halt-verwijzing is niet mogelijk: het protocol noemt dit gezien het ernstige karakter van deze delicten uitdrukkelijk, met uitzondering van vernieling of openlijk geweld tegen goederen (zie Vernieling). ${HALT_ONLY_POLICE}`,
    },
    schoolMeasures: [
      SCHOOL_STANCE,
      'Inschatten van de situatie, waarna een keuze wordt gemaakt over het wel of niet inschakelen van de politie (zie wanneer de politie moet worden ingelicht).',
      'Primair (de school handelt de situatie zelf af): toepassen maatregel(en).',
      'Primair (de school handelt de situatie zelf af): politie op de hoogte stellen (in de vorm van een melding).',
      `Secundair (er is sprake van een aangifte): ${INFORM_PARENTS}`,
      `Secundair (er is sprake van een aangifte): ${INFORM_POLICE_FACTS}`,
      `Secundair (er is sprake van een aangifte): ${PASS_ON_INFO}`,
      'Secundair (er is sprake van een aangifte): het slachtoffer wordt ondersteund bij het doen van aangifte.',
    ],
    policeMeasures: [
      'De zaak wordt in onderzoek genomen in overleg met het Openbaar Ministerie.',
      'Tegen de verdachte kan proces-verbaal worden opgemaakt (gezien het ernstige karakter van deze delicten is Halt-verwijzing niet mogelijk, met uitzondering van vernieling of openlijk geweld tegen goederen).',
      'Ouders van dader en slachtoffer informeren.',
    ],
    helpOptions: [HUISARTS, VEILIG_THUIS, SLACHTOFFERHULP, JEUGDZORG, GGD, POLITIE],
  },
  {
    key: 'verbale_agressie',
    title: 'Verbale agressie',
    source: `${PROTOCOL}, §6.4.2`,
    irisVoorval: [1, 2, 4, 33],
    generalDefinition:
      'Onder verbale agressie wordt verstaan het verbaal, zowel schriftelijk als digitaal (telefoon en internet) bedreigen, discrimineren, intimideren, ernstig beledigen of uitschelden van een persoon. We spreken over pesten wanneer één of meerdere leerlingen langdurig verbaal of fysiek geweld uitoefenen tegen een medeleerling. Pesten kan verbaal, non-verbaal of fysiek zijn. De school treft maatregelen ter voorkoming en bestrijding van pesten. Het fenomeen pesten dient in een zo vroeg mogelijk stadium herkend te worden. De gevolgen voor het slachtoffer, maar ook voor de pester kunnen (ook op latere leeftijd) desastreus zijn.',
    legalDefinition: [
      'Bedreiging (art. 285 WvS) met: openlijk geweld met verenigde krachten tegen personen of goederen; enig misdrijf waardoor de algemene veiligheid van personen in gevaar wordt gebracht; verkrachting; feitelijke aanranding van de eerbaarheid; enig misdrijf tegen het leven gericht; gijzeling; mishandeling; brandstichting.',
      'Intimidatie (art. 284 WvS): een ander door geweld of enige andere feitelijkheid of door bedreiging met geweld of enige andere feitelijkheid, gericht hetzij tegen die ander hetzij tegen derden, wederrechtelijk dwingen iets te doen, niet te doen of te dulden; of een ander door bedreiging met smaad of smaadschrift dwingen iets te doen, niet te doen of te dulden.',
      'Smaad en laster (art. 261 WvS): opzettelijk iemands eer of goede naam aanranden door tenlastelegging van een bepaald feit met het kennelijke doel om daaraan ruchtbaarheid te geven, ook schriftelijk (smaadschrift) indien verspreid of openlijk tentoongesteld.',
      'Eenvoudige belediging (art. 266 WvS): elke opzettelijke belediging die niet het karakter van smaad of smaadschrift draagt, hetzij in het openbaar mondeling, bij geschrift of afbeelding aangedaan, hetzij in zijn tegenwoordigheid mondeling of door feitelijkheden, hetzij door een toegezonden of aangeboden geschrift of afbeelding aangedaan.',
      'Discriminatie (art. 137c t/m 137f WvS): het zich opzettelijk uitlaten over een groep mensen wegens hun ras, godsdienst of seksuele geaardheid, ook schriftelijk.',
    ].join('\n\n'),
    whenToInformPolice:
      'Wanneer verbaal geweld niet gepaard gaat met enige feitelijkheid (dus moeilijk aantoonbaar of aanwijsbaar is) en er geen sprake is van een structureel karakter, treft de school zelf maatregelen; de politiecontactpersoon kan voor advies worden benaderd. Let op: verbale agressie is heel moeilijk bewijsbaar; anderen die het gehoord hebben kunnen een getuigenverklaring afleggen. Gaat het verbaal geweld wel gepaard met enige feitelijkheid die de bedreiging of intimidatie kracht bijzet, dan moet ook de politie worden gewaarschuwd. Dit geldt ook als er sprake is van herhaling of een structureel karakter.',
    policeHaltReferral: {
      possible: false,
      note: `Halt-verwijzing is niet mogelijk. Het protocol is hier niet eenduidig: onder "Maatregelen politie" staat dat Halt-verwijzing gezien het ernstige karakter niet mogelijk is, maar onder "Maatregelen OM" wordt een afdoening via een verwijzing naar Halt genoemd. Baken volgt de eerste lezing en de wet. ${HALT_ONLY_POLICE}`,
    },
    schoolMeasures: [
      SCHOOL_STANCE,
      'Ten aanzien van pesten heeft de school een preventieve aanpak, voornamelijk gericht op leerlingen. De steungroepaanpak is een curatieve aanpak waarin met alle betrokkenen (slachtoffer, pester, medeleerlingen, ouders en personeel) wordt gesproken over hun bijdrage aan het voorkomen en bestrijden van pesterijen. De steungroepaanpak wordt uitgevoerd door een van de leden van het KiVa-team. Leveren deze gesprekken uiteindelijk niets op, dan komen maatregelen in beeld (zie het omgangsprotocol van de school).',
      'Voor een strafrechtelijke aanpak moeten leerling, ouders en/of school van mening zijn dat de situatie van dien aard is dat inschakeling van de politie (op basis van feitelijkheid) kan bijdragen aan het welbevinden van het slachtoffer en/of het doen stoppen van de pesterijen c.q. verbale agressie.',
      'Primair (de school handelt de situatie zelf af): toepassen maatregelen.',
      'Primair (de school handelt de situatie zelf af): gaat het om gedrag waarvan het vermoeden is dat het uit onmacht komt, dan wordt ook een ondersteuningsteam opgesteld, waarin het samenwerkingsverband en waar nodig andere disciplines zitting hebben. Dit wordt altijd met toestemming van ouders opgezet (zie het schoolondersteuningsprofiel).',
      'Primair (de school handelt de situatie zelf af): eventueel de politie op de hoogte stellen of om advies vragen.',
      `Secundair (een in de toelichting genoemde situatie): ${INFORM_PARENTS}`,
      `Secundair (een in de toelichting genoemde situatie): ${INFORM_POLICE_FACTS}`,
      `Secundair (een in de toelichting genoemde situatie): ${PASS_ON_INFO}`,
      'Secundair (een in de toelichting genoemde situatie): het slachtoffer wordt ondersteund bij het doen van aangifte.',
    ],
    policeMeasures: [
      'Tegen de verdachte kan proces-verbaal worden opgemaakt (gezien het ernstige karakter van deze delicten is Halt-verwijzing niet mogelijk).',
      'Ouders van minderjarige dader(s) en slachtoffer(s) informeren.',
    ],
    helpOptions: [HUISARTS, VEILIG_THUIS, SLACHTOFFERHULP, MELDPUNT_DISCRIMINATIE, JEUGDZORG, GGD, POLITIE],
  },
  {
    key: 'vernieling',
    title: 'Vernieling',
    source: `${PROTOCOL}, §6.4.3`,
    irisVoorval: [13, 19],
    generalDefinition: 'Vernieling, vandalisme.',
    legalDefinition: [
      'Vernieling (art. 350 WvS): het opzettelijk en wederrechtelijk vernielen, beschadigen, onbruikbaar maken of wegmaken van een goed dat geheel of ten dele aan een ander toebehoort. De dader moet dus de opzet (mogelijkheidsbewustzijn) hebben om genoemde vernieling te plegen en moet dat wederrechtelijk doen, dus zonder toestemming/instemming van de eigenaar. Ook graffiti valt onder deze definitie: het herstellen van de schade brengt zodanige inspanning en kosten met zich mee dat van beschadiging kan worden gesproken.',
      'Openlijke geweldpleging (art. 141 WvS): het openlijk en met verenigde krachten geweld plegen tegen personen en goederen. Er moeten minimaal twee daders zijn die gezamenlijk (verenigd) het geweld uitoefenen. Bovendien moet het geweld openlijk, onverholen en niet heimelijk zijn, dus plaatsvinden op een plaats waar publiek aanwezig is dan wel doorgaans aanwezig is.',
      'Baldadigheid (art. 424 WvS): hij die op of aan de openbare weg of op enige voor het publiek toegankelijke plaats tegen personen of goederen enige baldadigheid pleegt waardoor gevaar of nadeel kan worden teweeggebracht, wordt als schuldig aan straatschenderij gestraft met een geldboete van de eerste categorie.',
    ].join('\n\n'),
    whenToInformPolice:
      'Bij eenvoudige vernieling met niet meer dan geringe schade, waarbij schadevergoeding of schadeherstel kan worden bereikt, treedt de school op als bemiddelaar bij de schaderegeling (de partijen regelen de zaak onderling) en treft de school zelf maatregelen tegen het ongewenste gedrag. Gaat het om een vernieling van meer dan geringe omvang of schade, is er sprake van herhaling of een groepsdelict, of kan schadevergoeding/schadeherstel niet worden bereikt, dan wordt ook de politie in kennis gesteld. Richt de vernieling zich op een specifiek (bewust gekozen) slachtoffer, dan moet aandacht worden besteed aan de achtergronden om herhaling of verergering te voorkomen.',
    policeHaltReferral: {
      possible: true,
      note: `Halt-verwijzing is mogelijk als aan de criteria wordt voldaan (vernieling, baldadigheid en openlijk geweld tegen goederen zijn Halt-feiten, binnen de schadegrenzen van het Besluit aanwijzing Halt-feiten). ${HALT_ONLY_POLICE}`,
    },
    schoolMeasures: [
      'Inschatten van de situatie en daarmee de keuze bepalen om wel of niet de politie in te schakelen (zie wanneer de politie moet worden ingelicht).',
      'Primair (de school handelt de situatie zelf af): toepassen maatregelen.',
      'Primair (de school handelt de situatie zelf af): bemiddeling in schadevergoeding of schadeherstel door de dader.',
      'Primair (de school handelt de situatie zelf af): eventueel de politie op de hoogte stellen of om advies vragen.',
      `Secundair (vernieling met meer dan geringe schade, vernieling door een groep leerlingen, of getoonde onwilligheid met betrekking tot schadeherstel/schadevergoeding): ${INFORM_PARENTS}`,
      `Secundair: ${INFORM_POLICE_FACTS}`,
      'Secundair: bemiddelen in schadevergoeding door ouders/verzorgers van de dader.',
      `Secundair: ${PASS_ON_INFO}`,
      'Secundair: het slachtoffer ondersteunen en stimuleren bij het doen van aangifte.',
    ],
    policeMeasures: [
      'Tegen de verdachte kan proces-verbaal worden opgemaakt.',
      'Indien aan de criteria wordt voldaan, wordt de verdachte naar Halt verwezen.',
      'Ouders van dader en slachtoffer informeren.',
      'In schadevergoeding tussen (ouders van) dader en slachtoffer wordt bemiddeld.',
    ],
    helpOptions: [HUISARTS, SLACHTOFFERHULP, JEUGDZORG, GGD, POLITIE],
  },
  {
    key: 'diefstal',
    title: 'Diefstal',
    source: `${PROTOCOL}, §6.4.4`,
    irisVoorval: [15, 16, 5, 18],
    generalDefinition: 'Stelen, roven.',
    legalDefinition: [
      'Eenvoudige diefstal (art. 310 WvS): enig goed dat geheel of ten dele aan een ander toebehoort wegnemen met het oogmerk het zich wederrechtelijk toe te eigenen. Het doel van het wegnemen moet de toe-eigening zijn: om er als heer en meester over te gaan beschikken. Als een goed wordt gestolen met de bedoeling om het te verkopen, blijft het diefstal; er wordt dan immers gehandeld alsof er als heer en meester over wordt beschikt.',
      'Gekwalificeerde diefstal (art. 311 WvS): idem art. 310, bij gelegenheid van brand of ontploffing; gepleegd door twee of meer verenigde personen; of indien de dader zich de toegang tot de plaats van het misdrijf heeft verschaft of het weg te nemen goed onder zijn bereik heeft gebracht door middel van braak, verbreking of inklimming, van valse sleutels, van een valse order of een vals kostuum.',
      'Diefstal met geweld (art. 312 WvS): idem art. 310/311, indien voorafgegaan door, vergezeld van of gevolgd door geweld of bedreiging met geweld tegen personen, gepleegd met het oogmerk om de diefstal voor te bereiden of gemakkelijk te maken, of om bij betrapping op heterdaad zichzelf of andere deelnemers aan het misdrijf de vlucht mogelijk te maken of het bezit van het gestolen goed te verzekeren.',
      'Afpersing (art. 317 WvS): met het doel zichzelf of een ander te bevoordelen iemand door geweld of bedreiging met geweld dwingen tot het afgeven van enig goed dat geheel of ten dele aan diegene of een derde toebehoort.',
      'Afdreiging (art. 318 WvS): idem art. 317, met dien verstande dat het dreigmiddel geen geweld is maar smaad, smaadschrift of openbaring van een geheim.',
      'Handel en heling (art. 416 en 417bis WvS): opzet- dan wel schuldheling: het kopen, krijgen of voorhanden hebben van gestolen of illegale goederen, bijv. het te koop aanbieden of kopen van bromfietsonderdelen, autoradio’s, vuurwerk, kleding, cd’s e.d. waarvan vermoed kan worden dat die goederen gestolen zijn of illegaal te koop worden aangeboden.',
    ].join('\n\n'),
    whenToInformPolice:
      'Bij een incidentele kleine diefstal, waarbij geen kwalificaties als bedoeld in art. 311/312/317/318 Sr voorkomen en waarbij schadevergoeding of teruggave van het gestolen goed kan worden bereikt, treft de school zelf maatregelen. Gaat het om herhaling of om een goed met meer dan geringe waarde, wordt voldaan aan een van de kwalificaties in de artikelen 311/312/317/318 Sr, of is schadevergoeding of teruggave niet mogelijk, dan stelt de school naast de te nemen schoolmaatregelen ook de politie in kennis.',
    policeHaltReferral: {
      possible: true,
      note: `Halt-verwijzing is mogelijk als aan de criteria wordt voldaan (eenvoudige diefstal en heling van geringe waarde zijn Halt-feiten; diefstal met braak of geweld, afpersing en afdreiging niet). ${HALT_ONLY_POLICE}`,
    },
    schoolMeasures: [
      'Inschatten van de situatie en daarmee de keuze bepalen om wel of niet de politie in te schakelen (zie wanneer de politie moet worden ingelicht).',
      'Primair (de school handelt de situatie zelf af): toepassen maatregelen.',
      'Primair (de school handelt de situatie zelf af): bemiddeling in teruggave of schadevergoeding van het gestolen goed.',
      `Secundair (een in de toelichting genoemde situatie): ${INFORM_PARENTS}`,
      `Secundair (een in de toelichting genoemde situatie): ${INFORM_POLICE_FACTS}`,
      `Secundair (een in de toelichting genoemde situatie): ${PASS_ON_INFO}`,
      'Secundair (een in de toelichting genoemde situatie): het slachtoffer ondersteunen en stimuleren bij het doen van aangifte.',
    ],
    policeMeasures: [
      'Tegen de verdachte kan proces-verbaal worden opgemaakt.',
      'Indien aan de criteria wordt voldaan, wordt de verdachte naar Halt verwezen.',
      'Bemiddeling bij teruggave of schadevergoeding van het gestolen goed.',
      'Ouders van dader en slachtoffer informeren.',
    ],
    helpOptions: [VEILIG_THUIS, SLACHTOFFERHULP, JEUGDZORG, GGD, POLITIE],
  },
  {
    key: 'seksuele_intimidatie',
    title: 'Seksuele intimidatie',
    source: `${PROTOCOL}, §6.4.5`,
    irisVoorval: [8, 9, 10],
    generalDefinition:
      'Hiervan is sprake indien iemand wordt geconfronteerd met ongewenste seksueel getinte aandacht in de vorm van verbaal, fysiek of non-verbaal gedrag dat door degene die hiermee geconfronteerd wordt als onaangenaam wordt ervaren. Het gaat hierbij om gedrag dat plaatsvindt binnen of in samenhang met de onderwijssituatie en kan zowel opzettelijk als onopzettelijk zijn.',
    // §6.4.5 has no "Juridische definitie" heading and cites no Wetboek van Strafrecht articles; the
    // legal part of the section is the zedenmisdrijf paragraph with its aangifte- en meldplicht.
    legalDefinition:
      'Wanneer er sprake is van seksueel misbruik door een medewerker van de school gaat het om een zedenmisdrijf. Bij een zedenmisdrijf geldt een aangifte- en meldplicht. Deze wettelijke aangifte- en meldplicht is beperkt tot seksueel misbruik van leerlingen die op het moment van het misbruik jonger zijn dan achttien jaar. (Het protocol geeft voor seksuele intimidatie geen aparte juridische definitie met wetsartikelen.)',
    whenToInformPolice:
      'Meldplicht (Regeling Seksueel misbruik en Seksuele intimidatie in het onderwijs, OCenW, september 1999): wanneer een personeelslid seksueel misbruik pleegt jegens een leerling, of als hiervan vermoedens bestaan, is het schoolbestuur verplicht direct contact op te nemen met de vertrouwensinspecteur. Blijkt uit dat overleg dat er een redelijk vermoeden is dat het misbruik heeft plaatsgevonden, dan doet het bestuur onmiddellijk aangifte. Personeelsleden zijn wettelijk verplicht het schoolbestuur direct te informeren wanneer zij op de hoogte zijn van seksueel misbruik of seksuele intimidatie van een leerling of personeelslid. Dient het slachtoffer zelf officieel een klacht in bij de politie, dan kan daar de procedure in gang worden gezet.',
    policeHaltReferral: {
      possible: false,
      note: `Halt-verwijzing is niet mogelijk; het protocol noemt haar voor seksuele intimidatie niet (de afdoening loopt via politie, Openbaar Ministerie en rechtbank). ${HALT_ONLY_POLICE}`,
    },
    schoolMeasures: [
      'De contactpersoon van de school schat in of de vertrouwenspersoon moet worden ingeschakeld.',
      'Er is op iedere locatie een contactpersoon aangesteld. Hij/zij is eerste aanspreekpunt bij vragen of klachten. De aanwezigheid van een contactpersoon is bekendgemaakt bij schoolpersoneel, leerlingen en ouders/verzorgers.',
      'De scholen hebben een interne en een externe vertrouwenspersoon aangesteld.',
      'Bij seksuele intimidatie worden bij minderjarigen altijd de ouders/verzorgers van het slachtoffer, na overleg met de vertrouwenspersoon, en de aangeklaagde op de hoogte gesteld.',
      'De school verschaft schoolpersoneel, leerlingen en ouders/verzorgers via de school- en personeelsgids informatie over hoe op school wordt omgegaan met seksuele intimidatie en welke mogelijkheden er zijn om een klacht in te dienen. Tevens zet de school zich in om preventieve activiteiten en maatregelen uit te voeren.',
    ],
    policeMeasures: [
      'Indien het slachtoffer officieel een klacht indient bij de politie, kan daar de procedure in gang worden gezet. Deze procedure gaat via de politie, het Openbaar Ministerie en de rechtbank.',
    ],
    helpOptions: [HUISARTS, VEILIG_THUIS, SLACHTOFFERHULP, JEUGDZORG, GGD, POLITIE],
  },
  {
    key: 'ongewenst_bezoek',
    title: 'Ongewenst bezoek in en rond de school',
    source: `${PROTOCOL}, §6.4.6`,
    irisVoorval: [14, 12],
    generalDefinition:
      'Bij ongewenst bezoek kan bijvoorbeeld gedacht worden aan personen in of rond de school: met criminele activiteiten (dealen, heling); leerlingen van andere scholen die problemen veroorzaken; die komen om iemand te intimideren of te mishandelen, bijvoorbeeld ouders die verhaal komen halen bij leerlingen, personeel of directie.',
    legalDefinition: [
      'Zich bevinden op verboden grond (art. 461 WvS): hij die, zonder daartoe gerechtigd te zijn, zich op eens anders grond waarvan de toegang op een voor hem blijkbare wijze door de rechthebbende is verboden, bevindt of daar vee laat lopen, wordt gestraft met een geldboete van de eerste categorie.',
      'Lokaalvredebreuk (art. 139 WvS): hij die in een voor de openbare dienst bestemd lokaal wederrechtelijk binnendringt, of, wederrechtelijk aldaar vertoevende, zich niet op de vordering van de bevoegde ambtenaar aanstonds verwijdert, wordt gestraft met gevangenisstraf van ten hoogste drie maanden of een geldboete van de tweede categorie. Hij die zich de toegang heeft verschaft door middel van braak of inklimming, van valse sleutels, van een valse order of een vals kostuum, of die zonder voorkennis van de bevoegde ambtenaar en anders dan ten gevolge van vergissing is binnengekomen, wordt geacht te zijn binnengedrongen. Indien hij bedreigingen uit of zich bedient van middelen geschikt om vrees aan te jagen, wordt hij gestraft met gevangenisstraf van ten hoogste een jaar of een geldboete van de derde categorie. Deze gevangenisstraffen kunnen met een derde worden verhoogd indien twee of meer verenigde personen het misdrijf plegen.',
    ].join('\n\n'),
    whenToInformPolice:
      'Inschatten van de situatie en daarmee de keuze bepalen om wel of niet de politie in te schakelen. Betreedt een persoon ondanks een (schriftelijk) toegangsverbod toch het gebouw of terrein, dan kan de school deze persoon aanhouden (zorg voor getuigen) en de politie bellen: elke burger in Nederland heeft het recht een verdachte op heterdaad aan te houden; hetzelfde geldt bij lokaalvredebreuk. Let op: aanhouden is niet hetzelfde als vasthouden of opsluiten (dat kan worden aangemerkt als gijzeling of wederrechtelijke vrijheidsberoving). Bij herhaling of toename (kwalitatief en/of kwantitatief) van de problematiek kan de school de politie bellen.',
    policeHaltReferral: {
      possible: false,
      note: `Halt-verwijzing is niet mogelijk; het protocol noemt haar voor ongewenst bezoek niet. ${HALT_ONLY_POLICE}`,
    },
    schoolMeasures: [
      'Inschatten van de situatie en daarmee de keuze bepalen om wel of niet de politie in te schakelen.',
      'Primair (de school handelt de situatie zelf af): personeel van de school kan mensen die in en rond de school lopen en daar niets te zoeken hebben wegsturen en een waarschuwing geven.',
      'Primair (de school handelt de situatie zelf af): personeel van de school kan ouders/verzorgers van de verdachte jongere informeren en verzoeken het ongewenste gedrag te doen stoppen.',
      'Primair (de school handelt de situatie zelf af): de directie van de school kan, wanneer de problemen aanhouden, als tweede stap een schriftelijk toegangsverbod uitreiken.',
      'Secundair (betreding van gebouw of terrein ondanks toegangsverbod): de school kan de betreffende persoon aanhouden (zorg voor getuigen) en de politie bellen. Let op: aanhouding is niet hetzelfde als vasthouden of opsluiting; de betreffende persoon zou dat kunnen aanmerken als gijzeling of wederrechtelijke vrijheidsberoving.',
      'Secundair (betreding van gebouw of terrein ondanks toegangsverbod): bij herhaling of toename (kwalitatief en/of kwantitatief) van de problematiek kan de school de politie bellen.',
    ],
    policeMeasures: [
      'Tegen de verdachte kan proces-verbaal worden opgemaakt.',
      'Ouders/verzorgers van de verdachte jongere informeren en verzoeken het ongewenste gedrag te doen stoppen.',
    ],
    helpOptions: [VEILIG_THUIS, SLACHTOFFERHULP, JEUGDZORG],
  },
] satisfies BehaviourGuidance[])

/** The behaviours an incident with these IRIS voorval codes falls under, in the order above, without duplicates. */
export function guidanceForVoorval(codes: readonly number[]): BehaviourGuidance[] {
  const wanted = new Set(codes)
  return BEHAVIOUR_GUIDANCE.filter((g) => g.irisVoorval.some((code) => wanted.has(code)))
}

export interface VictimCareStep {
  key: string
  title: string
  description: string
  /** Default due date in days after the incident; 0 = the same day. */
  dueAfterDays: number
  source: string
}

const SECTION_4 = `${PROTOCOL}, §4 Aandachtspunten en tips voor begeleiding van direct betrokkenen`

/**
 * §4 of the protocol ("Wat moet je als school doen als er zich een incident heeft voorgedaan waarbij
 * agressie en/of geweld is gebruikt?") as follow-up task templates. The protocol gives no deadlines;
 * `dueAfterDays` are Baken defaults that a school can adjust per task. Tips that are attitudes rather
 * than tasks ("laat emoties niet van invloed zijn op belangrijke beslissingen", "spreek geen
 * vermoedens uit") are folded into the description of the step they apply to.
 */
export const VICTIM_CARE_STEPS: readonly VictimCareStep[] = Object.freeze([
  {
    key: 'gesprek_slachtoffer',
    title: 'Gesprek met het slachtoffer',
    description: 'Praat met het slachtoffer en verleen hulp.',
    dueAfterDays: 0,
    source: `${SECTION_4} — Begeleiding slachtoffer`,
  },
  {
    key: 'ouders_slachtoffer_informeren',
    title: 'Ouder(s)/verzorger(s) van het slachtoffer informeren',
    description:
      'Maak afspraken wie contact met de ouder(s)/verzorger(s) onderhoudt en informeer hen voordat het incident naar buiten komt. De relatie met de ouder(s)/verzorger(s) van leerlingen die bij geweld betrokken zijn verdient de juiste aandacht en professioneel handelen: gevolgen van geweld zijn voor de ouders minstens zo ingrijpend als voor hun kinderen. Probeer fouten te voorkomen, spreek geen vermoedens uit, communiceer op basis van feiten en oordeel niet.',
    dueAfterDays: 0,
    source: `${SECTION_4} — Contact met ouder(s)/verzorger(s) van slachtoffer; Tips`,
  },
  {
    key: 'informeren_betrokkenen',
    title: 'Bepalen wie op de hoogte wordt gebracht',
    description:
      'Maak afspraken wie op de hoogte gebracht moet worden en zorg dat de juiste mensen geïnformeerd worden. Bewaak de privacy van de leerling.',
    dueAfterDays: 0,
    source: `${SECTION_4} — Tips`,
  },
  {
    key: 'maatregelen_dader_slachtoffer',
    title: 'Maatregelen zodat dader en slachtoffer elkaar niet zomaar tegenkomen',
    description:
      'Dader en slachtoffer kunnen elkaar weer tegenkomen op school. Dit vraagt om maatregelen (roosterwijziging, schorsing, enz.). Laat emoties op het cruciale moment niet van invloed zijn op belangrijke beslissingen.',
    dueAfterDays: 1,
    source: `${SECTION_4} — Begeleiding slachtoffer; Tips`,
  },
  {
    key: 'externe_hulpverlening',
    title: 'Externe hulpverlening overwegen',
    description: 'Schakel eventueel (externe) hulpverlening in (Bureau Jeugdzorg, Slachtofferhulp).',
    dueAfterDays: 2,
    source: `${SECTION_4} — Begeleiding slachtoffer`,
  },
  {
    key: 'gesprek_verwerking',
    title: 'Gesprek over de verwerking',
    description:
      'Voer een gesprek met de opvanger over eventuele verwerking. Is er angst? Is er professionele hulp nodig? Napraten over het incident: wat waren moeilijke momenten en/of knelpunten?',
    dueAfterDays: 3,
    source: `${SECTION_4} — Tips`,
  },
  {
    key: 'ouders_slachtoffer_op_de_hoogte_houden',
    title: 'Ouder(s)/verzorger(s) van het slachtoffer op de hoogte houden',
    description: 'Houd de ouder(s)/verzorger(s) zo veel mogelijk op de hoogte van wat de school van plan is.',
    dueAfterDays: 7,
    source: `${SECTION_4} — Tips`,
  },
  {
    key: 'herstel_slachtoffer_volgen',
    title: 'Herstel van het slachtoffer volgen',
    description:
      'Let op signalen van stagneren van de verwerking of teruggang van prestaties bij het slachtoffer en probeer zoveel mogelijk te voorkomen dat het functioneren op school eronder lijdt. Begeleid zolang het slachtoffer of de opvanger dat nodig vindt.',
    dueAfterDays: 14,
    source: `${SECTION_4} — Begeleiding slachtoffer; Tips`,
  },
  {
    key: 'dader_volgen',
    title: 'Prestaties en sociaal gedrag van de dader volgen',
    description: 'Let op prestaties en sociaal gedrag van de dader.',
    dueAfterDays: 14,
    source: `${SECTION_4} — Tips`,
  },
  {
    key: 'normaliserend_gesprek_dader',
    title: 'Normaliserend gesprek met de dader',
    description:
      'Voer na vastgestelde tijd een gesprek met de dader (eventueel met ouder(s)/verzorger(s)) om de verhoudingen te normaliseren.',
    dueAfterDays: 21,
    source: `${SECTION_4} — Tips`,
  },
  {
    key: 'beleidsmaatregelen',
    title: 'Beleidsmaatregelen om herhaling te voorkomen',
    description:
      'Neem beleidsmaatregelen om vergelijkbare incidenten te voorkomen (iets meemaken is iets anders dan er iets van leren).',
    dueAfterDays: 28,
    source: `${SECTION_4} — Tips`,
  },
] satisfies VictimCareStep[])
