// What the server log says about an unexpected error: the request's method and path, each error's
// class and code along its cause chain, and where in the code it happened; never a message. A
// database error's message holds the query and its parameters (drizzle: "Failed query: … params:
// …"; Postgres: `invalid input syntax for type uuid: "…"`), which are personal data: an incident's
// text, a pupil's name. The log is read by operators, kept for weeks and copied to other systems,
// so it gets none of it (AVG art. 5(1)(c) minimisation, art. 32 security of processing).

const MAX_CAUSES = 5

function className(error: unknown): string {
  if (!(error instanceof Error)) return error === null ? 'null' : typeof error
  // The class as written (a bundler may prefix an underscore); a minified one says nothing.
  const name = (error.constructor?.name ?? '').replace(/^_+/, '')
  return name.length > 2 && name !== 'Error' ? name : error.name
}

/** A driver's error code (Postgres SQLSTATE such as 22021, Node's ECONNREFUSED), if any. */
function codeOf(error: unknown): string | null {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' || typeof code === 'number' ? String(code).slice(0, 40) : null
}

/** The error's class and code, then its causes': `DrizzleQueryError ← DatabaseError 22021`. */
export function describeError(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let i = 0; i < MAX_CAUSES && current !== undefined; i++) {
    const code = codeOf(current)
    parts.push(code ? `${className(current)} ${code}` : className(current))
    current = current instanceof Error ? current.cause : undefined
  }
  return parts.join(' ← ')
}

/**
 * The stack's frames without the message at its head (which V8 writes there, parameters and all).
 * When the message cannot be cut off exactly, no frames: a guess could let text through.
 */
export function stackFrames(error: unknown): string[] {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return []
  const { stack, message } = error
  const at = message ? stack.indexOf(message) : -1
  if (message && at < 0) return []
  const rest = message ? stack.slice(at + message.length) : stack.slice(stack.indexOf('\n') + 1)
  return rest
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim())
}

/** One log entry for an error no handler expected (a 500): where, what kind, which code. */
export function serverErrorLine(error: unknown, request: Pick<Request, 'method' | 'url'>): string {
  const path = new URL(request.url).pathname
  const frames = stackFrames(error)
  return [`[error] ${request.method} ${path}: ${describeError(error)}`, ...frames.map((f) => `    ${f}`)].join('\n')
}

export function logServerError(error: unknown, request: Pick<Request, 'method' | 'url'>): void {
  console.error(serverErrorLine(error, request))
}
