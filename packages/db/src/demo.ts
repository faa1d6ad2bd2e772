export * from './demo-seed.ts'
export * from './demo-incidents.ts'
export * from './demo-calendar.ts'
export * from './demo-letter-templates.ts'
