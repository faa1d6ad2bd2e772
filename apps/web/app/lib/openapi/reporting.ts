// OpenAPI paths of the reporting area (merged into lib/openapi.ts). Keys are paths under /api/v1.
import type { Endpoint } from './endpoint.ts'
import { errorResponse as error, uuidSchema as uuid } from './common.ts'

export const reportingPaths = {} as const
void error
void uuid

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const reportingEndpoints: Endpoint[] = []
