// Runs a use case as a caller, through the same runUseCase the web adapters use (permission,
// input schema, run) in the caller's tenant transaction. Unlike the adapters it does not roll
// back a refusal: tests that check "nothing was written" read back in a fresh transaction.
import { withTenant, type Database, type TenantContext } from '@baken/db'
import { defineAbilityFor } from '@baken/permissions'
import type { z } from 'zod'
import { runUseCase, type Outcome, type UseCase } from '../../src/index.ts'

export function runAs<S extends z.ZodType, T extends object>(
  db: Database,
  tenant: TenantContext,
  useCase: UseCase<S, T>,
  input: unknown,
  now: Date = new Date(),
): Promise<Outcome<T>> {
  return withTenant(db, tenant, (tx) => runUseCase(useCase, tx, { ability: defineAbilityFor(tenant), tenant, now }, input))
}
