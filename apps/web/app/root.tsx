import { getDatabase, withTenant } from '@baken/db'
import { getActiveOrganisation } from '@baken/domain'
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { tenantContextOf } from './lib/context.server.ts'
import { langFromRequest, translator, type Lang } from './lib/i18n.ts'
import styles from './styles.css?url'

// No favicon yet: an empty data URL stops browsers asking for /favicon.ico.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: 'data:,' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = langFromRequest(request)
  const auth = context.auth
  let organisation: string | null = null
  if (auth?.membership) {
    const m = auth.membership
    const org = await withTenant(getDatabase(), tenantContextOf(auth.user, m), (tx) => getActiveOrganisation(tx, m))
    organisation = org.name
  }
  return {
    lang,
    cspNonce: context.cspNonce,
    user: auth ? { name: auth.user.name, email: auth.user.email } : null,
    role: auth?.membership?.role ?? null,
    organisation,
  }
}

export type RootData = Awaited<ReturnType<typeof loader>>

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>('root')
}

export function useT() {
  const lang: Lang = useRootData()?.lang ?? 'nl'
  return translator(lang)
}

// Which roles see which menu items (the pages themselves check permissions on the server).
const CALENDAR_ROLES = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon', 'bestuurder', 'stichtingbeheerder', 'privacyfunctionaris']
const PROTOCOL_ROLES = ['directeur', 'intern_begeleider', 'bestuurder', 'stichtingbeheerder', 'privacyfunctionaris']
const MAIL_ROLES = ['directeur', 'stichtingbeheerder', 'bestuurder']
const MEASURE_ROLES = ['directeur', 'intern_begeleider', 'leerkracht', 'bestuurder']
// Sharing (agreements and shares), the partner portal, the access log, privacy, reporting duties.
const SHARING_ROLES = ['directeur', 'intern_begeleider', 'bestuurder', 'privacyfunctionaris']
const SHARED_ROLES = ['politie', 'halt_medewerker']
const PRIVACY_ROLES = ['directeur', 'privacyfunctionaris']
const REPORTING_ROLES = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon', 'bestuurder']
// The school's Halt referrals, and Halt's own workspace.
const REFERRAL_ROLES = ['directeur', 'intern_begeleider', 'leerkracht']

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData()
  const t = translator(data?.lang ?? 'nl')
  const location = useLocation()
  const schoolRole = data?.role && ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon'].includes(data.role)
  return (
    <html lang={data?.lang ?? 'nl'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('app.name')}</title>
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header className="site-header">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          {data?.user ? (
            <nav aria-label="Hoofdmenu">
              <ul>
                <li>
                  <NavLink to="/" end>
                    {t('nav.home')}
                  </NavLink>
                </li>
                {schoolRole ? (
                  <>
                    <li>
                      <NavLink to="/incidenten">{t('nav.incidents')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/leerlingen">{t('nav.students')}</NavLink>
                    </li>
                    <li>
                      <NavLink to="/groepen">{t('nav.groups')}</NavLink>
                    </li>
                    {data.role === 'directeur' || data.role === 'intern_begeleider' ? (
                      <li>
                        <NavLink to="/overzicht">{t('nav.overview')}</NavLink>
                      </li>
                    ) : null}
                  </>
                ) : null}
                {data.role && MEASURE_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/maatregelen">{t('nav.measures')}</NavLink>
                  </li>
                ) : null}
                {data.role === 'bestuurder' ? (
                  <li>
                    <NavLink to="/bestuur">{t('nav.board')}</NavLink>
                  </li>
                ) : null}
                {data.role === 'bestuurder' || data.role === 'stichtingbeheerder' ? (
                  <li>
                    <NavLink to="/sjablonen">{t('nav.templates')}</NavLink>
                  </li>
                ) : null}
                {data.role === 'bestuurder' || data.role === 'stichtingbeheerder' ? (
                  <li>
                    <NavLink to="/instellingen">{t('nav.settings')}</NavLink>
                  </li>
                ) : null}
                {data.role && CALENDAR_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/kalender">{t('nav.calendar')}</NavLink>
                  </li>
                ) : null}
                {data.role && PROTOCOL_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/protocol">{t('nav.protocol')}</NavLink>
                  </li>
                ) : null}
                {data.role && SHARING_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/delen">{t('nav.sharing')}</NavLink>
                  </li>
                ) : null}
                {data.role && SHARED_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/gedeeld">{t('nav.shared')}</NavLink>
                  </li>
                ) : null}
                {data.role && REFERRAL_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/verwijzingen">{t('nav.referrals')}</NavLink>
                  </li>
                ) : null}
                {data.role === 'halt_medewerker' ? (
                  <li>
                    <NavLink to="/halt">{t('nav.halt')}</NavLink>
                  </li>
                ) : null}
                {data.role && REPORTING_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/meldplicht">{t('nav.reporting')}</NavLink>
                  </li>
                ) : null}
                {data.role && PRIVACY_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/privacy">{t('nav.privacy')}</NavLink>
                  </li>
                ) : null}
                {data.role === 'privacyfunctionaris' ? (
                  <li>
                    <NavLink to="/toegangslog">{t('nav.accessLog')}</NavLink>
                  </li>
                ) : null}
                {data.role && MAIL_ROLES.includes(data.role) ? (
                  <li>
                    <NavLink to="/berichten">{t('nav.mail')}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/organisatie">{t('nav.switch')}</NavLink>
                </li>
                <li>
                  <NavLink to="/account">{t('nav.account')}</NavLink>
                </li>
              </ul>
            </nav>
          ) : null}
          <div className="header-end">
            {data?.user ? (
              <p className="who">
                <span>{data.user.name}</span>
                {data.role && data.organisation ? (
                  <span className="muted">
                    {' · '}
                    {t(`role.${data.role}`)} · {data.organisation}
                  </span>
                ) : null}
              </p>
            ) : null}
            <Form method="post" action="/taal" className="inline">
              <input type="hidden" name="lang" value={data?.lang === 'en' ? 'nl' : 'en'} />
              <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
              <button type="submit" className="link-button" lang={data?.lang === 'en' ? 'nl' : 'en'}>
                {t('nav.language')}
              </button>
            </Form>
            {data?.user ? (
              <Form method="post" action="/logout" className="inline">
                <button type="submit" className="button secondary">
                  {t('nav.logout')}
                </button>
              </Form>
            ) : null}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={data?.cspNonce} />
        <Scripts nonce={data?.cspNonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  if (isRouteErrorResponse(error)) {
    const message = error.status === 403 ? t('error.forbidden') : error.status === 404 ? t('error.notFound') : t('error.generic')
    return (
      <section className="card" role="alert">
        <h1>{error.status}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">{t('nav.home')}</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="card" role="alert">
      <h1>{t('error.generic')}</h1>
    </section>
  )
}
