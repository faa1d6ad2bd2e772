import { controlCharacterErrors } from '@baken/domain'
import type { z } from 'zod'
import { bodyLimit, tooLargeMessage } from './body-limit.server.ts'

export interface ApiErrorItem {
  path: string
  message: string
}

/** The API's error shape: {"errors":[{"path":…,"message":…}]}. */
export function apiError(status: number, message: string, path = ''): Response {
  return Response.json({ errors: [{ path, message }] satisfies ApiErrorItem[] }, { status })
}

/** At most this many errors in one answer: a list of 10,000 bad items is refused in a few lines. */
export const MAX_ERRORS = 50

export function zodErrorResponse(error: z.ZodError): Response {
  const errors: ApiErrorItem[] = error.issues.slice(0, MAX_ERRORS).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  return Response.json({ errors }, { status: 400 })
}

/** The deepest nesting a body may have: no input of the API goes past 5 levels. */
export const MAX_BODY_DEPTH = 32

/** Whether a parsed JSON value nests deeper than `max` (iteratively: a deep body cannot overflow the stack). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth > max) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

/** A body this large is not read to its end to answer its 413. */
const DROP_CONNECTION_AFTER = 16 * 1024 * 1024

/**
 * The body's bytes, at most `limit` of them (413 past it, also for a body sent without a
 * Content-Length), decoded as UTF-8 (400 for bytes that are not).
 */
async function readBodyText(request: Request, limit: number): Promise<string> {
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size <= limit) {
        chunks.push(value)
        continue
      }
      // Over the limit: the rest is read and dropped, so the client gets the 413 rather than a
      // reset connection, up to a point past which the connection is dropped.
      if (size > DROP_CONNECTION_AFTER) {
        await reader.cancel().catch(() => {})
        throw apiError(413, tooLargeMessage(limit))
      }
      chunks.length = 0
    }
    if (size > limit) throw apiError(413, tooLargeMessage(limit))
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw apiError(400, 'De body is geen geldige UTF-8-tekst.')
  }
}

/** Parses a request's query string with a zod schema; throws a 400 response on bad input. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const control = controlCharacterErrors(params)
  if (control.length) throw Response.json({ errors: control }, { status: 400 })
  const result = schema.safeParse(params)
  if (!result.success) throw zodErrorResponse(result.error)
  return result.data
}

/**
 * JSON's media type, or one with the +json suffix (RFC 6839), parameters such as charset allowed.
 * A body of another type is refused (415), also when it holds valid JSON: a cross-site form or a
 * `no-cors` fetch can send text/plain or no type at all, never application/json.
 */
function isJsonMediaType(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type)
}

/**
 * For an operation that takes no body: nothing, or an empty JSON object, is fine; anything else is
 * a 400 (a client that sends fields expects them to count, and a write must not happen without
 * them). A body already read by the route is not looked at again.
 */
export async function refuseBody(request: Request): Promise<void> {
  if (request.bodyUsed || !request.body) return
  const text = (await readBodyText(request, bodyLimit(new URL(request.url).pathname, 'api'))).trim()
  if (text === '' || /^\{\s*\}$/.test(text)) return
  throw apiError(400, 'Deze opdracht neemt geen body; stuur er geen mee (of {}).')
}

/**
 * Parses a JSON body: sent as application/json (else 415), well-formed (else 400), with no control
 * character in any string (else 400 at its path: the same rule as every text field,
 * `@baken/domain` input-rules), then the schema.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw apiError(415, 'Stuur de body als JSON, met de header Content-Type: application/json.')
  }
  const text = await readBodyText(request, bodyLimit(new URL(request.url).pathname, 'api'))
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw apiError(400, 'De body is geen geldige JSON.')
  }
  if (nestsDeeperThan(body, MAX_BODY_DEPTH)) throw apiError(400, `De body is te diep genest (meer dan ${MAX_BODY_DEPTH} niveaus).`)
  const control = controlCharacterErrors(body)
  if (control.length) throw Response.json({ errors: control.slice(0, MAX_ERRORS) }, { status: 400 })
  const result = schema.safeParse(body)
  if (!result.success) throw zodErrorResponse(result.error)
  return result.data
}
