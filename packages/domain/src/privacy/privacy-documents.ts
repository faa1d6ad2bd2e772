// The privacy documents a school needs, generated from the data the product runs on, so they stay
// true: the processor-agreement annex in the shape of the model of the Privacyconvenant Onderwijs
// (Model Verwerkersovereenkomst 4.0, Bijlage 1: privacybijsluiter; Bijlage 2: beveiliging) and the
// input for the stichting's DPIA (AVG art. 35). Retention terms, data categories, purposes and
// roles come from the code; `pnpm privacy:docs` writes docs/privacy/, and a unit test fails when
// the committed files differ from what this produces.
import { ROLES, schema } from '@baken/db'
import { SHARE_FIELD_LABEL, SHARE_PURPOSE_LABEL } from '../sharing/share-labels.ts'
import { RETENTION_CATEGORIES, RETENTION_DEFAULTS } from './retention.ts'

const ROLE_DESCRIPTION: Record<(typeof ROLES)[number], string> = {
  bestuurder: 'bevoegd gezag: besluit over schorsing, verwijdering en bezwaar; ziet maatregelen van alle scholen',
  stichtingbeheerder: 'beheert scholen, gebruikers, kalenders en sjablonen; ziet geen incidentinhoud',
  privacyfunctionaris: 'FG: convenanten, toegangslog, AVG-verzoeken, bewaartermijnen; geen incidentinhoud tenzij een verzoek dat vraagt',
  directeur: 'alles van de eigen school; besluit over time-out en (met mandaat) schorsing',
  intern_begeleider: 'incidenten en dossiers van de eigen school, behalve vertrouwelijke zaken',
  leerkracht: 'meldt incidenten; ziet incidenten van de eigen groepen en de eigen meldingen',
  vertrouwenspersoon: 'vertrouwelijke zaken (seksuele intimidatie, misbruik) van de eigen school',
  halt_medewerker: 'Halt-verwijzingen van gekoppelde scholen, met alleen de afgesproken gegevens',
  politie: 'alleen wat een school deelde, voor het afgesproken doel, tot de vervaldatum',
  platform_beheerder: 'maakt stichtingen en partnerorganisaties aan; ziet geen persoonsgegevens',
  ouder: 'ouder of verzorger: ziet alleen wat de school over het eigen kind vrijgaf (verslagen, inzage, wie gegevens ontving) en dient AVG-verzoeken en bezwaar in',
  leerling: 'leerling vanaf 16 jaar: ziet alleen wat de school over hem of haar zelf vrijgaf en oefent de eigen AVG-rechten uit',
}

/** Sub-processors of a standard installation. The hosting party is the stichting's choice. */
export const SUB_PROCESSORS = [
  { name: 'Resend, Inc. (VS)', what: 'verzenden van e-mail (besluiten aan ouders, meldingen, uitnodigingen)', data: 'e-mailadres, naam en de tekst van het bericht', safeguard: 'EU-VS Data Privacy Framework en standaardcontractbepalingen; alleen als RESEND_API_KEY is gezet, anders blijft mail op de eigen server' },
  { name: 'Hostingpartij van de installatie (keuze van de stichting)', what: 'rekenkracht en opslag van de database en de back-ups', data: 'alle gegevens hieronder, versleuteld opgeslagen', safeguard: 'verwerkersovereenkomst met de hostingpartij; bij voorkeur in de EER' },
  { name: 'Identiteitsprovider voor single sign-on (Microsoft Entra ID, Google Workspace, Entree Federatie), alleen als de stichting die instelt', what: 'inloggen van medewerkers', data: 'e-mailadres en een pseudoniem (sub) van de medewerker; geen leerlinggegevens', safeguard: 'de stichting is zelf klant van de provider' },
] as const

const PERSON_KINDS_LABEL: Record<(typeof schema.PERSON_KINDS)[number], string> = {
  leerling: 'leerlingen (ook minderjarigen)',
  medewerker: 'medewerkers van de school',
  ouder: 'ouders en verzorgers',
  externe: 'anderen (bezoekers, onbekenden)',
}

