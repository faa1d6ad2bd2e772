// Hostile bodies against every write operation of the API (POST, PUT, PATCH), generated from the
// route files and the served OpenAPI document, so a new write route is fuzzed without anyone adding
// it here (and a route file whose write is not reached fails the first test).
//
// For each operation a demo user who may run it is found (a text/plain probe answers 415 past the
// permission check), ids for its path come from the API's own lists as that user (and as a user of
// the other stichting, for the foreign-id runs), and a plausible body is built from the documented
// request schema. fast-check then breaks one thing at a time: a field of the wrong type, a string
// past its length, a NUL byte, a lone surrogate, look-alike Unicode digits and letters, impossible
// dates (0000-00-00, 9999-12-31, 2026-02-30), deep nesting, 10,000-item arrays, unknown keys, an id
// of the other tenant; and every operation also gets a 1–5 MB body, a body nested 10,000 deep, a
// top-level array of 10,000 items and broken JSON.
//
// Every answer must be 400 with {"errors":[{path,message}]} (404 for an id the caller cannot see,
// 413 for a body over the route's limit), within 15 s, never a 500; and no table may change: the
// row counts of every table, read as the database owner, are the same before and after.
//
// Runs on a Postgres server (the counts need an owner connection beside the server); skipped with
// a message where there is none, like the other server tests. BAKEN_FUZZ_SEED and BAKEN_FUZZ_RUNS
// reproduce or widen a run; the seed is logged.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PG_TEMPLATE_ENV } from '../../packages/db/test/support/seeded-env.ts'
import { Client } from './support/client.ts'
import { ADMIN_URL, databaseUrl, pgServerReachable } from './support/pg-server.ts'
import { startServer, type RunningServer } from './support/server.ts'

const reachable = await pgServerReachable('the write-route fuzz tests')

const SEED = Number(process.env.BAKEN_FUZZ_SEED ?? 20261204)
const RUNS = Number(process.env.BAKEN_FUZZ_RUNS ?? 14)
const REQUEST_TIMEOUT_MS = 15_000

/** Every demo role; the first one allowed to run an operation runs it. */
const USERS = [
  'directeur@branding.demo',
  'ib@branding.demo',
  'vertrouwenspersoon@branding.demo',
  'leerkracht@branding.demo',
  'directeur@vakcollege.demo',
  'bestuur@kompas.demo',
  'beheer@kompas.demo',
  'privacy@kompas.demo',
  'halt@haltnoord.demo',
  'politie@wijkteam.demo',
  'platform@baken.demo',
  'ouder@branding.demo',
  'leerling@vakcollege.demo',
]
/** Users of the other stichting: their ids are the foreign ids. */
const FOREIGN_USERS = ['directeur@horizon.demo', 'bestuur@horizon.demo']

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  default?: unknown
  additionalProperties?: boolean | Schema
}
interface Operation {
  method: string
  path: string
  schema: Schema | null
}

/** The API paths of the route files that export an action, in OpenAPI form (as auth.test.ts reads them). */
function writeRouteFiles(): string[] {
  const dir = fileURLToPath(new URL('../../apps/web/app/routes', import.meta.url))
  const paths = new Set<string>()
  for (const file of readdirSync(dir)) {
    if (!file.startsWith('api.v1.') || file === 'api.v1.$.ts') continue
    if (!/export (async function|const) action\b/.test(readFileSync(`${dir}/${file}`, 'utf8'))) continue
    const segments = file
      .replace(/^api\.v1\./, '')
      .replace(/\.tsx?$/, '')
      .replaceAll('[.]', '\u0000')
      .split('.')
      .filter((segment) => segment !== '_index')
      .map((segment) => segment.replace(/_$/, '').replace(/^\$([A-Za-z]+)/, '{$1}').replaceAll('\u0000', '.'))
    paths.add('/' + segments.join('/'))
  }
  return [...paths].sort()
}

// ---- A plausible body from the documented schema --------------------------------------------------

