// OpenAPI operations of second factors (ADR 024): the stichting's MFA policy and the signed-in
// user's own second factor (merged into lib/openapi.ts). Paths are under /api/v1.
import { ROLES } from '@baken/db'
import { getMfaPolicy, updateMfaPolicy } from '@baken/domain'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

const policy = z.strictObject({
  requiredRoles: z.array(z.enum(ROLES)).describe('Roles that must use a second factor'),
  isDefault: z.boolean().describe('True while the stichting has made no choice (then: every role)'),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
})

const ownFactor = z.strictObject({
  required: z.boolean().describe('Whether the user must use a second factor (by the policies of their organisations)'),
  totp: z.strictObject({ confirmedAt: z.iso.datetime({ offset: true }) }).nullable(),
  recoveryCodesLeft: z.number().int(),
  secondFactorAt: z.iso.datetime({ offset: true }).nullable().describe('When this session last proved a second factor'),
  pending: z.enum(['second_factor_required', 'second_factor_enrolment_required']).nullable().describe('What this session still owes before anything else'),
})

export const mfaEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/stichting/mfa-policy',
    summary: 'Which of the stichting’s roles must use a second factor (stichtingbeheerder)',
    useCase: getMfaPolicy,
    responses: { 200: { description: 'The policy', schema: policy } },
    errors: [403],
  }),
  endpoint({
    method: 'put',
    path: '/stichting/mfa-policy',
    summary: 'Set {requiredRoles: [role…]} (every role but platform_beheerder may be listed; partner roles bind partner staff working with this stichting)',
    useCase: updateMfaPolicy,
    responses: { 200: { description: 'The policy as GET returns it', schema: policy } },
    errors: [400, 403, 415],
  }),
  endpoint({
    method: 'get',
    path: '/account/mfa',
    summary: 'The signed-in user’s second factor and what this session still owes (a session only; readable before the second step)',
    responses: { 200: { description: 'The user’s second factor', schema: ownFactor } },
    errors: [403],
  }),
]
