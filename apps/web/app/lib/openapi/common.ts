// Pieces shared by the OpenAPI path files.
export const errorResponse = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } },
} as const
export const uuidSchema = { type: 'string', format: 'uuid' } as const
