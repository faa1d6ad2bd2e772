// Reading the outbox for /berichten. RLS (migration 0011) decides which rows exist for the caller
// (directeur: the school's; stichtingbeheerder and bestuurder: the stichting's); CASL decides whether
// the role may read mail at all and, per field, whether it may read a message's body.
import { resultRows, schema, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'

const o = schema.outbox

const mailColumns = { id: o.id, stichtingId: o.stichtingId, schoolId: o.schoolId }

export interface OutboxEntry {
  id: string
  stichtingId: string | null
  schoolId: string | null
  schoolName: string | null
  subjectRef: string | null
  toAddress: string
  subject: string
  status: (typeof schema.OUTBOX_STATUSES)[number]
  attempts: number
  createdAt: string
  nextAttemptAt: string
  sentAt: string | null
  providerMessageId: string | null
  lastError: string | null
}

export interface OutboxMessage extends OutboxEntry {
  /** The plain-text body; null when the caller's role may see only the envelope. */
  text: string | null
}

const envelope = {
  id: o.id,
  stichtingId: o.stichtingId,
  schoolId: o.schoolId,
  schoolName: schema.schools.name,
  subjectRef: o.subjectRef,
  toAddress: o.toAddress,
  subject: o.subject,
  status: o.status,
  attempts: o.attempts,
  createdAt: o.createdAt,
  nextAttemptAt: o.nextAttemptAt,
  sentAt: o.sentAt,
  providerMessageId: o.providerMessageId,
  lastError: o.lastError,
}

type EnvelopeRow = Omit<OutboxEntry, 'createdAt' | 'nextAttemptAt' | 'sentAt'> & { createdAt: Date; nextAttemptAt: Date; sentAt: Date | null }

/** Dates as ISO strings: the entry goes to the page as JSON. */
function toEntry(row: EnvelopeRow): OutboxEntry {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
  }
}

/** The caller's outbox, newest first. Throws ForbiddenError when the role may not read mail. */
export async function listOutbox(tx: Tx, ability: AppAbility, options: { limit?: number } = {}): Promise<OutboxEntry[]> {
  const rows = await tx
    .select(envelope)
    .from(o)
    .leftJoin(schema.schools, eq(schema.schools.id, o.schoolId))
    .where(accessibleWhere(ability, 'read', 'Mail', mailColumns))
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(Math.min(Math.max(options.limit ?? 200, 1), 1000))
  return rows.map(toEntry)
}

/**
 * One message, or null when it does not exist for the caller (another tenant's looks the same).
 * The body comes from outbox_message_body (migration 0048): the app role cannot read bodies from
 * the table, and account mail (an invitation or reset link, an account notice) is for its addressee
 * alone — whoever reads the stichting's outbox would otherwise hold the link and could accept the
 * invitation, with its role, or choose the user's password. Its envelope is shown, its body never.
 */
export async function getOutboxMessage(tx: Tx, ability: AppAbility, id: string): Promise<OutboxMessage | null> {
  if (!z.uuid().safeParse(id).success) return null
  const [row] = await tx
    .select(envelope)
    .from(o)
    .leftJoin(schema.schools, eq(schema.schools.id, o.schoolId))
    .where(and(eq(o.id, id), accessibleWhere(ability, 'read', 'Mail', mailColumns)))
  if (!row) return null
  const entry = toEntry(row)
  if (!ability.can('read', record('Mail', entry as unknown as Record<string, unknown>), 'text')) return { ...entry, text: null }
  const [body] = resultRows<{ text: string | null }>(await tx.execute(sql`select outbox_message_body(${id}::uuid) as text`))
  return { ...entry, text: body?.text ?? null }
}
