// OpenAPI operations of the access log (merged into lib/openapi.ts). Paths are under /api/v1.
import { accessLogFilterSchema, searchAccessLog } from '@baken/domain'
import { schema } from '@baken/db'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

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

const entry = z.strictObject({
  id: z.number().int(),
  seq: z.number().int().nullable().meta({ description: 'Position in the stichting’s hash chain; null for a few seconds, until the sealer has chained the row' }),
  at: z.iso.datetime(),
  userId: z.uuid(),
  userName: z.string(),
  role: z.enum(schema.ROLES),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  partnerId: z.uuid().nullable(),
  action: z.string().meta({ description: 'read, break_glass, export, share, revoke, …' }),
  subjectType: z.string(),
  subjectId: z.uuid().nullable(),
  studentIds: z.array(z.uuid()).meta({ description: 'Every pupil the look concerned: one row per record per request names them all' }),
  studentId: z.uuid().nullable().meta({ description: 'The pupil when the look concerned exactly one, else null (see studentIds)' }),
  reason: z.string().nullable(),
  breakGlass: z.boolean(),
})

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const accessLogEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/access-log',
    summary:
      'The stichting’s access log for the privacyfunctionaris: who looked at what, when and why, newest first. Break-glass rows have breakGlass=true and the reason given. Other roles: 403.',
    description: 'from and to are days (YYYY-MM-DD, Dutch time, both inclusive); person is part of a name; breakGlass=1 only break-glass rows.',
    useCase: searchAccessLog,
    query: accessLogFilterSchema,
    responses: {
      200: { description: 'One page of the log', schema: z.strictObject({ items: z.array(entry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
    },
    errors: [400, 403],
  }),
]
