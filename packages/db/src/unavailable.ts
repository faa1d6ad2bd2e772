// When the database is away (restarting, failed over, unreachable), a request must fail cleanly
// and say so (503: try again), and the app must recover by itself when it returns. postgres.js
// reconnects on the next query; what is decided here is how the failure is told apart from a bug
// and what the caller gets instead of the driver's error.
import type { Database } from './client.ts'

/** Driver and socket codes of a connection that failed or was cut. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT'])
/**
 * SQLSTATEs of a server that is going away or not taking connections: class 08 (connection
 * exception), 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now), 53300 (too many
 * connections), 3D000 is not one: a missing database is a configuration error.
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/

/** Whether the error (or one in its cause chain) is the database being unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true
    // A postgres.js connection error that says "write CONNECTION_CLOSED host:port".
    const message = (e as { message?: unknown }).message
    if (typeof message === 'string' && /\bCONNECTION_(CLOSED|ENDED|DESTROYED)\b|ECONNREFUSED/.test(message)) return true
    // A database closed to new connections (ALTER DATABASE … ALLOW_CONNECTIONS false, during a
    // restore or a move): SQLSTATE 55000 with this text.
    if (code === '55000' && typeof message === 'string' && /not currently accepting connections/.test(message)) return true
  }
  return false
}

let unavailable: ((error: unknown) => unknown) | null = null

/**
 * What a transaction throws instead of the driver's error when the database is away (the web
 * server gives a 503 response). Set once at start.
 */
export function onDatabaseUnavailable(fn: (error: unknown) => unknown): void {
  unavailable = fn
}

/** Wraps the database's transactions and statements so an unreachable database throws what onDatabaseUnavailable gives. */
export function guardUnavailable(db: Database): void {
  const execute = db.execute.bind(db)
  db.execute = ((...args: Parameters<Database['execute']>) =>
    execute(...args).catch((error: unknown) => {
      if (unavailable && isDatabaseUnavailable(error)) throw unavailable(error)
      throw error
    })) as Database['execute']
  const original = db.transaction.bind(db)
  db.transaction = (async (...args: Parameters<Database['transaction']>) => {
    try {
      return await original(...args)
    } catch (error) {
      if (unavailable && isDatabaseUnavailable(error)) throw unavailable(error)
      throw error
    }
  }) as Database['transaction']
}
