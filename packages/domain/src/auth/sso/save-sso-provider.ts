// Sets the stichting's OpenID Connect provider (the stichtingbeheerder). The issuer's discovery
// document is read with the given client before anything is stored, so a typing error in the
// issuer shows at once instead of at the first teacher's sign-in. The client secret is write-only:
// left out, the stored one stays.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { SSO_SECRET_PURPOSE } from './flow.ts'
import { checkDiscovery, readSsoProvider, ssoProviderView, ssoSecretKey, storedSecret } from './provider-view.ts'
import { changedFields, recordAdminChange } from '../../accounts/admin-audit.ts'
import { seal } from '../secret-box.ts'
import { recordId } from '../../input-rules.ts'

const issuer = z
  .string()
  .trim()
  .max(500, 'De issuer-URL is te lang (hoogstens 500 tekens).')
  .refine((v) => {
    try {
      const u = new URL(v)
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.search && !u.hash
    } catch {
      return false
    }
  }, 'Geef de issuer als een volledige URL, bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0.')

export const saveSsoProvider = defineUseCase({
  name: 'auth/sso/save-sso-provider',
  input: z.strictObject({
    displayName: z.string().trim().min(1, 'Geef een naam voor de inlogknop.').max(120, 'De naam is te lang (hoogstens 120 tekens).'),
    issuer,
    clientId: recordId().trim().min(1, 'Geef de client-id.').max(255, 'De client-id is te lang.'),
    clientSecret: z.string().max(1000, 'Het clientgeheim is te lang.').optional(),
    mfaAcrValues: z.array(z.string().trim().min(1).max(200)).max(10, 'Hoogstens 10 acr-waarden.').default([]),
    enabled: z.boolean().default(true),
    ssoOnly: z.boolean().default(false),
    emailTrust: z.enum(['claim', 'issuer'], 'Kies hoe het e-mailadres telt.').default('claim'),
  }),
  permission: ['manage', 'SsoProvider'],
  async run(tx, { ability, tenant }, input) {
    if (!tenant.stichtingId || !ability.can('manage', record('SsoProvider', { stichtingId: tenant.stichtingId }))) {
      return refuse('forbidden', '', 'Alleen de stichtingbeheerder stelt de inlogdienst van de stichting in.')
    }
    const existing = await readSsoProvider(tx, tenant.stichtingId)
    const newSecret = input.clientSecret?.trim() ? input.clientSecret.trim() : null
    const secret = newSecret ?? (existing ? storedSecret(existing) : null)
    if (secret === null) return refuse('invalid', 'clientSecret', 'Geef het clientgeheim van de inlogdienst.')
    if (input.ssoOnly && !input.enabled) return refuse('invalid', 'ssoOnly', 'Alleen via SSO kan alleen als de inlogdienst aan staat.')
    if (input.emailTrust === 'issuer' && multiTenantIssuer(input.issuer)) {
      return refuse(
        'invalid',
        'emailTrust',
        'Deze issuer laat accounts van elke organisatie toe (common, organizations, consumers). Gebruik de issuer van de eigen tenant (https://login.microsoftonline.com/<tenant-id>/v2.0) om e-mailadressen te vertrouwen.',
      )
    }
    const problem = await checkDiscovery(input.issuer, input.clientId, secret)
    if (problem) return refuse('invalid', 'issuer', problem)

    const values = {
      displayName: input.displayName,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretEnc: newSecret ? seal(ssoSecretKey(), SSO_SECRET_PURPOSE, newSecret) : existing!.clientSecretEnc,
      mfaAcrValues: input.mfaAcrValues,
      enabled: input.enabled,
      ssoOnly: input.ssoOnly,
      emailTrust: input.emailTrust,
      updatedAt: sql`now()`,
    }
    const [row] = await tx
      .insert(schema.ssoProviders)
      .values({ stichtingId: tenant.stichtingId, ...values })
      .onConflictDoUpdate({ target: schema.ssoProviders.stichtingId, set: values })
      .returning()
    // The trail names what changed and whether the secret was replaced, never the secret itself.
    const audited = (v: ReturnType<typeof ssoProviderView>, secretReplaced: boolean) => {
      const { updatedAt: _updatedAt, ...rest } = v
      return { ...rest, clientCredentialReplaced: secretReplaced }
    }
    const after = audited(ssoProviderView(row!), newSecret !== null)
    const before = existing ? audited(ssoProviderView(existing), false) : null
    await recordAdminChange(tx, { tenant }, {
      action: existing ? 'sso_provider.updated' : 'sso_provider.created',
      subjectType: 'sso_provider',
      subjectId: row!.id,
      ...(before ? changedFields(before, after) : { before: null, after }),
    })
    return { ok: true, created: !existing, provider: ssoProviderView(row!) }
  },
})

/**
 * An issuer whose accounts come from more than one directory (Microsoft Entra ID's common,
 * organizations and consumers endpoints, or a '{tenantid}' template): its e-mail claims are
 * whatever any tenant says. The database refuses the same (sso_providers_email_trust_single_tenant).
 */
export function multiTenantIssuer(issuer: string): boolean {
  return /^https:\/\/login\.microsoftonline\.com\/(common|organizations|consumers)(\/|$)/i.test(issuer) || /[{}]/.test(issuer)
}
