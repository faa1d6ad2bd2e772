// The built-in decision-letter templates: a stichting without its own template for a kind
// makes its letters from these (packages/domain, letters.ts), /sjablonen shows them as
// "standaardsjabloon" until the stichting saves its own version, and the demo stichtingen start
// from them as version 1. Placeholders in {{double braces}} are filled by the domain's
// letter-text.ts; the required contents (reasons, duration, legal basis, objection
// clause, education during the measure) each have one (tested in letters.unit.test.ts).
import type { LETTER_KINDS } from './schema.ts'

export const DEFAULT_LETTER_TEMPLATES: Readonly<Record<(typeof LETTER_KINDS)[number], string>> = {
  time_out_kennisgeving: `Onderwerp: kennisgeving time-out van {{leerling}}

{{aanhef}}

Op {{periode}} heeft {{leerling}} een time-out gekregen: de rest van de dag niet in de groep.

Aanleiding
{{redenen}}

Een time-out is een maatregel uit het protocol van de school; de wet kent deze maatregel niet ({{wettelijke_grondslag}}). Wij nodigen u uit voor een gesprek en vragen u het verslag daarvan voor gezien te tekenen. Het bevoegd gezag ontvangt een afschrift van deze brief.

{{onderwijs_tijdens_maatregel}}

Met vriendelijke groet,
{{ondertekening}}`,
  schorsing: `Onderwerp: besluit tot schorsing van {{leerling}}

{{aanhef}}

Het bevoegd gezag van {{school}} heeft besloten {{leerling}} te schorsen voor {{duur}}: {{periode}}. {{mandaat}}

Redenen
{{redenen}}

Wettelijke grondslag
{{wettelijke_grondslag}}

Onderwijs tijdens de schorsing
{{onderwijs_tijdens_maatregel}}

{{bezwaarclausule}}

Een afschrift van dit besluit gaat naar de leerplichtambtenaar{{inspectie_melding}}.

Met vriendelijke groet,
{{ondertekening}}`,
  verwijdering: `Onderwerp: besluit tot verwijdering van {{leerling}}

{{aanhef}}

Het bevoegd gezag van {{school}} heeft, na het horen van de betrokkenen, besloten {{leerling}} te verwijderen.

Redenen
{{redenen}}

Wettelijke grondslag
{{wettelijke_grondslag}}

De verwijdering wordt definitief zodra {{voorwaarde_definitief}}. Tot dat moment zoekt de school met u naar een andere school of instelling.

Onderwijs in de tussentijd
{{onderwijs_tijdens_maatregel}}

{{bezwaarclausule}}

Met vriendelijke groet,
{{ondertekening}}`,
  bezwaar_beslissing: `Onderwerp: beslissing op uw bezwaar

{{aanhef}}

U heeft op {{bezwaar_ontvangen}} bezwaar gemaakt tegen het besluit van {{besluitdatum}} over {{leerling}}. Het bevoegd gezag heeft uw bezwaar behandeld en beslist: {{uitkomst}}.

Motivering
{{redenen}}

Wettelijke grondslag
{{wettelijke_grondslag}}

{{beroepsclausule}}

Met vriendelijke groet,
{{ondertekening}}`,
}
