// Records that the hearing on a bezwaar was held (Awb art. 7:2).
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate, recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { bezwaarSubject, BEZWAAR_STATE_LABELS, dutchDayName, logStep, visibleBezwaar } from './bezwaar.ts'

const isoDate = calendarDate('Datum als JJJJ-MM-DD')

const recordHearingInput = z.strictObject({
  id: recordId(),
  bezwaarId: recordId(), hearingOn: isoDate })

/** Records that the hearing on the bezwaar was held (Awb art. 7:2). */
export const recordBezwaarHearing = defineUseCase({
  name: 'measures/record-bezwaar-hearing',
  input: recordHearingInput,
  permission: ['update', 'Bezwaar'],
  async run(tx, { ability, tenant: ctx, now }, { id: measureId, bezwaarId, ...data }) {
    const today = localDate(now)

    const found = await visibleBezwaar(tx, ability, measureId, bezwaarId)
    if (!found) return refuse('not_found', 'bezwaarId', 'Bezwaar niet gevonden.')
    const { m, b } = found
    if (!ability.can('update', bezwaarSubject(m), 'hearingOn')) return refuse('forbidden', '', 'Je mag de hoorzitting niet vastleggen.')
    if (b.state !== 'received') return refuse('conflict', 'hearingOn', `Het bezwaar is al ${BEZWAAR_STATE_LABELS[b.state] ?? b.state}.`)
    const { hearingOn } = data
    if (hearingOn > today) return refuse('invalid', 'hearingOn', 'Leg de hoorzitting vast als die is gehouden; deze datum ligt in de toekomst.')
    if (hearingOn < b.receivedOn) return refuse('invalid', 'hearingOn', 'De hoorzitting kan niet vóór de ontvangst van het bezwaar zijn gehouden.')
    const updated = await tx
      .update(schema.bezwaren)
      .set({ hearingOn, state: 'hearing_held' })
      .where(and(eq(schema.bezwaren.id, b.id), eq(schema.bezwaren.state, 'received')))
      .returning({ id: schema.bezwaren.id })
    if (updated.length !== 1) return refuse('conflict', 'hearingOn', 'Het bezwaar is intussen gewijzigd; laad de pagina opnieuw.')
    await logStep(tx, ctx, m, `Hoorzitting over het bezwaar gehouden op ${dutchDayName(hearingOn)}.`, { event: 'bezwaar_hoorzitting', bezwaarId: b.id, hearingOn })
    return { ok: true, id: b.id, state: 'hearing_held', decisionDueOn: b.decisionDueOn }
  },
})
