export * from './rules.ts'
export * from './protocol.ts'
export * from './school-protocols.ts'
