export * from './search-students.ts'
export * from './read-student.ts'
export * from './list-groups.ts'
