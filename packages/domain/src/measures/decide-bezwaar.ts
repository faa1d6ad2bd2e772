// The decision on a bezwaar (Awb art. 7:11), after the hearing.
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate, recordId, textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { BEZWAAR_OUTCOMES, decidesBezwaarInOwnRight, bezwaarToDecide, dutchDayName, logStep } from './bezwaar.ts'
import { mailMeasureRecipients } from './measure-mail.ts'
import { MEASURE_LABELS } from './rule-model.ts'

const isoDate = calendarDate('Datum als JJJJ-MM-DD')

const decideBezwaarInput = z.strictObject({
  id: recordId(),
  bezwaarId: recordId(),
  decidedOn: isoDate,
  outcome: z.enum(BEZWAAR_OUTCOMES, { message: 'Kies gegrond, ongegrond of deels gegrond' }),
  reasons: textInput({ message: 'Geef de motivering' }).trim().min(10, 'Geef de motivering (minstens een zin)').max(10_000, 'Maximaal 10.000 tekens'),
})

/**
 * The decision on the bezwaar (Awb art. 7:11), after the hearing: by the bestuurder, or for a
 * schorsing by a directeur under the school's mandate who did not take the decision objected to.
 */
export const decideBezwaar = defineUseCase({
  name: 'measures/decide-bezwaar',
  input: decideBezwaarInput,
  permission: ['decide', 'Bezwaar'],
  forbidden: 'Op een bezwaar beslist het bevoegd gezag.',
  async run(tx, { ability, tenant: ctx, now }, { id: measureId, bezwaarId, ...data }) {
    const today = localDate(now)

    const found = await bezwaarToDecide(tx, ability, ctx, measureId, bezwaarId, today, 'outcome')
    if ('ok' in found) return found
    const { m, b } = found
    if (b.state === 'decided') return refuse('conflict', 'outcome', 'Op dit bezwaar is al beslist.')
    if (b.state !== 'hearing_held') return refuse('conflict', 'outcome', 'Leg eerst de hoorzitting vast: de indiener wordt gehoord voordat op het bezwaar wordt beslist (Awb art. 7:2).')
    const input = data
    if (input.decidedOn > today) return refuse('invalid', 'decidedOn', 'De beslisdatum ligt in de toekomst.')
    if (b.hearingOn && input.decidedOn < b.hearingOn) return refuse('invalid', 'decidedOn', 'De beslissing kan niet vóór de hoorzitting vallen.')
    const updated = await tx
      .update(schema.bezwaren)
      .set({ decidedOn: input.decidedOn, outcome: input.outcome, reasons: input.reasons, decidedById: ctx.userId, state: 'decided' })
      .where(and(eq(schema.bezwaren.id, b.id), eq(schema.bezwaren.state, 'hearing_held')))
      .returning({ id: schema.bezwaren.id })
    if (updated.length !== 1) return refuse('conflict', 'outcome', 'Het bezwaar is intussen gewijzigd; laad de pagina opnieuw.')
    await logStep(tx, ctx, m, `Beslissing op bezwaar (${dutchDayName(input.decidedOn)}): ${input.outcome}. ${input.reasons}`, {
      event: 'bezwaar_beslist',
      bezwaarId: b.id,
      outcome: input.outcome,
      reasons: input.reasons,
      decidedOn: input.decidedOn,
      underMandate: !decidesBezwaarInOwnRight(ability, m),
      onTime: input.decidedOn <= b.decisionDueOn,
    })
    // The decision on the objection goes to those who received the decision (decision-recipients.ts).
    await mailMeasureRecipients(tx, ctx, m, {
      subject: (f) => `Beslissing op het bezwaar over ${f.pupilName}`,
      body: (f) =>
        `Op het bezwaar tegen het besluit tot ${MEASURE_LABELS[m.kind]} van ${f.pupilName} is op ${dutchDayName(input.decidedOn)} beslist: het bezwaar is ${input.outcome}. U ontvangt de schriftelijke beslissing met de motivering van de school.`,
    }, today)
    return { ok: true, id: b.id, state: 'decided', decisionDueOn: b.decisionDueOn }
  },
})
