// OpenAPI operations built from the same zod schemas the use cases parse with, so the document
// cannot drift from what the server accepts. Each area file (`openapi/<area>.ts`) lists its
// operations with `endpoint({...})`; `lib/openapi.ts` assembles them into the document.
import type { UseCase } from '@baken/domain'
import { z } from 'zod'

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

export interface EndpointResponse {
  description: string
  /** The JSON body (zod, converted as output). Omit for a body without a schema of its own. */
  schema?: z.ZodType
  /** A non-JSON body (a file): its media type. */
  mediaType?: 'application/pdf' | 'text/csv' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
}

export interface Endpoint {
  method: Method
  /** The path under /api/v1 with `{param}` placeholders. */
  path: string
  summary: string
  description?: string
  /** The use case behind it: its name becomes the operationId and its input the request body. */
  useCase?: Pick<UseCase, 'name' | 'input'>
  /** The request body when it is not the use case's input; null when there is none (the input is all path ids). */
  body?: z.ZodType | null
  /** Path parameters: every `{param}` of the path (default: a UUID each). */
  params?: Record<string, z.ZodType>
  /** Query parameters. */
  query?: z.ZodObject
  /** Extra parameters written as OpenAPI objects (shared ones such as the break-glass reason). */
  parameters?: readonly object[]
  /** Success responses by status. The error statuses are listed in `errors`. */
  responses: Record<number, EndpointResponse>
  /** Error statuses this operation can answer with the {"errors":[…]} body (401 is always added). */
  errors?: readonly (400 | 403 | 404 | 405 | 409 | 413 | 415 | 429)[]
  /** No authentication (the document itself). */
  public?: boolean
}

/** Declares one operation (identity; fixes the types). */
export function endpoint(e: Endpoint): Endpoint {
  return e
}

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). Requests are described as the
 * caller sends them (`input`), responses as the server produces them (`output`). What JSON Schema
 * cannot express (a transform, a refinement) is left open rather than refused.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>
  delete out.$schema
  return out
}

const ERROR_DESCRIPTION: Record<number, string> = {
  400: 'Invalid input, each error at its field',
  401: 'Not signed in, or the token is unknown, expired or revoked',
  403: 'The role may not do this, or the token is used outside the API',
  404: 'No such record for the caller (also another tenant’s id)',
  405: 'Method not allowed',
  409: 'The record’s state does not allow it',
  413: 'The body is too large',
  415: 'The body is not JSON',
  429: 'Too many requests; see Retry-After',
}

const errorResponse = (status: number) => ({
  description: ERROR_DESCRIPTION[status] ?? 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
})

/** The OpenAPI operation object of one endpoint. */
export function operation(e: Endpoint): Record<string, unknown> {
  const placeholders = [...e.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)
  const parameters: object[] = placeholders.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: jsonSchema(e.params?.[name] ?? z.uuid(), 'input'),
  }))
  if (e.query) {
    const shape = e.query.shape as Record<string, z.ZodType>
    for (const [name, schema] of Object.entries(shape)) {
      const s = jsonSchema(schema, 'input')
      const description = typeof s.description === 'string' ? s.description : undefined
      parameters.push({ name, in: 'query', required: !schema.safeParse(undefined).success, schema: s, ...(description ? { description } : {}) })
    }
  }
  parameters.push(...(e.parameters ?? []))
  const bodySchema = e.body === null ? undefined : (e.body ?? (e.method === 'get' ? undefined : e.useCase?.input))
  const responses: Record<string, unknown> = {}
  for (const [status, r] of Object.entries(e.responses)) {
    responses[status] = r.mediaType
      ? { description: r.description, content: { [r.mediaType]: { schema: { type: 'string', format: 'binary' } } } }
      : r.schema
        ? { description: r.description, content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } }
        : { description: r.description }
  }
  for (const status of new Set([...(e.public ? [] : [401]), ...(e.errors ?? [])])) responses[String(status)] = errorResponse(status)
  return {
    ...(e.useCase ? { operationId: e.useCase.name.replace(/[^A-Za-z0-9]+(.)/g, (_m, c: string) => c.toUpperCase()) } : {}),
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(bodySchema ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(bodySchema, 'input') } } } } : {}),
    responses,
    ...(e.public ? { security: [] } : {}),
  }
}

/** The `paths` object of a list of endpoints (several methods on one path merge). */
export function pathsOf(endpoints: readonly Endpoint[]): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const e of endpoints) {
    const item = (paths[e.path] ??= {})
    if (item[e.method]) throw new Error(`OpenAPI: ${e.method.toUpperCase()} ${e.path} is described twice`)
    item[e.method] = operation(e)
  }
  return paths
}

/** Hand-written paths and generated ones in one object; an operation described in both is an error. */
export function mergePaths(written: Record<string, object>, generated: Record<string, Record<string, unknown>>): Record<string, object> {
  const paths: Record<string, object> = { ...written }
  for (const [path, item] of Object.entries(generated)) {
    const existing = (paths[path] ?? {}) as Record<string, unknown>
    for (const method of Object.keys(item)) {
      if (existing[method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`)
    }
    paths[path] = { ...existing, ...item }
  }
  return paths
}
