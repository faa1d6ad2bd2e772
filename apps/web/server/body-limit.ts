// The body-size limit at the door: a request whose declared Content-Length is over its route's
// limit (app/lib/body-limit.server.ts) is answered 413 before anything reads the body, with the
// API's {"errors":[…]} or a Dutch line for a page. A page form sent chunked (no Content-Length) is refused 411: browsers
// always declare the length of a form, and Remix's form reader would read an unbounded stream.
// The API's JSON reader counts a chunked body itself and stops at the same limit.
import type { NextFunction, Request, Response } from 'express'
import { bodyLimit, tooLargeMessage } from '../app/lib/body-limit.server.ts'
import { surfaceOf } from './request-target.ts'

export function bodySizeLimit() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const surface = surfaceOf(res)
    const limit = bodyLimit(req.path, surface)
    const declared = req.headers['content-length']
    const refuse = (status: 411 | 413, message: string) => {
      // Node reads and drops the rest of a refused body so the connection can be reused; one far
      // over any limit is not worth reading: the connection closes after the answer.
      if (Number(declared ?? 0) > 16 * 1024 * 1024) res.setHeader('Connection', 'close')
      if (surface === 'api') res.status(status).json({ errors: [{ path: '', message }] })
      else res.status(status).type('text/plain').send(message)
    }
    if (declared !== undefined) {
      if (Number(declared) > limit) return refuse(413, tooLargeMessage(limit))
      return next()
    }
    if (surface === 'page' && req.headers['transfer-encoding'] !== undefined) {
      return refuse(411, 'Stuur het formulier met een Content-Length.')
    }
    next()
  }
}