/** The branch of a union to build from: the first that is not null. */
function concrete(s: Schema): Schema {
  const branches = s.anyOf ?? s.oneOf
  if (branches) return concrete(branches.find((b) => b.type !== 'null') ?? branches[0]!)
  if (s.allOf?.length) return concrete(Object.assign({}, ...s.allOf) as Schema)
  return s
}
const nullable = (s: Schema) => (s.anyOf ?? s.oneOf ?? []).some((b) => b.type === 'null') || s.type === 'null'
const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type)

const today = new Date().toISOString().slice(0, 10)
/** Names that hold a date or a date-time in this API (the schema says only "string"). */
const DATE_NAME = /(On|At|Date|From|Until|Day|^asOf|^date|^birth)$|^(date|dateOfBirth|birthDate)$/
const DATE_TIME_NAME = /At$/

interface Ids {
  own: string[]
  foreign: string[]
}

function example(s: Schema, name: string, ids: Ids): unknown {
  if (s.const !== undefined) return s.const
  if (s.default !== undefined && !s.anyOf) return s.default
  const c = concrete(s)
  if (c.const !== undefined) return c.const
  if (c.enum) return c.enum[0]
  switch (typeOf(c)) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(c.properties ?? {})) out[k] = example(v, k, ids)
      return out
    }
    case 'array': {
      const n = Math.max(1, c.minItems ?? 1)
      return Array.from({ length: n }, () => example(c.items ?? {}, name, ids))
    }
    case 'integer':
    case 'number':
      return Math.max(c.minimum ?? 1, Math.min(c.maximum ?? 1, 1))
    case 'boolean':
      return false
    case 'string': {
      if (c.format === 'uuid') return ids.own[0] ?? '00000000-0000-4000-8000-000000000000'
      if (c.format === 'date' || DATE_NAME.test(name)) return DATE_TIME_NAME.test(name) ? new Date(Date.now() - 3600_000).toISOString() : today
      if (c.format === 'email' || /email/i.test(name)) return 'fuzz@example.org'
      if (c.pattern) {
        try {
          return fc.sample(fc.stringMatching(new RegExp(c.pattern), { size: 'xsmall' }), { numRuns: 1, seed: SEED })[0]
        } catch {
          return 'x'
        }
      }
      const min = c.minLength ?? 1
      return 'Fuzz tekst '.padEnd(Math.min(Math.max(min, 12), c.maxLength ?? 12), 'x')
    }
    default:
      return 'x'
  }
}

/** Every place in a body a mutation can hit: a path and the schema there. */
function places(s: Schema, path: string[] = [], out: { path: string[]; schema: Schema }[] = []) {
  const c = concrete(s)
  if (path.length) out.push({ path, schema: s })
  if (typeOf(c) === 'object') for (const [k, v] of Object.entries(c.properties ?? {})) places(v, [...path, k], out)
  if (typeOf(c) === 'array' && c.items) places(c.items, [...path, '0'], out)
  return out
}

function setAt(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>
  let at: Record<string, unknown> = copy
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>
  at[path.at(-1)!] = value
  return copy
}

// ---- Hostile values ------------------------------------------------------------------------------

const deep = (depth: number, leaf: unknown = 1): unknown => {
  let v = leaf
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v]
  return v
}
const FULLWIDTH = (s: string) => s.replace(/[0-9A-Za-z]/g, (ch) => String.fromCodePoint(ch.codePointAt(0)! + 0xfee0))
const ARABIC_DIGITS = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCodePoint(0x0660 + Number(d)))
const IMPOSSIBLE_DATES = ['0000-00-00', '9999-12-31', '2026-02-30', '2026-13-01', '1899-12-31', '+012026-01-01', '2026-1-1', '2026-01-01T25:61', '31-12-2026']
const WRONG_TYPE: Record<string, unknown[]> = {
  string: [12345, true, {}, [], { $gt: '' }, ['x']],
  // Numbers arrive from page forms as text, so the schemas coerce numeric strings (and what
  // Number() reads as one): only values no coercion makes a number are wrong here.
  integer: ['tien', '1,5', 1.5, 1e308, -1e308, {}, [1, 2]],
  number: ['tien', '1,5', {}, [1, 2], 1e308],
  boolean: ['yes', 2, -1, [], {}, 'TRUE '],
  object: ['x', 1, [], true],
  array: ['x', 1, {}, true],
}

