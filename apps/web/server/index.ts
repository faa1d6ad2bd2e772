// The Baken web server: Express in front of Remix. It owns the single database instance, sets the
// security headers, decides once whether a request is for the API or a page (refusing request
// targets that different parsers would read differently), checks Origin on state-changing requests
// and authenticates every request once (session cookie, or a personal API token on the API only)
// before Remix sees it. It also runs the mail worker, which sends the outbox (packages/email),
// unless BAKEN_MAIL_WORKER=0, and the access log's sealer (packages/db/src/access-log-sealer.ts),
// unless BAKEN_ACCESS_LOG_SEALER=0.
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import { appModeFromEnv, auditSignerFromEnv, getDatabase, isDatabaseUnavailable, onDatabaseUnavailable, pgliteBackupDir, pingDatabase, sealerSetupFromEnv, startAccessLogSealer, startDatabase, writePgliteBackup } from '@baken/db'
import { DEMO_ACCOUNTS, DEMO_GUARDIAN_EMAIL, DEMO_PASSWORD, DEMO_PUPIL_EMAIL } from '@baken/db/demo'
import { loginThrottleFromEnv } from '@baken/domain'
import { mailSetupFromEnv, queueAccessLogDigests, startMailWorker } from '@baken/email'
import express from 'express'
import helmet from 'helmet'
import { serverErrorLine } from '../app/lib/error-log.server.ts'
import { secureCookies } from '../app/lib/session-cookie.ts'
import { authenticate, bearerToken } from './authenticate.ts'
import { bodySizeLimit } from './body-limit.ts'
import { noStore } from './no-store.ts'
import { isSameOrigin } from './origin.ts'
import { requestTarget, surfaceOf } from './request-target.ts'
import { parseTrustProxy } from './trust-proxy.ts'
import { writeRateLimit } from './write-rate-limit.ts'

const production = process.env.NODE_ENV === 'production'
const mode = appModeFromEnv()
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
// One setting for both: cookies are Secure exactly when the site is served over HTTPS, and then
// browsers are told to use nothing else (HSTS, RFC 6797), so the cookie cannot leak over plain http.
const secureCookie = secureCookies()

// Read before the database opens, so a mail misconfiguration (RESEND_API_KEY without MAIL_FROM)
// stops the start at once.
const mail = mailSetupFromEnv()
// Likewise the access log's signing key: production refuses to start without BAKEN_AUDIT_SIGNING_KEY.
const sealer = sealerSetupFromEnv()
const auditSigner = auditSignerFromEnv()
// And the proxy and login-throttle settings: a typo stops the start before the database is opened.
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY)
loginThrottleFromEnv()

const { handle, seeded } = await startDatabase()

// The database away (restarting, failed over): a request fails with 503 and Retry-After instead of
// a 500, in the API's error shape; pages show their error page with that status. Its transaction
// was never committed, so nothing is half-saved; postgres.js reconnects on the next request.
const UNAVAILABLE_MESSAGE = 'Baken kan zijn gegevens even niet bereiken. Probeer het over een paar seconden opnieuw.'
onDatabaseUnavailable(() => Response.json({ errors: [{ path: '', message: UNAVAILABLE_MESSAGE }] }, { status: 503, headers: { 'Retry-After': '5' } }))

const stopMailWorker =
  mail.transport && mail.worker
    ? startMailWorker(getDatabase, mail.transport, mail.worker)
    : () => Promise.resolve()

const stopSealer =
  sealer.intervalMs === null
    ? () => Promise.resolve()
    : startAccessLogSealer(getDatabase, auditSigner, { intervalMs: sealer.intervalMs, afterRun: (db, now) => queueAccessLogDigests(db, { now }) })

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', trustProxy)

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
    strictTransportSecurity: secureCookie,
    referrerPolicy: { policy: 'same-origin' },
  }),
)

// Before anything reads the path: API or page, decided once on the URL as Remix will parse it.
app.use(requestTarget())

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
  // The client build holds nothing under /api: an API request does not look on the disk first.
  const files = express.static(client, { maxAge: '1h' })
  app.use((req, res, next) => (surfaceOf(res) === 'api' ? next() : files(req, res, next)))
}

// Everything past the static files is dynamic: no copy in any cache.
app.use(noStore())

// A body over its route's limit is refused before anything reads it (413).
app.use(bodySizeLimit())

