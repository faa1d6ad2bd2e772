// The main menu: each item is shown to whoever holds the CASL permission its page needs, so the
// menu follows the one role wall (the pages still check on the server).
import type { Action, AppAbility, SubjectName } from '@baken/permissions'
import type { MessageKey } from './i18n.ts'

export interface MenuItem {
  to: string
  label: MessageKey
  /** `end`: active only on the path itself (the home page). */
  end?: boolean
  /** The permission the page needs; none: every signed-in user. */
  needs?: readonly [Action, SubjectName]
}

export const MENU: readonly MenuItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/ouders', label: 'nav.portal', needs: ['read', 'Portal'] },
  { to: '/incidenten', label: 'nav.incidents', needs: ['read', 'Incident'] },
  { to: '/leerlingen', label: 'nav.students', needs: ['read', 'Student'] },
  { to: '/groepen', label: 'nav.groups', needs: ['read', 'Student'] },
  { to: '/overzicht', label: 'nav.overview', needs: ['read', 'Overview'] },
  { to: '/maatregelen', label: 'nav.measures', needs: ['read', 'Measure'] },
  { to: '/bestuur', label: 'nav.board', needs: ['read', 'Oversight'] },
  { to: '/sjablonen', label: 'nav.templates', needs: ['create', 'LetterTemplate'] },
  { to: '/instellingen', label: 'nav.settings', needs: ['read', 'LawSettings'] },
  { to: '/kalender', label: 'nav.calendar', needs: ['read', 'Calendar'] },
  { to: '/protocol', label: 'nav.protocol', needs: ['read', 'Protocol'] },
  { to: '/delen', label: 'nav.sharing', needs: ['read', 'Share'] },
  { to: '/gedeeld', label: 'nav.shared', needs: ['read', 'SharedRecord'] },
  { to: '/verwijzingen', label: 'nav.referrals', needs: ['read', 'Referral'] },
  { to: '/halt', label: 'nav.halt', needs: ['read', 'HaltCase'] },
  { to: '/meldplicht', label: 'nav.reporting', needs: ['read', 'ReportCase'] },
  { to: '/privacy', label: 'nav.privacy', needs: ['read', 'SubjectRequest'] },
  { to: '/toegangslog', label: 'nav.accessLog', needs: ['read', 'AccessLog'] },
  { to: '/berichten', label: 'nav.mail', needs: ['read', 'Mail'] },
  { to: '/platform', label: 'nav.platform', needs: ['create', 'Stichting'] },
  { to: '/beheer', label: 'nav.admin', needs: ['read', 'AdminAudit'] },
  { to: '/beheer/gebruikers', label: 'nav.users', needs: ['read', 'User'] },
  { to: '/organisatie', label: 'nav.switch' },
  { to: '/account', label: 'nav.account' },
]

/** The items this caller may open; without an organisation only the items that need none. */
export function menuFor(ability: AppAbility | null): MenuItem[] {
  return MENU.filter((item) => !item.needs || (ability?.can(item.needs[0], item.needs[1]) ?? false))
}
