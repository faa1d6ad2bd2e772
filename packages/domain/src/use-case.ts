// The shape of every use case: one file `<area>/<verb-noun>.ts` exports one `defineUseCase({...})`
// with its input schema, the permission it needs and `run`. Routes (pages and API) are adapters:
// they hand the raw input to `runUseCase` inside the caller's tenant transaction and map the
// outcome to HTTP in one place (apps/web `lib/use-case.server.ts`).
//
// Authorisation happens twice, on purpose: `permission` is the coarse CASL check on the kind of
// record ("may this role approve agreements at all?"), and `run` checks the one record it loads
// (`ability.can('approve', record('Agreement', row))`), while RLS limits which rows exist for the
// caller in the first place.
import type { TenantContext, Tx } from '@baken/db'
import type { Action, AppAbility, SubjectName } from '@baken/permissions'
import type { z } from 'zod'
import { controlCharacterErrors } from './input-rules.ts'
import { zodErrors, zodFieldErrors, type FieldError } from './result.ts'

/** Who acts, as whom, and when: the one clock domain code reads "now" from. */
export interface UseCaseContext {
  ability: AppAbility
  tenant: TenantContext
  now: Date
}

/**
 * Why a use case refused, in domain terms. `apps/web` maps each to one HTTP status:
 * invalid 400, forbidden 403, not_found 404 (also for another tenant's record), conflict 409
 * (the record is in a state that does not allow it, or the input contradicts stored data).
 */
export const REFUSAL_REASONS = ['invalid', 'forbidden', 'not_found', 'conflict'] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

/** A refusal: nothing may stay written (the adapter rolls the transaction back). */
export interface Refused {
  ok: false
  reason: RefusalReason
  errors: FieldError[]
}

/** What a use case returns: `{ ok: true, ...value }` or a refusal. */
export type Outcome<T extends object = object> = ({ ok: true } & T) | Refused

/** A refusal with one error at `path` (a field name, or '' for the request as a whole). */
export function refuse(reason: RefusalReason, path: string, message: string): Refused {
  return { ok: false, reason, errors: [{ path, message }] }
}

/** Invalid input with all its errors. */
export function invalid(errors: FieldError[]): Refused {
  return { ok: false, reason: 'invalid', errors }
}

export interface UseCase<S extends z.ZodType = z.ZodType, T extends object = object> {
  /** The file it lives in, `area/verb-noun`: named in logs and in the OpenAPI operation ids. */
  name: string
  /** The input as the caller sends it (JSON body, form fields, path ids); parsed before `run`. */
  input: S
  /** The CASL permission on the kind of record, checked before anything is read. */
  permission: readonly [Action, SubjectName]
  /** The message when `permission` is missing (Dutch; a generic one otherwise). */
  forbidden?: string
  /**
   * Errors inside a list land on the list itself (`purposes`, not `purposes.2`): for inputs that
   * pages show as a group of checkboxes.
   */
  listErrorsOnField?: boolean
  run(tx: Tx, ctx: UseCaseContext, input: z.output<S>): Promise<Outcome<T>>
}

/** Declares a use case (an identity function that fixes the types). */
export function defineUseCase<S extends z.ZodType, T extends object>(useCase: UseCase<S, T>): UseCase<S, T> {
  return useCase
}

/** The value a use case answers with, without `ok`. */
export type UseCaseValue<U> = U extends UseCase<z.ZodType, infer T> ? T : never

/** Whether the caller's role has the use case's permission at all (for showing a button or a link). */
export function mayRun(useCase: Pick<UseCase, 'permission'>, ability: AppAbility): boolean {
  return ability.can(useCase.permission[0], useCase.permission[1])
}

/**
 * Authorises (the declared permission), validates (no control characters in any text, then the
 * schema) and runs. The caller owns the transaction and rolls it back on a refusal.
 */
export async function runUseCase<S extends z.ZodType, T extends object>(
  useCase: UseCase<S, T>,
  tx: Tx,
  ctx: UseCaseContext,
  raw: unknown,
): Promise<Outcome<T>> {
  if (!mayRun(useCase, ctx.ability)) {
    const [action, subject] = useCase.permission
    return refuse('forbidden', '', useCase.forbidden ?? `Geen toegang: ${action} ${subject}.`)
  }
  const control = controlCharacterErrors(raw)
  if (control.length) return invalid(control)
  const parsed = useCase.input.safeParse(raw)
  if (!parsed.success) return invalid(useCase.listErrorsOnField ? zodFieldErrors(parsed.error) : zodErrors(parsed.error))
  return useCase.run(tx, ctx, parsed.data)
}
