// The stichting's provider as the stichtingbeheerder sees it: everything but the client secret,
// which is write-only (only whether one is set).
import { schema, type TenantContext, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { refuse, type Refused } from '../../use-case.ts'
import { discover, SSO_SECRET_PURPOSE } from './flow.ts'
import { open, secretKeyFromEnv } from '../secret-box.ts'

export interface SsoProviderView {
  id: string
  displayName: string
  issuer: string
  clientId: string
  clientSecretSet: boolean
  mfaAcrValues: string[]
  enabled: boolean
  ssoOnly: boolean
  emailTrust: 'claim' | 'issuer'
  updatedAt: string
}

let key: Buffer | undefined
/** The key for the client secrets and the sign-in cookie, read from the environment once. */
export function ssoSecretKey(): Buffer {
  return (key ??= secretKeyFromEnv())
}

export async function readSsoProvider(tx: Tx, stichtingId: string) {
  const [row] = await tx.select().from(schema.ssoProviders).where(eq(schema.ssoProviders.stichtingId, stichtingId))
  return row ?? null
}

export const NO_SSO_PROVIDER = 'Deze stichting heeft nog geen inlogdienst (SSO) ingesteld.'

/** The caller's own stichting's provider, or the refusal: not their stichting's to manage, or none set. */
export async function ownSsoProvider(tx: Tx, ability: AppAbility, tenant: TenantContext): Promise<typeof schema.ssoProviders.$inferSelect | Refused> {
  if (!tenant.stichtingId || !ability.can('manage', record('SsoProvider', { stichtingId: tenant.stichtingId }))) {
    return refuse('forbidden', '', 'Geen toegang: manage SsoProvider.')
  }
  return (await readSsoProvider(tx, tenant.stichtingId)) ?? refuse('not_found', '', NO_SSO_PROVIDER)
}

export function ssoProviderView(row: typeof schema.ssoProviders.$inferSelect): SsoProviderView {
  return {
    id: row.id,
    displayName: row.displayName,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecretEnc.length > 0,
    mfaAcrValues: row.mfaAcrValues,
    enabled: row.enabled,
    ssoOnly: row.ssoOnly,
    emailTrust: row.emailTrust,
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Reads the provider's discovery document; the Dutch reason when that fails. */
export async function checkDiscovery(issuer: string, clientId: string, clientSecret: string): Promise<string | null> {
  try {
    await discover(issuer, clientId, clientSecret, { fresh: true })
    return null
  } catch (error) {
    const reason = (error as Error).message
    return `Geen geldige OpenID Connect-configuratie gevonden op ${issuer.replace(/\/$/, '')}/.well-known/openid-configuration (${reason}).`
  }
}

/** The stored secret, decrypted, or null when it no longer opens (another key). */
export function storedSecret(row: typeof schema.ssoProviders.$inferSelect): string | null {
  return open(ssoSecretKey(), SSO_SECRET_PURPOSE, row.clientSecretEnc)
}
