import { openApiDocument } from '~/lib/openapi.ts'

/** GET /api/v1/openapi.json — public description of the API. */
export function loader() {
  return Response.json(openApiDocument)
}
