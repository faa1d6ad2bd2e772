// OpenAPI paths of the access log (merged into lib/openapi.ts). Keys are paths under /api/v1.
import type { Endpoint } from './endpoint.ts'
import { errorResponse as error, uuidSchema as uuid } from './common.ts'

/**
 * The break-glass reason a confidential incident (or, for a leerkracht, the dossier of a pupil outside
 * their groups) needs; for GET /incidents/{id}, /incidents/{id}/participants/{studentId},
 * /incidents/{id}/parent-report.pdf and /students/{id}/dossier. A header, never the query string: a
 * link (which anyone can write and a browser follows with the user's cookie) must not record a
 * break-glass, so `?reason=` on these paths is answered 400.
 */
export const breakGlassReasonParameter = {
  name: 'X-Access-Reason',
  in: 'header',
  description:
    'Break-glass reason (5–500 characters, URI-encoded for characters outside ASCII), logged before the record is answered. Without it a confidential incident answers 403 {errors:[{path:"reason",message}]}. Not accepted as a query parameter: ?reason= answers 400 {errors:[{path:"reason",message}]} and logs nothing.',
  schema: { type: 'string', minLength: 5, maxLength: 500 },
} as const

export const accessLogPaths = {
  '/access-log': {
    get: {
      summary:
        'The stichting’s access log for the privacyfunctionaris: who looked at what, when and why, newest first. Break-glass rows have breakGlass=true and the reason given. Other roles: 403.',
      parameters: [
        { name: 'from', in: 'query', description: 'First day (YYYY-MM-DD, Dutch time)', schema: { type: 'string', format: 'date' } },
        { name: 'to', in: 'query', description: 'Last day, inclusive (YYYY-MM-DD, Dutch time)', schema: { type: 'string', format: 'date' } },
        { name: 'person', in: 'query', description: 'Part of the name of the person who looked', schema: { type: 'string', maxLength: 100 } },
        {
          name: 'role',
          in: 'query',
          schema: {
            type: 'string',
            enum: ['platform_beheerder', 'bestuurder', 'stichtingbeheerder', 'privacyfunctionaris', 'directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon', 'halt_medewerker', 'politie'],
          },
        },
        {
          name: 'subjectType',
          in: 'query',
          schema: { type: 'string', enum: ['student', 'incident', 'measure', 'referral', 'share', 'export', 'access_log', 'report_case'] },
        },
        { name: 'studentId', in: 'query', description: 'Rows about this pupil', schema: uuid },
        { name: 'breakGlass', in: 'query', description: '1: only break-glass rows', schema: { type: 'string', enum: ['1', '0', 'true', 'false'] } },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
      ],
      responses: {
        '200': {
          description:
            '{items: [{id, seq, at, userId, userName, role, schoolId, schoolName, partnerId, action (read|break_glass|export|share|revoke|…), subjectType, subjectId, studentId, reason, breakGlass}], total, page, pageSize}',
        },
        '400': error,
        '401': error,
        '403': error,
      },
    },
  },
} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const accessLogEndpoints: Endpoint[] = []
