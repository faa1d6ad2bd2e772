// Shared plumbing of the Halt API routes: run a Halt-side write in the caller's tenant
// transaction and answer the domain's refusal as structured JSON (nothing written).
import { z } from 'zod'
import { apiError, parseJsonBody } from './api.server.ts'
import { inTenant, requireContext, requirePermission, type RequestContext } from './context.server.ts'
import type { Tx } from '@baken/db'
import type { AppLoadContext } from '@remix-run/node'

type Result = { ok: true } | { ok: false; status: number; errors: { path: string; message: string }[] }

/** Parses the JSON body and runs a Halt write (HaltCase update) in one transaction. */
export async function haltWrite<R extends Result>(
  request: Request,
  context: AppLoadContext,
  methods: string[],
  fn: (tx: Tx, ctx: RequestContext, body: unknown) => Promise<R>,
  status = 200,
): Promise<Response> {
  if (!methods.includes(request.method)) return apiError(405, `Alleen ${methods.join(' en ')}.`)
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'HaltCase')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const r = await fn(tx, ctx, body)
    if (!r.ok) throw Response.json({ errors: r.errors }, { status: r.status })
    return r
  })
  return Response.json(result, { status })
}
