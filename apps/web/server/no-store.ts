import type { NextFunction, Request, Response } from 'express'

/**
 * `Cache-Control: no-store` (RFC 9111 §5.2.2.5) on every response from here on: pages, JSON and
 * Remix data (`.data`, `?_data=`) hold personal data or a one-time CSP nonce, and vary by cookie,
 * so no browser or proxy may keep a copy. Mounted after the static files, which stay cacheable.
 * Set as the head goes out, so it replaces whatever a route said (a route's own `private, no-store`
 * becomes `no-store`, which already implies it).
 */
export function noStore() {
  return (_req: Request, res: Response, next: NextFunction) => {
    const writeHead = res.writeHead
    res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
      this.setHeader('Cache-Control', 'no-store')
      return writeHead.apply(this, args)
    } as typeof res.writeHead
    next()
  }
}
