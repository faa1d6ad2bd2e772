// A real OpenID Connect provider (panva's oidc-provider) on a free local port, for the SSO tests and
// the demo (scripts/demo-sso.ts). Discovery, the authorization code flow with PKCE, signed ID
// tokens, userinfo: all the provider's own. Only the login screen is ours and has no form: the
// caller names the account in the interaction URL (`?login=<account id>`, or `?deny=1` to refuse;
// without either, a page of links to choose from, for the demo),
// and the provider finishes the interaction with that account's amr/acr and a grant for the
// requested scopes.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'

export interface OidcAccount {
  email?: string
  emailVerified?: boolean
  name?: string
  /** Authentication methods the provider asserts (RFC 8176), e.g. ['pwd'] or ['pwd', 'mfa']. */
  amr?: string[]
  acr?: string
}

export interface OidcClient {
  clientId: string
  clientSecret: string
  redirectUris: string[]
}

export interface RunningOidcProvider {
  issuer: string
  provider: Provider
  /** Adds or replaces an account (its id is the `sub`). */
  setAccount(sub: string, account: OidcAccount): void
  /** Registers the client's redirect URIs (known only once Baken runs). */
  setRedirectUris(uris: string[]): void
  stop(): Promise<void>
}

export async function startOidcProvider(options: {
  client: OidcClient
  accounts: Record<string, OidcAccount>
  port?: number
  host?: string
}): Promise<RunningOidcProvider> {
  const accounts = new Map(Object.entries(options.accounts))
  const client = { ...options.client }
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const issuer = `http://${options.host ?? '127.0.0.1'}:${port}`

  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // acr and amr as standalone claims: the ID token carries what the login asserted (RFC 8176).
    claims: { acr: null, amr: null, auth_time: null, sid: null, openid: ['sub', 'acr', 'amr', 'auth_time'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['baken-test-oidc-cookie-key'] },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub)
      if (!account) return undefined
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(account.email !== undefined ? { email: account.email } : {}),
          // Left out when the account does not say, as Microsoft Entra ID does.
          ...(account.emailVerified !== undefined ? { email_verified: account.emailVerified } : {}),
          ...(account.name ? { name: account.name } : {}),
        }),
      }
    },
  }
  let provider = new Provider(issuer, configuration)
  const rebuild = () => {
    configuration.clients = [{ ...configuration.clients![0]!, redirect_uris: client.redirectUris }]
    provider = new Provider(issuer, configuration)
  }

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer)
    if (!url.pathname.startsWith('/interaction/')) return provider.callback()(req, res)
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res)
        if (url.searchParams.get('deny')) {
          return await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'Geweigerd door de gebruiker' }, { mergeWithLastSubmission: false })
        }
        const sub = url.searchParams.get('login')
        if (sub === null) {
          // A person at the keyboard (the demo): a page with one link per account.
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(chooserPage(url.pathname, accounts))
          return
        }
        const account = accounts.get(sub)
        if (!account) {
          res.writeHead(400, { 'content-type': 'text/plain' }).end(`unknown account ${sub}`)
          return
        }
        const grant = new provider.Grant({ accountId: sub, clientId: String(details.params.client_id) })
        grant.addOIDCScope(String(details.params.scope))
        const grantId = await grant.save()
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: sub, amr: account.amr, acr: account.acr }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        )
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error))
      }
    })()
  })

  return {
    issuer,
    get provider() {
      return provider
    },
    setAccount: (sub, account) => void accounts.set(sub, account),
    setRedirectUris(uris) {
      client.redirectUris = uris
      rebuild()
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const escape = (v: string) => v.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

function chooserPage(path: string, accounts: Map<string, OidcAccount>): string {
  const items = [...accounts]
    .map(([sub, a]) => `<li><a href="${escape(path)}?login=${encodeURIComponent(sub)}">${escape(a.name ?? sub)} (${escape(a.email ?? 'geen e-mail')}${a.amr?.includes('mfa') ? ', met MFA' : ''})</a></li>`)
    .join('')
  return `<!doctype html><html lang="nl"><meta name="viewport" content="width=device-width"><title>Demo-inlogdienst</title>
<h1>Demo-inlogdienst van de school</h1><p>Kies als wie je inlogt (een demo: geen wachtwoord).</p><ul>${items}</ul>
<p><a href="${escape(path)}?deny=1">Inloggen weigeren</a></p></html>`
}
