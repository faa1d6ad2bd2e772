// The stichtingbeheerder deletes an entry of the stichting's calendar; anything it cannot delete
// (another stichting's, an unknown id) is not found.
import { schema } from '@baken/db'
import { accessibleWhere } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { calendarColumns, CALENDAR_KEEPER_ONLY } from './calendar-entries.ts'
import { recordId } from '../input-rules.ts'

export const deleteCalendarEntry = defineUseCase({
  name: 'calendar/delete-calendar-entry',
  input: z.object({ id: recordId() }),
  permission: ['delete', 'Calendar'],
  forbidden: CALENDAR_KEEPER_ONLY,
  async run(tx, { ability }, { id }) {
    if (!z.uuid().safeParse(id).success) return refuse('not_found', 'id', 'Niet gevonden')
    const c = schema.calendarEntries
    const deleted = await tx
      .delete(c)
      .where(and(eq(c.id, id), accessibleWhere(ability, 'delete', 'Calendar', calendarColumns)))
      .returning({ id: c.id })
    if (deleted.length === 0) return refuse('not_found', 'id', 'Niet gevonden')
    return { ok: true, id: deleted[0]!.id }
  },
})
