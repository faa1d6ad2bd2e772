// Sets which of the stichting's roles must use a second factor (the stichtingbeheerder; RLS 0035
// limits writes to them). Partner roles listed here bind the partner's staff who work for this
// stichting; the platform_beheerder is not the stichting's to decide (BAKEN_MFA_PLATFORM).
import { ROLES, schema, type Role } from '@baken/db'
import { record } from '@baken/permissions'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { readMfaPolicy } from './policy.ts'

const STICHTING_CHOOSES = ROLES.filter((r) => r !== 'platform_beheerder') as Exclude<Role, 'platform_beheerder'>[]

export const updateMfaPolicy = defineUseCase({
  name: 'auth/update-mfa-policy',
  input: z.strictObject({
    requiredRoles: z
      .array(z.enum(STICHTING_CHOOSES, { message: 'Onbekende rol' }), { message: 'Geef de rollen als een lijst' })
      .max(ROLES.length, 'Te veel rollen')
      .refine((roles) => new Set(roles).size === roles.length, 'Noem elke rol één keer'),
  }),
  permission: ['update', 'MfaPolicy'],
  forbidden: 'Alleen de stichtingbeheerder beheert het tweestapsbeleid.',
  listErrorsOnField: true,
  async run(tx, { ability, tenant }, input) {
    if (!tenant.stichtingId || !ability.can('update', record('MfaPolicy', { stichtingId: tenant.stichtingId }))) {
      return refuse('forbidden', '', 'Alleen de stichtingbeheerder beheert het tweestapsbeleid.')
    }
    const values = { requiredRoles: input.requiredRoles, updatedAt: sql`now()`, updatedById: tenant.userId }
    await tx
      .insert(schema.mfaPolicies)
      .values({ stichtingId: tenant.stichtingId, ...values })
      .onConflictDoUpdate({ target: schema.mfaPolicies.stichtingId, set: values })
    return { ok: true, policy: await readMfaPolicy(tx, tenant.stichtingId) }
  },
})
