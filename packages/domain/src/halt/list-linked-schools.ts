// The schools linked to the caller's Halt region (the queue's filter and the slots' choice).
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { linkedSchools } from './halt-referral.ts'

export const listLinkedSchools = defineUseCase({
  name: 'halt/list-linked-schools',
  input: z.object({}),
  permission: ['read', 'HaltCase'],
  async run(tx, { tenant }) {
    return { ok: true, items: (await linkedSchools(tx, tenant)).map(({ id, name }) => ({ id, name })) }
  },
})
