// Every table of the database: the core schema and one file per later area. The `schema` namespace
// of @baken/db and the Drizzle client are built from this file; an area file imports what it
// references from './schema.ts' directly (so no module imports itself through a cycle).
export * from './schema.ts'
export * from './schema-accounts.ts'
export * from './schema-mfa.ts'
export * from './schema-board-summary.ts'
export * from './schema-access-log.ts'
export * from './schema-users.ts'
export * from './schema-sso.ts'
export * from './schema-password-resets.ts'
export * from './schema-sign-in-links.ts'
export * from './schema-portal.ts'
