// The db project's globalSetup: the run's seeded PGlite snapshot and Postgres template (ADR 010).
import { seededTemplatesGlobalSetup } from './seeded-template.ts'

export default function setup() {
  return seededTemplatesGlobalSetup({ postgres: true })
}
