// The caller's pupils, paged, filterable by group, name and status. A list: not logged per pupil.
import { defineUseCase } from '../use-case.ts'
import { listStudents, listStudentsInput } from '../students.ts'

export const searchStudents = defineUseCase({
  name: 'students/search-students',
  input: listStudentsInput,
  permission: ['read', 'Student'],
  run: async (tx, { ability }, input) => ({ ok: true as const, ...(await listStudents(tx, ability, input)) }),
})
