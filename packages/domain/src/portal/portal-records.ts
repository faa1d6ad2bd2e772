// Shared by the portal's use cases: the released report as the family reads it (a JSON snapshot of
// the redacted per-participant form), and the notification that something waits, without content.
import { schema, type Tx } from '@baken/db'
import { enqueueMail } from '@baken/email'
import { and, eq, isNull } from 'drizzle-orm'
import { publicUrl } from '../accounts/invitations/links.ts'
import type { ParentReportData } from '../incidents/parent-report.ts'

/** The parents' report as stored in portal_items.body: dates as ISO strings. */
export type ReleasedReport = Omit<ParentReportData, 'occurredAt' | 'generatedAt'> & { occurredAt: string; generatedAt: string }

export function releasedReport(data: ParentReportData): ReleasedReport {
  return { ...data, occurredAt: data.occurredAt.toISOString(), generatedAt: data.generatedAt.toISOString() }
}

/**
 * Tells every user with an open link to the pupil that something waits in the portal. The mail
 * names no pupil, no incident and no content (only a link to sign in): mail is read on shared
 * devices and forwarded, and the content belongs behind the sign-in (AVG art. 32).
 */
export async function notifyFamily(
  tx: Tx,
  item: { id: string; stichtingId: string; schoolId: string; studentId: string },
  createdById: string,
): Promise<number> {
  const recipients = await tx
    .select({ email: schema.users.email })
    .from(schema.guardianLinks)
    .innerJoin(schema.users, eq(schema.users.id, schema.guardianLinks.userId))
    .where(and(eq(schema.guardianLinks.studentId, item.studentId), isNull(schema.guardianLinks.endedAt), isNull(schema.users.disabledAt)))
  const link = `${publicUrl()}/ouders`
  for (const r of recipients) {
    const text = [
      'Goedendag,',
      '',
      'Er staat een nieuw bericht van school voor u klaar in Baken. Log in om het te lezen:',
      link,
      '',
      'Hello, a new message from school is waiting for you in Baken. Sign in to read it (link above).',
    ].join('\n')
    await enqueueMail(tx, {
      stichtingId: item.stichtingId,
      schoolId: item.schoolId,
      subjectRef: `portal_item:${item.id}`,
      to: r.email,
      subject: 'Nieuw bericht van school in Baken',
      text,
      createdById,
    })
  }
  return recipients.length
}
