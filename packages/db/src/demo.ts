export * from './demo-seed.ts'
export * from './demo-incidents.ts'
