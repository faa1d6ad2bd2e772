// OpenAPI paths of the halt area (merged into lib/openapi.ts). Keys are paths under /api/v1.
import { errorResponse as error, uuidSchema as uuid } from './common.ts'

export const haltPaths = {} as const
void error
void uuid
