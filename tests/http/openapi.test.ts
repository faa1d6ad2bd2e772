// The OpenAPI document as the server serves it: valid OpenAPI 3.1 (checked by a real validator,
// @apidevtools/swagger-parser), and true to the server: real responses of the documented GET
// operations, fetched as the demo users, match the documented JSON Schemas (Ajv, draft 2020-12,
// which is OpenAPI 3.1's dialect).
import SwaggerParser from '@apidevtools/swagger-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startOidcProvider, type RunningOidcProvider } from './support/oidc-provider.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
let idp: RunningOidcProvider
beforeAll(async () => {
  server = await startServer()
  // The demo stichting gets a single sign-on provider (a real one, started here), so that
  // GET /admin/sso has something to answer.
  const client = { clientId: 'baken-openapi', clientSecret: 'openapi-test-client-secret-0123456789' }
  idp = await startOidcProvider({ client: { ...client, redirectUris: [`${server.baseUrl}/login/sso/callback`] }, accounts: {} })
  const beheer = new Client(server.baseUrl)
  await beheer.login('beheer@kompas.demo')
  const saved = await beheer.request('PUT', '/api/v1/admin/sso', { json: { displayName: 'Kompas', issuer: idp.issuer, ...client } })
  expect(saved.status, saved.text).toBe(200)
})
afterAll(async () => {
  await server?.stop()
  await idp?.stop()
})

/** One user per role, across the demo's stichtingen and partners. */
const USERS = [
  'directeur@branding.demo',
  'ib@branding.demo',
  'leerkracht@branding.demo',
  'vertrouwenspersoon@branding.demo',
  'directeur@vakcollege.demo',
  'bestuur@kompas.demo',
  'beheer@kompas.demo',
  'privacy@kompas.demo',
  'halt@haltnoord.demo',
  'politie@wijkteam.demo',
  'platform@baken.demo',
  // The family's portal (ADR 033).
  'ouder@branding.demo',
  'leerling@vakcollege.demo',
]

type Schema = Record<string, unknown>
interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[]
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>
}
type Doc = { paths: Record<string, Record<string, Operation>> }

async function fetchDocument(): Promise<Doc> {
  const res = await new Client(server.baseUrl).get('/api/v1/openapi.json')
  expect(res.status).toBe(200)
  return res.json<Doc>()
}

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by swagger-parser, with every $ref resolvable', async () => {
    const doc = await fetchDocument()
    const api = (await SwaggerParser.validate(structuredClone(doc) as never)) as unknown as { openapi: string }
    expect(api.openapi).toBe('3.1.0')
  })

  it('matches what the server answers: documented GET responses validate against their schemas', async () => {
    // $refs inlined, so each response schema compiles on its own.
    const doc = (await SwaggerParser.dereference((await fetchDocument()) as never)) as unknown as Doc
    const ajv = new Ajv2020({ allErrors: true, strict: false })
    addFormats.default(ajv)

    const clients = new Map<string, Client>()
    for (const email of USERS) {
      const c = new Client(server.baseUrl)
      await c.login(email)
      clients.set(email, c)
    }

    // Ids for path parameters come from the list operations' own answers (`items[].id`), so a
    // sample follows the data rather than hard-coded ids.
    const idsFromList = new Map<string, Map<string, string>>() // list path → user → first id
    const schemaOf = (op: Operation) => op.responses['200']?.content?.['application/json']?.schema
    // Lists first (also those without a schema: they supply the ids), then the paths with an id.
    const gets = Object.entries(doc.paths)
      .map(([path, item]) => ({ path, op: item.get }))
      .filter((e): e is { path: string; op: Operation } => !!e.op)
      .sort((a, b) => a.path.split('{').length - b.path.split('{').length)
    const operations = gets.filter((o) => schemaOf(o.op))

    const sampled: string[] = []
    const problems: string[] = []
    for (const { path, op } of gets) {
      const schema = schemaOf(op)
      const validate = schema ? ajv.compile(schema) : null
      if (!schema && path.includes('{')) continue
      const requiredQuery = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required)
      if (requiredQuery.length) continue
      const placeholders = [...path.matchAll(/\{([^}]+)\}/g)]
      for (const [email, client] of clients) {
        let url = path
        if (placeholders.length) {
          // /x/{id}/y → the first id of the list /x, as this user.
          const listPath = path.slice(0, path.indexOf('/{'))
          const id = idsFromList.get(listPath)?.get(email)
          if (!id || placeholders.length > 1) continue
          url = path.replace(/\{[^}]+\}/, id)
        }
        const res = await client.get(`/api/v1${url}`)
        if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('json')) continue
        const body = res.json()
        if (validate && !validate(body)) problems.push(`GET ${url} as ${email}: ${ajv.errorsText(validate.errors)}`)
        else if (validate && !sampled.includes(path)) sampled.push(path)
        const first = (body as { items?: { id?: unknown }[] }).items?.[0]?.id
        if (typeof first === 'string') {
          if (!idsFromList.has(path)) idsFromList.set(path, new Map())
          idsFromList.get(path)!.set(email, first)
        }
      }
    }
    expect(problems).toEqual([])
    // Every documented JSON GET without required query parameters answered someone with 200 and was checked.
    const unsampled = operations
      .filter((o) => !(o.op.parameters ?? []).some((p) => p.in === 'query' && p.required))
      .filter((o) => [...o.path.matchAll(/\{/g)].length <= 1)
      // A path with an id is sampled through its list; one without a documented list is not reachable here.
      .filter((o) => !o.path.includes('{') || gets.some((g) => g.path === o.path.slice(0, o.path.indexOf('/{'))))
      .map((o) => o.path)
      .filter((p) => !sampled.includes(p))
    expect(unsampled).toEqual([])
  })
})
