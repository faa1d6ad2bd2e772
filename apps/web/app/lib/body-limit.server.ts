// How large a request body may be, per route. Express refuses a larger declared Content-Length
// before anything reads it (server/body-limit.ts); the API's JSON reader counts the bytes of a body
// sent without one (chunked) and stops at the same limit (api.server.ts). Both answer 413.
//
// The defaults hold every form and JSON body of the app with room to spare: the longest texts are
// 10,000 characters (4 bytes each at most in UTF-8) and no input has more than a handful of them.
// Routes that take a file get more.

const KiB = 1024
const MiB = 1024 * KiB

/** A JSON body of the API. */
export const API_BODY_LIMIT = 256 * KiB
/** A page's form. */
export const PAGE_BODY_LIMIT = 512 * KiB

/** Routes that take more than their default, by path (without the query). */
export const LARGER_BODIES: readonly { path: RegExp; bytes: number; why: string }[] = [
  // A CSV of at most 5 MB (MAX_IMPORT_BYTES), sent back base64-encoded (4/3) with the column choice.
  { path: /^\/leerlingen\/import\/?$/, bytes: 8 * MiB, why: 'the pupil import file' },
  // The Rijksoverheid's holiday JSON, at most 512 kB (MAX_HOLIDAY_FILE_BYTES), in a multipart form.
  { path: /^\/kalender\/?$/, bytes: 1 * MiB, why: 'the school-holiday file' },
  // An incident note: up to a dozen long texts and its persons.
  { path: /^\/api\/v1\/incidents(\/[^/]+)?\/?$/, bytes: 1 * MiB, why: 'an incident note' },
  { path: /^\/incidenten(\/.*)?$/, bytes: 1 * MiB, why: 'an incident note' },
]

/** The largest body the route takes, in bytes. */
export function bodyLimit(path: string, surface: 'api' | 'page'): number {
  const larger = LARGER_BODIES.find((l) => l.path.test(path))
  if (larger) return larger.bytes
  return surface === 'api' ? API_BODY_LIMIT : PAGE_BODY_LIMIT
}

function size(bytes: number): string {
  return bytes >= MiB ? `${bytes / MiB} MB` : `${bytes / KiB} kB`
}

/** The Dutch message of a 413. */
export function tooLargeMessage(limit: number): string {
  return `Het verzoek is te groot: hier past hoogstens ${size(limit)}.`
}