/** A value the schema at this place must refuse, or an id the caller cannot see. */
function hostileFor(s: Schema, name: string, ids: Ids): fc.Arbitrary<{ kind: string; value: unknown }> {
  const c = concrete(s)
  const type = typeOf(c) ?? 'string'
  const options: fc.Arbitrary<{ kind: string; value: unknown }>[] = []
  const wrong = (WRONG_TYPE[type] ?? WRONG_TYPE.string!).filter((v) => !(nullable(s) && v === null))
  options.push(fc.constantFrom(...wrong).map((value) => ({ kind: 'wrong type', value })))
  options.push(fc.integer({ min: 100, max: 400 }).map((d) => ({ kind: `nested ${d} deep`, value: deep(d) })))
  if (type !== 'array') options.push(fc.constant({ kind: 'array of 10,000', value: Array.from({ length: 10_000 }, () => 'x') }))
  if (type === 'string') {
    options.push(fc.constantFrom('a\u0000b', '\u0000', 'x\u0007y').map((value) => ({ kind: 'control character', value })))
    options.push(fc.constantFrom('\ud800', 'ab\udfffcd', '\udbff\ud800').map((value) => ({ kind: 'lone surrogate', value })))
    if (c.maxLength !== undefined) options.push(fc.integer({ min: 1, max: 50 }).map((n) => ({ kind: 'one past maxLength', value: 'x'.repeat(c.maxLength! + n) })))
    const structured = c.format === 'uuid' || c.format === 'date' || c.enum || c.const !== undefined || DATE_NAME.test(name) || c.pattern
    if (structured) {
      const plain = String(example(s, name, ids))
      // Only variants that differ from the plain value (a text without digits has no Arabic-Indic form).
      const variants = [FULLWIDTH(plain), ARABIC_DIGITS(plain), plain + '\u200b', '\u202e' + plain, plain.toUpperCase() === plain ? plain.toLowerCase() + ' ' : plain.toUpperCase()].filter((v) => v !== plain)
      options.push(fc.constantFrom(...variants).map((value) => ({ kind: 'look-alike unicode', value })))
    }
    if (c.format === 'date' || DATE_NAME.test(name)) options.push(fc.constantFrom(...IMPOSSIBLE_DATES).map((value) => ({ kind: 'impossible date', value })))
    if (c.format === 'uuid' && ids.foreign.length) options.push(fc.constantFrom(...ids.foreign).map((value) => ({ kind: 'foreign id', value })))
    if (c.format === 'uuid') options.push(fc.constantFrom('00000000-0000-0000-0000-00000000000g', "' or 1=1 --", '../../etc/passwd').map((value) => ({ kind: 'not a uuid', value })))
  }
  if (type === 'array' && c.items) {
    const item = example(c.items, name, ids)
    options.push(fc.constant({ kind: 'array of 10,000 items', value: Array.from({ length: 10_000 }, () => item) }))
  }
  if (type === 'integer' || type === 'number') {
    if (c.maximum !== undefined) options.push(fc.constant({ kind: 'past maximum', value: c.maximum + 1 }))
    if (c.minimum !== undefined) options.push(fc.constant({ kind: 'below minimum', value: c.minimum - 1 }))
  }
  return fc.oneof(...options)
}

type Mutation = { kind: string; path: string; body: unknown }

function mutations(op: Operation, base: unknown, ids: Ids): fc.Arbitrary<Mutation> {
  const targets = op.schema ? places(op.schema) : []
  const arbs: fc.Arbitrary<Mutation>[] = [
    // An unknown key (the schemas are strict), under an ordinary, a look-alike or a prototype name.
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'ｎａｍｅ', 'extra', 'stichtingId\u200b'), fc.constantFrom<unknown>({ admin: true }, 1, 'x', deep(50)))
      .map(([key, value]) => ({ kind: `unknown key ${JSON.stringify(key)}`, path: key, body: { ...(base as object), [key]: value } })),
  ]
  if (targets.length) {
    arbs.push(
      fc
        .constantFrom(...targets)
        .chain((t) => hostileFor(t.schema, t.path.at(-1)!, ids).map((h) => ({ kind: h.kind, path: t.path.join('.'), body: setAt(base, t.path, h.value) }))),
    )
    // A required field left out.
    const required = concrete(op.schema!).required ?? []
    if (required.length) {
      arbs.push(
        fc.constantFrom(...required).map((key) => {
          const body = { ...(base as Record<string, unknown>) }
          delete body[key]
          return { kind: 'required field missing', path: key, body }
        }),
      )
    }
  }
  return fc.oneof(...arbs)
}

