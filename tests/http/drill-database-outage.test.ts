// Failure drill: the database goes away while the server runs (connections refused and the open
// ones cut, as in a restart or a failover) and comes back. Meanwhile requests fail cleanly — 503
// with Retry-After and the API's errors, never a 500 — a write attempted then leaves nothing
// behind, and /healthz reports the database down; afterwards the server recovers by itself (no
// restart) and the same write succeeds once. On a Postgres server; skipped with a message without one.
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { createSharedDatabase, type SharedDatabase } from './support/own-database.ts'
import { ADMIN_URL, databaseUrl, pgServerReachable } from './support/pg-server.ts'
import { startServer, type RunningServer } from './support/server.ts'

const reachable = await pgServerReachable('the database-outage drill')

describe.skipIf(!reachable)('drill: the database goes away and comes back', () => {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  let own: SharedDatabase
  let database: string
  let server: RunningServer

  beforeAll(async () => {
    own = await createSharedDatabase('baken_drill')
    database = own.name
    server = await startServer({ ...own.serverEnv(), BAKEN_MAIL_WORKER: '0', BAKEN_ACCESS_LOG_SEALER: '0' })
  }, 240_000)
  afterAll(async () => {
    await server?.stop()
    await admin.unsafe(`alter database ${database} allow_connections true`).catch(() => {})
    await own?.drop()
    await admin.end({ timeout: 5 })
  })

  const incidents = async () => {
    const owner = postgres(databaseUrl(database), { max: 1, onnotice: () => {} })
    try {
      return (await owner<{ n: number }[]>`select count(*)::int as n from incidents`)[0]!.n
    } finally {
      await owner.end({ timeout: 5 })
    }
  }
  const away = async () => {
    await admin.unsafe(`alter database ${database} allow_connections false`)
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${database}' and pid <> pg_backend_pid()`)
  }
  const back = () => admin.unsafe(`alter database ${database} allow_connections true`)

  it('answers 503 while it is away, writes nothing, reports it on /healthz, and recovers without a restart', async () => {
    const teacher = new Client(server.baseUrl)
    await teacher.login('leerkracht@branding.demo')
    const pupil = (await teacher.get('/api/v1/students?pageSize=1')).json().items[0].id as string
    const note = {
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      voorval: [1],
      situation: 'Gemeld tijdens de storing.',
      persons: [{ role: 'dader', kind: 'leerling', studentId: pupil }],
    }
    const before = await incidents()

    await away()
    try {
      const write = await teacher.request('POST', '/api/v1/incidents', { json: note })
      expect(write.status, write.text).toBe(503)
      expect(write.headers.get('retry-after')).toBe('5')
      expect(write.json()).toEqual({ errors: [{ path: '', message: expect.stringMatching(/gegevens even niet bereiken/) }] })
      const read = await teacher.get('/api/v1/incidents?pageSize=1')
      expect(read.status, read.text).toBe(503)
      const page = await teacher.get('/incidenten')
      expect(page.status, page.text.slice(0, 200)).toBe(503)
      const health = await fetch(`${server.baseUrl}/healthz`)
      expect(health.status).toBe(503)
      expect(await health.json()).toEqual({ status: 'error', db: 'down' })
    } finally {
      await back()
    }

    // Recovers by itself: wait for the state, not for a time.
    const deadline = Date.now() + 30_000
    while ((await fetch(`${server.baseUrl}/healthz`)).status !== 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200)
    expect(await incidents()).toBe(before)
    const again = await teacher.request('POST', '/api/v1/incidents', { json: note })
    expect(again.status, again.text).toBe(201)
    expect(await incidents()).toBe(before + 1)
    // The server's log holds no 500 and none of the note's text.
    expect(server.output()).not.toContain('Gemeld tijdens de storing')
  })
})
