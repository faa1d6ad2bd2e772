// The stichting's MFA policy: which roles must use a second factor, and whether it is the default.
import { record } from '@baken/permissions'
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { readMfaPolicy } from './policy.ts'

export const getMfaPolicy = defineUseCase({
  name: 'auth/get-mfa-policy',
  input: z.strictObject({}),
  permission: ['read', 'MfaPolicy'],
  forbidden: 'Alleen de stichtingbeheerder beheert het tweestapsbeleid.',
  async run(tx, { ability, tenant }) {
    if (!tenant.stichtingId || !ability.can('read', record('MfaPolicy', { stichtingId: tenant.stichtingId }))) {
      return refuse('forbidden', '', 'Alleen de stichtingbeheerder beheert het tweestapsbeleid.')
    }
    return { ok: true, policy: await readMfaPolicy(tx, tenant.stichtingId) }
  },
})
