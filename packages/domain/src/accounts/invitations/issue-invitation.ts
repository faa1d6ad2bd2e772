// What every invitation does once it is decided who is invited for what (a staff invitation,
// create-invitation.ts; a guardian's or pupil's to the portal, portal/invite-guardian.ts): a
// single-use token whose SHA-256 alone is stored, 72 hours, the invitation and its memberships, the
// mail with the link through the outbox (in this transaction), and the admin audit's record.
import { schema, type Role, type Tx } from '@baken/db'
import { enqueueMail } from '@baken/email'
import { hashToken, generateToken } from '../../auth/tokens.ts'
import { linkMailHtml } from '../../auth/mailed-link.ts'
import type { UseCaseContext } from '../../use-case.ts'
import { recordAdminChange } from '../admin-audit.ts'
import { publicUrl } from './links.ts'

export const INVITATION_HOURS = 72

export interface OfferedMembership {
  role: Role
  stichtingId: string | null
  schoolId: string | null
  partnerId: string | null
}

export interface IssueInvitationOptions {
  email: string
  stichtingId: string | null
  schoolId: string | null
  partnerId: string | null
  memberships: readonly OfferedMembership[]
  /** Rows that hang on the invitation, written after it (a guardian invitation's link to the pupil). */
  withInvitation?: (id: string) => Promise<unknown>
  /** The mail: its subject and plain text around the link (which the text must contain). */
  mail: (link: string, expiresAt: Date) => { subject: string; text: string }
  /** What the audit's record holds besides the address, the expiry and the memberships. */
  audit?: Record<string, unknown>
}

export async function issueInvitation(tx: Tx, ctx: UseCaseContext, o: IssueInvitationOptions): Promise<{ id: string; expiresAt: Date }> {
  const token = generateToken()
  const id = crypto.randomUUID()
  const createdAt = ctx.now
  const expiresAt = new Date(createdAt.getTime() + INVITATION_HOURS * 3600_000)
  await tx.insert(schema.invitations).values({
    id,
    tokenHash: hashToken(token),
    email: o.email,
    invitedBy: ctx.tenant.userId,
    stichtingId: o.stichtingId,
    schoolId: o.schoolId,
    partnerId: o.partnerId,
    createdAt,
    expiresAt,
  })
  await tx.insert(schema.invitationMemberships).values(o.memberships.map((m) => ({ invitationId: id, ...m })))
  await o.withInvitation?.(id)
  const link = `${publicUrl()}/uitnodiging/${token}`
  const { subject, text } = o.mail(link, expiresAt)
  await enqueueMail(tx, {
    // A partner organisation's invitation is account mail, under no stichting.
    stichtingId: o.stichtingId,
    schoolId: o.schoolId,
    subjectRef: `invitation:${id}`,
    to: o.email,
    subject,
    text,
    html: linkMailHtml(text, link),
    createdById: ctx.tenant.userId,
  })
  await recordAdminChange(tx, ctx, {
    action: 'invitation.created',
    subjectType: 'invitation',
    subjectId: id,
    stichtingId: o.stichtingId,
    before: null,
    after: { email: o.email, expiresAt: expiresAt.toISOString(), memberships: o.memberships, ...o.audit },
  })
  return { id, expiresAt }
}
