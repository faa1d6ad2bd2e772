// Importing pupils, groups and guardians from a student administration's CSV export.
export * from './csv.ts'
export * from './mapping.ts'
export { parseDateOfBirth, MIN_PUPIL_AGE, MAX_PUPIL_AGE } from './values.ts'
export * from './import-plan.ts'
export * from './plan-import.ts'
export * from './apply-import.ts'
