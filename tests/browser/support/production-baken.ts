// Baken as a new installation runs it, for the browser suite's `production` project: an empty
// embedded database in a temp folder, BAKEN_MODE=production with fresh secrets, mail through a
// local stand-in for Resend (RESEND_API_KEY + RESEND_API_URL), `pnpm admin:bootstrap` run before
// the first start as an installer would, and a real OpenID Connect provider over https with a
// throw-away certificate the server trusts (NODE_EXTRA_CA_CERTS), since production mode accepts
// only https issuers.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeResend, type FakeResend } from '../../../packages/email/test/support/fake-resend.ts'
import { startOidcProvider, type OidcAccount, type RunningOidcProvider } from '../../http/support/oidc-provider.ts'
import { freePort, startServer, type RunningServer } from '../../http/support/server.ts'
import { productionEnv, runBootstrap, selfSignedCert, tempDir } from '../../support/production.ts'

export interface ProductionBaken {
  baseUrl: string
  resend: FakeResend
  idp: RunningOidcProvider
  oidcClient: { clientId: string; clientSecret: string }
  output(): string
  stop(): Promise<void>
}

export async function startProductionBaken(options: {
  platformBeheerder: { email: string; name: string }
  accounts: Record<string, OidcAccount>
}): Promise<ProductionBaken> {
  const dir = tempDir('baken-e2e-production-')
  let resend: FakeResend | undefined
  let idp: RunningOidcProvider | undefined
  let server: RunningServer | undefined
  const stop = async () => {
    await server?.stop()
    await idp?.stop()
    await resend?.close()
    dir.remove()
  }
  try {
    resend = await startFakeResend()
    const cert = selfSignedCert(dir.path)
    mkdirSync(join(dir.path, 'pglite'))
    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const oidcClient = { clientId: 'baken-onboarding', clientSecret: 'onboarding-client-secret-0123456789abcdef' }
    idp = await startOidcProvider({ client: { ...oidcClient, redirectUris: [`${baseUrl}/login/sso/callback`] }, accounts: options.accounts, tls: cert })
    const env = {
      ...productionEnv(),
      PGLITE_DATA_DIR: join(dir.path, 'pglite'),
      RESEND_API_KEY: resend.apiKey,
      RESEND_API_URL: resend.baseUrl,
      MAIL_FROM: 'Baken <noreply@baken.test>',
      BAKEN_PUBLIC_URL: baseUrl,
      // A passkey's relying party must be a domain name, and production refuses an IP address;
      // this server is reached as 127.0.0.1, and its test signs in without passkeys.
      BAKEN_WEBAUTHN_RP_ID: 'localhost',
      BAKEN_WEBAUTHN_ORIGIN: `http://localhost:${port}`,
    }
    const bootstrap = await runBootstrap(['--email', options.platformBeheerder.email, '--name', options.platformBeheerder.name], env)
    if (bootstrap.code !== 0) throw new Error(`admin:bootstrap failed (${bootstrap.code}): ${bootstrap.stderr}${bootstrap.stdout}`)
    server = await startServer({
      ...env,
      PORT: String(port),
      PGLITE_SNAPSHOT: '',
      NODE_EXTRA_CA_CERTS: cert.certFile,
      // Mail leaves as soon as it is queued, as a person waiting for it would expect.
      MAIL_WORKER_INTERVAL_MS: '200',
    })
    const running = { server, idp, resend }
    return { baseUrl, resend: running.resend, idp: running.idp, oidcClient, output: () => running.server.output(), stop }
  } catch (error) {
    await stop()
    throw error
  }
}
