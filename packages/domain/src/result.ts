// The errors of a refused domain result, shared by every area: each with the field it concerns
// (Dutch messages; the API returns them as {errors:[{path,message}]}). Why it was refused is the
// use case's `reason` (use-case.ts).
import type { z } from 'zod'

export interface FieldError {
  path: string
  message: string
}

/** Zod's issues as field errors, the path joined with dots (`persons.0.role`). */
export function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

/** As zodErrors, without list positions: an error in `fields.2` lands on the field `fields` (checkbox groups). */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.filter((p) => typeof p !== 'number').map(String).join('.'), message: i.message }))
}

