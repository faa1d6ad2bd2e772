import { apiError } from '~/lib/api.server.ts'

/** Anything else under /api/v1 answers a JSON 404 (or 405 for methods on unknown paths). */
export function loader() {
  return apiError(404, 'Onbekend API-pad.')
}

export function action() {
  return apiError(404, 'Onbekend API-pad.')
}
