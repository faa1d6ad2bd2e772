// The stichting's single sign-on provider, for its stichtingbeheerder (the secret is never shown).
import { record } from '@baken/permissions'
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { readSsoProvider, ssoProviderView } from './provider-view.ts'

export const NO_SSO_PROVIDER = 'Deze stichting heeft nog geen inlogdienst (SSO) ingesteld.'

export const getSsoProvider = defineUseCase({
  name: 'auth/sso/get-sso-provider',
  input: z.strictObject({}),
  permission: ['manage', 'SsoProvider'],
  async run(tx, { ability, tenant }) {
    if (!tenant.stichtingId || !ability.can('manage', record('SsoProvider', { stichtingId: tenant.stichtingId }))) {
      return refuse('forbidden', '', 'Geen toegang: manage SsoProvider.')
    }
    const row = await readSsoProvider(tx, tenant.stichtingId)
    if (!row) return refuse('not_found', '', NO_SSO_PROVIDER)
    return { ok: true, provider: ssoProviderView(row) }
  },
})
