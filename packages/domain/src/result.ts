// The refused side of a domain result, shared by every area: an HTTP-like status and the errors with
// the field they concern (Dutch messages; the API returns them as {errors:[{path,message}]}).
import type { z } from 'zod'

export interface FieldError {
  path: string
  message: string
}

export type RefusalStatus = 400 | 403 | 404 | 409
export type Refusal = { ok: false; status: RefusalStatus; errors: FieldError[] }

/** A refusal with one error. */
export function refusal(status: RefusalStatus, path: string, message: string): Refusal {
  return { ok: false, status, errors: [{ path, message }] }
}

/** Zod's issues as field errors, the path joined with dots (`persons.0.role`). */
export function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

/** As zodErrors, without list positions: an error in `fields.2` lands on the field `fields` (checkbox groups). */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.filter((p) => typeof p !== 'number').map(String).join('.'), message: i.message }))
}

/** Invalid input: 400 with every issue. */
export function zodRefusal(error: z.ZodError): Refusal {
  return { ok: false, status: 400, errors: zodErrors(error) }
}
