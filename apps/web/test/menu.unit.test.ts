// The main menu per role, from the CASL abilities. The expected lists are the menu each role had
// when it was written as role lists, so moving it onto the role wall changed nothing anyone sees.
import { ROLES, type Role } from '@baken/db'
import { defineAbilityFor } from '@baken/permissions'
import { describe, expect, it } from 'vitest'
import { menuFor } from '../app/lib/menu.ts'

const SCHOOL_ROLES: Role[] = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon']
const PARTNER_ROLES: Role[] = ['politie', 'halt_medewerker']

const always = ['/', '/organisatie', '/account']
const expected: Record<Role, string[]> = {
  directeur: ['/incidenten', '/leerlingen', '/groepen', '/overzicht', '/maatregelen', '/kalender', '/protocol', '/delen', '/verwijzingen', '/meldplicht', '/privacy', '/berichten', '/beheer/gebruikers'],
  intern_begeleider: ['/incidenten', '/leerlingen', '/groepen', '/overzicht', '/maatregelen', '/kalender', '/protocol', '/delen', '/verwijzingen', '/meldplicht'],
  leerkracht: ['/incidenten', '/leerlingen', '/groepen', '/maatregelen', '/kalender', '/verwijzingen', '/meldplicht'],
  vertrouwenspersoon: ['/incidenten', '/leerlingen', '/groepen', '/kalender', '/meldplicht'],
  bestuurder: ['/maatregelen', '/bestuur', '/sjablonen', '/instellingen', '/kalender', '/protocol', '/delen', '/meldplicht', '/berichten'],
  stichtingbeheerder: ['/sjablonen', '/instellingen', '/kalender', '/protocol', '/berichten', '/beheer', '/beheer/gebruikers'],
  privacyfunctionaris: ['/kalender', '/protocol', '/delen', '/privacy', '/toegangslog', '/beheer'],
  politie: ['/gedeeld'],
  halt_medewerker: ['/gedeeld', '/halt'],
  platform_beheerder: ['/platform', '/beheer'],
  // The family's menu is the portal's own (/ouders), not the staff's.
  ouder: ['/ouders'],
  leerling: ['/ouders'],
}

describe('main menu', () => {
  it.each([...ROLES])('%s sees the pages of its role, in menu order', (role) => {
    const ability = defineAbilityFor({
      userId: 'u',
      role,
      stichtingId: PARTNER_ROLES.includes(role) || role === 'platform_beheerder' ? null : 's',
      schoolId: SCHOOL_ROLES.includes(role) ? 'school' : null,
      partnerId: PARTNER_ROLES.includes(role) ? 'p' : null,
    })
    const shown = menuFor(ability).map((i) => i.to)
    expect(shown.filter((to) => !always.includes(to))).toEqual(expected[role])
    expect(shown.filter((to) => always.includes(to))).toEqual(always)
  })

  it('without an organisation shows only home, switching and the account', () => {
    expect(menuFor(null).map((i) => i.to)).toEqual(always)
  })
})
