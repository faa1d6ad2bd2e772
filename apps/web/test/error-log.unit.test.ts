// The server log's entry for an unexpected error names the route, the error classes and their codes,
// and where in the code it happened; never the message, which for a database error holds the query's
// parameters (an incident's text, a pupil's name).
import { describe, expect, it } from 'vitest'
import { describeError, serverErrorLine } from '../app/lib/error-log.server.ts'

// As drizzle-orm wraps a driver's error: the query and its parameters in the message.
class DrizzleQueryError extends Error {
  constructor(query: string, params: unknown[], cause: unknown) {
    super(`Failed query: ${query}\nparams: ${params}`)
    this.cause = cause
  }
}
// What PGlite and postgres.js throw: Postgres' message (which may quote the value) and its SQLSTATE.
const postgresError = (message: string, code: string) => Object.assign(new Error(message), { name: 'error', code, severity: 'ERROR' })

const request = { method: 'POST', url: 'http://127.0.0.1/api/v1/incidents?q=Şahin%20Yıldız' }

describe('the log entry of an unexpected error', () => {
  it('names the route, the classes and the SQLSTATE, not the parameters or the message', () => {
    const error = new DrizzleQueryError('select $1::text as situation', ['Şahin Yıldız schopte\u0000 een leerling'], postgresError('invalid byte sequence for encoding "UTF8": 0x00', '22021'))
    const line = serverErrorLine(error, request)
    expect(line.split('\n')[0]).toBe('[error] POST /api/v1/incidents: DrizzleQueryError ← error 22021')
    expect(line).toMatch(/\n {4}at /)
    for (const leak of ['Şahin', 'Yıldız', 'schopte', 'params', 'select', 'situation', 'UTF8', '?q=']) expect(line).not.toContain(leak)
  })

  it('leaves out a value that Postgres quotes in its own message', () => {
    const error = new DrizzleQueryError('select $1::uuid', ['Łukasz Wójcik'], postgresError('invalid input syntax for type uuid: "Łukasz Wójcik"', '22P02'))
    expect(describeError(error)).toBe('DrizzleQueryError ← error 22P02')
    expect(serverErrorLine(error, request)).not.toMatch(/Łukasz|Wójcik|invalid input/)
  })

  it('takes no text for a stack frame', () => {
    const error = new TypeError('Nguyễn Văn An\n    at de bushalte')
    const line = serverErrorLine(error, request)
    expect(line.split('\n')[0]).toBe('[error] POST /api/v1/incidents: TypeError')
    expect(line).not.toMatch(/Nguyễn|bushalte/)
    expect(serverErrorLine('een string', request)).toBe('[error] POST /api/v1/incidents: string')
  })
})
