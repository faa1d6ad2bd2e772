// The OpenAPI 3.1 description of /api/v1. Kept beside the routes; the HTTP tests check that every
// documented path answers and that every API route is documented.
import { accessLogEndpoints } from './openapi/access-log.ts'
import { adminEndpoints } from './openapi/admin.ts'
import { jsonSchema, mergePaths, pathsOf } from './openapi/endpoint.ts'
import { haltEndpoints, haltPaths } from './openapi/halt.ts'
import { incidentSchemas, incidentsEndpoints } from './openapi/incidents.ts'
import { measuresEndpoints } from './openapi/measures.ts'
import { measuresExtraEndpoints } from './openapi/measures-extra.ts'
import { mfaEndpoints } from './openapi/mfa.ts'
import { portalEndpoints } from './openapi/portal.ts'
import { privacyEndpoints } from './openapi/privacy.ts'
import { reportingEndpoints, reportingPaths } from './openapi/reporting.ts'
import { sharingEndpoints } from './openapi/sharing.ts'
import { usersEndpoints } from './openapi/users.ts'
import { ssoEndpoints } from './openapi/sso.ts'
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Baken API',
    version: '1.0.0',
    description:
      'JSON API over the same domain functions as the Baken web pages. Authenticate with the session cookie or a personal API token (Authorization: Bearer bkn_…), which is scoped to one membership. Ids are UUIDs; an id of another tenant answers 404. Errors: {"errors":[{"path","message"}]}. A session that owes its second factor gets 401 with code second_factor_required (or second_factor_enrolment_required); sharing, exports and break-glass reasons (X-Access-Reason) ask for a second factor proved within 5 minutes, else 401 step_up_required (personal API tokens are exempt). A request body is JSON sent as Content-Type: application/json (another type: 415). Text may hold tab, line feed and carriage return but no other control character (400 at the field). Dates are real calendar dates (YYYY-MM-DD; 2026-02-30 is refused); date-times are RFC 3339, or YYYY-MM-DDTHH:MM without a zone as Dutch local time; booleans are true or false. Writes (POST, PUT, PATCH, DELETE) are limited per user, by default 30 in a row and 60 a minute, and every request of a personal API token by default 120 in a row and 600 a minute: 429 with Retry-After. A body is at most 256 kB (1 MB for incidents; 413 otherwise), UTF-8, nested at most 32 deep; a field the operation does not name is refused (400 at that field), and an operation without a body takes none (or {}). While the database is unreachable every request answers 503 with Retry-After.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }, { cookie: [] }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (bkn_…), created at /account' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'baken_session' },
    },
    schemas: {
      Errors: {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'message'],
              properties: {
                path: { type: 'string' },
                message: { type: 'string' },
                // A 401 for a missing second factor says which: second_factor_required, second_factor_enrolment_required, step_up_required.
                code: { type: 'string' },
              },
            },
          },
        },
      },
      Student: jsonSchema(incidentSchemas.studentItem, 'output'),
      IncidentInput: jsonSchema(incidentSchemas.incidentInput, 'input'),
      StudentDetail: jsonSchema(incidentSchemas.studentDetail, 'output'),
    },
  },
  paths: mergePaths(
    {
    '/openapi.json': {
      get: { summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1 document' } } },
    },
    ...reportingPaths,
    ...haltPaths,
    },
    pathsOf([
      ...incidentsEndpoints,
      ...measuresEndpoints,
      ...measuresExtraEndpoints,
      ...accessLogEndpoints,
      ...sharingEndpoints,
      ...privacyEndpoints,
      ...portalEndpoints,
      ...reportingEndpoints,
      ...haltEndpoints,
      ...mfaEndpoints,
      ...adminEndpoints,
      ...usersEndpoints,
      ...ssoEndpoints,
    ]),
  ),
} as const
