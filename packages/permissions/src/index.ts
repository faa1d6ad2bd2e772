export * from './abilities.ts'
export * from './where-clause.ts'
