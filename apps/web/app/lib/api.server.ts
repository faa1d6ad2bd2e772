import { controlCharacterErrors } from '@baken/domain'
import type { z } from 'zod'

export interface ApiErrorItem {
  path: string
  message: string
}

/** The API's error shape: {"errors":[{"path":…,"message":…}]}. */
export function apiError(status: number, message: string, path = ''): Response {
  return Response.json({ errors: [{ path, message }] satisfies ApiErrorItem[] }, { status })
}

export function zodErrorResponse(error: z.ZodError): Response {
  const errors: ApiErrorItem[] = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
  return Response.json({ errors }, { status: 400 })
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
 * Parses a JSON body: sent as application/json (else 415), well-formed (else 400), with no control
 * character in any string (else 400 at its path: the same rule as every text field,
 * `@baken/domain` input-rules), then the schema.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  if (!isJsonMediaType(request.headers.get('content-type'))) {
    throw apiError(415, 'Stuur de body als JSON, met de header Content-Type: application/json.')
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw apiError(400, 'De body is geen geldige JSON.')
  }
  const control = controlCharacterErrors(body)
  if (control.length) throw Response.json({ errors: control }, { status: 400 })
  const result = schema.safeParse(body)
  if (!result.success) throw zodErrorResponse(result.error)
  return result.data
}
