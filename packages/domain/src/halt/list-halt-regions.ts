// The Halt region(s) the caller's school is linked to: whether it can refer at all.
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { haltRegionsOf } from './school-referral.ts'

export const listHaltRegions = defineUseCase({
  name: 'halt/list-halt-regions',
  input: z.object({}),
  permission: ['read', 'Referral'],
  async run(tx, { tenant }) {
    return { ok: true, items: await haltRegionsOf(tx, tenant) }
  },
})