// ---- The run ---------------------------------------------------------------------------------------

describe.skipIf(!reachable)('every write operation of the API, with hostile bodies', () => {
  const database = `baken_fuzz_${Date.now().toString(36)}`
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  let owner: postgres.Sql
  let server: RunningServer
  const clients = new Map<string, Client>()
  const operations: Operation[] = []
  let tables: string[] = []

  beforeAll(async () => {
    const template = process.env[PG_TEMPLATE_ENV]
    await admin.unsafe(template ? `create database ${database} template "${template}"` : `create database ${database}`)
    server = await startServer({
      DATABASE_URL: databaseUrl(database),
      // Without a template the first start migrates and seeds.
      BAKEN_SEED_DEMO: template ? '0' : '1',
      // Nothing writes in the background: the row counts then change only by a request.
      BAKEN_MAIL_WORKER: '0',
      BAKEN_ACCESS_LOG_SEALER: '0',
      BAKEN_WRITE_LIMIT_PER_MINUTE: '0',
    })
    owner = postgres(databaseUrl(database), { max: 2, onnotice: () => {} })
    tables = (await owner<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`).map((r) => r.name)
    for (const email of [...USERS, ...FOREIGN_USERS]) {
      const c = new Client(server.baseUrl)
      await c.login(email)
      clients.set(email, c)
    }
    const doc = (await new Client(server.baseUrl).get('/api/v1/openapi.json')).json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>> }>()
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['post', 'put', 'patch'].includes(method)) continue
        operations.push({ method: method.toUpperCase(), path, schema: op.requestBody?.content['application/json']?.schema ?? null })
      }
    }
    console.log(`[fuzz] seed ${SEED} (BAKEN_FUZZ_SEED), ${RUNS} generated bodies per operation (BAKEN_FUZZ_RUNS), ${operations.length} operations, ${tables.length} tables`)
  }, 240_000)

  afterAll(async () => {
    await server?.stop()
    await owner?.end({ timeout: 5 })
    await admin.unsafe(`drop database if exists ${database} with (force)`)
    await admin.end({ timeout: 5 })
  })

  async function rowCounts(): Promise<Record<string, number>> {
    const query = tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ')
    const rows = await owner.unsafe<{ t: string; n: number }[]>(query)
    return Object.fromEntries(rows.map((r) => [r.t, r.n]))
  }

  /** One request; a body given as chunks goes without a Content-Length (chunked). */
  async function send(client: Client, method: string, url: string, body: string | Uint8Array | Uint8Array[], contentType = 'application/json') {
    const headers: Record<string, string> = { 'content-type': contentType, origin: server.baseUrl }
    if (client.cookie) headers.cookie = `baken_session=${client.cookie}`
    const started = Date.now()
    const payload = Array.isArray(body)
      ? new ReadableStream<Uint8Array>({
          pull(controller) {
            const next = body.shift()
            if (next) controller.enqueue(next)
            else controller.close()
          },
        })
      : body
    try {
      const res = await fetch(server.baseUrl + url, { method, headers, body: payload, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), duplex: 'half' } as RequestInit)
      const text = await res.text()
      return { status: res.status, text, ms: Date.now() - started, contentType: res.headers.get('content-type') ?? '' }
    } catch (error) {
      // No answer in time, or the connection dropped: reported as status 0 with the cause.
      const cause = error instanceof Error ? `${error.name}: ${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}` : String(error)
      return { status: 0, text: cause, ms: Date.now() - started, contentType: '' }
    }
  }

  const fill = (path: string, values: Record<string, string>) => `/api/v1${path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000')}`
  const placeholders = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)

  /** Path ids as this user sees them: the first of the list above each, else of the detail above. */
  async function pathIds(client: Client, path: string): Promise<Record<string, string>> {
    const values: Record<string, string> = {}
    for (const name of placeholders(path)) {
      const prefix = path.slice(0, path.indexOf(`/{${name}}`))
      const listed = await client.get(fill(prefix, values))
      let id: string | undefined
      if (listed.status === 200 && (listed.headers.get('content-type') ?? '').includes('json')) {
        const body = listed.json<Record<string, unknown>>()
        const items = (body.items as { id?: string }[] | undefined) ?? []
        id = items.find((i) => typeof i.id === 'string')?.id
        if (!id) {
          // A detail holding the list: {tasks: [{id}]} for {taskId}, {bezwaren: […]} for {bezwaarId}.
          const stem = name.replace(/Id$/, '').toLowerCase()
          for (const [key, value] of Object.entries(body)) {
            if (Array.isArray(value) && key.toLowerCase().startsWith(stem.slice(0, 4)) && typeof value[0]?.id === 'string') id = value[0].id
          }
        }
      }
      if (id) values[name] = id
      else break
    }
    return values
  }

  /** Every uuid a user of the other stichting sees in its lists: the foreign ids. */
  async function foreignPool(): Promise<string[]> {
    const pool = new Set<string>()
    for (const email of FOREIGN_USERS) {
      for (const list of ['/api/v1/students?pageSize=5', '/api/v1/incidents?pageSize=5', '/api/v1/measures?pageSize=5', '/api/v1/me']) {
        const res = await clients.get(email)!.get(list)
        if (res.status !== 200) continue
        for (const m of res.text.matchAll(/"id":"([0-9a-f-]{36})"/g)) pool.add(m[1]!)
      }
    }
    return [...pool]
  }

  it('covers every route file that writes: each has a documented POST, PUT or PATCH, and a demo role reaches each one', async () => {
    const documented = new Set(operations.map((o) => o.path))
    // A route file with an action answers POST, PUT, PATCH or DELETE; those with a body are fuzzed.
    const withAction = writeRouteFiles()
    const deleteOnly: string[] = []
    for (const path of withAction) if (!documented.has(path)) deleteOnly.push(path)
    // An action without a documented write with a body must answer every such method 405.
    for (const path of deleteOnly) {
      for (const method of ['POST', 'PUT', 'PATCH']) {
        const res = await send(clients.get(USERS[0]!)!, method, fill(path, {}), '{}')
        expect([401, 403, 404, 405], `${method} ${path} answers ${res.status} but is not documented`).toContain(res.status)
      }
    }
    expect(operations.length).toBeGreaterThanOrEqual(45)
    for (const op of operations) expect(await callerOf(op), `${op.method} ${op.path}: no demo role may call it`).toBeDefined()
  })

  const callers = new Map<string, string | undefined>()
  /** The first demo user the operation lets past its permission check (a text/plain probe: 415). */
  async function callerOf(op: Operation): Promise<string | undefined> {
    const key = `${op.method} ${op.path}`
    if (callers.has(key)) return callers.get(key)
    let found: string | undefined
    for (const email of USERS) {
      const res = await send(clients.get(email)!, op.method, fill(op.path, {}), 'x', 'text/plain')
      // 415: past the permission, refusing the media type; an operation without a body refuses any (400).
      if (res.status === 415 || (op.schema === null && res.status === 400)) {
        found = email
        break
      }
    }
    callers.set(key, found)
    return found
  }

  it('answers every hostile body with 400, 404 or 413 and {"errors":[…]}, in time, and writes nothing', async () => {
    const foreign = await foreignPool()
    expect(foreign.length).toBeGreaterThan(3)
    const problems: string[] = []
    let requests = 0
    const check = (op: Operation, what: string, res: Awaited<ReturnType<typeof send>>, allowed: number[]) => {
      requests++
      let shaped = false
      try {
        const body = JSON.parse(res.text) as { errors?: { path?: unknown; message?: unknown }[] }
        shaped = Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => typeof e.path === 'string' && typeof e.message === 'string' && e.message.length > 0)
      } catch {
        shaped = false
      }
      if (!allowed.includes(res.status) || !shaped || !res.contentType.includes('application/json')) {
        problems.push(`${op.method} ${op.path} ${what}: ${res.status} ${res.text.slice(0, 160)}`)
      }
    }

    for (const op of operations) {
      const email = await callerOf(op)
      if (!email) continue
      const client = clients.get(email)!
      const own = await pathIds(client, op.path)
      const ownIds: Ids = { own: Object.values(own), foreign }
      const foreignIds: Record<string, string> = {}
      for (const fEmail of FOREIGN_USERS) Object.assign(foreignIds, { ...(await pathIds(clients.get(fEmail)!, op.path)), ...foreignIds })
      const base = op.schema ? example(op.schema, '', ownIds) : {}
      const url = fill(op.path, own)
      const before = await rowCounts()

      // Fixed cases: the body's size, depth, shape and syntax.
      const size = 1_100_000 + (SEED % 3_900_000)
      check(op, `a ${(size / 1e6).toFixed(1)} MB string`, await send(client, op.method, url, JSON.stringify({ ...(base as object), huge: 'x'.repeat(size) })), [413])
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
      const chunked = [new TextEncoder().encode('{"huge":"'), ...Array.from({ length: 32 }, () => chunk), new TextEncoder().encode('"}')]
      check(op, 'a 2 MB body sent chunked', await send(client, op.method, url, chunked), [413])
      check(op, 'bytes that are not UTF-8', await send(client, op.method, url, new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d])), [400])
      check(op, 'a body nested 10,000 deep', await send(client, op.method, url, '['.repeat(10_000) + ']'.repeat(10_000)), [400, 413])
      check(op, 'an object nested 5,000 deep', await send(client, op.method, url, '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)), [400, 413])
      check(op, 'a top-level array of 10,000', await send(client, op.method, url, JSON.stringify(Array.from({ length: 10_000 }, () => base))), [400, 413])
      check(op, 'broken JSON', await send(client, op.method, url, '{"a": '), [400])
      check(op, 'a top-level string', await send(client, op.method, url, '"\\u0000"'), [400])
      // An id of the other tenant in the path, with the plausible body: as if it did not exist.
      if (placeholders(op.path).length && email !== 'platform@baken.demo' && Object.keys(foreignIds).length) {
        check(op, 'a foreign id in the path', await send(client, op.method, fill(op.path, foreignIds), JSON.stringify(base)), [400, 404])
      }

      // Generated cases, one broken thing each.
      await fc.assert(
        fc.asyncProperty(mutations(op, base, ownIds), async (m) => {
          const res = await send(client, op.method, url, JSON.stringify(m.body))
          // An id of another tenant is not found (404) or not valid here (400). The role wall may
          // refuse the rest of the plausible body first (403, e.g. a role this user may not grant):
          // allowed when the refusal names another field, so it says nothing about the foreign id.
          let otherRefusal = res.status === 403 && !res.text.includes(`"path":"${m.path}"`)
          // A 403 at the id itself says nothing about the foreign record when an id that exists
          // nowhere gets exactly the same answer.
          if (m.kind === 'foreign id' && res.status === 403 && !otherRefusal) {
            const nowhere = await send(client, op.method, url, JSON.stringify(setAt(m.body, m.path.split('.'), crypto.randomUUID())))
            otherRefusal = nowhere.status === res.status && nowhere.text === res.text
          }
          check(op, `${m.kind} at "${m.path}"`, res, m.kind === 'foreign id' ? (otherRefusal ? [403] : [400, 404]) : [400, 404, 413])
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )

      const after = await rowCounts()
      const changed = tables.filter((t) => before[t] !== after[t]).map((t) => `${t} ${before[t]}→${after[t]}`)
      if (changed.length) problems.push(`${op.method} ${op.path} (as ${email}) wrote: ${changed.join(', ')}`)
    }
    console.log(`[fuzz] ${requests} hostile requests over ${operations.length} operations`)
    expect(problems).toEqual([])
  }, 600_000)
})
