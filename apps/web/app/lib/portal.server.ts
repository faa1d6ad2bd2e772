// The family's portal (/ouders, ADR 033): only a family membership reaches it; a staff membership
// gets 404 here, as a family membership does on every staff route (context.server.ts).
import type { AppLoadContext } from '@remix-run/node'
import { requireContext, type RequestContext } from './context.server.ts'

export function requireFamily(request: Request, context: AppLoadContext): RequestContext {
  return requireContext(request, context, { audience: 'family' })
}
