// Routes are adapters around the domain's use cases (`@baken/domain`, `defineUseCase`). This is the
// one place where a use case's outcome becomes HTTP:
//
//   API:   export const action = (args) => api(args, approveAgreement, { params: { id: args.params.id } })
//   page:  const outcome = await submitForm(ctx, createAgreement, form)
//          if (!outcome.ok) return refusalData(outcome)
//          return redirect('/delen')
//
// Both authorise with the use case's declared permission before reading the input, run it in the
// caller's tenant transaction, and roll that transaction back on a refusal, so nothing is
// half-saved.
import { parseWithZod } from '@conform-to/zod/v4'
import { controlCharacterErrors, runUseCase, type FieldError, type Outcome, type RefusalReason, type Refused, type UseCase, type UseCaseContext } from '@baken/domain'
import { data, type AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { apiError, MAX_ERRORS, parseJsonBody, refuseBody } from './api.server.ts'
import { inTenant, requireContext, type Audience, type RequestContext } from './context.server.ts'
import { requireFreshSecondFactor } from './step-up.server.ts'

/** The HTTP status of each refusal reason: the only such mapping in the app. */
export const REFUSAL_STATUS: Record<RefusalReason, 400 | 403 | 404 | 409> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
}

/** The use case's view of the caller, with the request's clock. (Not named use…: React's lint would take it for a hook.) */
export function caseContextOf(ctx: RequestContext, now = new Date()): UseCaseContext {
  return { ability: ctx.ability, tenant: ctx.tenant, now }
}

class RolledBack extends Error {
  constructor(readonly refused: Refused) {
    super('refused')
  }
}

/**
 * Runs the use case in the caller's tenant transaction. A refusal rolls the transaction back and is
 * returned as a value; anything thrown propagates (and rolls back too).
 */
export async function perform<S extends z.ZodType, T extends object>(ctx: RequestContext, useCase: UseCase<S, T>, raw: unknown, now?: Date): Promise<Outcome<T>> {
  try {
    return await inTenant(ctx, async (tx) => {
      const outcome = await runUseCase(useCase, tx, caseContextOf(ctx, now), raw)
      if (!outcome.ok) throw new RolledBack(outcome)
      return outcome
    })
  } catch (error) {
    if (error instanceof RolledBack) return error.refused
    throw error
  }
}

/** Throws the 403 of a role that may not run this use case at all (API: JSON; page: the error page). */
export function requireUseCase(ctx: RequestContext, useCase: Pick<UseCase, 'permission' | 'forbidden'>): void {
  const [action, subject] = useCase.permission
  if (ctx.ability.can(action, subject)) return
  if (ctx.surface === 'api') throw apiError(403, useCase.forbidden ?? `Geen toegang: ${action} ${subject}.`)
  throw new Response('Geen toegang', { status: 403 })
}

/**
 * For page loaders: the value, or the refusal thrown as the error page with the reason's status
 * (a record the caller cannot see is the same 404 page as a missing one).
 */
export function pageValue<T extends object>(outcome: Outcome<T>): Omit<T, 'ok'> {
  if (!outcome.ok) throw data(outcome.errors[0]?.message ?? 'Niet gevonden', { status: REFUSAL_STATUS[outcome.reason] })
  const { ok: _ok, ...value } = outcome
  return value
}

/** A refusal as the API answers it: {"errors":[…]} with the reason's status. */
export function refusalResponse(refused: Refused): Response {
  return Response.json({ errors: refused.errors }, { status: REFUSAL_STATUS[refused.reason] })
}

/** A refusal as a page action answers it: the errors for the form, with the reason's status. */
export function refusalData<E extends Record<string, unknown>>(refused: Refused, extra?: E) {
  return data({ ...(extra as E), errors: refused.errors }, { status: REFUSAL_STATUS[refused.reason] })
}

type Params = Record<string, string | undefined>

