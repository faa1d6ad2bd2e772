import type { Request } from 'express'

/**
 * True when the request's Origin (or, lacking it, Referer) is this server's own origin. A request
 * that names neither is refused: browsers send Origin on every cross-site and same-site POST.
 */
export function isSameOrigin(req: Request): boolean {
  const expected = process.env.BAKEN_ORIGIN ?? `${req.protocol}://${req.get('host')}`
  const origin = req.get('origin') ?? refererOrigin(req.get('referer'))
  return origin !== undefined && origin === expected
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined
  try {
    return new URL(referer).origin
  } catch {
    return undefined
  }
}