const years = (months: number) => (months % 12 === 0 ? `${months / 12} jaar` : `${months} maanden`)

const HEADER = (title: string) =>
  `<!-- Gegenereerd door packages/domain/src/privacy/privacy-documents.ts (pnpm privacy:docs). Niet met de hand wijzigen: een test vergelijkt dit bestand met de code. -->\n\n# ${title}\n`

/** Bijlage 1 (privacybijsluiter) and 2 (beveiligingsmaatregelen) of the processor agreement. */
export function processorAnnex(): string {
  const lines: string[] = [HEADER('Bijlage bij de verwerkersovereenkomst (model Privacyconvenant Onderwijs 4.0)')]
  lines.push(
    'De school of stichting is verwerkingsverantwoordelijke; de leverancier van Baken is verwerker (AVG art. 28). Deze bijlage volgt de opbouw van Bijlage 1 (privacybijsluiter) en Bijlage 2 (beveiligingsmaatregelen) van de modelverwerkersovereenkomst van het Privacyconvenant Onderwijs.',
    '',
    '## 1. Product en doel van de verwerking',
    '',
    'Baken registreert incidenten op en rond school, ondersteunt de maatregelen langs de wettelijke ladder (adempauze, time-out, schorsing, verwijdering) met het toezicht van het bevoegd gezag, de verwijzing naar het Halt-spreekuur en het doelgebonden delen van gegevens met Halt en politie. Doelen: de veiligheid op school (Wet veiligheid op school), de wettelijke taken rond schorsing en verwijdering (WPO art. 40/40c, WVO 2020 art. 8.14–8.15, WEB art. 8.1.7c–d), en het verantwoorden daarvan.',
    '',
    '## 2. Betrokkenen',
    '',
    ...schema.PERSON_KINDS.map((k) => `- ${PERSON_KINDS_LABEL[k]}`),
    '- gebruikers van Baken (medewerkers van school, stichting, Halt en politie)',
    '',
    '## 3. Categorieën persoonsgegevens',
    '',
    '- Leerling: naam, geboortedatum, leerlingnummer, groep, in- en uitschrijving; ouders/verzorgers met contactgegevens.',
    '- Incident: datum en tijd, locatie, betrokkenen met hun rol, omschrijving, letsel, afhandeling (IRIS-codes), maatregelen, afspraken en contact met ouders.',
    '- Bijzondere en strafrechtelijke gegevens kunnen voorkomen (AVG art. 9 en 10): seksuele grensoverschrijding, geweld, politiecontact. Zulke zaken zijn als vertrouwelijk gemarkeerd en alleen zichtbaar voor de vertrouwenspersoon en de directeur; een andere opening vraagt een reden en wordt gelogd.',
    '- Maatregelen: besluiten met redenen, brieven, bezwaren, hoorzittingen, zoektochten naar een andere school.',
    '- Gebruikers: naam, e-mailadres, rol, wachtwoord-hash (argon2id), tweede factor (versleuteld), sessies, toegangslog.',
    '',
    'Gegevens die met een partner gedeeld kunnen worden (per deling gekozen, standaard het minste):',
    '',
    ...schema.SHARE_FIELDS.map((f) => `- ${SHARE_FIELD_LABEL[f]} (\`${f}\`)`),
    '',
    'Doelen waarvoor gedeeld mag worden (Wpg art. 20, AVG art. 6):',
    '',
    ...schema.SHARE_PURPOSES.map((p) => `- ${SHARE_PURPOSE_LABEL[p]} (\`${p}\`)`),
    '',
    '## 4. Wie heeft toegang (rollen)',
    '',
    '| rol | toegang |',
    '| --- | --- |',
    ...ROLES.map((r) => `| \`${r}\` | ${ROLE_DESCRIPTION[r]} |`),
    '',
    'De scheiding tussen stichtingen ligt in de database (row-level security); wat een rol binnen een stichting mag, leggen de CASL-regels vast (docs/permissions.md).',
    '',
    '## 5. Bewaartermijnen',
    '',
    'Standaardtermijnen; de privacyfunctionaris past ze per stichting aan. Een opschoonrun toont eerst wat zou verdwijnen (proefrun); een leerling met een juridische blokkade (legal hold) wordt overgeslagen.',
    '',
    '| categorie | standaard | omvat | waarom |',
    '| --- | --- | --- | --- |',
    ...RETENTION_CATEGORIES.map((c) => {
      const d = RETENTION_DEFAULTS[c]
      return `| ${d.label} | ${years(d.months)} | ${d.covers} | ${d.justification} |`
    }),
    '',
    '## 6. Subverwerkers',
    '',
    '| subverwerker | waarvoor | welke gegevens | waarborg |',
    '| --- | --- | --- | --- |',
    ...SUB_PROCESSORS.map((s) => `| ${s.name} | ${s.what} | ${s.data} | ${s.safeguard} |`),
    '',
    '## 7. Beveiligingsmaatregelen (Bijlage 2)',
    '',
    '- Scheiding van stichtingen in de database: row-level security op elke tabel met een stichting, geforceerd ook voor de eigenaar; de applicatie verbindt als een rol die niets bezit en de beveiliging niet kan omzeilen.',
    '- Rollen en rechten in één tabel (CASL); een ander zijn id geeft hetzelfde antwoord als een onbekend id (404).',
    '- Wachtwoorden: argon2id, NIST 800-63B-regels met een lijst van veelgebruikte (ook Nederlandse) wachtwoorden; tweede factor (TOTP, passkeys) per beleid van de stichting verplicht; step-up voor delen, exports, break-glass en rolwijzigingen; single sign-on per stichting.',
    '- Begrensd verkeer: inlogpogingen, resets en tweede factoren vertraagd per account en adres; schrijfacties per gebruiker en verzoeken per API-token begrensd (in de database, voor alle serverprocessen samen); verzoeken boven hun grootte geweigerd (413).',
    '- Invoer streng gecontroleerd: elk veld begrensd in lengte en aantal, onbekende velden geweigerd, geen stuurtekens; een geautomatiseerde test bestookt elke schrijfroute met vijandige invoer.',
    '- Toegangslog: elke inzage van een dossier, incident, maatregel, verwijzing of het jaaroverzicht, en elke export, wordt vastgelegd (één regel per inzage, met alle leerlingen om wie het gaat), alleen-toevoegen, met SHA-256 geketend en met Ed25519 ondertekende controlepunten; dagelijks een samenvatting naar de FG.',
    '- Exports (CSV, XLSX) neutraliseren formules en houden de markering vertrouwelijk.',
    '- Transport via HTTPS met HSTS; cookies HttpOnly, Secure, SameSite; CSP met nonce; geen caching van pagina’s met gegevens.',
    '- Back-ups: gescript, met controlesommen, getest door terugzetten in een lege database (docs/backup.md); sleutels buiten de database en de back-ups.',
    '- Logboeken van fouten bevatten geen gegevens uit het verzoek (alleen route, foutsoort en code).',
    '',
    '## 8. Datalekken',
    '',
    'De verwerker meldt een (vermoed) datalek zonder onredelijke vertraging en uiterlijk binnen 24 uur na ontdekking aan de contactpersoon van de school, met wat bekend is: aard, betrokken categorieën en aantallen, waarschijnlijke gevolgen, genomen en voorgestelde maatregelen. De school beoordeelt de melding aan de Autoriteit Persoonsgegevens (binnen 72 uur, AVG art. 33) en aan betrokkenen (art. 34). Het toegangslog en de ketenverificatie (`access-log:verify`) laten zien wie welke gegevens inzag. Zie SECURITY.md voor het melden van een kwetsbaarheid.',
    '',
  )
  return lines.join('\n')
}

