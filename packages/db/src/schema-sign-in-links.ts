import { singleUseLinkTable } from './schema-password-resets.ts'

/** How long a sign-in link works (migration 0069 checks the same bound). */
export const SIGN_IN_LINK_LIFETIME_MS = 15 * 60 * 1000

/** A sign-in link for a family account (migration 0069, ADR 042): 15 minutes. */
export const signInLinks = singleUseLinkTable('sign_in_links', '15 minutes')
