// Who must use a second factor (ADR 024). A stichting chooses the roles; without a choice, every
// role: each of them sees personal data (pupils' files, or staff accounts for the beheerder).
import { ROLES, schema, type Role, type Tx } from '@baken/db'
import { eq } from 'drizzle-orm'

/** The default policy: every role (kept equal to the database's mfa_default_roles() by a db test). */
export const MFA_DEFAULT_ROLES: readonly Role[] = ROLES

/** Whether platform_beheerders must use a second factor: BAKEN_MFA_PLATFORM, default 1 in production, 0 in demo mode. */
export function platformMfaRequiredFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.BAKEN_MFA_PLATFORM?.trim()
  if (value === '1') return true
  if (value === '0') return false
  if (value) throw new Error(`BAKEN_MFA_PLATFORM must be 0 or 1, not ${value}`)
  return (env.BAKEN_MODE ?? 'demo') === 'production'
}

export async function readMfaPolicy(tx: Tx, stichtingId: string) {
  const [row] = await tx.select().from(schema.mfaPolicies).where(eq(schema.mfaPolicies.stichtingId, stichtingId))
  return { requiredRoles: row ? (row.requiredRoles as Role[]) : [...MFA_DEFAULT_ROLES], isDefault: !row, updatedAt: row?.updatedAt ?? null }
}
