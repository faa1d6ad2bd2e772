// The same server on a Postgres server: migrations and demo seed as the owner (DATABASE_OWNER_URL),
// requests as a login role that owns nothing and can only become baken_app (DATABASE_URL).
import { createHash } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_URL, pgServerReachable } from './support/pg-server.ts'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

const LOGIN_ROLE = 'baken_web_test'
/** A login role of the same server that is not the application's. */
const STRANGER_ROLE = 'baken_stranger_test'

const reachable = await pgServerReachable('the Postgres-server HTTP tests')

function urlFor(database: string, user?: string) {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${database}`
  if (user) {
    url.username = user
    url.password = ''
  }
  return url.toString()
}

describe.skipIf(!reachable)('on a Postgres server with a separate login role', () => {
  const database = `baken_http_${Date.now().toString(36)}`
  let server: RunningServer
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  /** A login role as in production: owns nothing, inherits nothing, cannot bypass RLS (cluster-wide, kept). */
  const ensureLoginRole = (name: string) =>
    admin.unsafe(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${name}') then
        create role ${name} login noinherit nosuperuser nobypassrls;
      end if; end $$`)

  beforeAll(async () => {
    await admin.unsafe(`create database ${database}`)
    // The first start as owner creates baken_app and baken_board; the login role is then granted both.
    // No mail worker in this owner-run start: the demo's pending mail is left for the real server.
    const first = await startServer({ DATABASE_URL: urlFor(database), BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0' })
    await first.stop()
    await ensureLoginRole(LOGIN_ROLE)
    await admin.unsafe(`grant baken_app, baken_board, baken_family to ${LOGIN_ROLE}`)
    // The in-process mail worker switches to baken_mailer (infra/README.md).
    await admin.unsafe(`grant baken_mailer to ${LOGIN_ROLE}`)
    server = await startServer({
      DATABASE_OWNER_URL: urlFor(database),
      DATABASE_URL: urlFor(database, LOGIN_ROLE),
    })
  }, 120_000)

  afterAll(async () => {
    await server?.stop()
    await admin.unsafe(`drop database if exists ${database} with (force)`)
    await admin.end({ timeout: 5 })
  })

  it('serves a school its own pupils and answers 404 for another stichting’s', async () => {
    const branding = new Client(server.baseUrl)
    await branding.login('directeur@branding.demo')
    const list = (await branding.get('/api/v1/students?pageSize=200')).json()
    expect(list.total).toBeGreaterThanOrEqual(20)
    const horizon = new Client(server.baseUrl)
    await horizon.login('directeur@horizon.demo')
    const foreign = (await horizon.get('/api/v1/students?pageSize=1')).json().items[0].id
    expect((await branding.get(`/api/v1/students/${foreign}`)).status).toBe(404)
    expect((await horizon.get(`/api/v1/students/${foreign}`)).status).toBe(200)
  })

  it('the in-process mail worker, as baken_mailer through the login role, sends the demo’s pending mail', async () => {
    const board = new Client(server.baseUrl)
    await board.login('bestuur@kompas.demo')
    const statuses = async () => [...(await board.get('/berichten')).text.matchAll(/data-outbox-id="[^"]+" data-status="(\w+)"/g)].map((m) => m[1])
    const deadline = Date.now() + 15_000
    let seen = await statuses()
    while (seen.includes('pending') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200))
      seen = await statuses()
    }
    expect(seen).toContain('sent')
    expect(seen).not.toContain('pending')
    expect(server.output()).not.toContain('[mail]')
  })

  it('healthz answers 503 when the database is gone, 200 again when it is back', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200)
    const signedIn = new Client(server.baseUrl)
    await signedIn.login('directeur@vakcollege.demo')
    // Refuse new connections to this database and end the current ones: the server's pool is cut off.
    await admin.unsafe(`alter database ${database} allow_connections false`)
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}'`)
    try {
      const down = await fetch(`${server.baseUrl}/healthz`)
      expect(down.status).toBe(503)
      expect(await down.json()).toEqual({ status: 'error', db: 'down' })
      // Authentication itself fails now: 503 with Retry-After and no detail, and a log line without
      // the database's message (which would quote the query's parameters: here the session's hash).
      const logBefore = server.output().length
      const api = await signedIn.get('/api/v1/me')
      expect(api.status).toBe(503)
      expect(api.headers.get('retry-after')).toBe('5')
      expect(api.json()).toEqual({ errors: [{ path: '', message: expect.stringContaining('even niet bereiken') }] })
      const page = await signedIn.get('/leerlingen')
      expect(page.status).toBe(503)
      expect(page.text).not.toMatch(/postgres|select|database/i)
      const log = server.output().slice(logBefore)
      expect(log).toContain('[error] GET /api/v1/me:')
      expect(log).not.toMatch(/select|params|Failed query/i)
    } finally {
      await admin.unsafe(`alter database ${database} allow_connections true`)
    }
    // The pool reconnects on its next query; wait for that state.
    const deadline = Date.now() + 30_000
    let status = 0
    while (Date.now() < deadline && (status = (await fetch(`${server.baseUrl}/healthz`)).status) !== 200) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(status).toBe(200)
  })

  it('the board works through the login role as baken_board; a login role without that grant stops the server at start', async () => {
    const board = new Client(server.baseUrl)
    await board.login('bestuur@kompas.demo')
    expect((await board.get('/bestuur')).status).toBe(200)
    const noBoard = `${LOGIN_ROLE}_noboard`
    await ensureLoginRole(noBoard)
    await admin.unsafe(`grant baken_app, baken_mailer, baken_family to ${noBoard}`)
    await admin.unsafe(`revoke baken_board from ${noBoard}`)
    try {
      await expect(startServer({ DATABASE_OWNER_URL: urlFor(database), DATABASE_URL: urlFor(database, noBoard) })).rejects.toThrow(
        new RegExp(`cannot become baken_board: run "grant baken_board to ${noBoard}"`),
      )
    } finally {
      await admin.unsafe(`drop role if exists ${noBoard}`)
    }
  })

  it('the login role itself can read nothing, and RESET ROLE inside a transaction gains nothing', async () => {
    const app = postgres(urlFor(database, LOGIN_ROLE), { max: 1, onnotice: () => {} })
    try {
      await expect(app`select count(*) from students`).rejects.toThrow(/permission denied/)
      await expect(
        app.begin(async (tx) => {
          await tx`select set_config('role', 'baken_app', true)`
          await tx`reset role`
          return tx`select count(*) from students`
        }),
      ).rejects.toThrow(/permission denied/)
      await expect(app`set session authorization postgres`).rejects.toThrow(/permission denied/)
      const [row] = await app`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`
      expect(row).toEqual({ rolsuper: false, rolbypassrls: false })
    } finally {
      await app.end({ timeout: 1 })
    }
  })

  it('authentication in one statement answers only a login role that may become baken_app, and only about the key it is given', async () => {
    const signedIn = new Client(server.baseUrl)
    await signedIn.login('directeur@branding.demo')
    const sessionId = createHash('sha256').update(signedIn.cookie!).digest('hex')
    const call = (db: postgres.Sql, key: string) =>
      db`select user_id, email, role, organisation_name from auth_session(${key}, now(), '30 days', '15 days', '5 minutes', false)`
    const app = postgres(urlFor(database, LOGIN_ROLE), { max: 1, onnotice: () => {} })
    await admin.unsafe(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${STRANGER_ROLE}') then
        create role ${STRANGER_ROLE} login noinherit nosuperuser nobypassrls;
      end if; end $$`)
    await admin.unsafe(`grant connect on database ${database} to ${STRANGER_ROLE}`)
    const stranger = postgres(urlFor(database, STRANGER_ROLE), { max: 1, onnotice: () => {} })
    try {
      // The app's login role, without switching to baken_app first: one statement, one answer.
      const [me] = await call(app, sessionId)
      expect(me).toMatchObject({ email: 'directeur@branding.demo', role: 'directeur', organisation_name: 'OBS De Branding' })
      expect(await call(app, createHash('sha256').update('not a session').digest('hex'))).toHaveLength(0)
      expect(await app`select * from auth_api_token(${sessionId}, now(), '60 seconds')`).toHaveLength(0)
      // Another role on the same server learns nothing, not even with the right key.
      await expect(call(stranger, sessionId)).rejects.toThrow(/only the application authenticates requests/)
      await expect(stranger`select * from auth_api_token(${sessionId}, now(), '60 seconds')`).rejects.toThrow(/only the application/)
    } finally {
      await app.end({ timeout: 1 })
      await stranger.end({ timeout: 1 })
      await admin.unsafe(`revoke connect on database ${database} from ${STRANGER_ROLE}`)
      await admin.unsafe(`drop role if exists ${STRANGER_ROLE}`)
    }
  })
})
