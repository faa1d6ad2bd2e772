// The family's portal as versioned rule data (ADR 033), each rule with its source, beside the
// measure rule sets: who exercises a pupil's rights, how long a family session lasts, how long an
// invitation works, and what may be released.
import { RIGHTS_AGE } from '../privacy/rights-dates.ts'

export interface PortalRule {
  key: 'rechten.leeftijd' | 'sessie.dagen' | 'uitnodiging.uren' | 'vrijgave.wie' | 'vrijgave.beperking'
  text: string
  value: number | string
  source: string
}

export interface PortalRuleSet {
  id: string
  validFrom: string
  rules: readonly PortalRule[]
}

export const PORTAL_RULES: PortalRuleSet = {
  id: 'portaal-2026',
  validFrom: '2018-05-25',
  rules: [
    {
      key: 'rechten.leeftijd',
      text: 'Vanaf 16 jaar oefent de leerling de AVG-rechten zelf uit en kan een eigen account krijgen; jonger dan 16 doen de ouders of verzorgers dat.',
      value: RIGHTS_AGE,
      source: 'AVG art. 8; UAVG art. 5 lid 1',
    },
    {
      key: 'sessie.dagen',
      text: 'Een sessie van een ouder of leerling duurt 7 dagen en wordt bij gebruik verlengd; de ouder kan sessies zelf beëindigen.',
      value: 7,
      source: 'AVG art. 32 (passende beveiliging); keuze van Baken',
    },
    {
      key: 'uitnodiging.uren',
      text: 'Een uitnodiging werkt één keer en 72 uur lang.',
      value: 72,
      source: 'AVG art. 32; keuze van Baken (zoals elke uitnodiging)',
    },
    {
      key: 'vrijgave.wie',
      text: 'Alleen de directeur of de intern begeleider zet een stuk in het portaal; niets komt er vanzelf in.',
      value: 'directeur, intern_begeleider',
      source: 'AVG art. 15 lid 1 en lid 4; schoolveiligheidsprotocol §3.1',
    },
    {
      key: 'vrijgave.beperking',
      text: 'Een lopend onderzoek of een vertrouwelijke zaak wordt (nog) niet vrijgegeven als dat nodig is om anderen of het onderzoek te beschermen; de directeur of vertrouwenspersoon beslist en legt dat vast.',
      value: 'per geval',
      source: 'AVG art. 23 (beperkingen), in Nederland uitgewerkt in UAVG art. 41; AVG art. 15 lid 4',
    },
  ],
}

export function portalRule(key: PortalRule['key']): PortalRule {
  return PORTAL_RULES.rules.find((r) => r.key === key)!
}

/** The age from which a pupil exercises the rights and may get an own account (UAVG art. 5 lid 1). */
export const OWN_ACCOUNT_AGE = portalRule('rechten.leeftijd').value as number