// Cross-site request forgery: a state-changing request authenticated by cookie (or a login attempt)
// must come from our own origin. Bearer-token API calls carry no ambient credentials.
app.use((req, res, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
  const surface = surfaceOf(res)
  // A Bearer request on the API is authenticated by its token alone, never by the cookie
  // (server/authenticate.ts), so it carries no ambient credential; on a page it is refused there.
  if (surface === 'api' && bearerToken(req.headers.authorization) !== null) return next()
  if (isSameOrigin(req)) return next()
  const message = 'Verzoek geweigerd: onbekende herkomst (Origin).'
  if (surface === 'api') res.status(403).json({ errors: [{ path: '', message }] })
  else res.status(403).type('text/plain').send(message)
})

app.use(authenticate(getDatabase, { secureCookie }))
app.use(writeRateLimit(getDatabase))

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
      surface: surfaceOf(res),
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    }),
  }),
)

// An error no middleware handled (e.g. the database failing during authentication). Express's own
// handler would log the message, which for a database error holds the query's parameters: log the
// same minimised line as Remix's handleError, and answer without any detail.
app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (res.headersSent) return next(error)
  // The database away during authentication or a limit's count: the same 503 as in a route.
  if ((error instanceof Response && error.status === 503) || isDatabaseUnavailable(error)) {
    if (!(error instanceof Response)) console.error(serverErrorLine(error, { method: req.method, url: new URL(req.path, 'http://localhost/').href }))
    res.setHeader('Retry-After', '5')
    if (res.locals.surface === 'api') res.status(503).json({ errors: [{ path: '', message: UNAVAILABLE_MESSAGE }] })
    else res.status(503).type('text/plain').send(UNAVAILABLE_MESSAGE)
    return
  }
  let url = 'http://localhost/'
  try {
    url = new URL(req.path, url).href
  } catch {
    // a target the URL parser refuses: log it as '/'
  }
  console.error(serverErrorLine(error, { method: req.method, url }))
  const message = 'Er ging iets mis op de server. Probeer het later opnieuw.'
  if (res.locals.surface === 'api') res.status(500).json({ errors: [{ path: '', message }] })
  else res.status(500).type('text/plain').send(message)
})

const server = app.listen(port, host, () => {
  const url = `http://${host}:${port}`
  console.log(`Baken listens on ${url} (${handle.kind === 'pglite' ? 'embedded PGlite' : 'Postgres server'}, mode ${mode})`)
  console.log(mail.summary)
  console.log(
    `${sealer.summary}; checkpoints signed with key ${auditSigner.keyId}` +
      (auditSigner.source === 'generated' ? ' (generated for this process: BAKEN_AUDIT_SIGNING_KEY is not set, so no other process can verify them)' : ''),
  )
  if (mode === 'demo' && (handle.kind === 'pglite' || process.env.BAKEN_SEED_DEMO === '1')) {
    console.log(`${seeded ? 'Demo data created.' : 'Demo data present.'} Demo accounts (password: ${DEMO_PASSWORD}):`)
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(34)} ${a.memberships.map((m) => m.role).join(', ')}`)
    // The parents' portal (/ouders): a guardian and a pupil of 17 (demo-portal.ts).
    console.log(`  ${DEMO_GUARDIAN_EMAIL.padEnd(34)} ouder`)
    console.log(`  ${DEMO_PUPIL_EMAIL.padEnd(34)} leerling`)
  }
})

function shutdown() {
  // Let a mail run in progress record what it sent before the database closes.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  void Promise.all([closed, stopMailWorker(), stopSealer()])
    .then(() => handle.close())
    .then(() => process.exit(0))
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)

// The embedded database's backup while the server runs (scripts/backup/pglite-backup.sh sends the
// signal): the process writes a copy of its data folder to BAKEN_PGLITE_BACKUP_DIR.
if (handle.kind === 'pglite') {
  let running = false
  process.on('SIGUSR2', () => {
    if (running) return
    running = true
    writePgliteBackup(handle, pgliteBackupDir())
      .then((file) => console.log(`PGlite backup written: ${file}`))
      .catch((error: unknown) => console.error(serverErrorLine(error, { method: 'SIGUSR2', url: 'http://localhost/pglite-backup' })))
      .finally(() => (running = false))
  })
}