/** Input for the stichting's DPIA: the processing described per AVG art. 35 lid 7. */
export function dpiaInput(): string {
  const lines: string[] = [HEADER('Input voor de DPIA (gegevensbeschermingseffectbeoordeling)')]
  lines.push(
    'Een DPIA is hier verplicht (AVG art. 35): systematische registratie over kwetsbare betrokkenen (minderjarigen), met bijzondere en strafrechtelijke gegevens, en uitwisseling met politie en Halt. De stichting voert de DPIA uit; dit document geeft de beschrijving van de verwerking en de maatregelen die het product neemt.',
    '',
    '## Systematische beschrijving (art. 35 lid 7 a)',
    '',
    `- Betrokkenen: ${schema.PERSON_KINDS.map((k) => PERSON_KINDS_LABEL[k]).join('; ')}.`,
    `- Rollen met toegang: ${ROLES.length} (zie de bijlage bij de verwerkersovereenkomst, §4).`,
    `- Doelen van delen: ${schema.SHARE_PURPOSES.map((p) => SHARE_PURPOSE_LABEL[p].toLowerCase()).join('; ')}.`,
    `- Deelbare gegevens: ${schema.SHARE_FIELDS.length} velden, per deling gekozen, standaard het minste.`,
    '',
    '## Noodzaak en evenredigheid (art. 35 lid 7 b)',
    '',
    '- Dataminimalisatie: een deling noemt per incident de gekozen velden en alleen de betrokken leerlingen; andere leerlingen zijn onherkenbaar in de omschrijving; Halt krijgt alleen wat nodig is en houdt eigen notities die de school niet ziet.',
    '- Doelbinding: elke deling heeft een doel, een grondslag, een convenant, een vervaldatum en kan worden ingetrokken; ontvangers zien het gedeelde tot de vervaldatum en elke inzage wordt gelogd.',
    '- Bewaartermijnen:',
    ...RETENTION_CATEGORIES.map((c) => `  - ${RETENTION_DEFAULTS[c].label}: ${years(RETENTION_DEFAULTS[c].months)}. ${RETENTION_DEFAULTS[c].covers}`),
    '- Rechten van betrokkenen: inzage (ook aan wie verstrekt en wie inzag), rectificatie en beperking als gevolgde verzoeken; onder de 16 oefenen de ouders de rechten uit, vanaf 16 de leerling.',
    '',
    '## Risico’s en maatregelen (art. 35 lid 7 c en d)',
    '',
    '| risico | maatregel in het product |',
    '| --- | --- |',
    '| een medewerker van de ene stichting ziet gegevens van een andere | row-level security in de database, getest per rol en per tabel; een ander zijn id geeft 404 |',
    '| een medewerker ziet meer dan de rol nodig heeft | rollen in CASL; vertrouwelijke zaken alleen voor vertrouwenspersoon en directeur, anders break-glass met reden en log |',
    '| gegevens bij een partner blijven na het doel | deling met vervaldatum en intrekking; de kopie wordt na de termijn gedeeld gegevens opgeschoond |',
    '| inzage wordt achteraf ontkend of weggepoetst | alleen-toevoegen toegangslog met hashketen en ondertekende controlepunten; verificatie na elke back-up-terugzetting |',
    '| overgenomen account | argon2id, tweede factor (verplicht per beleid), step-up, vertraging van inlogpogingen, sessies intrekbaar |',
    '| een export lekt of wordt misbruikt | exports vragen step-up, worden gelogd, houden de markering vertrouwelijk en bevatten geen uitvoerbare formules |',
    '| verlies van gegevens | gescripte back-up en terugzetting, getest; export van één stichting bij vertrek |',
    '',
  )
  return lines.join('\n')
}

/** The files under docs/privacy/ and their contents. */
export function privacyDocuments(): Record<string, string> {
  return { 'verwerkersovereenkomst-bijlage.md': processorAnnex(), 'dpia-input.md': dpiaInput() }
}
