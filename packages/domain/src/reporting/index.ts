// Reporting duties as guided workflows: the zeden route and the Meldcode.
export * from './workflows.ts'
export * from './report-cases.ts'
