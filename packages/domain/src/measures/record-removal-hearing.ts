// Records one hearing (or the vo Inspectie consultation) before the board decides a verwijdering
// (removal-hearings.ts; who must be heard: hearing-rules.ts).
import { schema } from '@baken/db'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate, recordId, textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { dutchDayName, ruleSetOf } from './bezwaar.ts'
import { HEARING_PARTIES, HEARING_PARTY_LABELS, requiredHearings } from './hearing-rules.ts'
import { measureToUpdate } from './measure-cases.ts'
import { HEARING_STATES, pupilBirthDate } from './removal-hearings.ts'
import { stateLabel } from './workflows.ts'

const recordRemovalHearingInput = z.strictObject({
  id: recordId(),
  party: z.enum(HEARING_PARTIES, { message: 'Kies wie is gehoord (of het overleg met de Inspectie)' }),
  heardOn: calendarDate('Datum als JJJJ-MM-DD'),
  summary: textInput({ message: 'Vat het gesprek samen' }).trim().min(10, 'Vat het gesprek samen (minstens een zin)').max(10_000, 'Maximaal 10.000 tekens'),
})

/** Records one hearing (or the Inspectie consultation) on a verwijdering not yet decided. */
export const recordRemovalHearing = defineUseCase({
  name: 'measures/record-removal-hearing',
  input: recordRemovalHearingInput,
  permission: ['update', 'Measure'],
  async run(tx, { ability, tenant: ctx, now }, input) {
    const today = localDate(now)
    const m = await measureToUpdate(tx, ability, input.id, 'Je mag geen hoorgesprek vastleggen.')
    if ('ok' in m) return m
    if (m.kind !== 'verwijdering') return refuse('conflict', 'party', 'Hoorgesprekken worden vastgelegd bij een verwijdering.')
    if (!HEARING_STATES.includes(m.state)) {
      return refuse('conflict', 'party', `Hoorgesprekken worden vastgelegd vóór het besluit; deze verwijdering is ${stateLabel(m.kind, m.state)}.`)
    }
    if (input.heardOn > today) return refuse('invalid', 'heardOn', 'De datum ligt in de toekomst.')
    const required = requiredHearings(ruleSetOf(m), await pupilBirthDate(tx, m, today), today)
    const asked = required.find((r) => r.party === input.party)
    if (!asked) {
      const names = required.map((r) => r.label).join(', ')
      return refuse('invalid', 'party', `Voor deze verwijdering vraagt de wet: ${names} (${required[0]?.rule.source ?? ''}); ${HEARING_PARTY_LABELS[input.party]} hoort daar niet bij.`)
    }
    const id = crypto.randomUUID()
    const tenant = { stichtingId: m.stichtingId, schoolId: m.schoolId }
    await tx.insert(schema.removalHearings).values({ id, ...tenant, measureId: m.id, party: input.party, heardOn: input.heardOn, summary: input.summary, recordedById: ctx.userId })
    const what = input.party === 'inspectie_overleg' ? 'Overleg met de Inspectie' : `Gehoord: ${HEARING_PARTY_LABELS[input.party]}`
    await tx.insert(schema.measureTransitions).values({
      ...tenant,
      measureId: m.id,
      fromState: m.state,
      toState: m.state,
      byId: ctx.userId,
      reason: `${what} op ${dutchDayName(input.heardOn)}.`,
      data: { event: 'hoorgesprek', hearingId: id, party: input.party, rule: asked.rule.source },
    })
    return { ok: true, id, state: m.state }
  },
})

