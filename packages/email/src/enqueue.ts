// Queueing mail: one row in `outbox`, written in the caller's transaction, so the message exists if
// and only if the change it reports was committed. The worker (worker.ts) sends it later.
import { randomUUID } from 'node:crypto'
import { schema, type Tx } from '@baken/db'
import { z } from 'zod'

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

export const mailInputSchema = z.object({
  // Null only for account mail (the database's outbox_account_mail_only_without_stichting).
  stichtingId: z.uuid('Ongeldige stichting').nullable(),
  schoolId: z.uuid('Ongeldige school').nullish(),
  subjectRef: z.string().trim().min(1, 'Lege verwijzing').max(200, 'Verwijzing te lang (max. 200 tekens)').nullish(),
  // One bare address per message (no display name): one row is one recipient and one delivery.
  to: z
    .string({ message: 'Vul een e-mailadres in' })
    .trim()
    .max(254, 'E-mailadres te lang')
    .pipe(z.email('Ongeldig e-mailadres')),
  subject: z
    .string({ message: 'Vul een onderwerp in' })
    .trim()
    .min(1, 'Vul een onderwerp in')
    .max(200, 'Onderwerp te lang (max. 200 tekens)')
    .refine((s) => !CONTROL.test(s), 'Het onderwerp moet op één regel staan'),
  text: z.string({ message: 'Het bericht is leeg' }).min(1, 'Het bericht is leeg').max(100_000, 'Bericht te lang'),
  html: z.string().max(500_000, 'HTML-deel te lang').nullish(),
  createdById: z.uuid('Ongeldige afzender').nullish(),
})

export type MailInput = z.input<typeof mailInputSchema>

export class InvalidMailError extends Error {
  override name = 'InvalidMailError'
  constructor(readonly errors: { path: string; message: string }[]) {
    super(`Ongeldig bericht: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`)
  }
}

/** Checks a message without queueing it (e.g. to warn about a guardian's address before a change). */
export function validateMail(input: MailInput) {
  const parsed = mailInputSchema.safeParse(input)
  if (parsed.success) return { ok: true as const, value: parsed.data }
  return {
    ok: false as const,
    errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  }
}

/**
 * Queues one message in the caller's transaction (the tenant transaction of the change it reports).
 * Throws InvalidMailError on invalid input, which rolls the caller's transaction back with it.
 * RLS (migration 0011) lets the app role insert only inside its own stichting and school.
 */
export async function enqueueMail(tx: Tx, input: MailInput): Promise<{ id: string }> {
  const checked = validateMail(input)
  if (!checked.ok) throw new InvalidMailError(checked.errors)
  const m = checked.value
  // The id is made here, not returned by the insert: INSERT … RETURNING needs the row to pass the
  // SELECT policy, and most roles that cause mail (a leerkracht) may not read the outbox.
  const id = randomUUID()
  await tx.insert(schema.outbox).values({
    id,
    stichtingId: m.stichtingId,
    schoolId: m.schoolId ?? null,
    subjectRef: m.subjectRef ?? null,
    toAddress: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html ?? null,
    createdById: m.createdById ?? null,
  })
  return { id }
}
