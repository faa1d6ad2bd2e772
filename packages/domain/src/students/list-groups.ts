// The groups the caller may read, by name, with their school year and number of active pupils.
import { z } from 'zod'
import { groupList } from '../students.ts'
import { defineUseCase } from '../use-case.ts'

export const listGroups = defineUseCase({
  name: 'students/list-groups',
  input: z.object({}),
  permission: ['read', 'Group'],
  run: async (tx, { ability }) => ({ ok: true as const, items: await groupList(tx, ability) }),
})
