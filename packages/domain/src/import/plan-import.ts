// The dry run of an import: what importing this file with these columns would do, per row.
// Writes nothing.
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { buildPlan, IMPORT_FORBIDDEN } from './import-plan.ts'

export const planImport = defineUseCase({
  name: 'import/plan-import',
  // The file, the chosen columns and the schooljaar (importInput), read in `buildPlan` after the
  // role's own check, with the import's own messages per part of the input.
  input: z.looseObject({}),
  permission: ['create', 'Student'],
  forbidden: IMPORT_FORBIDDEN,
  async run(tx, { ability, tenant, now }, input) {
    const plan = await buildPlan(tx, ability, tenant, input, now)
    if ('ok' in plan) return plan
    return { ok: true, report: plan.report }
  },
})
