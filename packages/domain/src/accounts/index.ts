export * from './admin-audit.ts'
export * from './list-admin-audit.ts'
