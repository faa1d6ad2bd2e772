import { afterEach, vi } from 'vitest'

// A console.error during a test is a bug we have not looked at: fail the test (as epic-stack does).
let errors: unknown[][] = []
const original = console.error
console.error = (...args: unknown[]) => {
  errors.push(args)
  original(...args)
}
afterEach(() => {
  const seen = errors
  errors = []
  vi.restoreAllMocks()
  if (seen.length > 0) throw new Error(`console.error was called during the test:\n${seen.map((a) => a.join(' ')).join('\n')}`)
})
