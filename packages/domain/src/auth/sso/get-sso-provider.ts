// The stichting's single sign-on provider, for its stichtingbeheerder (the secret is never shown).
import { z } from 'zod'
import { defineUseCase } from '../../use-case.ts'
import { ownSsoProvider, ssoProviderView } from './provider-view.ts'

export const getSsoProvider = defineUseCase({
  name: 'auth/sso/get-sso-provider',
  input: z.strictObject({}),
  permission: ['manage', 'SsoProvider'],
  async run(tx, { ability, tenant }) {
    const row = await ownSsoProvider(tx, ability, tenant)
    if ('ok' in row) return row
    return { ok: true, provider: ssoProviderView(row) }
  },
})
