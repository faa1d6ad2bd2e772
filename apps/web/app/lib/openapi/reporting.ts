// OpenAPI operations of the reporting area (merged into lib/openapi.ts). The reporting duties have
// no API routes (only the /meldplicht pages); the list stays for when they get one.
import type { Endpoint } from './endpoint.ts'

/** No operation is written by hand. */
export const reportingPaths = {} as const

/** Operations generated from their zod schemas (lib/openapi/endpoint.ts). */
export const reportingEndpoints: Endpoint[] = []