export interface ApiOptions<T> {
  /** Path parameters, merged over the body and query (a body cannot name another record). */
  params?: Params
  /** Read a JSON body (default: for every method but GET and HEAD). */
  body?: boolean
  /** Read the query string (default: for GET and HEAD). */
  query?: boolean
  /** Builds the input from what was read, when it is not simply {...query, ...body, ...params}. */
  input?: (read: { body: unknown; query: Record<string, string>; params: Params }) => unknown
  /** Success status (default 200). */
  status?: number
  /** The JSON answered on success (default: the value without `ok`), or a whole Response (files). */
  respond?: (value: Omit<T, 'ok'>) => unknown
  headers?: (value: Omit<T, 'ok'>) => HeadersInit
  /**
   * The request needs a fresh second factor (sharing, exports: step-up.server.ts). A request that
   * gives a break-glass reason (X-Access-Reason) always does.
   */
  stepUp?: boolean | ((request: Request) => boolean)
  /** The family's portal API (/api/v1/portal): only a family membership reaches it (ADR 033). */
  audience?: Audience
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * The API adapter: authenticate, authorise (the use case's permission), read the input (JSON body
 * as application/json, else 415; query; path ids), run in the tenant transaction, answer.
 */
export async function api<S extends z.ZodType, T extends object>(
  { request, context }: { request: Request; context: AppLoadContext },
  useCase: UseCase<S, T>,
  options: ApiOptions<T> = {},
): Promise<Response> {
  const ctx = requireContext(request, context, { audience: options.audience })
  requireUseCase(ctx, useCase)
  const stepUp = typeof options.stepUp === 'function' ? options.stepUp(request) : (options.stepUp ?? false)
  if (stepUp || request.headers.has('x-access-reason')) requireFreshSecondFactor(ctx, request, context)
  const reading = request.method === 'GET' || request.method === 'HEAD'
  const params = options.params ?? {}
  const query = (options.query ?? reading) ? Object.fromEntries(new URL(request.url).searchParams) : {}
  const readsBody = options.body ?? !reading
  if (!readsBody && !reading) await refuseBody(request)
  const body = readsBody ? await parseJsonBody(request, z.unknown()) : undefined
  let input: unknown
  if (options.input) input = options.input({ body, query, params })
  else if (body === undefined || isPlainObject(body)) input = { ...query, ...(body as object | undefined), ...definedOnly(params) }
  else return apiError(400, 'De body is een JSON-object.')
  if (!reading && isPlainObject(input)) {
    const unknown = unknownKeys(useCase.input, input)
    if (unknown.length) return Response.json({ errors: unknown.slice(0, MAX_ERRORS).map((key) => ({ path: key.slice(0, 100), message: 'Onbekend veld; laat het weg.' })) }, { status: 400 })
  }
  const outcome = await perform(ctx, useCase, input)
  if (!outcome.ok) return refusalResponse(outcome)
  const { ok: _ok, ...value } = outcome
  const answer = options.respond ? options.respond(value as Omit<T, 'ok'>) : value
  if (answer instanceof Response) return answer
  return Response.json(answer, { status: options.status ?? 200, headers: options.headers?.(value as Omit<T, 'ok'>) })
}

/**
 * The keys an input schema names, or null when it takes any key (a record, a loose object, or a
 * shape this reader does not know: then the schema alone decides). A union names the keys of all
 * its members; wrappers (optional, default, a transform's input side) name their inner schema's.
 */
export function knownKeys(schema: z.ZodType): Set<string> | null {
  if (schema instanceof z.ZodObject) {
    const catchall = schema.def.catchall
    if (catchall && !(catchall instanceof z.ZodNever)) return null
    return new Set(Object.keys(schema.shape))
  }
  if (schema instanceof z.ZodPipe) return knownKeys(schema.in as z.ZodType)
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) return knownKeys(schema.unwrap() as z.ZodType)
  if (schema instanceof z.ZodUnion) {
    const keys = new Set<string>()
    for (const option of schema.options as z.ZodType[]) {
      const inner = knownKeys(option)
      if (!inner) return null
      for (const k of inner) keys.add(k)
    }
    return keys
  }
  if (schema instanceof z.ZodIntersection) {
    const [left, right] = [knownKeys(schema.def.left as z.ZodType), knownKeys(schema.def.right as z.ZodType)]
    return left && right ? new Set([...left, ...right]) : null
  }
  return null
}

/**
 * The keys of a write's input its schema does not name. Zod drops unknown keys of a plain object
 * silently; a write refuses them instead, so a misspelt field (or one the client thinks it may
 * set, such as stichtingId) is an error at that field and not a change made without it.
 */
export function unknownKeys(schema: z.ZodType, input: Record<string, unknown>): string[] {
  const known = knownKeys(schema)
  if (!known) return []
  return Object.keys(input).filter((k) => !known.has(k))
}

function definedOnly(params: Params): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined))
}

/** conform's field names (`persons[0].role`) as our error paths (`persons.0.role`). */
function errorPath(name: string, listErrorsOnField: boolean): string {
  const parts = name.replace(/\[(\d+)\]/g, '.$1').split('.').filter((p) => p !== '')
  return (listErrorsOnField ? parts.filter((p) => !/^\d+$/.test(p)) : parts).join('.')
}

/**
 * The page adapter: the form is parsed with conform against the use case's own schema (without
 * conform's coercion: a field sent empty stays '', as the schema expects), then run in the tenant
 * transaction. A role without the permission gets the 403 page; every other refusal comes back as
 * a value for the form (`refusalData`).
 */
export async function submitForm<S extends z.ZodType, T extends object>(
  ctx: RequestContext,
  useCase: UseCase<S, T>,
  form: FormData,
  /** Values that do not come from the form fields: path ids, an intent's fixed choice. They win. */
  fixed: Record<string, string> = {},
): Promise<Outcome<T>> {
  requireUseCase(ctx, useCase)
  const payload = new FormData()
  for (const [k, v] of form) if (!(k in fixed) && k !== 'intent') payload.append(k, v)
  for (const [k, v] of Object.entries(fixed)) payload.append(k, v)
  const submission = parseWithZod(payload, { schema: useCase.input, disableAutoCoercion: true })
  const control = controlCharacterErrors(submission.payload)
  if (control.length) return { ok: false, reason: 'invalid', errors: control }
  if (submission.status !== 'success') {
    const errors: FieldError[] = Object.entries(submission.error ?? {}).flatMap(([name, messages]) =>
      (messages ?? []).map((message) => ({ path: errorPath(name, useCase.listErrorsOnField ?? false), message })),
    )
    return { ok: false, reason: 'invalid', errors }
  }
  // The use case validates the same raw input once more inside its transaction: one rule set for
  // page and API.
  return perform(ctx, useCase, submission.payload)
}
