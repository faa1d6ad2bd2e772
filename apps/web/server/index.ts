// The Baken web server: Express in front of Remix. It owns the single database instance, sets the
// security headers, checks Origin on state-changing requests and authenticates every request once
// (session cookie or personal API token) before Remix sees it. It also runs the mail worker, which
// sends the outbox (packages/email), unless BAKEN_MAIL_WORKER=0.
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import { appModeFromEnv, getDatabase, pingDatabase, startDatabase } from '@baken/db'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@baken/db/demo'
import { mailSetupFromEnv, startMailWorker } from '@baken/email'
import express from 'express'
import helmet from 'helmet'
import { authenticate } from './authenticate.ts'
import { isSameOrigin } from './origin.ts'

const production = process.env.NODE_ENV === 'production'
const mode = appModeFromEnv()
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'

// Read before the database opens, so a mail misconfiguration (RESEND_API_KEY without MAIL_FROM)
// stops the start at once.
const mail = mailSetupFromEnv()

const { handle, seeded } = await startDatabase()

const stopMailWorker =
  mail.transport && mail.worker
    ? startMailWorker(getDatabase, mail.transport, { intervalMs: mail.worker.intervalMs })
    : () => Promise.resolve()

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
if (process.env.TRUST_PROXY) app.set('trust proxy', process.env.TRUST_PROXY)

app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('hex')
  next()
})
app.use(
  helmet({
    contentSecurityPolicy: {
      // Vite's dev server injects inline scripts; enforce the policy only on the built app.
      reportOnly: !production,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
        connectSrc: production ? ["'self'"] : ["'self'", 'ws:'],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: mode === 'production',
    referrerPolicy: { policy: 'same-origin' },
  }),
)

app.get('/healthz', async (_req, res) => {
  const ok = await pingDatabase()
  res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'error', db: ok ? 'ok' : 'down' })
})

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  // Resolved from this file, so the server can be started from any working directory; from the
  // bundle (build/server.js) '../build/client' is the same folder.
  const client = fileURLToPath(new URL('../build/client', import.meta.url))
  app.use('/assets', express.static(`${client}/assets`, { immutable: true, maxAge: '1y' }))
  app.use(express.static(client, { maxAge: '1h' }))
}

// Cross-site request forgery: a state-changing request authenticated by cookie (or a login attempt)
// must come from our own origin. Bearer-token API calls carry no ambient credentials.
app.use((req, res, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
  // Tokens are honoured only under /api/ (server/authenticate.ts), so only there may they skip this.
  if (req.path.startsWith('/api/') && req.headers.authorization?.startsWith('Bearer ')) return next()
  if (isSameOrigin(req)) return next()
  const message = 'Verzoek geweigerd: onbekende herkomst (Origin).'
  if (req.path.startsWith('/api/')) res.status(403).json({ errors: [{ path: '', message }] })
  else res.status(403).type('text/plain').send(message)
})

app.use(authenticate(getDatabase, { secureCookie: mode === 'production' || process.env.COOKIE_SECURE === '1' }))
app.use((await import('./write-rate-limit.ts')).writeRateLimit())

// A literal specifier (relative to this file, so any working directory will do): the production
// bundle (server/bundle.mjs) then compiles the Remix build into build/server.js with the workspace
// packages it imports. `as string` only keeps tsc from looking for the file, which a fresh clone
// has not built yet.
const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  : ((await import('../build/server/index.js' as string)) as ServerBuild)

app.all(
  '*',
  createRequestHandler({
    build,
    mode: production ? 'production' : 'development',
    getLoadContext: (req, res) => ({
      auth: res.locals.auth ?? null,
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    }),
  }),
)

const server = app.listen(port, host, () => {
  const url = `http://${host}:${port}`
  console.log(`Baken listens on ${url} (${handle.kind === 'pglite' ? 'embedded PGlite' : 'Postgres server'}, mode ${mode})`)
  console.log(mail.summary)
  if (mode === 'demo' && (handle.kind === 'pglite' || process.env.BAKEN_SEED_DEMO === '1')) {
    console.log(`${seeded ? 'Demo data created.' : 'Demo data present.'} Demo accounts (password: ${DEMO_PASSWORD}):`)
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(34)} ${a.memberships.map((m) => m.role).join(', ')}`)
  }
})

function shutdown() {
  // Let a mail run in progress record what it sent before the database closes.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  void Promise.all([closed, stopMailWorker()])
    .then(() => handle.close())
    .then(() => process.exit(0))
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
