// "Verbinding testen": reads the stored provider's discovery document now, without saving anything.
import { record } from '@baken/permissions'
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { NO_SSO_PROVIDER } from './get-sso-provider.ts'
import { checkDiscovery, readSsoProvider, storedSecret } from './provider-view.ts'

export const testSsoConnection = defineUseCase({
  name: 'auth/sso/test-sso-connection',
  input: z.strictObject({}),
  permission: ['manage', 'SsoProvider'],
  async run(tx, { ability, tenant }) {
    if (!tenant.stichtingId || !ability.can('manage', record('SsoProvider', { stichtingId: tenant.stichtingId }))) {
      return refuse('forbidden', '', 'Geen toegang: manage SsoProvider.')
    }
    const row = await readSsoProvider(tx, tenant.stichtingId)
    if (!row) return refuse('not_found', '', NO_SSO_PROVIDER)
    const secret = storedSecret(row)
    if (secret === null) return refuse('conflict', 'clientSecret', 'Het opgeslagen clientgeheim is niet te lezen (andere BAKEN_SECRET_KEY?). Vul het opnieuw in.')
    const problem = await checkDiscovery(row.issuer, row.clientId, secret)
    if (problem) return refuse('conflict', 'issuer', problem)
    return { ok: true, issuer: row.issuer }
  },
})
