// Logs one attempt to find another school for a pupil, on a verwijdering in search
// (removal-search.ts: what makes the removal definitive).
import { schema } from '@baken/db'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate, recordId, textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { dutchDayName, ruleSetOf } from './bezwaar.ts'
import { measureToUpdate } from './measure-cases.ts'
import { removalDecidedOn, SEARCH_RESULTS } from './removal-search.ts'
import { ruleOf } from './rule-lookups.ts'
import { stateLabel } from './workflows.ts'

const recordSearchAttemptInput = z.strictObject({
  id: recordId(),
  contactedOn: calendarDate('Datum als JJJJ-MM-DD'),
  schoolName: textInput({ message: 'Welke school (of instelling)?' }).trim().min(2, 'Welke school (of instelling)?').max(200, 'Maximaal 200 tekens'),
  result: z.enum(SEARCH_RESULTS, { message: 'Kies toegelaten, geen plaats, in behandeling of geweigerd' }),
  note: textInput().trim().max(4000, 'Maximaal 4.000 tekens').optional(),
})

/** Logs one attempt to find another school, on a verwijdering in search. */
export const recordSearchAttempt = defineUseCase({
  name: 'measures/record-search-attempt',
  input: recordSearchAttemptInput,
  permission: ['update', 'Measure'],
  async run(tx, { ability, tenant: ctx, now }, input) {
    const today = localDate(now)
    const m = await measureToUpdate(tx, ability, input.id, 'Je mag geen zoekpoging vastleggen.')
    if ('ok' in m) return m
    if (m.kind !== 'verwijdering' || m.state !== 'searching') {
      return refuse('conflict', '', `Zoekpogingen horen bij een verwijdering waarvoor een andere school wordt gezocht; deze maatregel is ${stateLabel(m.kind, m.state)}.`)
    }
    if (input.contactedOn > today) return refuse('invalid', 'contactedOn', 'De datum ligt in de toekomst: leg een zoekpoging vast nadat het contact er is geweest.')
    const decidedOn = await removalDecidedOn(tx, m)
    if (!decidedOn || input.contactedOn < decidedOn) {
      const rule = ruleOf(ruleSetOf(m), 'verwijdering.definitief')
      return refuse('invalid',
        'contactedOn',
        `De zoekpoging van ${dutchDayName(input.contactedOn)} ligt vóór het besluit tot verwijdering (${decidedOn ? dutchDayName(decidedOn) : 'nog niet genomen'}): ` +
          `het zoeken naar een andere school of instelling begint met dat besluit, en alleen pogingen vanaf die dag tellen (${rule.source}).`,
      )
    }
    const id = crypto.randomUUID()
    const tenant = { stichtingId: m.stichtingId, schoolId: m.schoolId }
    await tx.insert(schema.removalSearchAttempts).values({
      id,
      ...tenant,
      measureId: m.id,
      contactedOn: input.contactedOn,
      schoolName: input.schoolName,
      result: input.result,
      note: input.note || null,
      recordedById: ctx.userId,
    })
    await tx.insert(schema.measureTransitions).values({
      ...tenant,
      measureId: m.id,
      fromState: m.state,
      toState: m.state,
      byId: ctx.userId,
      reason: `Zoekpoging ${dutchDayName(input.contactedOn)}: ${input.schoolName} — ${input.result}.${input.note ? ` ${input.note}` : ''}`,
      data: { event: 'zoekpoging', attemptId: id, note: input.note ?? null },
    })
    return { ok: true, id, state: m.state }
  },
})

