// "Verbinding testen": reads the stored provider's discovery document now, without saving anything.
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { checkDiscovery, ownSsoProvider, storedSecret } from './provider-view.ts'

export const testSsoConnection = defineUseCase({
  name: 'auth/sso/test-sso-connection',
  input: z.strictObject({}),
  permission: ['manage', 'SsoProvider'],
  async run(tx, { ability, tenant }) {
    const row = await ownSsoProvider(tx, ability, tenant)
    if ('ok' in row) return row
    const secret = storedSecret(row)
    if (secret === null) return refuse('conflict', 'clientSecret', 'Het opgeslagen clientgeheim is niet te lezen (andere BAKEN_SECRET_KEY?). Vul het opnieuw in.')
    const problem = await checkDiscovery(row.issuer, row.clientId, secret)
    if (problem) return refuse('conflict', 'issuer', problem)
    return { ok: true, issuer: row.issuer }
  },
})
