// The decision letters of a measure, and the kinds the caller may make now.
import { schema } from '@baken/db'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse, type Outcome } from '../use-case.ts'
import { LETTER_KIND_LABELS, letterKindsFor, type LetterKind } from './letter-text.ts'
import { mayMakeLetter, SEND_CHANNEL_LABELS, type LetterListItem, type SendChannel } from './letters.ts'
import { loadMeasure } from './measure-cases.ts'
import { recordId } from '../input-rules.ts'

/**
 * The letters of a measure the caller may read, newest first, and the kinds the caller may make now
 * (empty for a role that sends no letters). Null when the measure is not visible.
 */
export const listLetters = defineUseCase({
  name: 'measures/list-letters',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Measure'],
  async run(tx, { ability }, { id: measureId }): Promise<Outcome<{ items: LetterListItem[]; available: LetterKind[] }>> {
    const m = await loadMeasure(tx, ability, measureId)
    if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    const l = schema.measureLetters
    const rows = await tx
      .select({
        id: l.id,
        kind: l.kind,
        version: l.version,
        templateVersion: schema.letterTemplates.version,
        createdAt: l.createdAt,
        createdByName: schema.users.name,
      })
      .from(l)
      .leftJoin(schema.letterTemplates, eq(schema.letterTemplates.id, l.templateId))
      .leftJoin(schema.users, eq(schema.users.id, l.createdById))
      .where(eq(l.measureId, m.id))
      .orderBy(desc(l.createdAt), asc(l.kind), desc(l.version))
    const sendings = await tx
      .select({ data: schema.measureTransitions.data })
      .from(schema.measureTransitions)
      .where(and(eq(schema.measureTransitions.measureId, m.id), sql`${schema.measureTransitions.data}->>'event' = 'brief_verzonden'`))
      .orderBy(asc(schema.measureTransitions.at))
    const sent = sendings.map((s) => s.data as { letterId: string; sentOn: string; channel: SendChannel; mails?: number })
    return {
      ok: true,
      items: rows.map((r) => ({
        ...r,
        kindLabel: LETTER_KIND_LABELS[r.kind],
        sent: sent
          .filter((x) => x.letterId === r.id)
          .map((x) => ({ on: x.sentOn, channel: x.channel, channelLabel: SEND_CHANNEL_LABELS[x.channel] ?? x.channel, mails: x.mails ?? 0 })),
      })),
      available: mayMakeLetter(ability, m) ? letterKindsFor(m.kind, m.state) : [],
    }
  },
})
