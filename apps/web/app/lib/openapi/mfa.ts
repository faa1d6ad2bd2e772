// OpenAPI operations of second factors (ADR 024): the stichting's MFA policy and the signed-in
// user's own second factor (merged into lib/openapi.ts). Paths are under /api/v1.
import { ROLES, schema } from '@baken/db'
import { getMfaPolicy, updateMfaPolicy } from '@baken/domain'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

const policy = z.strictObject({
  requiredRoles: z.array(z.enum(ROLES)).describe('Roles that must use a second factor'),
  isDefault: z.boolean().describe('True while the stichting has made no choice (then: every role)'),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
})

const passkey = z.strictObject({
  id: z.string().describe('The credential id (base64url)'),
  name: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  deviceType: z.enum(['singleDevice', 'multiDevice']).describe('multiDevice: the authenticator may sync it (a synced passkey)'),
  backedUp: z.boolean().describe('The authenticator reported it backed up (synced)'),
})

const b64url = z.string().regex(/^[A-Za-z0-9_-]*$/)
/** The JSON of a PublicKeyCredential as @simplewebauthn/browser returns it (WebAuthn Level 3 toJSON()). */
const credentialJson = (response: Record<string, z.ZodType>) =>
  z.looseObject({
    id: b64url,
    rawId: b64url,
    type: z.literal('public-key'),
    response: z.looseObject(response),
    clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
    authenticatorAttachment: z.string().optional(),
  })
const registrationResponse = credentialJson({ clientDataJSON: b64url, attestationObject: b64url, transports: z.array(z.string()).optional() })
const authenticationResponse = credentialJson({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() })
const options = z.looseObject({ challenge: b64url }).describe('PublicKeyCredential{Creation,Request}OptionsJSON for navigator.credentials (WebAuthn Level 3 parseFrom…JSON())')

const ownFactor = z.strictObject({
  required: z.boolean().describe('Whether the user must use a second factor (by the policies of their organisations)'),
  totp: z.strictObject({ confirmedAt: z.iso.datetime({ offset: true }) }).nullable(),
  recoveryCodesLeft: z.number().int(),
  passkeys: z.array(passkey),
  events: z
    .array(z.strictObject({ kind: z.enum(schema.MFA_EVENT_KINDS), at: z.iso.datetime({ offset: true }), detail: z.string().nullable().describe('e.g. the passkey’s name') }))
    .describe('The last 10 second-factor events of the account (its security log), newest first'),
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
  endpoint({
    method: 'get',
    path: '/account/mfa/passkeys',
    summary: 'The signed-in user’s passkeys (a session only; readable before the second step)',
    responses: { 200: { description: 'The passkeys', schema: z.strictObject({ items: z.array(passkey) }) } },
    errors: [403],
  }),
  endpoint({
    method: 'post',
    path: '/account/mfa/passkeys/options',
    summary: 'Start registering a passkey: options for navigator.credentials.create(), with a challenge for this session only (5 minutes, single use)',
    description:
      'A session only. Refused (401 second_factor_required) while the session owes its second step; a user who already has a factor must have proved one within 5 minutes (401 step_up_required). Discoverable credential, user verification required, attestation none.',
    body: null,
    responses: { 200: { description: 'PublicKeyCredentialCreationOptionsJSON', schema: options } },
    errors: [403, 409, 429],
  }),
  endpoint({
    method: 'post',
    path: '/account/mfa/passkeys',
    summary: 'Register the passkey that answered this session’s registration challenge: {name, response}',
    description: 'The first factor of a user also brings ten recovery codes, returned once. Counts as proving a second factor for this session.',
    body: z.strictObject({ name: z.string().min(1).max(60), response: registrationResponse }),
    responses: {
      201: { description: 'The passkey, and the recovery codes of a first factor', schema: z.strictObject({ passkey, recoveryCodes: z.array(z.string()).nullable() }) },
    },
    errors: [400, 403, 409, 415, 429],
  }),
  endpoint({
    method: 'delete',
    path: '/account/mfa/passkeys/{id}',
    summary: 'Remove one of the user’s passkeys (step-up; the last factor stays when the role requires one: 409)',
    params: { id: b64url },
    responses: { 204: { description: 'Removed' } },
    errors: [403, 404, 409, 429],
  }),
  endpoint({
    method: 'post',
    path: '/account/mfa/passkey-assertion/options',
    summary: 'Options for navigator.credentials.get() with the user’s own passkeys, for the second step or a step-up (readable before the second step)',
    body: null,
    responses: { 200: { description: 'PublicKeyCredentialRequestOptionsJSON', schema: options } },
    errors: [403, 409, 429],
  }),
  endpoint({
    method: 'post',
    path: '/account/mfa/passkey-assertion',
    summary: 'Prove the second factor with a passkey: {response}, the answer to this session’s challenge (throttled as codes are)',
    body: z.strictObject({ response: authenticationResponse }),
    responses: { 200: { description: 'The session proved its second factor now', schema: z.strictObject({ secondFactorAt: z.iso.datetime({ offset: true }) }) } },
    errors: [400, 403, 415, 429],
  }),
]
