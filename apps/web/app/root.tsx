import { getDatabase, withTenant } from '@baken/db'
import { getActiveOrganisation, knownOrganisation } from '@baken/domain'
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
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, useState } from 'react'
import { defineAbilityFor, type AppAbility } from '@baken/permissions'
import { tenantContextOf } from './lib/context.server.ts'
import { menuFor } from './lib/menu.ts'
import { langFromRequest, translator, type Lang } from './lib/i18n.ts'
import styles from './styles.css?url'

// No favicon yet: an empty data URL stops browsers asking for /favicon.ico.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: 'data:,' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = langFromRequest(request)
  // A session that still owes its second factor gets no menu: it can go nowhere else yet.
  const auth = context.auth?.gate ? null : context.auth
  let organisation: string | null = null
  let ability: AppAbility | null = null
  // A suspended stichting's membership acts for nothing: no organisation, only the menu items that need none.
  if (auth?.membership && !auth.membership.suspended) {
    const m = auth.membership
    const tenant = tenantContextOf(auth.user, m)
    ability = defineAbilityFor(tenant)
    const org = knownOrganisation(m) ?? (await withTenant(getDatabase(), tenant, (tx) => getActiveOrganisation(tx, m)))
    organisation = org.name
  }
  return {
    lang,
    cspNonce: context.cspNonce,
    user: context.auth ? { name: context.auth.user.name, email: context.auth.user.email } : null,
    role: auth?.membership?.role ?? null,
    organisation,
    menu: auth ? menuFor(ability).map(({ to, label, end }) => ({ to, label, end: end ?? false })) : [],
  }
}

export type RootData = Awaited<ReturnType<typeof loader>>

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>('root')
}

/**
 * English where it exists (ADR 035): a page is in English only when the user chose English and every
 * route module on it declares `handle = { english: true }` (all its text goes through the
 * dictionaries). Any other page stays Dutch, with <html lang="nl">; only the header follows the
 * choice, marked with its own lang.
 */
export function usePageLang(): Lang {
  const chosen: Lang = useRootData()?.lang ?? 'nl'
  const matches = useMatches()
  if (chosen === 'nl') return 'nl'
  const pages = matches.filter((m) => m.id !== 'root')
  return pages.length > 0 && pages.every((m) => (m.handle as { english?: boolean } | undefined)?.english === true) ? 'en' : 'nl'
}

/** The page's translator, in the page's language (usePageLang). */
export function useT() {
  return translator(usePageLang())
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData()
  const chosen: Lang = data?.lang ?? 'nl'
  // The header speaks the chosen language; the page its own (usePageLang).
  const t = translator(chosen)
  const pageLang = usePageLang()
  const location = useLocation()
  // On a phone the menu folds behind a button (without JavaScript it stays open); a new page closes it.
  const [menuOpen, setMenuOpen] = useState(false)
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  useEffect(() => setMenuOpen(false), [location.pathname])
  return (
    <html lang={pageLang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('app.name')}</title>
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main" lang={chosen !== pageLang ? chosen : undefined}>
          {t('nav.skip')}
        </a>
        <header className="site-header" lang={chosen !== pageLang ? chosen : undefined}>
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          {data?.user && hydrated ? (
            <button type="button" className="menu-toggle button secondary" aria-expanded={menuOpen} aria-controls="site-menu" onClick={() => setMenuOpen((o) => !o)}>
              {t('nav.menu')}
            </button>
          ) : null}
          <div id="site-menu" className="site-menu" data-hydrated={hydrated || undefined} data-open={menuOpen || undefined}>
          {data?.user ? (
            <nav aria-label="Hoofdmenu">
              <ul>
                {data.menu.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ))}
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
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {chosen === 'en' && pageLang === 'nl' ? (
            <p className="notice" lang="en">
              This page is available in Dutch only.
            </p>
          ) : null}
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
    const message = error.statusText === 'tenant_suspended' ? String(error.data) : error.status === 403 ? t('error.forbidden') : error.status === 404 ? t('error.notFound') : t('error.generic')
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
