// Records a bezwaar received against a decided schorsing or verwijdering, with its decision
// deadline from the rule of the decision objected to (bezwaar.ts).
import { schema } from '@baken/db'
import { and, eq, ne } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate, recordId, textInput, yesNo } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { bezwaarSubject, bezwaarTerms, decisionSentOn, dutchDayName, isDecided, lateBezwaarMessage, logStep } from './bezwaar.ts'
import { loadMeasure } from './measure-cases.ts'
import { ruleView } from './rule-model.ts'

const isoDate = calendarDate('Datum als JJJJ-MM-DD')
const formFlag = yesNo()

const recordBezwaarInput = z.strictObject({
  id: recordId(),
  receivedOn: isoDate,
  committeeFrom: isoDate.optional(),
  committeeUntil: isoDate.optional(),
  /** Received after the objection term, taken on because the delay is excusable (Awb 6:11). */
  late: formFlag.optional(),
  lateReason: textInput().trim().max(4000, 'Maximaal 4.000 tekens').optional(),
  /** An advisory committee (Awb art. 7:13) handles an objection to a schorsing: 12 weeks to decide, not 6. */
  advisoryCommittee: formFlag.optional(),
})

/** Records a bezwaar received against a decided schorsing or verwijdering, with its decision deadline. */
export const recordBezwaar = defineUseCase({
  name: 'measures/record-bezwaar',
  input: recordBezwaarInput,
  // Whoever cannot see the measure is told it is not found; then 'create Bezwaar' on its record decides.
  permission: ['read', 'Measure'],
  async run(tx, { ability, tenant: ctx, now }, input) {
    const today = localDate(now)
    const m = await loadMeasure(tx, ability, input.id)
    if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    if (!ability.can('create', bezwaarSubject(m))) return refuse('forbidden', '', 'Je mag geen bezwaar vastleggen.')
    if (!isDecided(m.kind, m.state)) {
      return refuse('conflict', '', 'Bezwaar kan alleen worden vastgelegd tegen een genomen besluit tot schorsing of verwijdering.')
    }
    const sentOn = await decisionSentOn(tx, m)
    if (!sentOn) return refuse('conflict', '', 'Het besluit heeft geen datum; leg eerst het besluit vast.')
    if (input.receivedOn > today) return refuse('invalid', 'receivedOn', 'De ontvangstdatum ligt in de toekomst.')
    if (input.receivedOn < sentOn) return refuse('invalid', 'receivedOn', `Het besluit is verzonden op ${dutchDayName(sentOn)}; het bezwaar kan niet eerder zijn ontvangen.`)
    if (!!input.committeeFrom !== !!input.committeeUntil) {
      return refuse('invalid', input.committeeFrom ? 'committeeUntil' : 'committeeFrom', 'Geef zowel het begin als het einde van de behandeling door de geschillencommissie.')
    }
    if (input.committeeFrom && input.committeeUntil) {
      if (input.committeeFrom < input.receivedOn) return refuse('invalid', 'committeeFrom', 'De geschillencommissie kan het bezwaar pas na ontvangst behandelen.')
      if (input.committeeUntil < input.committeeFrom) return refuse('invalid', 'committeeUntil', 'Het einde ligt vóór het begin.')
    }
    const open = await tx
      .select({ id: schema.bezwaren.id })
      .from(schema.bezwaren)
      .where(and(eq(schema.bezwaren.measureId, m.id), ne(schema.bezwaren.state, 'decided')))
    if (open.length) return refuse('conflict', '', 'Er loopt al een bezwaar tegen dit besluit; leg de stappen daarvan vast.')

    if (input.advisoryCommittee && m.kind !== 'schorsing') {
      return refuse('invalid', 'advisoryCommittee', 'De termijn van twaalf weken met een adviescommissie (Awb art. 7:10 lid 1) geldt voor een bezwaar tegen een schorsing; tegen een verwijdering geldt de termijn van de onderwijswet.')
    }
    const advisoryCommittee = input.advisoryCommittee ?? false
    const terms = bezwaarTerms({
      sector: m.sector,
      measureKind: m.kind,
      decisionSentOn: sentOn,
      receivedOn: input.receivedOn,
      committeeFrom: input.committeeFrom,
      committeeUntil: input.committeeUntil,
      advisoryCommittee,
    })
    if (terms.late && !input.late) return refuse('invalid', 'receivedOn', lateBezwaarMessage(m.sector, sentOn, terms.objectionDeadline))
    if (terms.late && (input.lateReason?.length ?? 0) < 10) {
      return refuse('invalid', 'lateReason', 'Geef aan waarom de termijnoverschrijding verschoonbaar is (Awb art. 6:11).')
    }
    const id = crypto.randomUUID()
    await tx.insert(schema.bezwaren).values({
      id,
      stichtingId: m.stichtingId,
      schoolId: m.schoolId,
      measureId: m.id,
      receivedOn: input.receivedOn,
      state: 'received',
      committeeFrom: input.committeeFrom ?? null,
      committeeUntil: input.committeeUntil ?? null,
      decisionDueOn: terms.decisionDueOn,
      late: terms.late,
      lateReason: terms.late ? input.lateReason! : null,
      advisoryCommittee,
      recordedById: ctx.userId,
    })
    await logStep(
      tx,
      ctx,
      m,
      `Bezwaar ontvangen op ${dutchDayName(input.receivedOn)}; beslissen uiterlijk ${dutchDayName(terms.decisionDueOn)} (${terms.decisionTerm.source}).` +
        (terms.late ? ` Te laat ontvangen, verschoonbaar (Awb art. 6:11): ${input.lateReason}` : ''),
      {
        event: 'bezwaar_ontvangen',
        bezwaarId: id,
        decisionSentOn: sentOn,
        objectionDeadline: terms.objectionDeadline,
        committeeDays: terms.committeeDays,
        late: terms.late,
        lateReason: terms.late ? input.lateReason : null,
        advisoryCommittee,
        rules: terms.rules.map((r) => r.source),
      },
    )
    return { ok: true, id, state: 'received', decisionDueOn: terms.decisionDueOn, decisionTerm: ruleView(terms.decisionTerm) }
  },
})
