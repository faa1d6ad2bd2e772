// Halt spreekuur: the school's referrals, Halt's workspace and Halt's overview.
export * from './common.ts'
export * from './referrals.ts'
export * from './workspace.ts'
export * from './overview.ts'
