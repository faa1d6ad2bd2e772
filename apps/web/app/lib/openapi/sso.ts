// OpenAPI operations of single sign-on: the stichting's OpenID Connect provider (the
// stichtingbeheerder). Paths are under /api/v1.
import { getSsoProvider, saveSsoProvider } from '@baken/domain'
import { z } from 'zod'
import { endpoint, type Endpoint } from './endpoint.ts'

const provider = z.strictObject({
  id: z.uuid(),
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean().describe('The secret itself is write-only and never answered'),
  mfaAcrValues: z.array(z.string()),
  enabled: z.boolean(),
  ssoOnly: z.boolean(),
  emailTrust: z.enum(['claim', 'issuer']).describe("'claim': an address counts as verified only with email_verified; 'issuer': every address the (single-tenant) provider asserts"),
  updatedAt: z.string(),
})

export const ssoEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/admin/sso',
    summary: 'The stichting’s single sign-on provider (OpenID Connect) without its secret (stichtingbeheerder); 404 while none is set',
    useCase: getSsoProvider,
    responses: { 200: { description: 'The provider', schema: provider } },
    errors: [403, 404],
  }),
  endpoint({
    method: 'put',
    path: '/admin/sso',
    summary:
      'Set the provider: {displayName, issuer, clientId, clientSecret? (write-only; left out keeps the stored one), mfaAcrValues?, enabled?, ssoOnly?, emailTrust? (claim or issuer; issuer is refused for multi-tenant issuers)}; the issuer’s discovery document is read before saving (400 on path issuer when it fails)',
    useCase: saveSsoProvider,
    responses: { 200: { description: 'The provider as GET answers it', schema: provider } },
    errors: [400, 403, 415],
  }),
]
