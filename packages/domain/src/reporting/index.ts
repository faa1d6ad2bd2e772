// Reporting duties as guided workflows: the zeden route and the Meldcode, one use case per file.
export * from './workflows.ts'
export * from './report-case.ts'
export * from './open-report-case.ts'
export * from './record-report-step.ts'
export * from './list-report-cases.ts'
export * from './get-report-case.ts'
