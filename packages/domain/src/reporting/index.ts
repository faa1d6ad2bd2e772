// Reporting duties as guided workflows (issue 5, BRIEF §5): the zeden route and the Meldcode.
export * from './workflows.ts'
export * from './report-cases.ts'
