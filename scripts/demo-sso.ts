// `pnpm demo:sso`: a demo single sign-on provider for the Baken demo. Starts a real OpenID Connect
// provider (oidc-provider) on 127.0.0.1:4010 (BAKEN_DEMO_SSO_PORT) with demo accounts of Stichting
// Kompas, and, when the demo server answers at BAKEN_DEMO_URL (default http://localhost:3000),
// configures it as Kompas's provider through the API, signed in as the demo stichtingbeheerder.
// Then "Inloggen via je school" on the login page leads here. See README ("Demo: inloggen via de school").
import { startOidcProvider } from '../tests/http/support/oidc-provider.ts'

const port = Number(process.env.BAKEN_DEMO_SSO_PORT ?? 4010)
const baken = (process.env.BAKEN_DEMO_URL ?? 'http://localhost:3000').replace(/\/$/, '')
const client = { clientId: 'baken-demo', clientSecret: 'demo-sso-client-secret-not-for-production' }

const idp = await startOidcProvider({
  port,
  client: { ...client, redirectUris: [`${baken}/login/sso/callback`] },
  accounts: {
    'henk.mulder': { name: 'Henk Mulder, directeur', email: 'directeur@branding.demo', emailVerified: true, amr: ['pwd'] },
    'sanne.kuipers': { name: 'Sanne Kuipers, IB', email: 'ib@branding.demo', emailVerified: true, amr: ['pwd', 'mfa'] },
    'onbekend': { name: 'Iemand zonder Baken-account', email: 'nieuw@branding.demo', emailVerified: true, amr: ['pwd'] },
  },
})
console.log(`Demo-inlogdienst: ${idp.issuer} (client id ${client.clientId}, redirect ${baken}/login/sso/callback)`)

try {
  const login = await fetch(`${baken}/login`, {
    method: 'POST',
    headers: { origin: baken, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'beheer@kompas.demo', password: 'veilig-demo-2026' }),
    redirect: 'manual',
  })
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('baken_session='))?.split(';')[0]
  if (!cookie) throw new Error(`login answered ${login.status}`)
  const put = await fetch(`${baken}/api/v1/admin/sso`, {
    method: 'PUT',
    headers: { cookie, origin: baken, 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'Stichting Kompas (demo-inlogdienst)', issuer: idp.issuer, ...client }),
  })
  console.log(put.ok ? `Ingesteld voor Stichting Kompas op ${baken}.` : `Instellen mislukt (${put.status}): ${await put.text()}`)
} catch (error) {
  console.log(`Baken op ${baken} niet bereikt (${(error as Error).message}); stel de inlogdienst in op /beheer/sso (zie README).`)
}
console.log('Stoppen: Ctrl+C.')
