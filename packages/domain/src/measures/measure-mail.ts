// Mail about a measure to those the rule set names as recipients of the decision (decision-recipients.ts,
// decisionRecipients: the parents in po; in vo and mbo the pupil and, under the age of the rule set or
// the stichting's setting (vo 21, mbo 18), the parents), through
// the outbox in the caller's transaction (packages/email). Pupils have no e-mail address in Baken, so
// only the parents (the pupil's guardians with an address) are mailed; for an adult pupil in vo/mbo no
// mail is queued and the school hands over or posts the letter.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { enqueueMail } from '@baken/email'
import { eq } from 'drizzle-orm'
import { displayName } from '../students.ts'
import { decisionAdultAgeFor } from './law-settings.ts'
import { decisionRecipients } from './decision-recipients.ts'

type MeasureRow = typeof schema.measures.$inferSelect

export interface MeasureMailFacts {
  pupilName: string
  schoolName: string
}

export interface MeasureMail {
  subject: (f: MeasureMailFacts) => string
  /** The body after "Beste {name},", before the greeting. */
  body: (f: MeasureMailFacts) => string
}

/** The guardians' addresses this measure's decision goes to today, per the rule set. */
export async function decisionMailAddresses(tx: Tx, m: MeasureRow, today: string) {
  const [pupil] = await tx
    .select({ firstName: schema.students.firstName, infix: schema.students.infix, lastName: schema.students.lastName, dateOfBirth: schema.students.dateOfBirth, school: schema.schools.name })
    .from(schema.students)
    .innerJoin(schema.schools, eq(schema.schools.id, schema.students.schoolId))
    .where(eq(schema.students.id, m.studentId))
  const recipients = pupil ? decisionRecipients(m.sector, pupil.dateOfBirth, today, await decisionAdultAgeFor(tx, m.stichtingId, m.sector)) : ['ouders' as const]
  const guardians = recipients.includes('ouders')
    ? await tx
        .select({ name: schema.guardians.name, email: schema.guardians.email })
        .from(schema.studentGuardians)
        .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
        .where(eq(schema.studentGuardians.studentId, m.studentId))
    : []
  return {
    facts: { pupilName: pupil ? displayName(pupil) : 'de leerling', schoolName: pupil?.school ?? 'de school' },
    recipients,
    to: guardians.filter((g): g is { name: string; email: string } => !!g.email),
  }
}

/** Queues the measure's mail to each address: "Beste {name},", the body, and the school's greeting. */
export async function queueMeasureMail(tx: Tx, ctx: TenantContext, m: MeasureRow, to: readonly { name: string; email: string }[], facts: MeasureMailFacts, mail: MeasureMail): Promise<void> {
  for (const g of to) {
    await enqueueMail(tx, {
      stichtingId: m.stichtingId,
      schoolId: m.schoolId,
      subjectRef: `measure:${m.id}`,
      to: g.email,
      subject: mail.subject(facts),
      text: `Beste ${g.name},\n\n${mail.body(facts)}\n\nMet vriendelijke groet,\n${facts.schoolName}`,
      createdById: ctx.userId,
    })
  }
}

/** Queues the mail to each recipient's address; returns how many were queued. */
export async function mailMeasureRecipients(tx: Tx, ctx: TenantContext, m: MeasureRow, mail: MeasureMail, today: string): Promise<number> {
  const { facts, to } = await decisionMailAddresses(tx, m, today)
  await queueMeasureMail(tx, ctx, m, to, facts, mail)
  return to.length
}
