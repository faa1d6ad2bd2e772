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
  const result = schema.safeParse(params)
  if (!result.success) throw zodErrorResponse(result.error)
  return result.data
}

/** Parses a JSON body; a missing or malformed body is a 400, not a 500. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw apiError(400, 'De body is geen geldige JSON.')
  }
  const result = schema.safeParse(body)
  if (!result.success) throw zodErrorResponse(result.error)
  return result.data
}
